/** The OpenAPI 3.1 document, built from the route declarations (route.ts) and their zod schemas. */
import { z } from 'zod';
import { ErrorBodySchema, HTTP_STATUS } from './errors.ts';
import type { AnyRoute } from './route.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './security.ts';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

function parameters(spec: AnyRoute): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema, 'input');
    const props = (js.properties ?? {}) as Record<string, Json>;
    const required = new Set((js.required ?? []) as string[]);
    for (const [name, s] of Object.entries(props))
      out.push({ name, in: where, required: where === 'path' || required.has(name), schema: s });
  }
  return out;
}

const errorResponse = (code: string) => ({
  description: code,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function responses(spec: AnyRoute): Json {
  const ok = String(spec.status ?? 200);
  const out: Json = {};
  const r = spec.response;
  if (r && 'file' in r) {
    out[ok] = {
      description: r.file,
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    };
  } else {
    out[ok] = {
      description: '成功',
      ...(r ? { content: { 'application/json': { schema: jsonSchema(r as z.ZodType, 'output') } } } : {}),
    };
  }
  const codes = new Set([
    'INVALID_INPUT',
    ...(spec.audience === 'login' ? ['UNAUTHENTICATED'] : []),
    ...(spec.errors ?? []),
  ]);
  for (const code of codes) {
    const status = String(HTTP_STATUS[code as keyof typeof HTTP_STATUS] ?? 400);
    out[status] ??= errorResponse(code);
    (out[status] as Json).description = [(out[status] as Json).description, code]
      .filter((x, i, a) => a.indexOf(x) === i)
      .join('、');
  }
  return out;
}

export function buildOpenApi(routes: readonly AnyRoute[], info: { version: string }): Json {
  const paths: Record<string, Json> = {};
  for (const spec of routes) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const operation: Json = {
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      operationId: `${spec.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters: parameters(spec),
      responses: responses(spec),
      ...(spec.audience === 'login' ? { security: [{ session: [], csrf: [] }] } : {}),
    };
    if (spec.body)
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
      };
    if (spec.rawBody)
      operation.requestBody = {
        required: true,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      };
    paths[path] = { ...(paths[path] ?? {}), [spec.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '政务服务中心 · 部门预算公开 API',
      version: info.version,
      description:
        '所有接口收发 JSON（文件上传和下载除外），错误统一为 {"error":{"code","message"}}，message 为中文。登录后浏览器持有 httpOnly 会话 Cookie；写入请求须在请求头 x-csrf-token 中带上登录时返回的令牌。',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBodySchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
      },
    },
  };
}
