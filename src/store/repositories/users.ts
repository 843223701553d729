/**
 * Users and roles, and the login counters (failed logins in a row, lock). The lockout policy itself is
 * core/access/password-policy.ts; these only store its state, with an atomic increment so concurrent
 * failures are all counted. Password hashes never enter the audit log.
 */
import type { Selectable } from 'kysely';
import type { LoginThrottle } from '../../core/access/password-policy.ts';
import type { Role } from '../../core/access/roles.ts';
import type { UsersTable } from '../schema.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, newId, notFound, type RepositoryContext } from './context.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  createdAt: string;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  roles: Role[];
}

/** A user with the password hash, for the login check only. */
export interface UserCredentials extends User {
  passwordHash: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  departmentId?: string | null;
  roles?: readonly Role[];
}

const toUser = (r: Selectable<UsersTable>, roles: Role[]): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  departmentId: r.department_id,
  createdAt: r.created_at,
  disabled: r.disabled !== 0,
  failedLogins: r.failed_logins,
  lockedUntil: r.locked_until,
  roles,
});

/** What the audit log shows of a user: everything but the password hash. */
const audited = (u: User) => ({
  username: u.username,
  displayName: u.displayName,
  departmentId: u.departmentId,
  disabled: u.disabled,
  roles: u.roles,
});

const sortedRoles = (roles: readonly Role[]): Role[] => [...new Set(roles)].sort();

export class UserRepository {
  constructor(private readonly context: RepositoryContext) {}

  /** Creates a user with roles; 'duplicate' when the username is taken. */
  async create(input: NewUser, actorId: string | null): Promise<User | 'duplicate'> {
    const at = isoNow(this.context);
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', input.username)
        .executeTakeFirst();
      if (taken) return 'duplicate';
      const row = {
        id: newId(),
        username: input.username,
        display_name: input.displayName,
        password_hash: input.passwordHash,
        department_id: input.departmentId ?? null,
        created_at: at,
        locked_until: null,
      };
      await trx.insertInto('users').values(row).execute();
      const roles = sortedRoles(input.roles ?? []);
      if (roles.length)
        await trx
          .insertInto('user_roles')
          .values(roles.map((role) => ({ user_id: row.id, role })))
          .execute();
      const user = toUser({ ...row, disabled: 0, failed_logins: 0 }, roles);
      await audit({ action: 'user.create', entity: 'user', entityId: user.id, after: audited(user) });
      return user;
    });
  }

  async get(id: string): Promise<User | undefined> {
    const r = await this.context.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toUser(r, await this.roles(r.id));
  }

  async getByUsername(username: string): Promise<UserCredentials | undefined> {
    const r = await this.context.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return r && { ...toUser(r, await this.roles(r.id)), passwordHash: r.password_hash };
  }

  /** All users (of one department, when given), by username. */
  async list(departmentId?: string): Promise<User[]> {
    let q = this.context.db.selectFrom('users').selectAll();
    if (departmentId !== undefined) q = q.where('department_id', '=', departmentId);
    const rows = await q.execute();
    const roleRows = rows.length
      ? await this.context.db
          .selectFrom('user_roles')
          .selectAll()
          .where(
            'user_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    const roles = new Map<string, Role[]>();
    for (const r of roleRows) roles.set(r.user_id, [...(roles.get(r.user_id) ?? []), r.role]);
    return rows
      .map((r) => toUser(r, sortedRoles(roles.get(r.id) ?? [])))
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  }

  async roles(userId: string): Promise<Role[]> {
    const rows = await this.context.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', userId)
      .execute();
    return sortedRoles(rows.map((r) => r.role));
  }

  async setRoles(userId: string, roles: readonly Role[], actorId: string | null): Promise<User> {
    return this.change(userId, actorId, 'user.setRoles', async (trx) => {
      await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
      const wanted = sortedRoles(roles);
      if (wanted.length)
        await trx
          .insertInto('user_roles')
          .values(wanted.map((role) => ({ user_id: userId, role })))
          .execute();
    });
  }

  async setDisabled(userId: string, disabled: boolean, actorId: string | null): Promise<User> {
    return this.change(userId, actorId, disabled ? 'user.disable' : 'user.enable', async (trx) => {
      await trx
        .updateTable('users')
        .set({ disabled: disabled ? 1 : 0 })
        .where('id', '=', userId)
        .execute();
    });
  }

  /** Replaces the password hash (the audit row says only that it changed). */
  async setPasswordHash(userId: string, passwordHash: string, actorId: string | null): Promise<User> {
    return this.change(userId, actorId, 'user.setPassword', async (trx) => {
      await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    });
  }

  /** Counts one more failed login, atomically; returns the new count. */
  async recordFailedLogin(userId: string): Promise<number> {
    const r = await this.context.db
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', userId)
      .returning('failed_logins')
      .executeTakeFirst();
    if (!r) throw notFound('用户', userId);
    return r.failed_logins;
  }

  /** Locks the account until `until` (ISO) and starts the count again. */
  async lockUntil(userId: string, until: string): Promise<void> {
    await this.saveLoginThrottle(userId, { failures: 0, lockedUntil: until });
  }

  /** After a successful login: no failures, no lock. */
  async resetLoginFailures(userId: string): Promise<void> {
    await this.saveLoginThrottle(userId, { failures: 0, lockedUntil: null });
  }

  async loginThrottle(userId: string): Promise<LoginThrottle | undefined> {
    const r = await this.context.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('id', '=', userId)
      .executeTakeFirst();
    return r && { failures: r.failed_logins, lockedUntil: r.locked_until };
  }

  /** Stores the state core/access/password-policy.ts computed. */
  async saveLoginThrottle(userId: string, throttle: LoginThrottle): Promise<void> {
    const r = await this.context.db
      .updateTable('users')
      .set({ failed_logins: throttle.failures, locked_until: throttle.lockedUntil })
      .where('id', '=', userId)
      .returning('id')
      .executeTakeFirst();
    if (!r) throw notFound('用户', userId);
  }

  private async change(
    userId: string,
    actorId: string | null,
    action: string,
    write: (trx: RepositoryContext['db']) => Promise<void>,
  ): Promise<User> {
    return withAudit(this.context.db, { actorId, at: isoNow(this.context) }, async (trx, audit) => {
      const inTrx = new UserRepository({ db: trx, now: this.context.now });
      const before = await inTrx.get(userId);
      if (!before) throw notFound('用户', userId);
      await write(trx);
      const after = (await inTrx.get(userId)) as User;
      await audit({
        action,
        entity: 'user',
        entityId: userId,
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
  }
}
