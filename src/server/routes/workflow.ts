/** The publishing workflow: submit, return, approve, publish, correct; the overdue list. */
import { z } from 'zod';
import { BudgetSchema } from '../../core/budget/budget.ts';
import { MIN_REASON_LENGTH } from '../../core/workflow/budget-status.ts';
import { type AnyRoute, route } from '../route.ts';
import { IdParams, plainText, VersionSchema } from '../schemas.ts';

const Moved = z.object({ id: z.string(), status: z.string(), version: z.number() }).passthrough();
const Published = z
  .object({
    id: z.string(),
    budgetId: z.string(),
    version: z.number(),
    publishedAt: z.string(),
    files: z.array(z.unknown()),
  })
  .passthrough();

export const workflowRoutes: AnyRoute[] = [
  route({
    method: 'POST',
    url: '/api/budgets/:id/submit',
    tag: '流程',
    summary: '提交审核',
    description: `先运行审核；每个“错误”都要在 justifications 中按问题的 key 书面说明理由（不少于 ${MIN_REASON_LENGTH} 个字），否则返回 422 并列出未说明的问题。`,
    audience: 'login',
    params: IdParams,
    body: z.strictObject({
      version: VersionSchema,
      justifications: z.record(z.string().max(200), plainText(2000, '说明理由')).default({}),
    }),
    response: Moved,
    errors: ['UNJUSTIFIED_FINDINGS', 'CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN'],
    handler: ({ params, body, services, actor }) =>
      services.workflow.submit(actor, params.id, body.version, body.justifications),
  }),
  route({
    method: 'POST',
    url: '/api/budgets/:id/return',
    tag: '流程',
    summary: '退回（附退回意见）',
    audience: 'login',
    params: IdParams,
    body: z.strictObject({ version: VersionSchema, comments: plainText(5000, '退回意见') }),
    response: Moved,
    errors: ['COMMENTS_REQUIRED', 'CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN'],
    handler: ({ params, body, services, actor }) =>
      services.workflow.returnBudget(actor, params.id, body.version, body.comments),
  }),
  route({
    method: 'POST',
    url: '/api/budgets/:id/approve',
    tag: '流程',
    summary: '批复',
    description: '批复后 20 日内应当公开。',
    audience: 'login',
    params: IdParams,
    body: z.strictObject({ version: VersionSchema }),
    response: Moved,
    errors: ['CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN'],
    handler: ({ params, body, services, actor }) => services.workflow.approve(actor, params.id, body.version),
  }),
  route({
    method: 'POST',
    url: '/api/budgets/:id/publish',
    tag: '流程',
    summary: '公开',
    description:
      '生成公开文件（HTML、DOCX、XLSX、PDF 及 JSON），连同数据快照和 SHA-256 一起保存为第 1 版，此后不可更改。',
    audience: 'login',
    params: IdParams,
    body: z.strictObject({ version: VersionSchema }),
    response: Published,
    status: 201,
    errors: ['CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN'],
    handler: ({ params, body, services, actor }) => services.workflow.publish(actor, params.id, body.version),
  }),
  route({
    method: 'POST',
    url: '/api/budgets/:id/correct',
    tag: '流程',
    summary: '更正已公开的预算',
    description: `以更正后的数据公开新版本，附更正理由（不少于 ${MIN_REASON_LENGTH} 个字）和与上一版的差异；旧版本保持可下载。`,
    audience: 'login',
    params: IdParams,
    body: z.strictObject({
      version: VersionSchema,
      facts: BudgetSchema,
      reason: plainText(2000, '更正理由'),
    }),
    response: Published,
    status: 201,
    errors: ['REASON_REQUIRED', 'CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN'],
    handler: ({ params, body, services, actor }) =>
      services.workflow.correct(actor, params.id, body.version, body.facts, body.reason),
  }),
  route({
    method: 'GET',
    url: '/api/overdue',
    tag: '流程',
    summary: '逾期未公开的预算',
    description: '已批复、超过 20 日仍未公开的预算，逾期最久的在前。',
    audience: 'login',
    response: z.array(z.object({ budget: z.unknown(), deadline: z.string(), daysOverdue: z.number() })),
    handler: ({ services, actor }) => services.workflow.overdue(actor),
  }),
];
