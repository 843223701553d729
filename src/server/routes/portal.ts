/** The public portal's overview of published budgets, and a budget's saved revisions for the workspace. */
import { z } from 'zod';
import { PortalService } from '../../services/portal-service.ts';
import type { Services } from '../../services/services.ts';
import { type AnyRoute, route } from '../route.ts';
import { FiscalYearSchema, IdParams, IdSchema } from '../schemas.ts';

const portal = (services: Services) => new PortalService(services.deps, services.openData, services.budgets);

export const portalRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/portal/budgets',
    tag: '公开数据',
    summary: '已公开预算概览（门户）',
    description:
      '每份已公开预算的最新版本及其要点：收入按来源、支出按类型和功能分类（类、款）、“三公”经费与机关运行经费（含所述上年数）、是否在批复后 20 日内公开。金额单位：分。',
    audience: 'public',
    query: z.strictObject({ fiscalYear: FiscalYearSchema.optional(), regionId: IdSchema.optional() }),
    response: z.array(z.unknown()),
    handler: ({ query, services }) => portal(services).budgetsOverview(query),
  }),
  route({
    method: 'GET',
    url: '/api/budgets/:id/revisions',
    tag: '预算',
    summary: '预算数据的各次保存',
    description: '每次新建、保存和流转后的数据（旧的在前），用于比较版本之间的差异。',
    audience: 'login',
    params: IdParams,
    response: z.array(z.unknown()),
    handler: ({ params, services, actor }) => portal(services).revisions(actor, params.id),
  }),
];
