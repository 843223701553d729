/**
 * Security at the edge: the session cookie (httpOnly, SameSite=Strict, Secure behind HTTPS), the actor of
 * each request, CSRF protection on cookie-authenticated writes (the session's token in a header, and a
 * same-origin check), and security headers on every response.
 */
import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZhengwuError } from '../core/errors.ts';
import type { Services } from '../services/services.ts';

export const SESSION_COOKIE = 'zw_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SecurityOptions {
  /** Set the Secure flag on the cookie even when the request does not look like HTTPS. */
  secureCookies: boolean;
}

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
