/** Budgets: list, read, create, save (optimistic versions), audit, review record. */
import { z } from 'zod';
import { BudgetSchema } from '../../core/budget/budget.ts';
import { type AnyRoute, route } from '../route.ts';
import { FiscalYearSchema, IdParams, IdSchema, KindSchema, StatusSchema, VersionSchema } from '../schemas.ts';

const Header = z.object({
  id: z.string(),
  departmentId: z.string(),
  fiscalYear: z.number(),
  kind: KindSchema,
  status: StatusSchema,
  version: z.number().describe('乐观锁版本号：保存和流转时原样带回'),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const budgetRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/budgets',
    tag: '预算',
    summary: '预算列表',
    description: '只列出调用者可以查看的预算：公众只看到已公开的预算。',
    audience: 'public',
    query: z.strictObject({
      departmentId: IdSchema.optional(),
      fiscalYear: FiscalYearSchema.optional(),
      kind: KindSchema.optional(),
      status: StatusSchema.optional(),
    }),
    response: z.array(Header.extend({ departmentName: z.string(), deadline: z.unknown() })),
    handler: ({ query, services, actor }) =>
      services.budgets.list(actor, {
        ...(query.departmentId ? { departmentIds: [query.departmentId] } : {}),
        ...(query.fiscalYear ? { fiscalYear: query.fiscalYear } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.status ? { status: query.status } : {}),
      }),
  }),
  route({
    method: 'POST',
    url: '/api/budgets',
    tag: '预算',
    summary: '新建预算（草稿）',
    audience: 'login',
    status: 201,
    body: z.strictObject({
      departmentId: IdSchema,
      fiscalYear: FiscalYearSchema,
      kind: KindSchema.default('budget'),
      facts: BudgetSchema,
    }),
    response: Header.extend({ facts: BudgetSchema }),
    errors: ['FORBIDDEN', 'DUPLICATE'],
    handler: ({ body, services, actor }) => services.budgets.create(actor, body),
  }),
  route({
    method: 'GET',
    url: '/api/budgets/:id',
    tag: '预算',
    summary: '查看预算',
    description: '包括调用者现在可以执行的操作（allowedActions）、公开期限和已公开的版本。',
    audience: 'public',
    params: IdParams,
    response: Header.extend({
      facts: BudgetSchema,
      departmentName: z.string(),
      allowedActions: z.array(z.string()),
      deadline: z.unknown(),
      publications: z.array(z.unknown()),
    }),
    handler: ({ params, services, actor }) => services.budgets.get(actor, params.id),
  }),
  route({
    method: 'PUT',
    url: '/api/budgets/:id',
    tag: '预算',
    summary: '保存预算数据',
    description: '带上读取时的 version；若他人已先保存，返回 409，您的修改不会覆盖他人的修改。',
    audience: 'login',
    params: IdParams,
    body: z.strictObject({ version: VersionSchema, facts: BudgetSchema }),
    response: Header.extend({ facts: BudgetSchema }),
    errors: ['CONFLICT', 'FORBIDDEN'],
    handler: ({ params, body, services, actor }) =>
      services.budgets.update(actor, params.id, body.version, body.facts),
  }),
  route({
    method: 'GET',
    url: '/api/budgets/:id/audit',
    tag: '预算',
    summary: '审核预算数据',
    description: '按现有数据运行审核规则，返回发现的问题。',
    audience: 'public',
    params: IdParams,
    response: z.object({
      findings: z.array(z.unknown()),
      counts: z.unknown(),
      rules: z.unknown(),
      results: z.array(z.unknown()),
    }),
    handler: ({ params, services, actor }) => services.budgets.audit(actor, params.id),
  }),
  route({
    method: 'GET',
    url: '/api/budgets/:id/review-record',
    tag: '预算',
    summary: '审核记录',
    description: '退回意见、对审核问题的书面说明，以及变更历史。',
    audience: 'login',
    params: IdParams,
    response: z.object({ comments: z.array(z.unknown()), history: z.array(z.unknown()) }),
    handler: ({ params, services, actor }) => services.budgets.reviewRecord(actor, params.id),
  }),
];
