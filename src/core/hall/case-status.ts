/**
 * A case (办件) as an explicit state machine: the statuses, the actions, the transition table, the events.
 *
 *   submitted ─accept / deemAccept─▶ accepted ─assign─▶ inProgress ⇄ paused (pause / resume: 特别程序)
 *     │ │ └─completeOnSpot (即办件)─▶ completed                  │ └─reportUp (上报件)─▶ reported
 *     │ └─reject─▶ rejected                              complete ─▶ completed ◀─ complete ─┘
 *     └─requestCorrection─▶ correctionRequested          return ─▶ returned
 *   correctionRequested ─resubmit (补正材料齐全)─▶ submitted: the window accepts it (or refuses it) as a new
 *     receipt, within 5 working days of the supplied materials; a second correction notice is not allowed
 *   returned ─resubmit─▶ underReview ─approveResubmission (业务科, 二次受理)─▶ accepted
 *                                    └─rejectResubmission─▶ returned
 *   withdraw (申请人撤回) from any status before completion except paused and reported.
 *
 * completed, rejected and withdrawn are final. The transition function is in case-transition.ts.
 */
import type { IsoDate } from '../workflow/deadlines.ts';
import type { ItemKind } from './service-item.ts';

export const CASE_STATUSES = [
  'submitted',
  'correctionRequested',
  'underReview',
  'accepted',
  'inProgress',
  'paused',
  'reported',
  'returned',
  'completed',
  'rejected',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  submitted: '已收件',
  correctionRequested: '待补正',
  underReview: '二次受理审核中',
  accepted: '已受理',
  inProgress: '办理中',
  paused: '特别程序中',
  reported: '已上报',
  returned: '已退回',
  completed: '已办结',
  rejected: '不予受理',
  withdrawn: '已撤回',
};

export const FINAL_STATUSES: readonly CaseStatus[] = ['completed', 'rejected', 'withdrawn'];
/** Statuses in which an acceptance episode is running (its time limits count, pauses aside). */
export const OPEN_EPISODE_STATUSES: readonly CaseStatus[] = ['accepted', 'inProgress', 'paused', 'reported'];

export const CASE_ACTIONS = [
  'accept',
  'deemAccept',
  'completeOnSpot',
  'reject',
  'requestCorrection',
  'assign',
  'pause',
  'resume',
  'reportUp',
  'complete',
  'return',
  'resubmit',
  'approveResubmission',
  'rejectResubmission',
  'withdraw',
] as const;
export type CaseActionType = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_NAMES: Record<CaseActionType, string> = {
  accept: '受理',
  deemAccept: '视为受理',
  completeOnSpot: '当场办结',
  reject: '不予受理',
  requestCorrection: '一次性告知补正',
  assign: '分办',
  pause: '启动特别程序',
  resume: '特别程序结束',
  reportUp: '上报',
  complete: '办结',
  return: '退回',
  resubmit: '重新提交',
  approveResubmission: '二次受理审核通过',
  rejectResubmission: '二次受理审核不通过',
  withdraw: '撤回',
};

/** `byOrigin`: RESUBMIT_TARGETS, by the status the case is in. */
type To = CaseStatus | 'byOrigin';

/**
 * Where a resubmission goes. Materials supplied after a correction notice (补正) complete an application that
 * was never accepted, so the window decides on it as on a receipt; a resubmission of a case already entered
 * and returned goes through 业务科's 二次受理 review.
 */
export const RESUBMIT_TARGETS = {
  correctionRequested: 'submitted',
  returned: 'underReview',
} as const satisfies Partial<Record<CaseStatus, CaseStatus>>;

/** The transition table: the statuses an action is accepted in, the item kinds it applies to, and where it leads. */
export const CASE_TRANSITIONS: Record<
  CaseActionType,
  { from: readonly CaseStatus[]; kinds: readonly ItemKind[] | 'all'; to: To }
> = {
  accept: { from: ['submitted'], kinds: ['committed', 'joint', 'escalated'], to: 'accepted' },
  deemAccept: { from: ['submitted'], kinds: ['committed', 'joint', 'escalated'], to: 'accepted' },
  completeOnSpot: { from: ['submitted'], kinds: ['immediate'], to: 'completed' },
  reject: { from: ['submitted'], kinds: 'all', to: 'rejected' },
  requestCorrection: { from: ['submitted'], kinds: 'all', to: 'correctionRequested' },
  assign: { from: ['accepted'], kinds: ['committed', 'joint', 'escalated'], to: 'inProgress' },
  pause: { from: ['inProgress'], kinds: ['committed', 'joint', 'escalated'], to: 'paused' },
  resume: { from: ['paused'], kinds: 'all', to: 'inProgress' },
  reportUp: { from: ['accepted', 'inProgress'], kinds: ['escalated'], to: 'reported' },
  complete: { from: ['accepted', 'inProgress', 'reported'], kinds: 'all', to: 'completed' },
  return: { from: ['accepted', 'inProgress', 'reported'], kinds: 'all', to: 'returned' },
  resubmit: { from: ['correctionRequested', 'returned'], kinds: 'all', to: 'byOrigin' },
  approveResubmission: { from: ['underReview'], kinds: 'all', to: 'accepted' },
  rejectResubmission: { from: ['underReview'], kinds: 'all', to: 'returned' },
  withdraw: {
    from: ['submitted', 'correctionRequested', 'underReview', 'accepted', 'inProgress', 'returned'],
    kinds: 'all',
    to: 'withdrawn',
  },
};

/**
 * Working days after receipt (or after the materials a correction notice asked for were supplied) within which
 * a case must be accepted, refused or sent a correction notice.
 */
export const ACCEPTANCE_DECISION_DAYS = 5;

export type CaseAction =
  | { type: 'accept'; note?: string }
  | { type: 'deemAccept' }
  | { type: 'completeOnSpot'; result: string }
  | { type: 'reject'; reason: string }
  | { type: 'requestCorrection'; missing: readonly string[]; reason?: string }
  | { type: 'assign'; handlerId: string }
  | { type: 'pause'; procedure: string; reason: string }
  | { type: 'resume'; reason?: string }
  | { type: 'reportUp'; note?: string }
  | {
      type: 'complete';
      result: string;
      /** 联办件: every department's sub-case (joint-case.ts); all must be completed. */
      subCases?: readonly { department: string; status: string }[];
    }
  | { type: 'return'; reason: string }
  | { type: 'resubmit'; supplied: readonly string[]; note?: string }
  | { type: 'approveResubmission'; note?: string }
  | { type: 'rejectResubmission'; reason: string }
  | { type: 'withdraw'; reason: string };

interface EventBase {
  /** Position in the history, from 0. */
  seq: number;
  /** ISO timestamp. */
  at: string;
  actorId: string;
  from: CaseStatus | null;
  to: CaseStatus;
  /** Why: required for refusals, returns, corrections, pauses and withdrawals; a note otherwise. */
  reason: string | null;
}

export type CaseEvent =
  | (EventBase & { type: 'submitted'; caseId: string; itemCode: string; kind: ItemKind; windowId: string })
  | (EventBase & { type: 'accepted'; clockStart: IsoDate; deemed: boolean })
  | (EventBase & { type: 'completedOnSpot'; clockStart: IsoDate; result: string })
  | (EventBase & { type: 'rejected' })
  | (EventBase & { type: 'correctionRequested'; missing: string[] })
  | (EventBase & { type: 'assigned'; handlerId: string })
  | (EventBase & { type: 'paused'; procedure: string })
  | (EventBase & { type: 'resumed' })
  | (EventBase & { type: 'reportedUp'; authority: string })
  | (EventBase & { type: 'completed'; result: string })
  | (EventBase & { type: 'returned' })
  | (EventBase & { type: 'resubmitted'; supplied: string[] })
  | (EventBase & { type: 'resubmissionApproved'; clockStart: IsoDate })
  | (EventBase & { type: 'resubmissionRejected' })
  | (EventBase & { type: 'withdrawn' });

export type CaseEventType = CaseEvent['type'];

export interface CaseState {
  caseId: string;
  itemCode: string;
  kind: ItemKind;
  /** The window that received the case (the lead window of a joint case). */
  windowId: string;
  status: CaseStatus;
  /** First receipt (ISO timestamp). */
  receivedAt: string;
  /** Staff handling the current episode (assign), null before assignment. */
  handlerId: string | null;
  /**
   * When the running acceptance decision window opened: the receipt, or the resubmission that supplied the
   * materials of the correction notice (补正材料之日). A case not decided on within 5 working days of it counts
   * as accepted from it.
   */
  decisionFrom: string;
  /** The one correction notice (一次性告知), if any. */
  correction: { at: string; missing: string[] } | null;
  /** The running or last acceptance episode: the clock starts on `clockStart` (that day not counted). */
  episode: { index: number; acceptedAt: string; clockStart: IsoDate; deemed: boolean } | null;
  pausedSince: { at: string; procedure: string } | null;
  reportedAt: string | null;
  /** When the case reached a final status. */
  closedAt: string | null;
  /** Every transition, oldest first; only ever appended to. */
  history: CaseEvent[];
}

export type CaseErrorCode =
  | 'INVALID_TRANSITION'
  | 'WRONG_ITEM_KIND'
  | 'REASON_REQUIRED'
  | 'MATERIALS_REQUIRED'
  | 'MATERIALS_MISSING'
  | 'DECISION_TOO_LATE'
  | 'CORRECTION_ALREADY_SENT'
  | 'NOT_YET_DEEMED'
  | 'UNKNOWN_PROCEDURE'
  | 'SUB_CASES_OPEN'
  | 'ITEM_MISMATCH'
  | 'TIME_REVERSED';

export interface CaseError {
  code: CaseErrorCode;
  message: string;
}

export type CaseResult = { ok: true; state: CaseState; event: CaseEvent } | { ok: false; error: CaseError };

/**
 * The actions accepted in a status for an item kind (for buttons; the access policy decides who may). Once
 * the one correction notice has been sent, another is not offered.
 */
export function availableCaseActions(
  status: CaseStatus,
  kind: ItemKind,
  correctionSent = false,
): CaseActionType[] {
  return CASE_ACTIONS.filter((a) => {
    const rule = CASE_TRANSITIONS[a];
    if (a === 'requestCorrection' && correctionSent) return false;
    return rule.from.includes(status) && (rule.kinds === 'all' || rule.kinds.includes(kind));
  });
}
