/**
 * The budget workflow as an explicit state machine (issue #4):
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──publish──▶ published ──correct──▶ published (v+1)
 *                      │    ▲
 *               return │    │ submit (after edits, or with new justifications)
 *                      ▼    │
 *                     returned ──edit──▶ returned
 *
 * Editing is accepted in draft and returned only and does not change the status: a returned budget stays
 * returned while it is being reworked, so the reviewer's comments stay in force and visible until it is
 * submitted again. Published is never left: a correction publishes a new version and keeps it published.
 *
 * Pure: no I/O, no clock. The caller passes `now`; the store persists the state and the events.
 */
import type { Finding, Severity } from '../audit/rule.ts';

export const BUDGET_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

export const BUDGET_STATUS_NAMES: Record<BudgetStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已批复',
  published: '已公开',
};

export const WORKFLOW_ACTIONS = ['edit', 'submit', 'return', 'approve', 'publish', 'correct'] as const;
export type WorkflowActionType = (typeof WORKFLOW_ACTIONS)[number];

export const WORKFLOW_ACTION_NAMES: Record<WorkflowActionType, string> = {
  edit: '编辑',
  submit: '提交',
  return: '退回',
  approve: '批复',
  publish: '公开',
  correct: '更正',
};

/** The transition table: the statuses an action is accepted in, and the status it leads to. */
export const TRANSITIONS: Record<
  WorkflowActionType,
  { from: readonly BudgetStatus[]; to: BudgetStatus | 'same' }
> = {
  edit: { from: ['draft', 'returned'], to: 'same' },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
  correct: { from: ['published'], to: 'published' },
};

/** Justifications of error findings and reasons for corrections: at least this many characters (trimmed). */
export const MIN_REASON_LENGTH = 10;

export interface WorkflowState {
  status: BudgetStatus;
  /** Published versions: 0 before publication, 1 after it, one more for each correction. */
  publishedVersion: number;
  /** ISO timestamps of the latest submission, approval, first publication and latest correction. */
  submittedAt: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  correctedAt: string | null;
  /** The latest return, kept after resubmission as the history the reviewer reads. */
  lastReturn: { at: string; actorId: string; comments: string } | null;
}

export type WorkflowAction =
  | { type: 'edit' }
  | {
      type: 'submit';
      /** The auditor's findings on the budget as it is submitted. */
      findings: readonly Finding[];
      /** findingKey(finding) → the written reason an error finding is acceptable. */
      justifications?: Readonly<Record<string, string>>;
    }
  | { type: 'return'; comments: string }
  | { type: 'approve' }
  | { type: 'publish' }
  | { type: 'correct'; reason: string };

export interface TransitionContext {
  now: Date;
  actorId: string;
}

interface EventBase {
  at: string;
  actorId: string;
  from: BudgetStatus;
  to: BudgetStatus;
}

export interface JustifiedFinding {
  key: string;
  rule: string;
  message: string;
  justification: string;
}

export type WorkflowEvent =
  | (EventBase & { type: 'edited' })
  | (EventBase & {
      type: 'submitted';
      /** Error findings submitted with their written justifications. */
      justified: JustifiedFinding[];
      findingCounts: Record<Severity, number>;
    })
  | (EventBase & { type: 'returned'; comments: string })
  | (EventBase & { type: 'approved' })
  | (EventBase & { type: 'published'; version: number })
  | (EventBase & { type: 'corrected'; version: number; reason: string });

export type WorkflowErrorCode =
  | 'INVALID_TRANSITION'
  | 'UNJUSTIFIED_FINDINGS'
  | 'COMMENTS_REQUIRED'
  | 'REASON_REQUIRED';

export interface UnjustifiedFinding {
  key: string;
  rule: string;
  message: string;
  /** No justification given, or one shorter than MIN_REASON_LENGTH. */
  problem: 'missing' | 'tooShort';
}

export interface WorkflowError {
  code: WorkflowErrorCode;
  message: string;
  /** For UNJUSTIFIED_FINDINGS: every error finding still lacking a sufficient justification. */
  unjustified?: UnjustifiedFinding[];
}

export type TransitionResult =
  | { ok: true; state: WorkflowState; events: WorkflowEvent[] }
  | { ok: false; error: WorkflowError };

export function initialWorkflowState(): WorkflowState {
  return {
    status: 'draft',
    publishedVersion: 0,
    submittedAt: null,
    approvedAt: null,
    publishedAt: null,
    correctedAt: null,
    lastReturn: null,
  };
}

/** The actions accepted in a status (for buttons; the policy decides who may take them). */
export function availableActions(status: BudgetStatus): WorkflowActionType[] {
  return WORKFLOW_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

const quoted = (s: BudgetStatus) => `“${BUDGET_STATUS_NAMES[s]}”`;

/** Why an action is not accepted in a status, in Chinese. */
export function statusMessage(status: BudgetStatus, action: WorkflowActionType): string {
  const name = WORKFLOW_ACTION_NAMES[action];
  const only = `只有${TRANSITIONS[action].from.map(quoted).join('或')}的预算可以${name}。`;
  const extra =
    status === 'published' && action === 'edit' ? '已公开的预算不能修改，如有错误请提交更正。' : '';
  return `预算当前为${quoted(status)}状态，不能${name}：${only}${extra}`;
}

/** Length of a written reason in characters (code points), ignoring surrounding white space. */
export function reasonLength(text: string): number {
  return [...text.trim()].length;
}

/**
 * A finding's stable key: its rule and a hash of its message and evidence. The source positions are left
 * out (they move when unrelated text moves), and so is the severity (configuration may change it); the
 * message and the figures identify the finding.
 */
export function findingKey(finding: Pick<Finding, 'rule' | 'message' | 'evidence'>): string {
  const { sources: _positions, ...evidence } = finding.evidence;
  return `${finding.rule}:${fnv1a64(canonicalJson({ message: finding.message, evidence }))}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** FNV-1a, 64 bits, over UTF-8: pure and the same in Node and browsers. */
function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * FNV_PRIME) & MASK_64;
  }
  return h.toString(16).padStart(16, '0');
}

/** Every error finding with a justification of at least MIN_REASON_LENGTH characters, or what is missing. */
export function checkJustifications(
  findings: readonly Finding[],
  justifications: Readonly<Record<string, string>> = {},
): { ok: true; justified: JustifiedFinding[] } | { ok: false; unjustified: UnjustifiedFinding[] } {
  const justified: JustifiedFinding[] = [];
  const unjustified: UnjustifiedFinding[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    const key = findingKey(f);
    if (seen.has(key)) continue;
    seen.add(key);
    const text = Object.hasOwn(justifications, key) ? justifications[key] : undefined;
    if (text === undefined || reasonLength(text) === 0) {
      unjustified.push({ key, rule: f.rule, message: f.message, problem: 'missing' });
    } else if (reasonLength(text) < MIN_REASON_LENGTH) {
      unjustified.push({ key, rule: f.rule, message: f.message, problem: 'tooShort' });
    } else {
      justified.push({ key, rule: f.rule, message: f.message, justification: text.trim() });
    }
  }
  return unjustified.length ? { ok: false, unjustified } : { ok: true, justified };
}

function fail(
  code: WorkflowErrorCode,
  message: string,
  unjustified?: UnjustifiedFinding[],
): TransitionResult {
  return { ok: false, error: unjustified ? { code, message, unjustified } : { code, message } };
}

/** Applies an action to a workflow state: the next state and the events to record, or why not. */
export function transition(
  state: WorkflowState,
  action: WorkflowAction,
  context: TransitionContext,
): TransitionResult {
  const from = state.status;
  if (!TRANSITIONS[action.type].from.includes(from)) {
    return fail('INVALID_TRANSITION', statusMessage(from, action.type));
  }
  const at = context.now.toISOString();
  const base = { at, actorId: context.actorId, from };
  switch (action.type) {
    case 'edit':
      return { ok: true, state, events: [{ ...base, to: from, type: 'edited' }] };
    case 'submit': {
      const check = checkJustifications(action.findings, action.justifications);
      if (!check.ok) {
        const n = check.unjustified.length;
        const short = check.unjustified.filter((u) => u.problem === 'tooShort').length;
        const detail = short ? `（其中${short}条理由不足${MIN_REASON_LENGTH}个字）` : '';
        return fail(
          'UNJUSTIFIED_FINDINGS',
          `审核发现${n}个错误没有书面说明理由${detail}，不能提交：请修改预算，或逐条说明理由（每条不少于${MIN_REASON_LENGTH}个字）。`,
          check.unjustified,
        );
      }
      const findingCounts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
      for (const f of action.findings) findingCounts[f.severity]++;
      return {
        ok: true,
        state: { ...state, status: 'submitted', submittedAt: at },
        events: [{ ...base, to: 'submitted', type: 'submitted', justified: check.justified, findingCounts }],
      };
    }
    case 'return': {
      const comments = action.comments.trim();
      if (!comments) return fail('COMMENTS_REQUIRED', '退回预算时应写明退回意见。');
      return {
        ok: true,
        state: { ...state, status: 'returned', lastReturn: { at, actorId: context.actorId, comments } },
        events: [{ ...base, to: 'returned', type: 'returned', comments }],
      };
    }
    case 'approve':
      return {
        ok: true,
        state: { ...state, status: 'approved', approvedAt: at },
        events: [{ ...base, to: 'approved', type: 'approved' }],
      };
    case 'publish':
      return {
        ok: true,
        state: { ...state, status: 'published', publishedVersion: 1, publishedAt: at },
        events: [{ ...base, to: 'published', type: 'published', version: 1 }],
      };
    case 'correct': {
      const reason = action.reason.trim();
      if (reasonLength(reason) < MIN_REASON_LENGTH) {
        return fail('REASON_REQUIRED', `更正已公开的预算应写明更正理由，不少于${MIN_REASON_LENGTH}个字。`);
      }
      const version = state.publishedVersion + 1;
      return {
        ok: true,
        state: { ...state, publishedVersion: version, correctedAt: at },
        events: [{ ...base, to: 'published', type: 'corrected', version, reason }],
      };
    }
  }
}

/**
 * What is wrong with a workflow state (empty when it is one the machine can reach): for a store that loads
 * states from a database, and for the tests.
 */
export function workflowStateProblems(s: WorkflowState): string[] {
  const problems: string[] = [];
  const need = (cond: boolean, message: string) => {
    if (!cond) problems.push(message);
  };
  if (!(BUDGET_STATUSES as readonly string[]).includes(s.status)) return [`未知状态：${String(s.status)}`];
  need(Number.isInteger(s.publishedVersion) && s.publishedVersion >= 0, '公开版本号应为非负整数');
  const published = s.status === 'published';
  need(published === s.publishedVersion >= 1, '只有已公开的预算有公开版本');
  need(published === (s.publishedAt !== null), '只有已公开的预算有公开时间');
  need((s.correctedAt !== null) === s.publishedVersion >= 2, '更正时间与公开版本不符');
  need(
    (s.status === 'approved' || published) === (s.approvedAt !== null),
    '只有已批复或已公开的预算有批复时间',
  );
  need((s.status === 'draft') === (s.submittedAt === null), '除草稿外，预算都应有提交时间');
  need(s.status !== 'returned' || s.lastReturn !== null, '已退回的预算应有退回意见');
  need(s.lastReturn === null || s.lastReturn.comments.trim() !== '', '退回意见不能为空');
  return problems;
}
