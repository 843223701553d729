/**
 * Errors to HTTP, in one place: every named error code has its status here, and every error leaves the
 * server as `{ "error": { "code", "message", "details"? } }` with a Chinese message. Fastify's own errors
 * (body too large, bad JSON, wrong content type) are given codes and Chinese messages too; anything
 * unexpected is logged and reported as a 500 without internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ErrorCode, ZhengwuError } from '../core/errors.ts';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNREADABLE_INPUT: 422,
  UNSUPPORTED_FORMAT: 415,
  INPUT_TOO_LARGE: 413,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  CSRF_REJECTED: 403,
  RATE_LIMITED: 429,
  CONFLICT: 409,
  DUPLICATE: 409,
  INVALID_TRANSITION: 409,
  UNJUSTIFIED_FINDINGS: 422,
  COMMENTS_REQUIRED: 422,
  REASON_REQUIRED: 422,
  WEAK_PASSWORD: 422,
  CASE_RULE: 422,
  STORE_CONFIG: 500,
  STORE_UNAVAILABLE: 503,
  MIGRATION_FAILED: 500,
  INTEGER_OUT_OF_RANGE: 500,
  CORRUPT_DATA: 500,
};

/** The error body, as the OpenAPI document describes it. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('稳定的错误代码，如 CONFLICT、FORBIDDEN'),
    message: z.string().describe('中文说明'),
    details: z.unknown().optional(),
  }),
});

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Fastify's own error codes that are the client's fault, with our code and message. */
function fromFastify(e: FastifyError, bodyLimit: number): { status: number; body: ErrorBody } | null {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        body: body('INPUT_TOO_LARGE', `请求内容过大，超过了 ${formatBytes(bodyLimit)} 的上限。`),
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: body('UNSUPPORTED_FORMAT', '不支持该请求内容类型：请以 application/json 发送。'),
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: body('INVALID_INPUT', '请求内容为空：应为 JSON。') };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: body('INVALID_INPUT', '请求内容不是有效的 JSON。') };
  }
  if (e instanceof SyntaxError || (e.statusCode === 400 && /JSON/i.test(e.message)))
    return { status: 400, body: body('INVALID_INPUT', '请求内容不是有效的 JSON。') };
  if (e.statusCode === 413) return { status: 413, body: body('INPUT_TOO_LARGE', '请求内容过大。') };
  return null;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}

export function errorHandler(bodyLimit: number) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ZhengwuError) {
      const status = HTTP_STATUS[error.code];
      if (status >= 500) request.log.error({ err: error }, error.message);
      return reply.status(status).send(body(error.code, error.message, error.details));
    }
    const known = fromFastify(error as FastifyError, bodyLimit);
    if (known) return reply.status(known.status).send(known.body);
    request.log.error({ err: error }, '未预期的错误');
    return reply
      .status(500)
      .send(body('INTERNAL', '服务器内部错误，请稍后再试；如持续出现，请联系系统管理员。'));
  };
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send(
      body('NOT_FOUND', `接口不存在：${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}`),
    );
}
