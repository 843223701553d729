/**
 * The hall pages' pure logic: status and action names, which action buttons a user sees for a case, the
 * form each action needs, deadlines in working days, masked personal data for display, and the intake and
 * kiosk checks (the core's validators, which are browser-safe).
 */
import type { WorkCalendar } from '../../../src/core/hall/calendar.ts';
import {
  CASE_ACTION_NAMES,
  CASE_STATUS_NAMES,
  type CaseActionType,
  type CaseStatus,
} from '../../../src/core/hall/case-status.ts';
import { maskIdNumber, maskName, maskPhone } from '../../../src/core/hall/masking.ts';
import { checkResidentId } from '../../../src/core/hall/resident-id.ts';
import { countedWorkdays } from '../../../src/core/hall/workdays.ts';
import type { IsoDate } from '../../../src/core/workflow/deadlines.ts';

export { CASE_ACTION_NAMES, CASE_STATUS_NAMES };

export const statusName = (s: string): string => CASE_STATUS_NAMES[s as CaseStatus] ?? s;

/** antd Tag colours by status (text stays dark on the light tag backgrounds). */
export function statusColor(s: string): string {
  switch (s) {
    case 'completed':
      return 'success';
    case 'rejected':
    case 'withdrawn':
      return 'default';
    case 'returned':
    case 'correctionRequested':
      return 'warning';
    case 'paused':
    case 'underReview':
      return 'purple';
    default:
      return 'processing';
  }
}

export const ITEM_KIND_NAMES: Record<string, string> = {
  immediate: '即办件',
  committed: '承诺件',
  joint: '联办件',
  escalated: '上报件',
};

export const CARD_KIND_NAMES: Record<string, string> = { warning: '预警', yellow: '黄牌', red: '红牌' };
export const DEADLINE_KIND_NAMES: Record<string, string> = {
  promised: '承诺时限',
  legal: '法定时限',
  report: '上报时限',
};

/** Actions only 业务科 (the hall's managers) may take: the 二次受理 review restarts the clock. */
const REVIEW_ACTIONS: readonly string[] = ['approveResubmission', 'rejectResubmission'];

/**
 * The buttons to show: the actions the API offers for the case's state, less the review (二次受理审核)
 * for users who are not hall managers, in the order the API gives them.
 */
export function visibleActions(available: readonly string[], roles: readonly string[]): CaseActionType[] {
  const manager = roles.includes('hallManager');
  const staff = manager || roles.includes('windowStaff');
  if (!staff) return [];
  return available.filter(
    (a): a is CaseActionType => a in CASE_ACTION_NAMES && (manager || !REVIEW_ACTIONS.includes(a)),
  );
}

/** What the dialog of an action asks for. */
export interface ActionForm {
  /** A required text (reason or result) and its label; null when none is required. */
  text: { field: 'reason' | 'result'; label: string } | null;
  /** An optional note. */
  note: boolean;
  /** A list of materials to choose: the missing ones (correction) or the supplied ones (resubmission). */
  materials: 'missing' | 'supplied' | null;
  /** The special procedure to start. */
  procedure: boolean;
  /** Assigning: the handler. */
  handler: boolean;
  /** Irreversible or weighty: a red button. */
  danger: boolean;
}

export function actionForm(action: CaseActionType): ActionForm {
  const none: ActionForm = {
    text: null,
    note: false,
    materials: null,
    procedure: false,
    handler: false,
    danger: false,
  };
  switch (action) {
    case 'accept':
    case 'reportUp':
    case 'approveResubmission':
      return { ...none, note: true };
    case 'resume':
      return { ...none, note: true };
    case 'deemAccept':
      return none;
    case 'complete':
    case 'completeOnSpot':
      return { ...none, text: { field: 'result', label: '办理结果' } };
    case 'reject':
      return { ...none, text: { field: 'reason', label: '不予受理的理由' }, danger: true };
    case 'return':
      return { ...none, text: { field: 'reason', label: '退回理由' }, danger: true };
    case 'rejectResubmission':
      return { ...none, text: { field: 'reason', label: '审核不通过的理由' }, danger: true };
    case 'withdraw':
      return { ...none, text: { field: 'reason', label: '撤回原因' }, danger: true };
    case 'pause':
      return { ...none, text: { field: 'reason', label: '启动理由' }, procedure: true };
    case 'requestCorrection':
      return { ...none, materials: 'missing', note: true };
    case 'resubmit':
      return { ...none, materials: 'supplied', note: true };
    case 'assign':
      return { ...none, handler: true };
  }
}

export interface ActionInput {
  text?: string;
  note?: string;
  materials?: readonly string[];
  procedure?: string;
  handlerId?: string;
}

/** The action body the API takes (src/server/routes/hall-schemas.ts CaseActionSchema), or a problem. */
export function buildAction(
  type: CaseActionType,
  input: ActionInput,
): { ok: true; action: Record<string, unknown> } | { ok: false; message: string } {
  const form = actionForm(type);
  const action: Record<string, unknown> = { type };
  if (form.text) {
    const text = (input.text ?? '').trim();
    if (!text) return { ok: false, message: `请填写${form.text.label}` };
    action[form.text.field] = text;
  }
  if (form.procedure) {
    if (!input.procedure) return { ok: false, message: '请选择特别程序' };
    action.procedure = input.procedure;
  }
  if (form.materials) {
    const list = [...new Set((input.materials ?? []).map((m) => m.trim()).filter(Boolean))];
    if (list.length === 0)
      return {
        ok: false,
        message: form.materials === 'missing' ? '请列出需要补正的全部材料' : '请选择申请人补交的材料',
      };
    action[form.materials] = list;
  }
  if (form.handler) {
    if (!input.handlerId) return { ok: false, message: '请选择承办人' };
    action.handlerId = input.handlerId;
  }
  const note = (input.note ?? '').trim();
  if (form.note && note) action[type === 'requestCorrection' ? 'reason' : 'note'] = note;
  return { ok: true, action };
}

export type DeadlineDisplay =
  | { state: 'none'; text: string }
  | { state: 'suspended'; text: string }
  | { state: 'due'; date: IsoDate; remaining: number; text: string; tone: 'normal' | 'soon' | 'today' }
  | { state: 'overdue'; date: IsoDate; over: number; text: string };

/**
 * A deadline as the window reads it: the working days left after today (today itself is under way), due
 * today, or overdue by so many working days; suspended while a special procedure runs.
 */
export function deadlineDisplay(
  deadline: IsoDate | null,
  today: IsoDate,
  calendar: WorkCalendar,
  opts: { suspended?: boolean; closed?: boolean } = {},
): DeadlineDisplay {
  if (opts.closed) return { state: 'none', text: '已结束' };
  if (opts.suspended) return { state: 'suspended', text: '特别程序中，暂停计时' };
  if (!deadline) return { state: 'none', text: '未起算' };
  if (deadline === today)
    return { state: 'due', date: deadline, remaining: 0, text: '今天到期', tone: 'today' };
  if (deadline > today) {
    const remaining = countedWorkdays(today, deadline, calendar);
    return {
      state: 'due',
      date: deadline,
      remaining,
      text: `还剩${remaining}个工作日`,
      tone: remaining <= 1 ? 'soon' : 'normal',
    };
  }
  const over = Math.max(1, countedWorkdays(deadline, today, calendar));
  return { state: 'overdue', date: deadline, over, text: `已超期${over}个工作日` };
}

/**
 * Personal data as a screen may show it. The API already masks; a value that comes without a mask (an
 * older server, a mistake) is masked here rather than shown.
 */
export function displayIdNumber(v: string): string {
  return v.includes('*') ? v : maskIdNumber(v);
}
export function displayPhone(v: string): string {
  return v.includes('*') ? v : maskPhone(v);
}
export function displayName(v: string): string {
  return v.includes('*') || [...v.trim()].length <= 1 ? v : maskName(v);
}

export interface IntakeFields {
  name: string;
  idNumber: string;
  phone: string;
}

/** The intake form's problems by field, as the server checks them (GB 11643 and the phone's digits). */
export function intakeProblems(f: IntakeFields, today: IsoDate): Partial<Record<keyof IntakeFields, string>> {
  const out: Partial<Record<keyof IntakeFields, string>> = {};
  const name = f.name.trim();
  if (!name) out.name = '请填写申请人姓名';
  else if ([...name].length > 50) out.name = '申请人姓名不超过50个字';
  const id = checkResidentId(f.idNumber, today);
  if (!f.idNumber.trim()) out.idNumber = '请填写公民身份号码';
  else if (!id.ok) out.idNumber = id.message;
  const phone = f.phone.replace(/[\s-]/g, '');
  if (!phone) out.phone = '请填写联系电话';
  else if (!/^(\+?86)?\d{7,12}$/.test(phone))
    out.phone = '联系电话应为7至12位数字（手机号或带区号的固定电话）';
  return out;
}

/** The kiosk's two fields. */
export function queryProblems(
  caseNumber: string,
  phoneTail: string,
): { caseNumber?: string; phoneTail?: string } {
  const out: { caseNumber?: string; phoneTail?: string } = {};
  if (!/^[0-9A-Za-z-]{6,40}$/.test(caseNumber.trim())) out.caseNumber = '请输入受理时告知的办件编号';
  if (!/^\d{4}$/.test(phoneTail.trim())) out.phoneTail = '请输入手机号后四位数字';
  return out;
}

/** Percent with one decimal, or — when nothing fell due. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/**
 * The LED screen's grid: columns and rows for n windows so that all fit on one 16:9 screen, and the
 * font scale (1 for up to 8 windows, smaller as more share the screen).
 */
export function ledGrid(n: number): { columns: number; rows: number; scale: number } {
  if (n <= 0) return { columns: 1, rows: 1, scale: 1 };
  const columns = n <= 4 ? n : n <= 8 ? 4 : n <= 15 ? 5 : n <= 24 ? 6 : Math.ceil(Math.sqrt(n * 1.8));
  const rows = Math.ceil(n / columns);
  const scale = rows <= 2 ? 1 : Math.max(0.35, 2 / rows);
  return { columns, rows, scale };
}

/** A short description of who acted: the user themself, or a staff member by the start of their id. */
export function actorLabel(
  actorId: string,
  me: string | undefined,
  names: ReadonlyMap<string, string>,
): string {
  if (me && actorId === me) return '本人';
  if (actorId === 'system') return '系统';
  const known = names.get(actorId);
  if (known) return known;
  return actorId ? `工作人员（编号${actorId.slice(0, 8)}）` : '系统';
}

/** The windows a user works today (inclusive dates, Asia/Shanghai), as the server decides. */
export function windowsToday(
  staff: readonly { userId: string; windowId: string; fromDate: string; toDate: string | null }[],
  userId: string,
  today: string,
): string[] {
  return staff
    .filter((s) => s.userId === userId && s.fromDate <= today && (s.toDate === null || s.toDate >= today))
    .map((s) => s.windowId);
}

export const SUB_CASE_STATUS_NAMES: Record<string, string> = {
  pending: '待办',
  inProgress: '办理中',
  completed: '已办结',
  returned: '已退回',
};

/** The moves a department's sub-case of a joint case accepts (core/hall/joint-case.ts). */
export function subCaseMoves(status: string): { move: 'start' | 'complete' | 'return'; name: string }[] {
  if (status === 'pending' || status === 'returned') return [{ move: 'start', name: '开始办理' }];
  if (status === 'inProgress')
    return [
      { move: 'complete', name: '办结子件' },
      { move: 'return', name: '退回子件' },
    ];
  return [];
}
