import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked } from '../core/access/password-policy.ts';
import { seedOrganisation, unique } from './test-fixtures.ts';
import { TEST_STORES, useTestStore } from './test-stores.ts';

const tokenHash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

describe.each(TEST_STORES)('$name', (entry) => {
  const t = useTestStore(entry);

  describe('users', () => {
    it('creates users with roles and finds them by username', async () => {
      const { department } = await seedOrganisation(t.repos);
      const username = unique('zhang');
      const user = await t.repos.users.create(
        {
          username,
          displayName: '张三',
          passwordHash: '$argon2id$v=19$secret',
          departmentId: department.id,
          roles: ['editor', 'admin', 'editor'],
        },
        null,
      );
      if (user === 'duplicate') throw new Error('unexpected');
      expect(user).toMatchObject({ username, disabled: false, failedLogins: 0, lockedUntil: null });
      expect(user.roles).toEqual(['admin', 'editor']);
      expect(await t.repos.users.get(user.id)).toEqual(user);
      expect(await t.repos.users.getByUsername(username)).toEqual({
        ...user,
        passwordHash: '$argon2id$v=19$secret',
      });
      expect(await t.repos.users.getByUsername('nobody')).toBeUndefined();
      expect(await t.repos.users.create({ username, displayName: '又一个', passwordHash: 'x' }, null)).toBe(
        'duplicate',
      );
      expect((await t.repos.users.list(department.id)).map((u) => u.username)).toContain(username);

      const changed = await t.repos.users.setRoles(user.id, ['reviewer'], 'admin-1');
      expect(changed.roles).toEqual(['reviewer']);
      await t.repos.users.setPasswordHash(user.id, 'new-hash', user.id);
      expect((await t.repos.users.getByUsername(username))?.passwordHash).toBe('new-hash');
      expect((await t.repos.users.setDisabled(user.id, true, 'admin-1')).disabled).toBe(true);

      const log = await t.repos.auditLog.listByEntity('user', user.id);
      expect(log.map((e) => e.action).sort()).toEqual(
        ['user.create', 'user.disable', 'user.setPassword', 'user.setRoles'].sort(),
      );
      expect(JSON.stringify(log)).not.toContain('secret');
      expect(JSON.stringify(log)).not.toContain('new-hash');
      expect(log.find((e) => e.action === 'user.setRoles')).toMatchObject({
        actorId: 'admin-1',
        before: { roles: ['admin', 'editor'] },
        after: { roles: ['reviewer'] },
      });
    });

    it('counts failed logins atomically, locks and resets', async () => {
      const { editor } = await seedOrganisation(t.repos);
      const counts = await Promise.all(
        Array.from({ length: 5 }, () => t.repos.users.recordFailedLogin(editor.id)),
      );
      expect(counts.sort()).toEqual([1, 2, 3, 4, 5]);
      expect((await t.repos.users.get(editor.id))?.failedLogins).toBe(5);

      const until = new Date(t.clock.now().getTime() + 15 * 60_000).toISOString();
      await t.repos.users.lockUntil(editor.id, until);
      expect(await t.repos.users.loginThrottle(editor.id)).toEqual({ failures: 0, lockedUntil: until });

      await t.repos.users.resetLoginFailures(editor.id);
      expect(await t.repos.users.get(editor.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
      await expect(t.repos.users.recordFailedLogin('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('stores the lockout state the policy computes', async () => {
      const { editor } = await seedOrganisation(t.repos);
      const policy = { maxFailures: 3, lockMinutes: 10 };
      for (let i = 0; i < 3; i++) {
        const state = (await t.repos.users.loginThrottle(editor.id)) ?? { failures: 0, lockedUntil: null };
        await t.repos.users.saveLoginThrottle(editor.id, afterFailedLogin(state, t.clock.now(), policy));
      }
      const locked = await t.repos.users.loginThrottle(editor.id);
      expect(locked && isLocked(locked, t.clock.now())).toBe(true);
      t.clock.advance(11 * 60_000);
      expect(locked && isLocked(locked, t.clock.now())).toBe(false);
    });
  });

  describe('sessions', () => {
    it('are valid until they expire, and expired ones are removed', async () => {
      const { editor, reviewer } = await seedOrganisation(t.repos);
      const { sessions, users } = t.repos;
      const start = t.clock.now().getTime();
      const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
      const short = await sessions.create({
        id: tokenHash(),
        userId: editor.id,
        csrfToken: 'c1',
        expiresAt: at(30),
      });
      const long = await sessions.create({
        id: tokenHash(),
        userId: editor.id,
        csrfToken: 'c2',
        expiresAt: at(120),
      });
      const other = await sessions.create({
        id: tokenHash(),
        userId: reviewer.id,
        csrfToken: 'c3',
        expiresAt: at(120),
      });
      expect(short).toMatchObject({
        createdAt: at(0),
        lastSeenAt: at(0),
        expiresAt: at(30),
        csrfToken: 'c1',
      });
      expect(await sessions.getValid(short.id)).toEqual(short);

      t.clock.advance(20 * 60_000);
      expect(await sessions.touch(short.id, at(50))).toBe(true);
      expect(await sessions.getValid(short.id)).toMatchObject({ lastSeenAt: at(20), expiresAt: at(50) });

      t.clock.advance(30 * 60_000); // minute 50: the short one has just expired
      expect(await sessions.getValid(short.id)).toBeUndefined();
      expect(await sessions.getValid(long.id)).toBeDefined();
      expect(await sessions.deleteExpired()).toBeGreaterThanOrEqual(1);
      expect(await sessions.touch(short.id)).toBe(false);

      expect(await sessions.deleteForUser(editor.id)).toBe(1);
      expect(await sessions.getValid(long.id)).toBeUndefined();
      expect(await sessions.delete(other.id)).toBe(true);
      expect(await sessions.delete(other.id)).toBe(false);
      expect(await users.get(editor.id)).toBeDefined();
    });
  });
});
