/**
 * Opening a case and applying actions to it: checks, then one event, folded into the state by
 * case-replay.ts. Pure: the caller passes `now`, the actor, the service item and the calendar.
 */
import { type IsoDate, shanghaiDate } from '../workflow/deadlines.ts';
import type { WorkCalendar } from './calendar.ts';
import { applyCaseEvent, replayCase } from './case-replay.ts';
import {
  ACCEPTANCE_DECISION_DAYS,
  CASE_ACTION_NAMES,
  CASE_STATUS_NAMES,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseErrorCode,
  type CaseEvent,
  type CaseResult,
  type CaseState,
  type CaseStatus,
  RESUBMIT_TARGETS,
} from './case-status.ts';
import { ITEM_KIND_NAMES, type ServiceItem } from './service-item.ts';
import { addWorkdays, dayEndsAt } from './workdays.ts';

export interface CaseContext {
  now: Date;
  actorId: string;
  item: ServiceItem;
  calendar: WorkCalendar;
}

/** Receipt of an application at a window: the case's first event. */
export function openCase(
  input: { caseId: string; windowId: string },
  ctx: Pick<CaseContext, 'now' | 'actorId' | 'item'>,
): CaseState {
  return replayCase([
    {
      seq: 0,
      type: 'submitted',
      at: ctx.now.toISOString(),
      actorId: ctx.actorId,
      from: null,
      to: 'submitted',
      reason: null,
      caseId: input.caseId,
      itemCode: ctx.item.code,
      kind: ctx.item.kind,
      windowId: input.windowId,
    },
  ]);
}

/**
 * The last day on which a submitted case can still be accepted, refused or sent a correction notice: 5
 * working days after receipt, or after the corrected materials were supplied.
 */
export function acceptanceDecisionDeadline(s: CaseState, calendar: WorkCalendar): IsoDate {
  return addWorkdays(shanghaiDate(s.decisionFrom), ACCEPTANCE_DECISION_DAYS, calendar);
}

/** Whether the decision window has closed at `now`: the case then counts as accepted from its opening. */
export function decisionWindowClosed(s: CaseState, now: Date, calendar: WorkCalendar): boolean {
  return now.toISOString() >= dayEndsAt(acceptanceDecisionDeadline(s, calendar));
}

const fail = (code: CaseErrorCode, message: string): CaseResult => ({ ok: false, error: { code, message } });
const quoted = (s: CaseStatus) => `“${CASE_STATUS_NAMES[s]}”`;
const clean = (items: readonly string[]) => [...new Set(items.map((m) => m.trim()).filter(Boolean))];

type EventBody = CaseEvent extends infer E
  ? E extends CaseEvent
    ? Omit<E, 'seq' | 'at' | 'actorId' | 'from'>
    : never
  : never;

export function transitionCase(s: CaseState, action: CaseAction, ctx: CaseContext): CaseResult {
  const { item, calendar, now } = ctx;
  const rule = CASE_TRANSITIONS[action.type];
  const name = CASE_ACTION_NAMES[action.type];
  if (item.code !== s.itemCode) return fail('ITEM_MISMATCH', `办件属于事项${s.itemCode}，不是${item.code}`);
  const at = now.toISOString();
  const last = s.history[s.history.length - 1];
  if (last && at < last.at) return fail('TIME_REVERSED', `操作时间早于办件的上一次操作（${last.at}）`);
  if (!rule.from.includes(s.status)) {
    const only = rule.from.map(quoted).join('或');
    return fail(
      'INVALID_TRANSITION',
      `办件当前为${quoted(s.status)}，不能${name}：只有${only}的办件可以${name}。`,
    );
  }
  if (rule.kinds !== 'all' && !rule.kinds.includes(s.kind)) {
    const hint = s.kind === 'immediate' && action.type === 'accept' ? '即办件应当场办结。' : '';
    return fail('WRONG_ITEM_KIND', `${ITEM_KIND_NAMES[s.kind]}不能${name}。${hint}`);
  }
  const reason = (text: string | undefined, what: string): string | CaseResult => {
    const t = text?.trim() ?? '';
    return t ? t : fail('REASON_REQUIRED', `${name}应写明${what}。`);
  };
  const windowClosed = decisionWindowClosed(s, now, calendar);
  const corrected = s.decisionFrom !== s.receivedAt;
  const since = corrected ? '补正材料' : '收件';
  const tooLate = () =>
    fail(
      'DECISION_TOO_LATE',
      `${since}已超过${ACCEPTANCE_DECISION_DAYS}个工作日（最后一日为${acceptanceDecisionDeadline(s, calendar)}），依法视为自收到${corrected ? '补正' : '申请'}材料之日起受理，不能再${name}。`,
    );
  const today = shanghaiDate(now);
  let body: EventBody;
  switch (action.type) {
    case 'accept':
    case 'deemAccept': {
      if (action.type === 'deemAccept' && !windowClosed) {
        return fail(
          'NOT_YET_DEEMED',
          `${since}后${ACCEPTANCE_DECISION_DAYS}个工作日尚未届满，不能视为受理。`,
        );
      }
      const deemed = windowClosed;
      const note = action.type === 'accept' ? action.note?.trim() || null : null;
      const why = deemed
        ? `${since}后${ACCEPTANCE_DECISION_DAYS}个工作日内未作决定，视为自${since}之日起受理`
        : note;
      const clockStart = deemed ? shanghaiDate(s.decisionFrom) : today;
      body = { type: 'accepted', to: 'accepted', reason: why, clockStart, deemed };
      break;
    }
    case 'completeOnSpot': {
      const result = reason(action.result, '办理结果');
      if (typeof result !== 'string') return result;
      body = {
        type: 'completedOnSpot',
        to: 'completed',
        reason: null,
        clockStart: shanghaiDate(s.decisionFrom),
        result,
      };
      break;
    }
    case 'reject': {
      if (windowClosed) return tooLate();
      const why = reason(action.reason, '不予受理的理由');
      if (typeof why !== 'string') return why;
      body = { type: 'rejected', to: 'rejected', reason: why };
      break;
    }
    case 'requestCorrection': {
      if (windowClosed) return tooLate();
      if (s.correction)
        return fail(
          'CORRECTION_ALREADY_SENT',
          `补正告知应一次性列明全部材料，本件已于${shanghaiDate(s.correction.at)}告知过；材料仍不符合要求的，应作出不予受理决定并写明理由。`,
        );
      const missing = clean(action.missing);
      if (!missing.length) return fail('MATERIALS_REQUIRED', '补正告知应一次性列明全部需要补正的材料。');
      body = {
        type: 'correctionRequested',
        to: 'correctionRequested',
        reason: action.reason?.trim() || null,
        missing,
      };
      break;
    }
    case 'assign': {
      const handlerId = action.handlerId.trim();
      if (!handlerId) return fail('REASON_REQUIRED', '分办应指定承办人。');
      body = { type: 'assigned', to: 'inProgress', reason: null, handlerId };
      break;
    }
    case 'pause': {
      const procedure = item.specialProcedures.find((p) => p.name === action.procedure.trim());
      if (!procedure) {
        const known = item.specialProcedures.map((p) => `“${p.name}”`).join('、') || '（无）';
        return fail(
          'UNKNOWN_PROCEDURE',
          `事项“${item.name}”的特别程序中没有“${action.procedure}”；可用的有：${known}。`,
        );
      }
      const why = reason(action.reason, '启动特别程序的理由');
      if (typeof why !== 'string') return why;
      body = { type: 'paused', to: 'paused', reason: why, procedure: procedure.name };
      break;
    }
    case 'resume':
      body = { type: 'resumed', to: 'inProgress', reason: action.reason?.trim() || null };
      break;
    case 'reportUp':
      body = {
        type: 'reportedUp',
        to: 'reported',
        reason: action.note?.trim() || null,
        authority: item.reportTo ?? '',
      };
      break;
    case 'complete': {
      if (s.kind === 'escalated' && s.status !== 'reported') {
        return fail('INVALID_TRANSITION', '上报件应在上报并收到上级决定后办结。');
      }
      if (s.kind === 'joint') {
        const subs = action.subCases ?? [];
        const done = new Set(subs.filter((c) => c.status === 'completed').map((c) => c.department));
        const open = [...new Set([...subs.map((c) => c.department), ...item.jointDepartments])].filter(
          (d) => !done.has(d),
        );
        if (!subs.length || open.length) {
          return fail(
            'SUB_CASES_OPEN',
            `联办件应在各部门子件全部办结后办结；尚未办结：${open.join('、') || '（无子件记录）'}。`,
          );
        }
      }
      const result = reason(action.result, '办理结果');
      if (typeof result !== 'string') return result;
      body = { type: 'completed', to: 'completed', reason: null, result };
      break;
    }
    case 'return': {
      const why = reason(action.reason, '退回的理由');
      if (typeof why !== 'string') return why;
      body = { type: 'returned', to: 'returned', reason: why };
      break;
    }
    case 'resubmit': {
      const supplied = clean(action.supplied);
      const note = action.note?.trim() || null;
      if (s.status === 'correctionRequested') {
        const missing = (s.correction?.missing ?? []).filter((m) => !supplied.includes(m));
        if (missing.length)
          return fail('MATERIALS_MISSING', `补正告知所列材料尚未补齐：${missing.join('、')}。`);
      } else if (!supplied.length && !note) {
        return fail('MATERIALS_REQUIRED', '重新提交应列明补充或更正的材料，或说明修改情况。');
      }
      const to =
        s.status === 'correctionRequested' ? RESUBMIT_TARGETS.correctionRequested : RESUBMIT_TARGETS.returned;
      body = { type: 'resubmitted', to, reason: note, supplied };
      break;
    }
    case 'approveResubmission':
      body = {
        type: 'resubmissionApproved',
        to: 'accepted',
        reason: action.note?.trim() || null,
        clockStart: today,
      };
      break;
    case 'rejectResubmission': {
      const why = reason(action.reason, '审核不通过的理由');
      if (typeof why !== 'string') return why;
      body = { type: 'resubmissionRejected', to: 'returned', reason: why };
      break;
    }
    case 'withdraw': {
      const why = reason(action.reason, '撤回的理由');
      if (typeof why !== 'string') return why;
      body = { type: 'withdrawn', to: 'withdrawn', reason: why };
      break;
    }
  }
  const event = { ...body, seq: s.history.length, at, actorId: ctx.actorId, from: s.status } as CaseEvent;
  return { ok: true, state: applyCaseEvent(s, event), event };
}
