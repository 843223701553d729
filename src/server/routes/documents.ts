/** Importing a published document: upload the file, get the budget read from it and the audit findings. */
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from '../../import/read-document.ts';
import { type AnyRoute, route } from '../route.ts';
import { IdParams, IdSchema, nameText } from '../schemas.ts';

export const documentRoutes: AnyRoute[] = [
  route({
    method: 'POST',
    url: '/api/documents',
    tag: '导入',
    summary: '上传并读取公开文件',
    description:
      '请求内容为文件本身（Content-Type: application/octet-stream），文件名放在查询参数 fileName 中。支持 TXT/Markdown、HTML、PDF、DOCX、XLSX，上限 64 MB。返回读出的预算、每个数字的出处和审核发现的问题。',
    audience: 'login',
    rawBody: true,
    bodyLimit: MAX_DOCUMENT_BYTES,
    status: 201,
    query: z.strictObject({
      fileName: nameText(255, '文件名').refine((s) => !/[\\/]/.test(s), { error: '文件名不能包含路径' }),
      departmentId: IdSchema.optional(),
    }),
    response: z.object({
      document: z.unknown(),
      encoding: z.string(),
      provenance: z.unknown(),
      missing: z.array(z.unknown()),
      lines: z.array(z.string()),
    }),
    errors: ['UNSUPPORTED_FORMAT', 'UNREADABLE_INPUT', 'INPUT_TOO_LARGE', 'FORBIDDEN'],
    handler: ({ query, body, services, actor }) =>
      services.documents.upload(actor, {
        fileName: query.fileName,
        departmentId: query.departmentId ?? null,
        bytes: new Uint8Array(body as Buffer),
      }),
  }),
  route({
    method: 'GET',
    url: '/api/documents',
    tag: '导入',
    summary: '导入过的文件',
    audience: 'login',
    query: z.strictObject({ departmentId: IdSchema.optional() }),
    response: z.array(z.unknown()),
    handler: ({ query, services, actor }) => services.documents.list(actor, query.departmentId),
  }),
  route({
    method: 'GET',
    url: '/api/documents/:id',
    tag: '导入',
    summary: '查看导入的文件及其审核结果',
    audience: 'login',
    params: IdParams,
    response: z.unknown(),
    handler: ({ params, services, actor }) => services.documents.get(actor, params.id),
  }),
];
