/** A case's history as table rows: when, what, to which status, who, and why (with the event's details). */
import type { CaseEvent } from '../../../src/core/hall/case-status.ts';

const EVENT_NAMES: Record<CaseEvent['type'], string> = {
  submitted: '收件',
  accepted: '受理',
  completedOnSpot: '当场办结',
  rejected: '不予受理',
  correctionRequested: '一次性告知补正',
  assigned: '分办',
  paused: '启动特别程序',
  resumed: '特别程序结束',
  reportedUp: '上报',
  completed: '办结',
  returned: '退回',
  resubmitted: '重新提交',
  resubmissionApproved: '二次受理审核通过',
  resubmissionRejected: '二次受理审核不通过',
  withdrawn: '撤回',
};

export interface HistoryRow {
  seq: number;
  at: string;
  action: string;
  to: string;
  actorId: string;
  details: string;
}

function details(e: CaseEvent): string[] {
  switch (e.type) {
    case 'accepted':
      return [e.deemed ? '视为受理' : '', `起算日 ${e.clockStart}`];
    case 'resubmissionApproved':
      return [`重新起算，起算日 ${e.clockStart}`];
    case 'completedOnSpot':
    case 'completed':
      return [`办理结果：${e.result}`];
    case 'correctionRequested':
      return [`需补正：${e.missing.join('、')}`];
    case 'resubmitted':
      return [`补交：${e.supplied.join('、')}`];
    case 'paused':
      return [`特别程序：${e.procedure}`];
    case 'reportedUp':
      return [`上报至：${e.authority}`];
    default:
      return [];
  }
}

export function historyRows(history: readonly CaseEvent[]): HistoryRow[] {
  return history.map((e) => ({
    seq: e.seq,
    at: e.at,
    action: EVENT_NAMES[e.type] ?? e.type,
    to: e.to,
    actorId: e.actorId,
    details: [...details(e), e.reason ?? ''].filter(Boolean).join('；'),
  }));
}
