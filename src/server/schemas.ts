/**
 * Input shapes shared by the routes. Free text is plain text: markup and control characters are refused
 * (nothing here is HTML, and what is stored is published), and lengths are capped.
 */
import { z } from 'zod';
import { ROLES } from '../core/access/roles.ts';
import { BUDGET_STATUSES } from '../core/workflow/budget-status.ts';
import { BUDGET_KINDS } from '../store/schema.ts';

export const IdSchema = z.uuid({ error: '编号格式不正确（应为 UUID）' });
export const IdParams = z.strictObject({ id: IdSchema });

export const FiscalYearSchema = z.coerce
  .number({ error: '年度应为数字' })
  .int({ error: '年度应为整数' })
  .min(1990, { error: '年度不能早于 1990 年' })
  .max(2100, { error: '年度不能晚于 2100 年' });

export const VersionSchema = z
  .number({ error: '版本号应为数字' })
  .int({ error: '版本号应为整数' })
  .min(1, { error: '版本号应为正整数' });

const MARKUP = /<\s*[a-z!/?]/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Plain text of at most `max` characters: no HTML markup, no control characters (tabs and new lines are fine). */
export function plainText(max: number, what = '文本') {
  return z
    .string({ error: `${what}应为文本` })
    .max(max, { error: `${what}不能超过 ${max} 个字符` })
    .refine((s) => !MARKUP.test(s), { error: `${what}不能包含 HTML 标签或脚本（“<”后接字母）` })
    .refine((s) => !CONTROL.test(s), { error: `${what}不能包含控制字符` });
}

/** A name: plain text, trimmed, not empty. */
export function nameText(max: number, what: string) {
  return plainText(max, what)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { error: `${what}不能为空` });
}

export const UsernameSchema = z
  .string({ error: '用户名应为文本' })
  .regex(/^[A-Za-z0-9_.-]{3,40}$/, { error: '用户名应为 3 到 40 个字母、数字、下划线、点或连字符' });

export const RoleSchema = z.enum(ROLES, { error: `角色应为 ${ROLES.join('、')} 之一` });
export const StatusSchema = z.enum(BUDGET_STATUSES, { error: `状态应为 ${BUDGET_STATUSES.join('、')} 之一` });
export const KindSchema = z.enum(BUDGET_KINDS, { error: '类型应为 budget（预算）或 finalAccounts（决算）' });
