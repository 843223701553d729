/**
 * Security at the edge: the session cookie (httpOnly, SameSite=Strict, Secure behind HTTPS), the actor of
 * each request, CSRF protection on cookie-authenticated writes (the session's token in a header, and a
 * same-origin check), and security headers on every response.
 */
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimit } from '../core/access/rate-limit.ts';
import { ZhengwuError } from '../core/errors.ts';
import type { Services } from '../services/services.ts';

export const SESSION_COOKIE = 'zw_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SecurityOptions {
  /** Set the Secure flag on the cookie even when the request does not look like HTTPS. */
  secureCookies: boolean;
  /** Requests per client address for the routes that declare a `rateLimit` (route.ts). */
  rateLimits: Record<RateLimitName, RateLimit>;
}

/**
 * ZHENGWU_TRUST_PROXY: the reverse proxies in front of the server, as comma-separated addresses or CIDR
 * ranges ("127.0.0.1,10.0.0.0/8"); unset or empty, no proxy is trusted and X-Forwarded-For is ignored.
 */
export function parseTrustedProxies(value: string | undefined): string[] | false {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const e of entries) {
    const [address = '', bits, ...rest] = e.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (!family || !bitsOk || rest.length)
      throw new ZhengwuError(
        'INVALID_INPUT',
        `ZHENGWU_TRUST_PROXY 应为逗号分隔的 IP 地址或网段（如 127.0.0.1,10.0.0.0/8），“${e}”不是。`,
      );
  }
  return entries.length ? entries : false;
}

/** The rate-limited kinds of request: guessing a case's phone tail, guessing passwords. */
export type RateLimitName = 'kiosk' | 'login';

export const DEFAULT_RATE_LIMITS: Record<RateLimitName, RateLimit> = {
  kiosk: { limit: 20, windowMs: 60_000 },
  login: { limit: 30, windowMs: 60_000 },
};

export function isSecure(request: FastifyRequest, options: SecurityOptions): boolean {
  return options.secureCookies || request.protocol === 'https';
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  expiresAt: string,
  options: SecurityOptions,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecure(request, options),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  options: SecurityOptions,
): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecure(request, options),
    path: '/',
  });
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A browser's Origin (or Referer) must be this server's, when it sends one. */
function crossOrigin(request: FastifyRequest): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) return false;
  try {
    return new URL(source).host !== request.host;
  } catch {
    return true;
  }
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function installSecurity(app: FastifyInstance, services: Services, options: SecurityOptions): void {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await services.auth.resolve(token) : null;
    if (token && !request.auth) clearSessionCookie(reply, request, options);
    if (SAFE_METHODS.has(request.method)) return;
    if (crossOrigin(request)) throw new ZhengwuError('CSRF_REJECTED', '拒绝来自其他网站的写入请求。');
    if (request.auth) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.auth.session.csrfToken))
        throw new ZhengwuError(
          'CSRF_REJECTED',
          `缺少或错误的 CSRF 令牌：已登录的写入请求应在 ${CSRF_HEADER} 请求头中带上登录时取得的令牌。`,
        );
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (isSecure(request, options)) reply.header('Strict-Transport-Security', 'max-age=31536000');
    // Personal and unpublished data must not sit in caches; published files set their own policy.
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
