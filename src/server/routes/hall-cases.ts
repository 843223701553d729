/** Cases at the windows, joint cases, and the public query kiosk. */
import { z } from 'zod';
import { type AnyRoute, route } from '../route.ts';
import { IdParams, IdSchema, nameText, VersionSchema } from '../schemas.ts';
import { CaseActionSchema, CaseStatusSchema, ItemCodeSchema, JointChangeSchema } from './hall-schemas.ts';

const TAG = '办件';

export const hallCaseRoutes: AnyRoute[] = [
  route({
    method: 'POST',
    url: '/api/hall/cases',
    tag: TAG,
    summary: '窗口收件',
    description:
      '申请人的身份号码按 GB 11643 校验；身份号码和电话加密保存，返回和显示的只有掩码。返回办件编号（申请人查询进度用）。',
    audience: 'login',
    status: 201,
    body: z.strictObject({
      windowId: IdSchema,
      itemCode: ItemCodeSchema,
      applicant: z.strictObject({
        name: nameText(50, '申请人姓名'),
        idNumber: z.string().max(30),
        phone: z.string().max(30),
      }),
    }),
    response: z.unknown(),
    errors: ['FORBIDDEN', 'INVALID_INPUT'],
    handler: ({ body, services, actor }) => services.hall.cases.intake(actor, body),
  }),
  route({
    method: 'GET',
    url: '/api/hall/cases/mine',
    tag: TAG,
    summary: '我的办件',
    description: '窗口工作人员：当天所在窗口的办件和分办给本人的办件；大厅管理人员：全部窗口的办件。',
    audience: 'login',
    query: z.strictObject({
      status: CaseStatusSchema.optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
    response: z.array(z.unknown()),
    handler: ({ query, services, actor }) => services.hall.cases.mine(actor, query),
  }),
  route({
    method: 'GET',
    url: '/api/hall/cases/:id',
    tag: TAG,
    summary: '查看办件',
    description: '办理记录（谁、何时、为何）、时限、监察卡和现在可以执行的操作；申请人信息只显示掩码。',
    audience: 'login',
    params: IdParams,
    response: z.unknown(),
    handler: ({ params, services, actor }) => services.hall.cases.view(actor, params.id),
  }),
  route({
    method: 'POST',
    url: '/api/hall/cases/:id/actions',
    tag: TAG,
    summary: '办理办件（受理、补正、分办、办结、退回……）',
    description:
      '带上读取时的 version；他人已先办理时返回 409。二次受理审核只能由大厅管理人员（业务科）办理。',
    audience: 'login',
    params: IdParams,
    body: z.strictObject({ version: VersionSchema, action: CaseActionSchema }),
    response: z.unknown(),
    errors: ['CONFLICT', 'INVALID_TRANSITION', 'REASON_REQUIRED', 'CASE_RULE', 'FORBIDDEN'],
    handler: ({ params, body, services, actor }) =>
      services.hall.cases.act(actor, params.id, body.version, body.action),
  }),
  route({
    method: 'GET',
    url: '/api/hall/cases/:id/joint',
    tag: TAG,
    summary: '联办记录（子件、联审会、联合踏勘）',
    audience: 'login',
    params: IdParams,
    response: z.unknown(),
    handler: ({ params, services, actor }) => services.hall.joint.get(actor, params.id),
  }),
  route({
    method: 'POST',
    url: '/api/hall/cases/:id/joint',
    tag: TAG,
    summary: '开始联办',
    description: '为牵头部门和每个联办部门各开一个子件，交给本中心该部门的窗口。',
    audience: 'login',
    status: 201,
    params: IdParams,
    response: z.unknown(),
    errors: ['DUPLICATE', 'CASE_RULE'],
    handler: ({ params, services, actor }) => services.hall.joint.start(actor, params.id),
  }),
  route({
    method: 'POST',
    url: '/api/hall/cases/:id/joint/changes',
    tag: TAG,
    summary: '子件办理、记录联审会或联合踏勘',
    description: '带上读取时的 version；联审会上被邀请而缺席的部门视为同意。',
    audience: 'login',
    params: IdParams,
    body: z.strictObject({ version: VersionSchema, change: JointChangeSchema }),
    response: z.unknown(),
    errors: ['CONFLICT', 'CASE_RULE'],
    handler: ({ params, body, services, actor }) =>
      services.hall.joint.change(actor, params.id, body.version, body.change),
  }),
  route({
    method: 'GET',
    url: '/api/hall/query',
    tag: TAG,
    summary: '办件进度查询（查询机）',
    description:
      '凭办件编号和申请时登记的手机号后四位查询状态和承诺办结日期；不返回任何个人信息。每个地址每分钟最多查询 20 次。',
    audience: 'public',
    query: z.strictObject({
      caseNumber: z.string().regex(/^[0-9A-Za-z-]{6,40}$/, { error: '办件编号格式不正确' }),
      phoneTail: z.string().regex(/^\d{4}$/, { error: '请输入手机号后四位数字' }),
    }),
    response: z.object({
      caseNumber: z.string(),
      itemName: z.string(),
      status: z.string(),
      statusName: z.string(),
      receivedDate: z.string(),
      deadline: z.string().nullable(),
      suspended: z.boolean(),
      closedDate: z.string().nullable(),
    }),
    errors: ['NOT_FOUND', 'RATE_LIMITED'],
    rateLimit: 'kiosk',
    handler: ({ query, services }) => services.hall.cases.publicQuery(query.caseNumber, query.phoneTail),
  }),
];
