/**
 * Accounts and the edge's defences through HTTP, on both databases: login sets an httpOnly SameSite=Strict
 * session cookie and never echoes the password; five wrong passwords lock the account; cookie-authenticated
 * writes need the session's CSRF token and the same origin; logout ends the session; every response carries
 * the security headers; stored passwords are argon2id hashes.
 */
import { describe, expect, it } from 'vitest';
import { TEST_STORES } from '../store/test-stores.ts';
import { TEST_PASSWORD, useTestServer } from './test-server.ts';

interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(TEST_STORES)('accounts and security on $name', (entry) => {
  const server = useTestServer(entry);

  it('logs in with an httpOnly, SameSite=Strict session cookie and logs out', async () => {
    const u = await server.user(`alice-${entry.dialect}`, ['reviewer']);
    const c = server.client();
    const r = await c.request<{ user: { username: string }; csrfToken: string }>('POST', '/api/auth/login', {
      username: u.username,
      password: TEST_PASSWORD,
    });
    expect(r.status).toBe(200);
    expect(r.body.user.username).toBe(u.username);
    expect(JSON.stringify(r.body)).not.toContain(TEST_PASSWORD);
    const cookie = r.headers.getSetCookie().find((x) => x.startsWith('zw_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    c.csrfToken = r.body.csrfToken;
    expect((await c.get<{ user: unknown }>('/api/auth/session')).body.user).not.toBeNull();
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get<{ user: unknown }>('/api/auth/session')).body.user).toBeNull();
    expect((await c.get('/api/audit-log')).status).toBe(401);
  });

  it('stores argon2id hashes, never the password', async () => {
    const admin = await server.loggedIn(['admin']);
    const r = await admin.post<{ id: string }>('/api/users', {
      username: `bob-${entry.dialect}`,
      displayName: '鲍勃',
      password: 'a-long-enough-password',
      roles: ['reviewer'],
    });
    expect(r.status).toBe(201);
    const stored = await server.deps.repos.users.getByUsername(`bob-${entry.dialect}`);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    const weak = await admin.post<ErrorBody>('/api/users', {
      username: `weak-${entry.dialect}`,
      displayName: '弱密码',
      password: '12345678901',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.message).toMatch(/不能全部是数字/);
  });

  it('locks an account after five wrong passwords, whatever the sixth is', async () => {
    const u = await server.user(`carol-${entry.dialect}`, ['editor']);
    const c = server.client();
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await c.request<ErrorBody>('POST', '/api/auth/login', {
        username: u.username,
        password: `wrong-${i}`,
      });
      messages.push(`${r.status} ${r.body.error.message}`);
    }
    expect(messages.slice(0, 4).every((m) => m.startsWith('401 用户名或密码不正确'))).toBe(true);
    expect(messages[4]).toMatch(/^423 .*锁定/);
    const right = await c.request<ErrorBody>('POST', '/api/auth/login', {
      username: u.username,
      password: TEST_PASSWORD,
    });
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
    // Unknown users get the same answer as wrong passwords.
    const unknown = await c.request<ErrorBody>('POST', '/api/auth/login', {
      username: 'nobody-here',
      password: 'x',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe('用户名或密码不正确。');
  });

  it('refuses cookie-authenticated writes without the CSRF token or from another origin', async () => {
    const admin = await server.loggedIn(['admin']);
    const body = { name: '某乡镇', level: 'township' };
    const noToken = await admin.request<ErrorBody>('POST', '/api/regions', body, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('CSRF_REJECTED');
    const wrong = await admin.request<ErrorBody>('POST', '/api/regions', body, {
      csrf: false,
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    expect(wrong.status).toBe(403);
    const foreign = await admin.request<ErrorBody>('POST', '/api/regions', body, {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toMatch(/其他网站/);
    const regionsBefore = (await server.deps.repos.regions.list()).filter((r) => r.name === '某乡镇');
    expect(regionsBefore).toEqual([]);
    const ok = await admin.request('POST', '/api/regions', body, { headers: { origin: server.baseUrl } });
    expect(ok.status).toBe(201);
  });

  it('sends the security headers on every response, and no-store on personal data', async () => {
    const anon = server.client();
    for (const path of ['/api/health', '/api/docs', '/api/nowhere', '/']) {
      const r = await anon.get(path);
      expect(r.headers.get('content-security-policy'), path).toMatch(/default-src 'self'/);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('referrer-policy'), path).toBe('same-origin');
    }
    const session = await (await server.loggedIn(['reviewer'])).get('/api/auth/session');
    expect(session.headers.get('cache-control')).toBe('no-store');
    const missing = await anon.get<ErrorBody>('/api/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/接口不存在/);
  });

  it('ends every session of a user who is disabled', async () => {
    const admin = await server.loggedIn(['admin']);
    const u = await server.user(`dave-${entry.dialect}`, ['reviewer']);
    const dave = server.client();
    await dave.login(u.username);
    expect((await dave.get('/api/overdue')).status).toBe(200);
    expect((await admin.request('PATCH', `/api/users/${u.id}`, { disabled: true })).status).toBe(200);
    expect((await dave.get('/api/overdue')).status).toBe(401);
    const again = await dave.request<ErrorBody>('POST', '/api/auth/login', {
      username: u.username,
      password: TEST_PASSWORD,
    });
    expect(again.body.error.message).toMatch(/停用/);
  });
});
