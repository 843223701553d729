/**
 * Joint cases (联办件): the lead window receives the case; each department involved handles a sub-case in
 * parallel; joint review meetings (联审会) and joint site surveys (联合踏勘) are recorded; the case
 * completes only when every sub-case has. A department invited to a review meeting that does not attend is
 * deemed to agree (缺席视为同意). Pure: the caller passes `now` and the actor.
 */
import type { IsoDate } from '../workflow/deadlines.ts';
import type { CaseAction } from './case-status.ts';
import type { ServiceItem } from './service-item.ts';

export const SUB_CASE_STATUSES = ['pending', 'inProgress', 'completed', 'returned'] as const;
export type SubCaseStatus = (typeof SUB_CASE_STATUSES)[number];
export const SUB_CASE_STATUS_NAMES: Record<SubCaseStatus, string> = {
  pending: '待办',
  inProgress: '办理中',
  completed: '已办结',
  returned: '已退回',
};

export interface SubCase {
  department: string;
  windowId: string;
  status: SubCaseStatus;
  /** The department's opinion (办理意见) when it completed or returned its part. */
  opinion: string | null;
}

export type Position = 'agree' | 'disagree' | 'deemedAgree';

export interface JointReview {
  date: IsoDate;
  invited: string[];
  attendees: { department: string; person: string }[];
  decisions: string[];
  positions: Record<string, Position>;
  outcome: 'agreed' | 'disagreed';
}

export interface JointSiteSurvey {
  date: IsoDate;
  participants: { department: string; person: string }[];
  findings: string;
}

export interface JointEvent {
  at: string;
  actorId: string;
  type: 'started' | 'subCaseStarted' | 'subCaseCompleted' | 'subCaseReturned' | 'reviewed' | 'surveyed';
  department: string | null;
  reason: string | null;
}

export interface JointCase {
  caseId: string;
  leadDepartment: string;
  leadWindowId: string;
  subCases: SubCase[];
  reviews: JointReview[];
  surveys: JointSiteSurvey[];
  log: JointEvent[];
}

export interface JointContext {
  now: Date;
  actorId: string;
}

export type JointResult = { ok: true; joint: JointCase } | { ok: false; message: string };

const fail = (message: string): JointResult => ({ ok: false, message });
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function logged(j: JointCase, ctx: JointContext, e: Omit<JointEvent, 'at' | 'actorId'>): JointCase['log'] {
  return [...j.log, { ...e, at: ctx.now.toISOString(), actorId: ctx.actorId }];
}

/** Opens the sub-cases: the lead department's and one per joint department, each at its window. */
export function startJointCase(
  input: {
    caseId: string;
    item: ServiceItem;
    leadWindowId: string;
    windows: Readonly<Record<string, string>>;
  },
  ctx: JointContext,
): JointResult {
  const { item } = input;
  if (item.kind !== 'joint') return fail(`事项“${item.name}”不是联办件`);
  const departments = [item.department, ...item.jointDepartments];
  const missing = departments.filter((d) => !input.windows[d]?.trim());
  if (missing.length) return fail(`以下部门没有指定窗口：${missing.join('、')}`);
  const joint: JointCase = {
    caseId: input.caseId,
    leadDepartment: item.department,
    leadWindowId: input.leadWindowId,
    subCases: departments.map((department) => ({
      department,
      windowId: input.windows[department] ?? '',
      status: 'pending',
      opinion: null,
    })),
    reviews: [],
    surveys: [],
    log: [],
  };
  return {
    ok: true,
    joint: { ...joint, log: logged(joint, ctx, { type: 'started', department: null, reason: null }) },
  };
}

const SUB_MOVES = {
  start: { from: ['pending', 'returned'], to: 'inProgress', event: 'subCaseStarted', name: '开始办理' },
  complete: { from: ['inProgress'], to: 'completed', event: 'subCaseCompleted', name: '办结' },
  return: { from: ['inProgress'], to: 'returned', event: 'subCaseReturned', name: '退回' },
} as const;

/** A department starts, completes (with its opinion) or returns (with its reason) its sub-case. */
export function moveSubCase(
  j: JointCase,
  department: string,
  move: keyof typeof SUB_MOVES,
  opinion: string | null,
  ctx: JointContext,
): JointResult {
  const sub = j.subCases.find((c) => c.department === department);
  if (!sub) return fail(`${department}不是本联办件的参与部门`);
  const rule = SUB_MOVES[move];
  if (!(rule.from as readonly SubCaseStatus[]).includes(sub.status)) {
    return fail(`${department}的子件当前为“${SUB_CASE_STATUS_NAMES[sub.status]}”，不能${rule.name}`);
  }
  const text = opinion?.trim() || null;
  if (move !== 'start' && !text) return fail(`${department}${rule.name}子件应写明办理意见`);
  const subCases = j.subCases.map((c) =>
    c.department === department ? { ...c, status: rule.to, opinion: move === 'start' ? null : text } : c,
  );
  return {
    ok: true,
    joint: { ...j, subCases, log: logged(j, ctx, { type: rule.event, department, reason: text }) },
  };
}

/** Records a joint review meeting; invited departments that did not attend are deemed to agree. */
export function recordJointReview(
  j: JointCase,
  input: {
    date: IsoDate;
    invited: readonly string[];
    attendees: readonly { department: string; person: string }[];
    decisions: readonly string[];
    /** Each attending department's position. */
    positions: Readonly<Record<string, 'agree' | 'disagree'>>;
  },
  ctx: JointContext,
): JointResult {
  if (!DATE.test(input.date)) return fail('联审会日期应为 YYYY-MM-DD');
  const involved = new Set(j.subCases.map((c) => c.department));
  const strangers = input.invited.filter((d) => !involved.has(d));
  if (!input.invited.length) return fail('联审会应邀请参与联办的部门');
  if (strangers.length) return fail(`以下部门不是本联办件的参与部门：${strangers.join('、')}`);
  const attending = new Set(input.attendees.map((a) => a.department));
  const uninvited = [...attending].filter((d) => !input.invited.includes(d));
  if (uninvited.length) return fail(`以下出席部门未被邀请：${uninvited.join('、')}`);
  const silent = [...attending].filter((d) => !input.positions[d]);
  if (silent.length) return fail(`出席部门应表明意见：${silent.join('、')}`);
  const decisions = input.decisions.map((d) => d.trim()).filter(Boolean);
  if (!decisions.length) return fail('联审会应记录会议决定');
  const positions: Record<string, Position> = {};
  for (const d of input.invited)
    positions[d] = attending.has(d) ? (input.positions[d] ?? 'agree') : 'deemedAgree';
  const review: JointReview = {
    date: input.date,
    invited: [...input.invited],
    attendees: input.attendees.map((a) => ({ ...a })),
    decisions,
    positions,
    outcome: Object.values(positions).includes('disagree') ? 'disagreed' : 'agreed',
  };
  const reason = `联审会（${input.date}）：${review.outcome === 'agreed' ? '同意' : '有部门不同意'}`;
  return {
    ok: true,
    joint: {
      ...j,
      reviews: [...j.reviews, review],
      log: logged(j, ctx, { type: 'reviewed', department: null, reason }),
    },
  };
}

/** Records a joint site survey by the departments involved. */
export function recordSiteSurvey(j: JointCase, input: JointSiteSurvey, ctx: JointContext): JointResult {
  if (!DATE.test(input.date)) return fail('联合踏勘日期应为 YYYY-MM-DD');
  const involved = new Set(j.subCases.map((c) => c.department));
  if (!input.participants.length) return fail('联合踏勘应记录参加人员');
  const strangers = input.participants.filter((p) => !involved.has(p.department)).map((p) => p.department);
  if (strangers.length) return fail(`以下部门不是本联办件的参与部门：${strangers.join('、')}`);
  const findings = input.findings.trim();
  if (!findings) return fail('联合踏勘应记录踏勘意见');
  const survey = { date: input.date, participants: input.participants.map((p) => ({ ...p })), findings };
  const reason = `联合踏勘（${input.date}）`;
  return {
    ok: true,
    joint: {
      ...j,
      surveys: [...j.surveys, survey],
      log: logged(j, ctx, { type: 'surveyed', department: null, reason }),
    },
  };
}

/** The departments whose sub-case is not completed yet. */
export function openSubCases(j: JointCase): string[] {
  return j.subCases.filter((c) => c.status !== 'completed').map((c) => c.department);
}

/** The `complete` action for the lead case (transitionCase checks the sub-cases again). */
export function jointCompletion(
  j: JointCase,
  result: string,
): { ok: true; action: CaseAction } | { ok: false; message: string } {
  const open = openSubCases(j);
  if (open.length)
    return { ok: false, message: `联办件应在各部门子件全部办结后办结；尚未办结：${open.join('、')}` };
  return {
    ok: true,
    action: {
      type: 'complete',
      result,
      subCases: j.subCases.map((c) => ({ department: c.department, status: c.status })),
    },
  };
}
