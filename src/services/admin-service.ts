/** Regions, departments, users and the audit log: the administrator's side (reads of the tree are public). */
import { checkPassword } from '../core/access/password-policy.ts';
import type { Actor, Role } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import type { DepartmentKind, RegionLevel } from '../store/schema.ts';
import { authorize, requireLogin } from './authorize.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { inTransaction, type ServiceDeps } from './service-context.ts';

export interface NewUserInput {
  username: string;
  displayName: string;
  password: string;
  departmentId: string | null;
  roles: Role[];
}

export class AdminService {
  constructor(private readonly deps: ServiceDeps) {}

  regions() {
    return this.deps.repos.regions.tree();
  }

  async createRegion(
    actor: Actor | null,
    input: { name: string; level: RegionLevel; parentId: string | null; code: string | null },
  ) {
    authorize(actor, 'department.manage', { type: 'system' });
    if (input.parentId !== null && !(await this.deps.repos.regions.get(input.parentId)))
      throw new ZhengwuError('NOT_FOUND', `上级区划不存在（${input.parentId}）。`);
    return this.deps.repos.regions.create(input, actor?.id ?? null);
  }

  departments(regionId?: string) {
    return this.deps.repos.departments.tree(regionId);
  }

  async createDepartment(
    actor: Actor | null,
    input: {
      regionId: string;
      parentId: string | null;
      name: string;
      code: string | null;
      kind: DepartmentKind;
    },
  ) {
    authorize(actor, 'department.manage', { type: 'system' });
    const { repos } = this.deps;
    if (!(await repos.regions.get(input.regionId)))
      throw new ZhengwuError('NOT_FOUND', `区划不存在（${input.regionId}）。`);
    if (input.kind === 'unit' && input.parentId === null)
      throw new ZhengwuError('INVALID_INPUT', '所属单位应指明其上级部门（parentId）。');
    if (input.parentId !== null) {
      const parent = await repos.departments.get(input.parentId);
      if (!parent) throw new ZhengwuError('NOT_FOUND', `上级部门不存在（${input.parentId}）。`);
    }
    return repos.departments.create(input, actor?.id ?? null);
  }

  async users(actor: Actor | null) {
    authorize(actor, 'user.manage', { type: 'system' });
    return this.deps.repos.users.list();
  }

  async createUser(actor: Actor | null, input: NewUserInput) {
    authorize(actor, 'user.manage', { type: 'system' });
    const { repos, config } = this.deps;
    if (input.departmentId !== null && !(await repos.departments.get(input.departmentId)))
      throw new ZhengwuError('NOT_FOUND', `部门不存在（${input.departmentId}）。`);
    if (input.roles.includes('editor') && input.departmentId === null)
      throw new ZhengwuError('INVALID_INPUT', '部门编辑人员应属于一个部门（departmentId）。');
    this.checkStrength(input.password, input.username);
    const created = await repos.users.create(
      { ...input, passwordHash: await hashPassword(input.password, config.hashing) },
      actor?.id ?? null,
    );
    if (created === 'duplicate') throw new ZhengwuError('DUPLICATE', `用户名“${input.username}”已被使用。`);
    return created;
  }

  async updateUser(
    actor: Actor | null,
    id: string,
    input: { roles?: Role[] | undefined; disabled?: boolean | undefined; password?: string | undefined },
  ) {
    authorize(actor, 'user.manage', { type: 'system' });
    const { repos, config } = this.deps;
    const user = await repos.users.get(id);
    if (!user) throw new ZhengwuError('NOT_FOUND', `用户不存在（${id}）。`);
    const by = actor?.id ?? null;
    if (id === by && (input.disabled === true || (input.roles && !input.roles.includes('admin'))))
      throw new ZhengwuError(
        'INVALID_INPUT',
        '不能停用自己的账户或取消自己的管理员角色：请由其他管理员办理。',
      );
    let passwordHash: string | undefined;
    if (input.password !== undefined) {
      this.checkStrength(input.password, user.username);
      passwordHash = await hashPassword(input.password, config.hashing);
    }
    // Hash first (slow), then every change and its audit rows in one transaction.
    await inTransaction(this.deps, async (trx) => {
      if (passwordHash !== undefined) {
        await trx.users.setPasswordHash(id, passwordHash, by);
        await trx.sessions.deleteForUser(id);
      }
      if (input.roles !== undefined) await trx.users.setRoles(id, input.roles, by);
      if (input.disabled !== undefined) {
        await trx.users.setDisabled(id, input.disabled, by);
        if (input.disabled) await trx.sessions.deleteForUser(id);
      }
    });
    return (await repos.users.get(id)) ?? user;
  }

  /** A user changes their own password (the current one is required). */
  async changeOwnPassword(actor: Actor | null, current: string, next: string) {
    const who = requireLogin(actor);
    const { repos, config } = this.deps;
    const user = await repos.users.get(who.id);
    const credentials = user && (await repos.users.getByUsername(user.username));
    if (!credentials || !(await verifyPassword(credentials.passwordHash, current)))
      throw new ZhengwuError('INVALID_CREDENTIALS', '当前密码不正确。');
    this.checkStrength(next, credentials.username);
    await repos.users.setPasswordHash(who.id, await hashPassword(next, config.hashing), who.id);
  }

  async auditLog(actor: Actor | null, filter: { actorId?: string; since?: string; limit?: number }) {
    authorize(actor, 'auditLog.read', { type: 'system' });
    return this.deps.repos.auditLog.list(filter);
  }

  private checkStrength(password: string, username: string) {
    const check = checkPassword(password, username);
    if (!check.ok) throw new ZhengwuError('WEAK_PASSWORD', check.message, check.problems);
  }
}
