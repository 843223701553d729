/**
 * The OpenAPI document describes every route the server declares, with its parameters, body and errors,
 * and /api/docs shows each operation in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { TEST_STORES } from '../store/test-stores.ts';
import { useTestServer } from './test-server.ts';

type Json = Record<string, unknown>;
const sqlite = TEST_STORES.filter((s) => s.dialect === 'sqlite');

describe.each(sqlite)('OpenAPI on $name', (entry) => {
  const server = useTestServer(entry);

  it('lists every declared route with its parameters, body and error responses', async () => {
    const doc = (await server.client().get<Json>('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const paths = doc.paths as Record<string, Record<string, Json>>;
    for (const r of server.routes) {
      const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = paths[path]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.url}`).toBeDefined();
      if (!op) continue;
      expect(op.summary).toBe(r.summary);
      const params = (op.parameters as { name: string; in: string }[]).filter((p) => p.in === 'path');
      expect(params.map((p) => p.name).sort()).toEqual(
        [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort(),
      );
      if (r.body) expect((op.requestBody as Json).content).toHaveProperty('application/json');
      const responses = op.responses as Record<string, Json>;
      expect(responses).toHaveProperty(String(r.status ?? 200));
      expect(responses).toHaveProperty('400');
      if (r.audience === 'login') expect(responses).toHaveProperty('401');
    }
    const operations = Object.values(paths).flatMap((p) => Object.keys(p));
    expect(operations).toHaveLength(server.routes.length);
    const put = paths['/api/budgets/{id}']?.put as Json;
    const body = ((put.requestBody as Json).content as Record<string, { schema: Json }>)['application/json']
      ?.schema;
    expect(body?.additionalProperties).toBe(false);
    expect(body?.required).toEqual(['version', 'facts']);
    expect(Object.keys((put.responses as Json) ?? {})).toContain('409');
  });

  it('serves a browsable page of the same document', async () => {
    const page = await server.client().get<string>('/api/docs');
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.body).toContain('<html lang="zh-CN">');
    for (const r of server.routes) expect(page.body).toContain(r.summary);
    expect(page.body).not.toMatch(/<script/i);
  });
});
