/** Electronic supervision, reports (daily, monthly, annual; XLSX) and the LED screen's counts. */
import { z } from 'zod';
import { type AnyRoute, route } from '../route.ts';
import { IdSchema } from '../schemas.ts';
import { DateSchema, MonthSchema, sendXlsx } from './hall-schemas.ts';

const TAG = '监察与报表';

export const hallReportRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/hall/supervision',
    tag: TAG,
    summary: '电子监察看板（预警、黄牌、红牌）',
    description: '监察卡记录：办件、受理周期、时限、签发时间、窗口和责任人；最新的在前。',
    audience: 'login',
    query: z.strictObject({
      from: z.iso.datetime().optional(),
      before: z.iso.datetime().optional(),
      windowId: IdSchema.optional(),
      kind: z.enum(['warning', 'yellow', 'red']).optional(),
      limit: z.coerce.number().int().min(1).max(5000).optional(),
    }),
    response: z.object({ cards: z.array(z.unknown()), counts: z.unknown(), byWindow: z.unknown() }),
    handler: ({ query, services, actor }) => services.hall.supervision.board(actor, query),
  }),
  route({
    method: 'POST',
    url: '/api/hall/supervision/sweep',
    tag: TAG,
    summary: '补记在办办件已签发的监察卡和视为受理',
    description:
      '办件每次办理时已记录其监察卡；无人办理的在办办件由此补记。收件（或补正材料）后 5 个工作日内未作决定的办件记为视为受理（操作人 system），办理时限自收件（补正材料）之日起算。服务器每小时自动执行一次。',
    audience: 'login',
    response: z.object({ cases: z.number(), added: z.number(), deemed: z.number() }),
    handler: ({ services, actor }) => services.hall.supervision.sweep(actor),
  }),
  route({
    method: 'GET',
    url: '/api/hall/reports/daily/:date',
    tag: TAG,
    summary: '日报表（各窗口和全中心）',
    description: '当日结束后首次生成时归档（JSON 与 SHA-256），此后原样返回归档的报表。',
    audience: 'login',
    params: z.strictObject({ date: DateSchema }),
    response: z.object({
      report: z.unknown(),
      archived: z.boolean(),
      sha256: z.string().nullable(),
      generatedAt: z.string().nullable(),
    }),
    handler: ({ params, services, actor }) => services.hall.reports.daily(actor, params.date),
  }),
  route({
    method: 'GET',
    url: '/api/hall/reports/daily/:date/xlsx',
    tag: TAG,
    summary: '导出日报表（XLSX）',
    audience: 'login',
    params: z.strictObject({ date: DateSchema }),
    response: { file: 'XLSX 文件' },
    handler: async ({ params, services, actor, reply }) =>
      sendXlsx(
        reply,
        await services.hall.reports.dailyXlsx(actor, params.date),
        `日报表-${params.date}.xlsx`,
      ),
  }),
  route({
    method: 'GET',
    url: '/api/hall/reports/monthly/:month',
    tag: TAG,
    summary: '月度分析（各窗口、全中心、逐日趋势）',
    audience: 'login',
    params: z.strictObject({ month: MonthSchema }),
    response: z.unknown(),
    handler: ({ params, services, actor }) => services.hall.reports.monthly(actor, params.month),
  }),
  route({
    method: 'GET',
    url: '/api/hall/reports/monthly/:month/xlsx',
    tag: TAG,
    summary: '导出月报表（XLSX）',
    audience: 'login',
    params: z.strictObject({ month: MonthSchema }),
    response: { file: 'XLSX 文件' },
    handler: async ({ params, services, actor, reply }) =>
      sendXlsx(
        reply,
        await services.hall.reports.periodXlsx(actor, params.month),
        `月报表-${params.month}.xlsx`,
      ),
  }),
  route({
    method: 'GET',
    url: '/api/hall/reports/annual/:year',
    tag: TAG,
    summary: '年度分析（各窗口、全中心、逐月趋势）',
    audience: 'login',
    params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    response: z.unknown(),
    handler: ({ params, services, actor }) => services.hall.reports.annual(actor, params.year),
  }),
  route({
    method: 'GET',
    url: '/api/hall/dashboard',
    tag: TAG,
    summary: '大厅实时数据（LED 屏）',
    description: '今日各窗口收件、办结和待受理件数；不含任何个人信息。',
    audience: 'public',
    response: z.object({ date: z.string(), windows: z.array(z.unknown()), total: z.unknown() }),
    handler: ({ services, actor }) => services.hall.reports.dashboard(actor),
  }),
];
