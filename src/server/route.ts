/**
 * Routes as data: each declares its method, path, documentation, who it is for, and zod schemas for its
 * path parameters, query and body. `registerRoutes` validates every input with them (unknown fields are
 * refused) before the handler runs, and the same declarations produce the OpenAPI document, so the
 * documentation cannot drift from what the server accepts. Handlers stay thin: they call one service.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type RateLimit, RateLimiter } from '../core/access/rate-limit.ts';
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import type { Authenticated } from '../services/auth-service.ts';
import type { Services } from '../services/services.ts';
import type { RateLimitName } from './security.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who a route is meant for (documentation; the services decide, from the policy). */
export type Audience = 'public' | 'login';

export interface HandlerContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor | null;
  auth: Authenticated | null;
  services: Services;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  /** Fastify syntax: /api/budgets/:id */
  url: string;
  tag: string;
  summary: string;
  description?: string;
  audience: Audience;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** The body is the raw bytes of a file (any content type), up to `bodyLimit`. */
  rawBody?: boolean;
  bodyLimit?: number;
  /** The success response (JSON) for the documentation, or a description of a file response. */
  response?: z.ZodType | { file: string };
  /** Success status (default 200). */
  status?: number;
  /** The error codes this route can answer with (documentation). */
  errors?: readonly string[];
  /** Requests per client address are limited (RATE_LIMITED, 429 with Retry-After); limits in SecurityOptions. */
  rateLimit?: RateLimitName;
  handler(context: HandlerContext<P, Q, B>): Promise<unknown>;
}

/** Declares a route with its types inferred from its schemas. */
export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec<P, Q, B> {
  return spec;
}

/** A route of any input types, for lists of routes. */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of routes; each was type-checked when declared with route().
export type AnyRoute = RouteSpec<any, any, any>;

const PART_NAMES = { params: '路径参数', query: '查询参数', body: '请求内容' } as const;

export function issuesMessage(part: keyof typeof PART_NAMES, error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((i) => {
    const where = i.path.length ? `“${i.path.join('.')}”` : '';
    return `${where}${where ? '：' : ''}${i.message}`;
  });
  const more = error.issues.length > 5 ? `等 ${error.issues.length} 处问题` : '';
  return `${PART_NAMES[part]}有误：${shown.join('；')}${more}。`;
}

function parsePart<T>(part: keyof typeof PART_NAMES, schema: z.ZodType<T> | undefined, value: unknown): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (!r.success)
    throw new ZhengwuError(
      'INVALID_INPUT',
      issuesMessage(part, r.error),
      r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    );
  return r.data;
}

/** No body, or an empty one (`{}` as many clients send with every POST). */
function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true;
  if (Buffer.isBuffer(body)) return body.byteLength === 0;
  return typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

/** Counts the request against its route's limit; RATE_LIMITED (with Retry-After) once it is used up. */
function limitRate(limiter: RateLimiter, request: FastifyRequest, reply: FastifyReply): void {
  const decision = limiter.take(request.ip, Date.now());
  if (decision.allowed) return;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  reply.header('retry-after', String(seconds));
  throw new ZhengwuError('RATE_LIMITED', `请求过于频繁，请 ${seconds} 秒后再试。`, {
    retryAfterSeconds: seconds,
  });
}

export function registerRoutes(
  app: FastifyInstance,
  routes: readonly AnyRoute[],
  services: Services,
  rateLimits: Record<RateLimitName, RateLimit>,
): void {
  // One limiter per kind, shared by the routes that name it.
  const limiters = new Map<RateLimitName, RateLimiter>();
  const limiterOf = (name: RateLimitName) => {
    const limiter = limiters.get(name) ?? new RateLimiter(rateLimits[name]);
    limiters.set(name, limiter);
    return limiter;
  };
  for (const spec of routes) {
    const limiter = spec.rateLimit ? limiterOf(spec.rateLimit) : null;
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      ...(spec.rawBody ? { config: { rawBody: true } } : {}),
      handler: async (request, reply) => {
        if (limiter) limitRate(limiter, request, reply);
        const params = parsePart('params', spec.params, request.params);
        const query = parsePart('query', spec.query, request.query);
        let body: unknown;
        if (spec.rawBody) {
          if (!Buffer.isBuffer(request.body))
            throw new ZhengwuError(
              'INVALID_INPUT',
              '请以文件内容作为请求内容上传（Content-Type: application/octet-stream）。',
            );
          body = request.body;
        } else if (spec.body) {
          if (Buffer.isBuffer(request.body))
            throw new ZhengwuError(
              'UNSUPPORTED_FORMAT',
              '该接口的请求内容应为 JSON（Content-Type: application/json）。',
            );
          body = parsePart('body', spec.body, request.body);
        } else if (!isEmptyBody(request.body)) {
          throw new ZhengwuError('INVALID_INPUT', '该接口不接受请求内容。');
        }
        const result = await spec.handler({
          params,
          query,
          body,
          actor: request.auth?.actor ?? null,
          auth: request.auth,
          services,
          request,
          reply,
        });
        if (reply.sent) return reply;
        if (spec.status) reply.status(spec.status);
        return result;
      },
    });
  }
}
