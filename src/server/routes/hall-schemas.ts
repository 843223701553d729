/** Input shapes of the hall routes. */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CASE_STATUSES } from '../../core/hall/case-status.ts';
import { CENTER_LEVELS, WINDOW_KINDS } from '../../store/schema.ts';
import { sendFile } from '../download.ts';
import { IdSchema, nameText, plainText } from '../schemas.ts';

export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应为 YYYY-MM-DD' });
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份应为 YYYY-MM' });
export const CenterLevelSchema = z.enum(CENTER_LEVELS, { error: '层级应为 district、township 或 village' });
export const WindowKindSchema = z.enum(WINDOW_KINDS, {
  error: `窗口类型应为 ${WINDOW_KINDS.join('、')} 之一`,
});
export const CaseStatusSchema = z.enum(CASE_STATUSES, { error: '办件状态不正确' });
export const ItemCodeSchema = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z-]{3,63}$/, { error: '事项编码格式不正确' });

const reason = (what: string) => nameText(500, what);
const note = plainText(500, '说明').optional();
const list = (what: string) => z.array(nameText(200, what)).max(100);

/** One case action (core/hall/case-status.ts CaseAction); the core checks the rest. */
export const CaseActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('accept'), note }),
  z.strictObject({ type: z.literal('deemAccept') }),
  z.strictObject({ type: z.literal('completeOnSpot'), result: reason('办理结果') }),
  z.strictObject({ type: z.literal('reject'), reason: reason('理由') }),
  z.strictObject({ type: z.literal('requestCorrection'), missing: list('补正材料'), reason: note }),
  z.strictObject({ type: z.literal('assign'), handlerId: IdSchema }),
  z.strictObject({ type: z.literal('pause'), procedure: nameText(100, '特别程序'), reason: reason('理由') }),
  z.strictObject({ type: z.literal('resume'), reason: note }),
  z.strictObject({ type: z.literal('reportUp'), note }),
  z.strictObject({ type: z.literal('complete'), result: reason('办理结果') }),
  z.strictObject({ type: z.literal('return'), reason: reason('理由') }),
  z.strictObject({ type: z.literal('resubmit'), supplied: list('补充材料'), note }),
  z.strictObject({ type: z.literal('approveResubmission'), note }),
  z.strictObject({ type: z.literal('rejectResubmission'), reason: reason('理由') }),
  z.strictObject({ type: z.literal('withdraw'), reason: reason('理由') }),
]);

const person = z.strictObject({ department: nameText(100, '部门'), person: nameText(50, '人员') });

export const JointChangeSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('subCase'),
    department: nameText(100, '部门'),
    move: z.enum(['start', 'complete', 'return']),
    opinion: plainText(1000, '办理意见').nullable().optional(),
  }),
  z.strictObject({
    type: z.literal('review'),
    review: z.strictObject({
      date: DateSchema,
      invited: list('邀请部门'),
      attendees: z.array(person).max(50),
      decisions: list('会议决定'),
      positions: z.record(z.string(), z.enum(['agree', 'disagree'])),
    }),
  }),
  z.strictObject({
    type: z.literal('survey'),
    survey: z.strictObject({
      date: DateSchema,
      participants: z.array(person).max(50),
      findings: nameText(2000, '踏勘意见'),
    }),
  }),
]);

/** An XLSX download that is not for caches (reports and the catalogue as of now). */
export function sendXlsx(reply: FastifyReply, bytes: Uint8Array, fileName: string): FastifyReply {
  return sendFile(reply, bytes, { format: 'xlsx', fileName, cache: 'none' });
}
