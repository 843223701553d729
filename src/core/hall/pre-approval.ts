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

/** The actions the flow accepts from a status (the policy decides who may take them). */
export function availablePreApprovalActions(status: PreApprovalStatus): PreApprovalActionType[] {
  return (Object.keys(PRE_APPROVAL_TRANSITIONS) as PreApprovalActionType[]).filter((t) =>
    PRE_APPROVAL_TRANSITIONS[t].from.includes(status),
  );
}

/**
 * The project a pre-approval is about. Money is integer 分 (shown in 万元). `centerId` is the service
 * center it was registered at; `authority` the higher authority it is reported to (e.g. 秦皇岛市行政审批局).
 */
export interface PreApprovalProject {
  projectName: string;
  /** 投资项目代码: 年份-行政区划-行业-项目类型-流水号, e.g. 2018-130303-47-01-000123. */
  projectCode: string;
  /** 建设单位. */
  constructionUnit: string;
  location: string;
  totalInvestmentFen: number;
  /** 建设内容及规模. */
  content: string;
  centerId: string;
  authority: string;
}

/** Province-level prefixes of GB/T 2260 administrative division codes (71 台湾, 81 香港, 82 澳门 included). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82,
]);

const CODE_FORMAT =
  '投资项目代码应为“年份-6位行政区划代码-2位行业代码-2位项目类型代码-6位流水号”，如 2018-130303-47-01-000123';

export type ProjectCodeResult = { ok: true; code: string } | { ok: false; message: string };

/**
 * Checks an investment project code (投资项目代码, as the national online approval platform assigns it)
 * loosely: the shape, a plausible year, a province-level prefix to the division code, and no all-zero
 * parts. Full-width digits, spaces and other dashes are accepted and normalised; twenty digits without
 * dashes are split. No check digit exists to verify.
 */
export function checkProjectCode(input: string): ProjectCodeResult {
  const folded = input
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—―−－_]/g, '-');
  const digitsOnly = /^\d{20}$/.test(folded)
    ? `${folded.slice(0, 4)}-${folded.slice(4, 10)}-${folded.slice(10, 12)}-${folded.slice(12, 14)}-${folded.slice(14)}`
    : folded;
  if (!digitsOnly) return { ok: false, message: '请填写投资项目代码。' };
  const m = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/.exec(digitsOnly);
  if (!m) return { ok: false, message: `${CODE_FORMAT}。` };
  const [, year = '', region = '', industry = '', type = '', serial = ''] = m;
  const y = Number(year);
  if (y < 2000 || y > 2099)
    return { ok: false, message: `投资项目代码的年份“${year}”不正确：应为赋码的年份。` };
  if (!PROVINCES.has(Number(region.slice(0, 2))))
    return {
      ok: false,
      message: `投资项目代码的行政区划代码“${region}”不正确：前两位应为省级代码（如河北省为13）。`,
    };
  if (industry === '00') return { ok: false, message: '投资项目代码的行业代码不能为“00”。' };
  if (type === '00') return { ok: false, message: '投资项目代码的项目类型代码不能为“00”。' };
  if (serial === '000000') return { ok: false, message: '投资项目代码的流水号不能为“000000”。' };
  return { ok: true, code: digitsOnly };
}

/** The largest total investment taken: 1万亿元 (beyond it is a typing error, and far below unsafe integers). */
export const MAX_TOTAL_INVESTMENT_FEN = 100_000_000_000_000;

/** What is wrong with a project as entered (empty when it may be registered), in Chinese. */
export function preApprovalProjectProblems(p: PreApprovalProject): string[] {
  const problems: string[] = [];
  const code = checkProjectCode(p.projectCode);
  if (!code.ok) problems.push(code.message);
  const required: [keyof PreApprovalProject, string][] = [
    ['projectName', '项目名称'],
    ['constructionUnit', '建设单位'],
    ['location', '建设地点'],
    ['content', '建设内容及规模'],
    ['authority', '上报机关'],
  ];
  for (const [field, name] of required) if (!String(p[field]).trim()) problems.push(`请填写${name}。`);
  const fen = p.totalInvestmentFen;
  if (!Number.isSafeInteger(fen)) problems.push('总投资应为以分计的整数金额。');
  else if (fen <= 0) problems.push('总投资应大于零。');
  else if (fen > MAX_TOTAL_INVESTMENT_FEN) problems.push('总投资超过1万亿元，请核对金额单位（万元）。');
  return problems;
}
