/** Health, the OpenAPI document and its browsable page. */
import { z } from 'zod';
import { renderDocsPage } from '../docs-page.ts';
import { type AnyRoute, route } from '../route.ts';

export function metaRoutes(openApi: () => Record<string, unknown>): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/health',
      tag: '系统',
      summary: '健康检查',
      description: '数据库可用时返回 ok。',
      audience: 'public',
      response: z.object({ ok: z.literal(true), database: z.string() }),
      async handler({ services }) {
        await services.deps.repos.regions.list();
        return { ok: true as const, database: services.deps.store.dialect };
      },
    }),
    route({
      method: 'GET',
      url: '/api/openapi.json',
      tag: '系统',
      summary: 'OpenAPI 文档',
      audience: 'public',
      response: z.record(z.string(), z.unknown()),
      handler: async () => openApi(),
    }),
    route({
      method: 'GET',
      url: '/api/docs',
      tag: '系统',
      summary: '接口说明（网页）',
      audience: 'public',
      response: { file: 'HTML 页面' },
      async handler({ reply }) {
        return reply.type('text/html; charset=utf-8').send(renderDocsPage(openApi()));
      },
    }),
  ];
}
