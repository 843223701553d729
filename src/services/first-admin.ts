/**
 * The first administrator: created when the store has none, with the password from
 * ZHENGWU_ADMIN_PASSWORD or a new random one. The password is returned once, to be printed once; only
 * its argon2 hash is kept.
 */
import { randomBytes } from 'node:crypto';
import { checkPassword } from '../core/access/password-policy.ts';
import { ZhengwuError } from '../core/errors.ts';
import { hashPassword } from './passwords.ts';
import type { ServiceDeps } from './service-context.ts';

export const FIRST_ADMIN_USERNAME = 'admin';

export type FirstAdmin =
  | { created: true; userId: string; username: string; password: string; generated: boolean }
  | { created: false; userId: string; username: string };

/** 18 characters from an alphabet without look-alikes (0/O, 1/l/I). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(18);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

export async function ensureFirstAdmin(deps: ServiceDeps, passwordFromEnv?: string): Promise<FirstAdmin> {
  const { repos } = deps;
  const admin = (await repos.users.list()).find((u) => u.roles.includes('admin') && !u.disabled);
  if (admin) return { created: false, userId: admin.id, username: admin.username };
  const password = passwordFromEnv || generatePassword();
  const check = checkPassword(password, FIRST_ADMIN_USERNAME);
  if (!check.ok)
    throw new ZhengwuError('WEAK_PASSWORD', `ZHENGWU_ADMIN_PASSWORD 不符合密码要求：${check.message}`);
  const user = await repos.users.create(
    {
      username: FIRST_ADMIN_USERNAME,
      displayName: '系统管理员',
      passwordHash: await hashPassword(password, deps.config.hashing),
      roles: ['admin'],
    },
    null,
  );
  if (user === 'duplicate')
    throw new ZhengwuError(
      'DUPLICATE',
      `已有名为“${FIRST_ADMIN_USERNAME}”的用户但没有可用的系统管理员：请用 zhengwu 命令或数据库恢复其管理员角色。`,
    );
  return { created: true, userId: user.id, username: user.username, password, generated: !passwordFromEnv };
}
