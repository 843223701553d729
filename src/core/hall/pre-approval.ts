/**
 * Investment project pre-approval (投资项目预审): its own small flow.
 *
 *   submitted ─passPreliminary (初审)─▶ preliminaryPassed ─approve─▶ approved ─reportUp─▶ reported
 *      ▲   │ return / reject                 │ return / reject
 *      │   ▼                                 ▼
 *   resubmit ◀── returned              rejected (final)
 *
 * Every transition records who, when and why. Pure: `now` is passed in.
 */
export const PRE_APPROVAL_STATUSES = [
  'submitted',
  'preliminaryPassed',
  'approved',
  'reported',
  'returned',
  'rejected',
] as const;
export type PreApprovalStatus = (typeof PRE_APPROVAL_STATUSES)[number];

export const PRE_APPROVAL_STATUS_NAMES: Record<PreApprovalStatus, string> = {
  submitted: '已申报',
  preliminaryPassed: '初审通过',
  approved: '已批准',
  reported: '已上报',
  returned: '已退回补充',
  rejected: '不予批准',
};

export type PreApprovalActionType =
  | 'passPreliminary'
  | 'approve'
  | 'reportUp'
  | 'return'
  | 'resubmit'
  | 'reject';

export const PRE_APPROVAL_TRANSITIONS: Record<
  PreApprovalActionType,
  { from: readonly PreApprovalStatus[]; to: PreApprovalStatus; name: string; needsReason: boolean }
> = {
  passPreliminary: { from: ['submitted'], to: 'preliminaryPassed', name: '初审通过', needsReason: false },
  approve: { from: ['preliminaryPassed'], to: 'approved', name: '批准', needsReason: false },
  reportUp: { from: ['approved'], to: 'reported', name: '上报', needsReason: false },
  return: { from: ['submitted', 'preliminaryPassed'], to: 'returned', name: '退回补充', needsReason: true },
  resubmit: { from: ['returned'], to: 'submitted', name: '重新申报', needsReason: false },
  reject: { from: ['submitted', 'preliminaryPassed'], to: 'rejected', name: '不予批准', needsReason: true },
};

export const PRE_APPROVAL_FINAL: readonly PreApprovalStatus[] = ['reported', 'rejected'];

export interface PreApprovalEvent {
  seq: number;
  type: PreApprovalActionType | 'submitted';
  at: string;
  actorId: string;
  from: PreApprovalStatus | null;
  to: PreApprovalStatus;
  reason: string | null;
}

export interface PreApproval {
  projectId: string;
  projectName: string;
  status: PreApprovalStatus;
  history: PreApprovalEvent[];
}

export type PreApprovalResult = { ok: true; state: PreApproval } | { ok: false; message: string };

export function submitPreApproval(
  input: { projectId: string; projectName: string },
  ctx: { now: Date; actorId: string },
): PreApproval {
  const at = ctx.now.toISOString();
  return {
    ...input,
    status: 'submitted',
    history: [
      { seq: 0, type: 'submitted', at, actorId: ctx.actorId, from: null, to: 'submitted', reason: null },
    ],
  };
}

export function transitionPreApproval(
  s: PreApproval,
  action: { type: PreApprovalActionType; reason?: string },
  ctx: { now: Date; actorId: string },
): PreApprovalResult {
  const rule = PRE_APPROVAL_TRANSITIONS[action.type];
  if (!rule.from.includes(s.status)) {
    const only = rule.from.map((f) => `“${PRE_APPROVAL_STATUS_NAMES[f]}”`).join('或');
    return {
      ok: false,
      message: `项目预审当前为“${PRE_APPROVAL_STATUS_NAMES[s.status]}”，不能${rule.name}：只有${only}的可以${rule.name}。`,
    };
  }
  const reason = action.reason?.trim() || null;
  if (rule.needsReason && !reason) return { ok: false, message: `${rule.name}应写明理由。` };
  const at = ctx.now.toISOString();
  const last = s.history.at(-1);
  if (last && at < last.at) return { ok: false, message: `操作时间早于上一次操作（${last.at}）` };
  const event: PreApprovalEvent = {
    seq: s.history.length,
    type: action.type,
    at,
    actorId: ctx.actorId,
    from: s.status,
    to: rule.to,
    reason,
  };
  return { ok: true, state: { ...s, status: rule.to, history: [...s.history, event] } };
}

/** What is wrong with a pre-approval record (empty when the flow can reach it). */
export function preApprovalProblems(s: PreApproval): string[] {
  const problems: string[] = [];
  if (!(PRE_APPROVAL_STATUSES as readonly string[]).includes(s.status))
    return [`未知状态：${String(s.status)}`];
  if (s.history[0]?.type !== 'submitted') return ['项目预审记录应以申报开始'];
  s.history.forEach((e, i) => {
    const prev = s.history[i - 1];
    if (e.seq !== i) problems.push(`第${i + 1}条记录序号不符`);
    if (i === 0) return;
    const rule = e.type === 'submitted' ? null : PRE_APPROVAL_TRANSITIONS[e.type];
    if (!rule || e.from !== prev?.to || !rule.from.includes(e.from) || rule.to !== e.to) {
      problems.push(`第${i + 1}条记录不是允许的状态转换`);
    }
    if (rule?.needsReason && !e.reason) problems.push(`第${i + 1}条记录没有写明理由`);
    if (prev && e.at < prev.at) problems.push(`第${i + 1}条记录时间早于上一条记录`);
  });
  if (s.history.at(-1)?.to !== s.status) problems.push('状态与记录不符');
  return problems;
}
