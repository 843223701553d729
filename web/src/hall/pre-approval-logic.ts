/**
 * The pre-approval pages' pure logic (项目预审): status and action names and tag colours, which action
 * buttons a user sees, the registration form's checks (the core's project code check, amounts typed in
 * 万元 turned into integer 分 without floating point), the history as table rows, and the centers as a list.
 */

import {
  checkProjectCode,
  PRE_APPROVAL_STATUS_NAMES,
  PRE_APPROVAL_STATUSES,
  PRE_APPROVAL_TRANSITIONS,
  type PreApprovalActionType,
  type PreApprovalEvent,
  type PreApprovalProject,
  type PreApprovalStatus,
} from '../../../src/core/hall/pre-approval.ts';
import { parseAmount } from '../../../src/core/kernel/money.ts';
import { normaliseTypedNumber } from '../format/amount.ts';
import type { HistoryRow } from './history.ts';

export type { PreApprovalActionType, PreApprovalEvent, PreApprovalStatus };
export { checkProjectCode, PRE_APPROVAL_STATUSES };

/** A pre-approval as the list gives it: the project (the core's type) and where it stands. */
export interface PreApprovalSummary extends PreApprovalProject {
  id: string;
  centerName: string;
  status: PreApprovalStatus;
  statusName: string;
  version: number;
  submittedAt: string;
  submittedBy: string;
  updatedAt: string;
}

export interface PreApprovalView extends PreApprovalSummary {
  history: PreApprovalEvent[];
  availableActions: PreApprovalActionType[];
}

export const preApprovalStatusName = (s: string): string =>
  PRE_APPROVAL_STATUS_NAMES[s as PreApprovalStatus] ?? s;

/** antd Tag colours by status. */
export function preApprovalStatusColor(s: string): string {
  switch (s) {
    case 'reported':
      return 'success';
    case 'approved':
      return 'cyan';
    case 'rejected':
      return 'default';
    case 'returned':
      return 'warning';
    case 'preliminaryPassed':
      return 'purple';
    default:
      return 'processing';
  }
}

export const preApprovalActionName = (a: PreApprovalActionType): string => PRE_APPROVAL_TRANSITIONS[a].name;

/** What an event is called in the history: the submission (申报) or its action's name. */
export const eventName = (type: PreApprovalEvent['type']): string =>
  type === 'submitted' ? '申报' : preApprovalActionName(type);

/**
 * The buttons a user sees: the actions the API offers, the window's (resubmission) to window staff and
 * hall managers, the decisions (初审, 批准, 上报, 退回, 不予批准) to hall managers (业务科) only.
 */
export function visiblePreApprovalActions(
  available: readonly PreApprovalActionType[],
  roles: readonly string[],
): PreApprovalActionType[] {
  const manager = roles.includes('hallManager');
  const window = manager || roles.includes('windowStaff');
  return available.filter((a) => (a === 'resubmit' ? window : manager));
}

export const canRegister = (roles: readonly string[]): boolean =>
  roles.includes('hallManager') || roles.includes('windowStaff');

/** Whether the action's dialog must have a reason (return, refusal), may have one, and its label. */
export function reasonField(a: PreApprovalActionType): { required: boolean; label: string } {
  if (PRE_APPROVAL_TRANSITIONS[a].needsReason)
    return { required: true, label: a === 'return' ? '退回理由（需补充的内容）' : '不予批准的理由' };
  return { required: false, label: a === 'resubmit' ? '补充说明（可不填）' : '意见（可不填）' };
}

/** An amount typed in 万元 ("356", "1,234.5", "３５６") → integer 分, or the problem in Chinese. */
export function wanToFen(text: string): { ok: true; fen: number } | { ok: false; message: string } {
  const digits = normaliseTypedNumber(text);
  if (!text.trim()) return { ok: false, message: '请填写总投资（万元）' };
  if (digits === null || digits.startsWith('-') || digits.startsWith('+'))
    return { ok: false, message: '总投资应为数字（万元），如 356 或 1234.5' };
  const [, decimals = ''] = digits.split('.');
  if (decimals.length > 6) return { ok: false, message: '总投资最多精确到分（万元后六位小数）' };
  const amount = parseAmount(digits, '万元');
  if (!amount || amount.fen <= 0) return { ok: false, message: '总投资应大于零' };
  if (amount.fen > 100_000_000_000_000)
    return { ok: false, message: '总投资不能超过1万亿元，请核对单位（万元）' };
  return { ok: true, fen: amount.fen };
}

/** The project code field's check: the core's message without its final full stop (antd adds none). */
export function projectCodeProblem(text: string): string | null {
  const r = checkProjectCode(text);
  return r.ok ? null : r.message.replace(/。$/, '');
}

export interface CenterNode {
  id: string;
  name: string;
  children: CenterNode[];
}

/** The center tree as a list for a select, indented by depth. */
export function flattenCenters(nodes: readonly CenterNode[], depth = 0): { value: string; label: string }[] {
  return nodes.flatMap((n) => [
    { value: n.id, label: `${'　'.repeat(depth)}${n.name}` },
    ...flattenCenters(n.children, depth + 1),
  ]);
}

export function preApprovalHistoryRows(history: readonly PreApprovalEvent[]): HistoryRow[] {
  return history.map((e) => ({
    seq: e.seq,
    at: e.at,
    action: eventName(e.type),
    to: preApprovalStatusName(e.to),
    actorId: e.actorId,
    details: e.reason ?? '',
  }));
}

const collator = new Intl.Collator('zh-CN');

/** Rows matching a search text (name, code or construction unit), then by the order given. */
export function filterPreApprovals<T extends PreApprovalSummary>(rows: readonly T[], text: string): T[] {
  const needle = text.trim().normalize('NFKC').toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((r) =>
    [r.projectName, r.projectCode, r.constructionUnit].some((f) =>
      f.normalize('NFKC').toLowerCase().includes(needle),
    ),
  );
}

/** Project names in Chinese order (拼音 by the zh-CN collator), for sorting the table by name. */
export const compareProjectNames = (a: { projectName: string }, b: { projectName: string }): number =>
  collator.compare(a.projectName, b.projectName);
