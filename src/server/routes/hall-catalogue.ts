/** The service item catalogue: the public's service guide, maintained by the hall; XLSX in and out. */
import { z } from 'zod';
import { ServiceItemSchema } from '../../core/hall/service-item.ts';
import { type AnyRoute, route } from '../route.ts';
import { ItemCodeSchema, sendXlsx } from './hall-schemas.ts';

const TAG = '事项目录';
const Saved = z.object({ created: z.number(), updated: z.number() });

export const hallCatalogueRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/hall/items',
    tag: TAG,
    summary: '事项目录',
    audience: 'public',
    response: z.array(ServiceItemSchema),
    handler: ({ services, actor }) => services.hall.catalogue.list(actor),
  }),
  route({
    method: 'PUT',
    url: '/api/hall/items',
    tag: TAG,
    summary: '新增或更新事项',
    description: '全部有效才保存；未变的事项不动，变了的版本加一。',
    audience: 'login',
    body: z.strictObject({ items: z.array(z.unknown()).min(1).max(5000) }),
    response: Saved,
    handler: ({ body, services, actor }) => services.hall.catalogue.save(actor, body.items),
  }),
  route({
    method: 'GET',
    url: '/api/hall/items/:code',
    tag: TAG,
    summary: '一个事项（办事指南）',
    audience: 'public',
    params: z.strictObject({ code: ItemCodeSchema }),
    response: ServiceItemSchema,
    handler: ({ params, services, actor }) => services.hall.catalogue.get(actor, params.code),
  }),
  route({
    method: 'GET',
    url: '/api/hall/catalogue.xlsx',
    tag: TAG,
    summary: '导出事项目录（XLSX）',
    audience: 'public',
    response: { file: 'XLSX 文件' },
    handler: async ({ services, actor, reply }) =>
      sendXlsx(reply, await services.hall.catalogue.exportXlsx(actor), '事项目录.xlsx'),
  }),
  route({
    method: 'POST',
    url: '/api/hall/catalogue.xlsx',
    tag: TAG,
    summary: '导入事项目录（XLSX）',
    description:
      '请求内容为导出格式的 XLSX 文件本身（application/octet-stream）；有误时指出行和列，不保存任何事项。',
    audience: 'login',
    rawBody: true,
    bodyLimit: 16 * 1024 * 1024,
    response: Saved,
    handler: ({ body, services, actor }) =>
      services.hall.catalogue.importXlsx(actor, new Uint8Array(body as unknown as Buffer)),
  }),
];
