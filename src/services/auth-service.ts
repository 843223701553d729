/**
 * Login, sessions and logout. A session token is 32 random bytes; only its SHA-256 is stored, so a copy
 * of the database does not let anyone log in. Each session has its own CSRF token, which the client sends
 * back in a header on every write (checked by the server's CSRF hook).
 */
import { randomBytes } from 'node:crypto';
import {
  afterFailedLogin,
  afterSuccessfulLogin,
  attemptsLeft,
  isLocked,
  lockedMessage,
} from '../core/access/password-policy.ts';
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import type { Repositories, Session, User } from '../store/repositories/index.ts';
import { sha256Hex } from '../store/sha256.ts';
import { verifyNothing, verifyPassword } from './passwords.ts';
import type { ServiceDeps } from './service-context.ts';

export interface Authenticated {
  user: User;
  actor: Actor;
  session: Session;
}

export interface LoginResult extends Authenticated {
  /** The secret for the cookie: shown once, never stored. */
  token: string;
}

const tokenHash = sha256Hex;
const newSecret = () => randomBytes(32).toString('base64url');

/** What a user may reach: their department and its units. */
export async function actorOf(repos: Repositories, user: User): Promise<Actor> {
  const departmentIds = user.departmentId ? await repos.departments.subtreeIds(user.departmentId) : [];
  return { id: user.id, roles: user.roles, departmentIds };
}

const INVALID = '用户名或密码不正确。';

export class AuthService {
  constructor(private readonly deps: ServiceDeps) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const { repos, config } = this.deps;
    const found = await repos.users.getByUsername(username.trim());
    if (!found || found.disabled) {
      await verifyNothing(password, config.hashing);
      throw new ZhengwuError(
        'INVALID_CREDENTIALS',
        found?.disabled ? '该账户已停用，请联系系统管理员。' : INVALID,
      );
    }
    const throttle = (await repos.users.loginThrottle(found.id)) ?? { failures: 0, lockedUntil: null };
    if (isLocked(throttle, this.deps.now())) {
      throw new ZhengwuError('ACCOUNT_LOCKED', lockedMessage(throttle, this.deps.now()));
    }
    if (!(await verifyPassword(found.passwordHash, password))) {
      const now = this.deps.now();
      // The increment is atomic, so concurrent wrong guesses are all counted; the policy decides the lock.
      const failures = await repos.users.recordFailedLogin(found.id);
      const next = afterFailedLogin({ failures: failures - 1, lockedUntil: null }, now, config.lockout);
      if (isLocked(next, now) && next.lockedUntil) {
        await repos.users.lockUntil(found.id, next.lockedUntil);
        await repos.auditLog.append(
          {
            action: 'user.locked',
            entity: 'user',
            entityId: found.id,
            after: { lockedUntil: next.lockedUntil },
          },
          null,
        );
        throw new ZhengwuError('ACCOUNT_LOCKED', lockedMessage(next, now));
      }
      const left = attemptsLeft(next, config.lockout);
      throw new ZhengwuError(
        'INVALID_CREDENTIALS',
        `${INVALID}再失败${left}次，账户将被锁定${config.lockout.lockMinutes}分钟。`,
      );
    }
    await repos.users.saveLoginThrottle(found.id, afterSuccessfulLogin(throttle));
    const token = newSecret();
    const now = this.deps.now();
    const session = await repos.sessions.create({
      id: tokenHash(token),
      userId: found.id,
      csrfToken: newSecret(),
      expiresAt: this.expiry(now, now).toISOString(),
    });
    const { passwordHash: _hash, ...user } = found;
    await repos.auditLog.append(
      {
        action: 'session.login',
        entity: 'user',
        entityId: user.id,
        after: { sessionStarted: session.createdAt },
      },
      user.id,
    );
    return { token, user, session, actor: await actorOf(repos, user) };
  }

  /** The session a cookie names, when it is valid and its user still active; slides its expiry. */
  async resolve(token: string): Promise<Authenticated | null> {
    if (!token || token.length > 100) return null;
    const { repos } = this.deps;
    const session = await repos.sessions.getValid(tokenHash(token));
    if (!session) return null;
    const user = await repos.users.get(session.userId);
    if (!user || user.disabled) {
      await repos.sessions.delete(session.id);
      return null;
    }
    const now = this.deps.now();
    // Slide the expiry at most once a minute: reads stay reads.
    if (now.getTime() - Date.parse(session.lastSeenAt) > 60_000) {
      const expiresAt = this.expiry(new Date(session.createdAt), now).toISOString();
      await repos.sessions.touch(session.id, expiresAt);
      session.expiresAt = expiresAt;
    }
    return { user, session, actor: await actorOf(repos, user) };
  }

  async logout(token: string): Promise<void> {
    const { repos } = this.deps;
    const session = await repos.sessions.getValid(tokenHash(token));
    if (!session) return;
    await repos.sessions.delete(session.id);
    await repos.auditLog.append(
      { action: 'session.logout', entity: 'user', entityId: session.userId },
      session.userId,
    );
  }

  /** Idle expiry from now, capped by the maximum length from login. */
  private expiry(createdAt: Date, now: Date): Date {
    const { sessionIdleMinutes, sessionMaxHours } = this.deps.config;
    const idle = now.getTime() + sessionIdleMinutes * 60_000;
    const max = createdAt.getTime() + sessionMaxHours * 3_600_000;
    return new Date(Math.min(idle, max));
  }
}
