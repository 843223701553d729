/**
 * Open data: the catalogue of published budgets, their versions, and each published file byte for byte
 * as it was published (with its SHA-256 as ETag). Public, and only published data.
 */

import { z } from 'zod';
import { CONTENT_TYPES, sendFile } from '../download.ts';
import { type AnyRoute, route } from '../route.ts';
import { FiscalYearSchema, IdParams, IdSchema } from '../schemas.ts';

const FORMAT = z.enum(Object.keys(CONTENT_TYPES) as [string, ...string[]], {
  error: `格式应为 ${Object.keys(CONTENT_TYPES).join('、')} 之一`,
});

const VersionQuery = z.strictObject({
  version: z.coerce
    .number({ error: '版本号应为数字' })
    .int()
    .min(1, { error: '版本号应为正整数' })
    .optional(),
});

/** If-None-Match names this SHA-256: a list of tags, weak or strong, or `*`. */
export function etagMatches(header: string | undefined, sha256: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === `"${sha256}"`;
  });
}

export const openDataRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/open-data/budgets',
    tag: '公开数据',
    summary: '已公开预算目录',
    audience: 'public',
    query: z.strictObject({ regionId: IdSchema.optional(), fiscalYear: FiscalYearSchema.optional() }),
    response: z.array(z.unknown()),
    handler: ({ query, services }) => services.openData.catalogue(query),
  }),
  route({
    method: 'GET',
    url: '/api/open-data/budgets/:id/versions',
    tag: '公开数据',
    summary: '公开版本列表',
    description: '第 1 版是首次公开，之后每次更正一版；每版的文件及其 SHA-256。',
    audience: 'public',
    params: IdParams,
    response: z.array(z.unknown()),
    handler: ({ params, services }) => services.openData.versions(params.id),
  }),
  route({
    method: 'GET',
    url: '/api/open-data/budgets/:id/versions/:version',
    tag: '公开数据',
    summary: '某一公开版本的数据',
    description: '公开时的数据快照；更正版本附更正理由和与上一版的差异。',
    audience: 'public',
    params: z.strictObject({
      id: IdSchema,
      version: z.coerce.number({ error: '版本号应为数字' }).int().min(1, { error: '版本号应为正整数' }),
    }),
    response: z.unknown(),
    handler: ({ params, services }) => services.openData.publication(params.id, params.version),
  }),
  route({
    method: 'GET',
    url: '/api/open-data/budgets/:id/files/:format',
    tag: '公开数据',
    summary: '下载公开文件',
    description: '与公开时逐字节相同；ETag 为 SHA-256。不指定 version 时为最新版本。',
    audience: 'public',
    params: z.strictObject({ id: IdSchema, format: FORMAT }),
    query: VersionQuery,
    response: { file: 'PDF、DOCX、XLSX、HTML 或 JSON 文件' },
    async handler({ params, query, services, reply, request }) {
      const f = await services.openData.file(params.id, query.version, params.format);
      if (etagMatches(request.headers['if-none-match'], f.sha256)) return reply.status(304).send();
      return sendFile(reply, f.bytes, {
        format: f.format,
        fileName: `budget-${params.id.slice(0, 8)}-v${f.version}.${f.format}`,
        sha256: f.sha256,
        cache: query.version !== undefined ? 'immutable' : 'public',
      });
    },
  }),
  route({
    method: 'GET',
    url: '/api/open-data/budgets/:id/line-items.csv',
    tag: '公开数据',
    summary: '明细数据（CSV）',
    description:
      '每个金额一行：收入、支出（功能分类、经济分类科目编码）、机关运行经费、“三公”经费、政府采购、绩效目标、国有资产。UTF-8（带 BOM），字段说明见 Fiscal Data Package。',
    audience: 'public',
    params: IdParams,
    query: VersionQuery,
    response: { file: 'CSV 文件' },
    async handler({ params, query, services, reply }) {
      const { text, item } = await services.exports.csv(params.id, query.version);
      return sendFile(reply, new TextEncoder().encode(text), {
        format: 'csv',
        fileName: `${item.meta.departmentName}-${item.meta.fiscalYear}-v${item.meta.version}-明细.csv`,
        cache: query.version !== undefined ? 'immutable' : 'public',
      });
    },
  }),
  route({
    method: 'GET',
    url: '/api/open-data/budgets/:id/datapackage.zip',
    tag: '公开数据',
    summary: 'Fiscal Data Package（ZIP）',
    description: 'datapackage.json（字段、计量和维度说明）、明细 CSV、预算 JSON 和中文说明。',
    audience: 'public',
    params: IdParams,
    query: VersionQuery,
    response: { file: 'ZIP 文件' },
    async handler({ params, query, services, reply }) {
      const { bytes, item } = await services.exports.dataPackage(params.id, query.version);
      return sendFile(reply, bytes, {
        format: 'zip',
        fileName: `${item.meta.departmentName}-${item.meta.fiscalYear}-v${item.meta.version}-fiscal-data-package.zip`,
        cache: query.version !== undefined ? 'immutable' : 'public',
      });
    },
  }),
  route({
    method: 'GET',
    url: '/api/open-data/bulk.zip',
    tag: '公开数据',
    summary: '批量下载（按区划和年度）',
    description: '某一年度（可限定区划）所有已公开预算的最新版本，合为一个 Fiscal Data Package。',
    audience: 'public',
    query: z.strictObject({ fiscalYear: FiscalYearSchema, regionId: IdSchema.optional() }),
    response: { file: 'ZIP 文件' },
    async handler({ query, services, reply }) {
      const { bytes } = await services.exports.bulk(query);
      return sendFile(reply, bytes, {
        format: 'zip',
        fileName: `budgets-${query.fiscalYear}${query.regionId ? `-${query.regionId.slice(0, 8)}` : ''}.zip`,
        cache: 'public',
      });
    },
  }),
];
