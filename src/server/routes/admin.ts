/** Regions, departments, users and the audit log. Reading the organisation tree is public. */
import { z } from 'zod';
import { DEPARTMENT_KINDS, REGION_LEVELS } from '../../store/schema.ts';
import { type AnyRoute, route } from '../route.ts';
import { IdParams, IdSchema, nameText, RoleSchema, UsernameSchema } from '../schemas.ts';
import { publicUser, UserOut } from './auth.ts';

const Code = z
  .string()
  .regex(/^[0-9A-Za-z-]{1,40}$/, { error: '编码应为 1 到 40 个字母、数字或连字符' })
  .nullable()
  .default(null);
const Password = z.string({ error: '密码应为文本' }).max(1000, { error: '密码过长' });

const AdminUserOut = UserOut.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const adminRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/regions',
    tag: '组织',
    summary: '行政区划（树）',
    audience: 'public',
    response: z.array(z.unknown()),
    handler: ({ services }) => services.admin.regions(),
  }),
  route({
    method: 'POST',
    url: '/api/regions',
    tag: '组织',
    summary: '新增行政区划',
    audience: 'login',
    status: 201,
    body: z.strictObject({
      name: nameText(100, '区划名称'),
      level: z.enum(REGION_LEVELS, { error: `级别应为 ${REGION_LEVELS.join('、')} 之一` }),
      parentId: IdSchema.nullable().default(null),
      code: Code,
    }),
    response: z.unknown(),
    handler: ({ body, services, actor }) => services.admin.createRegion(actor, body),
  }),
  route({
    method: 'GET',
    url: '/api/departments',
    tag: '组织',
    summary: '部门及所属单位（树）',
    audience: 'public',
    query: z.strictObject({ regionId: IdSchema.optional() }),
    response: z.array(z.unknown()),
    handler: ({ query, services }) => services.admin.departments(query.regionId),
  }),
  route({
    method: 'POST',
    url: '/api/departments',
    tag: '组织',
    summary: '新增部门或所属单位',
    audience: 'login',
    status: 201,
    body: z.strictObject({
      regionId: IdSchema,
      parentId: IdSchema.nullable().default(null),
      name: nameText(100, '部门名称'),
      code: Code,
      kind: z.enum(DEPARTMENT_KINDS, { error: '类型应为 department（部门）或 unit（所属单位）' }),
    }),
    response: z.unknown(),
    errors: ['FORBIDDEN', 'NOT_FOUND'],
    handler: ({ body, services, actor }) => services.admin.createDepartment(actor, body),
  }),
  route({
    method: 'GET',
    url: '/api/users',
    tag: '用户',
    summary: '用户列表',
    audience: 'login',
    response: z.array(AdminUserOut),
    handler: async ({ services, actor }) =>
      (await services.admin.users(actor)).map((u) => ({
        ...publicUser(u),
        disabled: u.disabled,
        lockedUntil: u.lockedUntil,
        createdAt: u.createdAt,
      })),
  }),
  route({
    method: 'POST',
    url: '/api/users',
    tag: '用户',
    summary: '新增用户',
    audience: 'login',
    status: 201,
    body: z.strictObject({
      username: UsernameSchema,
      displayName: nameText(50, '姓名'),
      password: Password,
      departmentId: IdSchema.nullable().default(null),
      roles: z.array(RoleSchema).max(5).default([]),
    }),
    response: UserOut,
    errors: ['DUPLICATE', 'WEAK_PASSWORD', 'FORBIDDEN'],
    handler: async ({ body, services, actor }) => publicUser(await services.admin.createUser(actor, body)),
  }),
  route({
    method: 'PATCH',
    url: '/api/users/:id',
    tag: '用户',
    summary: '修改用户的角色、停用或重置密码',
    audience: 'login',
    params: IdParams,
    body: z.strictObject({
      roles: z.array(RoleSchema).max(5).optional(),
      disabled: z.boolean({ error: 'disabled 应为 true 或 false' }).optional(),
      password: Password.optional(),
    }),
    response: UserOut,
    errors: ['WEAK_PASSWORD', 'FORBIDDEN', 'NOT_FOUND'],
    handler: async ({ params, body, services, actor }) =>
      publicUser(await services.admin.updateUser(actor, params.id, body)),
  }),
  route({
    method: 'GET',
    url: '/api/audit-log',
    tag: '用户',
    summary: '操作日志',
    description: '谁、何时、做了什么，变更前后的数据（不含密码）。',
    audience: 'login',
    query: z.strictObject({
      actorId: IdSchema.optional(),
      since: z.iso.datetime({ error: 'since 应为 ISO 时间，如 2024-03-01T00:00:00Z' }).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    response: z.array(z.unknown()),
    handler: ({ query, services, actor }) => services.admin.auditLog(actor, query),
  }),
];
