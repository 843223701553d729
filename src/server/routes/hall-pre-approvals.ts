/** Investment project pre-approval (项目预审): registration at the window, 业务科's review, the report upward. */
import { z } from 'zod';
import {
  MAX_TOTAL_INVESTMENT_FEN,
  PRE_APPROVAL_STATUSES,
  PRE_APPROVAL_TRANSITIONS,
  type PreApprovalActionType,
} from '../../core/hall/pre-approval.ts';
import { type AnyRoute, route } from '../route.ts';
import { IdParams, IdSchema, nameText, plainText, VersionSchema } from '../schemas.ts';

const TAG = '项目预审';

const ACTION_TYPES = Object.keys(PRE_APPROVAL_TRANSITIONS) as [
  PreApprovalActionType,
  ...PreApprovalActionType[],
];

export const PreApprovalStatusSchema = z.enum(PRE_APPROVAL_STATUSES, { error: '项目预审状态不正确' });

export const PreApprovalProjectSchema = z.strictObject({
  projectName: nameText(200, '项目名称'),
  // The national shape is checked by the core (core/hall/pre-approval.ts checkProjectCode), in Chinese.
  projectCode: z
    .string({ error: '投资项目代码应为文本' })
    .max(40, { error: '投资项目代码不能超过 40 个字符' }),
  constructionUnit: nameText(200, '建设单位'),
  location: nameText(200, '建设地点'),
  totalInvestmentFen: z
    .number({ error: '总投资应为数字（以分计）' })
    .int({ error: '总投资应为以分计的整数' })
    .min(1, { error: '总投资应大于零' })
    .max(MAX_TOTAL_INVESTMENT_FEN, { error: '总投资不能超过1万亿元' }),
  content: nameText(2000, '建设内容及规模'),
  centerId: IdSchema,
  authority: nameText(100, '上报机关'),
});

export const PreApprovalActionSchema = z.strictObject({
  type: z.enum(ACTION_TYPES, { error: `操作应为 ${ACTION_TYPES.join('、')} 之一` }),
  reason: plainText(500, '理由').optional(),
});

export const hallPreApprovalRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/hall/pre-approvals',
    tag: TAG,
    summary: '项目预审列表',
    description:
      '按申报时间从新到旧；可按状态和服务中心筛选。窗口工作人员、大厅管理人员和系统管理员可以查看。',
    audience: 'login',
    query: z.strictObject({
      status: PreApprovalStatusSchema.optional(),
      centerId: IdSchema.optional(),
      limit: z.coerce
        .number({ error: '条数应为数字' })
        .int({ error: '条数应为整数' })
        .min(1, { error: '条数至少为 1' })
        .max(500, { error: '条数不能超过 500' })
        .optional(),
    }),
    response: z.array(z.unknown()),
    handler: ({ query, services, actor }) => services.hall.preApprovals.list(actor, query),
  }),
  route({
    method: 'GET',
    url: '/api/hall/pre-approvals/:id',
    tag: TAG,
    summary: '查看项目预审',
    description: '项目情况、办理记录（谁、何时、为何）和现在可以执行的操作。',
    audience: 'login',
    params: IdParams,
    response: z.unknown(),
    errors: ['NOT_FOUND'],
    handler: ({ params, services, actor }) => services.hall.preApprovals.view(actor, params.id),
  }),
  route({
    method: 'POST',
    url: '/api/hall/pre-approvals',
    tag: TAG,
    summary: '申报项目预审（窗口登记建设项目）',
    description:
      '投资项目代码按“年份-6位行政区划代码-2位行业代码-2位项目类型代码-6位流水号”校验；总投资以分为单位的整数。同一投资项目代码已有未终结的预审时返回 409。',
    audience: 'login',
    status: 201,
    body: PreApprovalProjectSchema,
    response: z.unknown(),
    errors: ['INVALID_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'DUPLICATE'],
    handler: ({ body, services, actor }) => services.hall.preApprovals.create(actor, body),
  }),
  route({
    method: 'POST',
    url: '/api/hall/pre-approvals/:id/actions',
    tag: TAG,
    summary: '办理项目预审（初审通过、批准、上报、退回补充、不予批准、重新申报）',
    description:
      '带上读取时的 version；他人已先办理时返回 409。退回补充和不予批准须写明理由。重新申报由窗口办理，其余操作只能由大厅管理人员（业务科）办理。',
    audience: 'login',
    params: IdParams,
    body: z.strictObject({ version: VersionSchema, action: PreApprovalActionSchema }),
    response: z.unknown(),
    errors: ['CONFLICT', 'INVALID_TRANSITION', 'REASON_REQUIRED', 'FORBIDDEN', 'NOT_FOUND'],
    handler: ({ params, body, services, actor }) =>
      services.hall.preApprovals.act(actor, params.id, body.version, {
        type: body.action.type,
        ...(body.action.reason !== undefined ? { reason: body.action.reason } : {}),
      }),
  }),
];
