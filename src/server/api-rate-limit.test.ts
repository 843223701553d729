/**
 * Rate limits through HTTP, on both databases: the public query kiosk (guessing a case's phone tail) and
 * logins (guessing passwords) answer 429 with Retry-After and a Chinese message once a client address has
 * used up its requests, other routes are not limited, and a forged X-Forwarded-For does not help.
 */
import { describe, expect, it } from 'vitest';
import { TEST_STORES } from '../store/test-stores.ts';
import { DEFAULT_RATE_LIMITS } from './security.ts';
import { TEST_PASSWORD, useTestServer } from './test-server.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: { retryAfterSeconds: number } };
}

describe.each(TEST_STORES)('rate limits on $name', (entry) => {
  const server = useTestServer(entry, {
    rateLimits: { kiosk: { limit: 3, windowMs: 60_000 }, login: { limit: 4, windowMs: 60_000 } },
  });

  it('the kiosk answers 429 after its limit, whatever X-Forwarded-For says', async () => {
    const kiosk = server.client();
    const query = (tail: string, forwarded: string) =>
      kiosk.request<ErrorBody>(
        'GET',
        `/api/hall/query?caseNumber=20240101000001&phoneTail=${tail}`,
        undefined,
        {
          headers: { 'x-forwarded-for': forwarded },
        },
      );
    for (const tail of ['0001', '0002', '0003'])
      expect((await query(tail, `10.0.0.${tail}`)).status).toBe(404);
    const limited = await query('0004', '10.9.9.9');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.body.error.message).toMatch(/^请求过于频繁，请 \d+ 秒后再试。$/);
    const seconds = Number(limited.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(limited.body.error.details?.retryAfterSeconds).toBe(seconds);
    // Other public routes are not limited.
    expect((await kiosk.get('/api/hall/dashboard')).status).toBe(200);
  });

  it('logins are limited per address, right or wrong, before the password is checked', async () => {
    const u = await server.user(`rate-${entry.dialect}`, ['reviewer']);
    // A new client each time (a logged-in client would need its CSRF token), all from this address.
    const login = (password: string) =>
      server.client().request<ErrorBody>('POST', '/api/auth/login', { username: u.username, password });
    expect((await login(TEST_PASSWORD)).status).toBe(200);
    for (const n of [1, 2, 3]) expect((await login(`wrong-password-${n}`)).status).toBe(401);
    const limited = await login('wrong-password-4');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // Refused before the password was checked: the account's failure count stayed at 3.
    const stored = await server.deps.repos.users.getByUsername(u.username);
    expect(stored?.failedLogins).toBe(3);
  });

  it('the defaults are what the API documentation says', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({
      kiosk: { limit: 20, windowMs: 60_000 },
      login: { limit: 30, windowMs: 60_000 },
    });
  });
});
