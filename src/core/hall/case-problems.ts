/**
 * What is wrong with a case record (empty when the state machine can reach it): for a store that loads
 * cases from a database, and for the property tests. The history is the truth: it must be a chain of
 * allowed transitions, and replaying it must give the state exactly.
 */
import { replayCase } from './case-replay.ts';
import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  type CaseActionType,
  type CaseEvent,
  type CaseEventType,
  type CaseState,
  type CaseStatus,
  FINAL_STATUSES,
  OPEN_EPISODE_STATUSES,
  RESUBMIT_TARGETS,
} from './case-status.ts';

/** The action each event records. */
export const EVENT_ACTIONS: Record<Exclude<CaseEventType, 'submitted'>, readonly CaseActionType[]> = {
  accepted: ['accept', 'deemAccept'],
  completedOnSpot: ['completeOnSpot'],
  rejected: ['reject'],
  correctionRequested: ['requestCorrection'],
  assigned: ['assign'],
  paused: ['pause'],
  resumed: ['resume'],
  reportedUp: ['reportUp'],
  completed: ['complete'],
  returned: ['return'],
  resubmitted: ['resubmit'],
  resubmissionApproved: ['approveResubmission'],
  resubmissionRejected: ['rejectResubmission'],
  withdrawn: ['withdraw'],
};

const NEEDS_REASON: readonly CaseEventType[] = [
  'rejected',
  'returned',
  'paused',
  'resubmissionRejected',
  'withdrawn',
];

function eventProblems(
  e: CaseEvent,
  i: number,
  prev: CaseEvent | undefined,
  kind: CaseState['kind'],
): string[] {
  const p: string[] = [];
  const where = `第${i + 1}条记录（${e.type}）`;
  if (e.seq !== i) p.push(`${where}序号应为${i}`);
  if (!e.actorId) p.push(`${where}没有记录操作人`);
  if (Number.isNaN(Date.parse(e.at))) p.push(`${where}时间无效`);
  if (prev && e.at < prev.at) p.push(`${where}时间早于上一条记录`);
  if (NEEDS_REASON.includes(e.type) && !e.reason?.trim()) p.push(`${where}没有写明理由`);
  if (e.type === 'submitted') {
    if (i !== 0 || e.from !== null) p.push(`${where}收件只能是第一条记录`);
    return p;
  }
  if (e.from !== prev?.to) p.push(`${where}的原状态与上一条记录的新状态不符`);
  const allowed = EVENT_ACTIONS[e.type].some((a) => {
    const rule = CASE_TRANSITIONS[a];
    const kindOk = rule.kinds === 'all' || rule.kinds.includes(kind);
    const byOrigin = (RESUBMIT_TARGETS as Partial<Record<CaseStatus, CaseStatus>>)[e.from ?? 'submitted'];
    const toOk = rule.to === 'byOrigin' ? byOrigin === e.to : rule.to === e.to;
    return e.from !== null && rule.from.includes(e.from) && kindOk && toOk;
  });
  if (!allowed) p.push(`${where}不是允许的状态转换（${e.from} → ${e.to}）`);
  if (e.type === 'correctionRequested' && !e.missing.length) p.push(`${where}补正告知没有列明材料`);
  return p;
}

export function caseStateProblems(s: CaseState): string[] {
  if (!(CASE_STATUSES as readonly string[]).includes(s.status)) return [`未知状态：${String(s.status)}`];
  const h = s.history;
  if (h[0]?.type !== 'submitted') return ['办件记录应以收件开始'];
  const problems: string[] = [];
  const need = (cond: boolean, message: string) => {
    if (!cond) problems.push(message);
  };
  h.forEach((e, i) => {
    problems.push(...eventProblems(e, i, h[i - 1], s.kind));
  });
  if (problems.length) return problems;
  need(JSON.stringify(replayCase(h)) === JSON.stringify(s), '办件状态与其记录重放的结果不一致');
  const finals = h.filter((e) => FINAL_STATUSES.includes(e.to));
  need(finals.length <= 1, '办件不能多次进入终结状态');
  need(finals.length === 0 || finals[0] === h[h.length - 1], '终结之后不能再有记录');
  need(FINAL_STATUSES.includes(s.status) === (s.closedAt !== null), '只有已终结的办件有终结时间');
  need(h.filter((e) => e.type === 'correctionRequested').length <= 1, '补正只能一次性告知');
  need((s.status === 'paused') === (s.pausedSince !== null), '只有特别程序中的办件有暂停时间');
  need(
    s.decisionFrom === s.receivedAt || (s.correction !== null && s.decisionFrom >= s.correction.at),
    '只有补正后的办件从补正材料之日起重新计算受理期限',
  );
  need(s.status !== 'reported' || s.reportedAt !== null, '已上报的办件应有上报时间');
  need(!OPEN_EPISODE_STATUSES.includes(s.status) || s.episode !== null, '已受理的办件应有受理记录');
  need(s.status !== 'correctionRequested' || s.correction !== null, '待补正的办件应有补正告知');
  if (s.kind === 'escalated' && s.status === 'completed') {
    const lastEpisode = h.findLastIndex((e) => e.type === 'accepted' || e.type === 'resubmissionApproved');
    need(
      h.slice(lastEpisode).some((e) => e.type === 'reportedUp'),
      '上报件应在上报后办结',
    );
  }
  return problems;
}
