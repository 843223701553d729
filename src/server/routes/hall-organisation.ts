/** The hall's organisation: service centers, stationed departments, windows, staff assignments. */
import { z } from 'zod';
import { type AnyRoute, route } from '../route.ts';
import { IdParams, IdSchema, nameText } from '../schemas.ts';
import { CenterLevelSchema, DateSchema, WindowKindSchema } from './hall-schemas.ts';

const TAG = '大厅组织';

export const hallOrganisationRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/hall/centers',
    tag: TAG,
    summary: '服务中心（区—乡镇街道—村社区，树形）',
    audience: 'login',
    response: z.array(z.unknown()),
    handler: ({ services, actor }) => services.hall.organisation.centers(actor),
  }),
  route({
    method: 'POST',
    url: '/api/hall/centers',
    tag: TAG,
    summary: '新建服务中心',
    audience: 'login',
    status: 201,
    body: z.strictObject({
      parentId: IdSchema.nullable().optional(),
      regionId: IdSchema.nullable().optional(),
      name: nameText(100, '名称'),
      level: CenterLevelSchema,
    }),
    response: z.unknown(),
    handler: ({ body, services, actor }) => services.hall.organisation.createCenter(actor, body),
  }),
  route({
    method: 'GET',
    url: '/api/hall/centers/:id/departments',
    tag: TAG,
    summary: '进驻部门',
    audience: 'login',
    params: IdParams,
    response: z.array(z.unknown()),
    handler: ({ params, services, actor }) =>
      services.hall.organisation.stationedDepartments(actor, params.id),
  }),
  route({
    method: 'POST',
    url: '/api/hall/centers/:id/departments',
    tag: TAG,
    summary: '登记进驻部门',
    audience: 'login',
    status: 201,
    params: IdParams,
    body: z.strictObject({ name: nameText(100, '部门名称'), departmentId: IdSchema.nullable().optional() }),
    response: z.unknown(),
    errors: ['DUPLICATE'],
    handler: ({ params, body, services, actor }) =>
      services.hall.organisation.stationDepartment(actor, { centerId: params.id, ...body }),
  }),
  route({
    method: 'GET',
    url: '/api/hall/windows',
    tag: TAG,
    summary: '窗口',
    audience: 'login',
    query: z.strictObject({ centerId: IdSchema.optional() }),
    response: z.array(z.unknown()),
    handler: ({ query, services, actor }) => services.hall.organisation.windows(actor, query.centerId),
  }),
  route({
    method: 'POST',
    url: '/api/hall/windows',
    tag: TAG,
    summary: '新建窗口',
    description: '窗口属于一个已进驻的部门；同一中心的窗口号不能重复。',
    audience: 'login',
    status: 201,
    body: z.strictObject({
      centerId: IdSchema,
      number: nameText(10, '窗口号'),
      name: nameText(100, '窗口名称'),
      department: nameText(100, '部门'),
      kind: WindowKindSchema,
    }),
    response: z.unknown(),
    errors: ['DUPLICATE'],
    handler: ({ body, services, actor }) => services.hall.organisation.createWindow(actor, body),
  }),
  route({
    method: 'GET',
    url: '/api/hall/people',
    tag: TAG,
    summary: '大厅人员姓名',
    description:
      '窗口工作人员和大厅管理人员的编号与姓名（含已停用的账号），用于在办件记录和电子监察中显示经办人。',
    audience: 'login',
    response: z.array(z.object({ id: z.string(), displayName: z.string() })),
    handler: ({ services, actor }) => services.hall.organisation.people(actor),
  }),
  route({
    method: 'GET',
    url: '/api/hall/staff',
    tag: TAG,
    summary: '窗口人员安排',
    audience: 'login',
    query: z.strictObject({ windowId: IdSchema.optional() }),
    response: z.array(z.unknown()),
    handler: ({ query, services, actor }) => services.hall.organisation.staff(actor, query.windowId),
  }),
  route({
    method: 'POST',
    url: '/api/hall/staff',
    tag: TAG,
    summary: '安排人员到窗口',
    description: '从 fromDate 起（至 toDate，含）在该窗口工作；窗口工作人员只能办理当天所在窗口的办件。',
    audience: 'login',
    status: 201,
    body: z.strictObject({
      windowId: IdSchema,
      userId: IdSchema,
      fromDate: DateSchema,
      toDate: DateSchema.nullable().optional(),
    }),
    response: z.unknown(),
    handler: ({ body, services, actor }) => services.hall.organisation.assignStaff(actor, body),
  }),
  route({
    method: 'POST',
    url: '/api/hall/staff/:id/end',
    tag: TAG,
    summary: '结束人员安排',
    description:
      '该人员在 toDate 当天（含）之后不再在该窗口工作；安排记录保留，以往日期仍可查到当天的经办窗口。',
    audience: 'login',
    params: z.strictObject({ id: IdSchema }),
    body: z.strictObject({ toDate: DateSchema }),
    response: z.object({
      id: z.string(),
      windowId: z.string(),
      userId: z.string(),
      fromDate: z.string(),
      toDate: z.string().nullable(),
    }),
    errors: ['NOT_FOUND', 'INVALID_INPUT'],
    handler: ({ params, body, services, actor }) =>
      services.hall.organisation.endStaff(actor, params.id, body.toDate),
  }),
];
