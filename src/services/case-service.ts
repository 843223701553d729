/**
 * Cases at the windows: intake (收件), transitions through the core's state machine (every one recorded
 * with who, when and why; optimistic versions), one case as its window sees it (applicant masked), my
 * cases, and the public query kiosk (case number + the phone's last four digits, nothing personal back).
 */
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import { replayCase } from '../core/hall/case-replay.ts';
import {
  availableCaseActions,
  CASE_STATUS_NAMES,
  type CaseAction,
  type CaseEvent,
  type CaseStatus,
} from '../core/hall/case-status.ts';
import { openCase, transitionCase } from '../core/hall/case-transition.ts';
import { caseEpisodes } from '../core/hall/episodes.ts';
import { maskIdNumber, maskName, maskPhone } from '../core/hall/masking.ts';
import { checkResidentId } from '../core/hall/resident-id.ts';
import { ITEM_KIND_NAMES, type ServiceItem } from '../core/hall/service-item.ts';
import { episodeDeadlines, supervise } from '../core/hall/supervision.ts';
import { shanghaiDate } from '../core/workflow/deadlines.ts';
import type { CaseHeader, CaseRecord } from '../store/repositories/hall-cases.ts';
import { authorize, requireLogin } from './authorize.ts';
import type { HallContext } from './hall-context.ts';
import type { CaseView, Deadlines, PublicCaseStatus } from './hall-types.ts';

export type { CaseView, Deadlines, PublicCaseStatus };

export interface IntakeInput {
  windowId: string;
  itemCode: string;
  applicant: { name: string; idNumber: string; phone: string };
}

const REVIEW_ACTIONS: readonly CaseAction['type'][] = ['approveResubmission', 'rejectResubmission'];

export function caseDeadlines(
  history: readonly CaseEvent[],
  item: ServiceItem,
  ctx: HallContext,
): Deadlines | null {
  const episode = caseEpisodes(history).at(-1);
  if (!episode) return null;
  const list = episodeDeadlines(episode, item, ctx.calendar);
  const date = (kind: string) => {
    const d = list.find((x) => x.deadlineKind === kind)?.deadline;
    return d?.state === 'due' ? d.date : null;
  };
  return {
    episode: episode.index,
    clockStart: episode.clockStart,
    promised: date('promised'),
    legal: date('legal'),
    report: date('report'),
    suspended: list.some((x) => x.deadline.state === 'suspended'),
  };
}

export class CaseService {
  constructor(private readonly hall: HallContext) {}

  private get repos() {
    return this.hall.deps.repos;
  }

  async intake(actor: Actor | null, input: IntakeInput): Promise<CaseView> {
    const who = await this.hall.withWindows(requireLogin(actor));
    const window = await this.repos.hall.getWindow(input.windowId);
    if (!window) throw new ZhengwuError('NOT_FOUND', `窗口不存在（${input.windowId}）。`);
    authorize(who, 'hall.intake', { type: 'window', windowId: window.id });
    const item = await this.hall.item(input.itemCode);
    const now = this.hall.deps.now();
    const id = checkResidentId(input.applicant.idNumber, shanghaiDate(now));
    if (!id.ok) throw new ZhengwuError('INVALID_INPUT', `申请人身份号码有误：${id.message}。`);
    const phone = input.applicant.phone.replace(/[\s-]/g, '');
    if (!/^(\+?86)?\d{7,12}$/.test(phone))
      throw new ZhengwuError('INVALID_INPUT', '申请人联系电话应为7至12位数字（手机号或带区号的固定电话）。');
    const cipher = this.hall.cipher;
    for (let attempt = 0; attempt < 5; attempt++) {
      const caseId = crypto.randomUUID();
      const caseNumber = `${shanghaiDate(now).replaceAll('-', '')}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const state = openCase({ caseId, windowId: window.id }, { now, actorId: who?.id ?? '', item });
      const created = await this.repos.cases.create(
        {
          caseNumber,
          applicantName: input.applicant.name.trim(),
          idNumberEnc: cipher.encrypt(id.id),
          phoneEnc: cipher.encrypt(phone),
          phoneTailHash: cipher.phoneTailHash(phone),
          state,
        },
        who?.id ?? '',
      );
      if (created !== 'duplicate') return this.view(who, created.id);
    }
    throw new ZhengwuError('CONFLICT', '办件编号生成冲突，请重试。');
  }

  /** Loads a case the actor may see (NOT_FOUND otherwise: case numbers are not disclosed). */
  private async load(
    actor: Actor | null,
    caseId: string,
    action: 'hall.case.view' | 'hall.case.act' | 'hall.case.review',
  ) {
    const record = await this.repos.cases.get(caseId);
    if (!record) throw new ZhengwuError('NOT_FOUND', `办件不存在（${caseId}）。`);
    const who = await this.hall.withWindows(actor);
    authorize(who, action, { type: 'window', windowId: record.windowId }, '办件');
    return { record, who };
  }

  async view(actor: Actor | null, caseId: string): Promise<CaseView> {
    const { record } = await this.load(actor, caseId, 'hall.case.view');
    return this.toView(record);
  }

  private async toView(record: CaseRecord): Promise<CaseView> {
    const [history, item, cards] = await Promise.all([
      this.repos.cases.history(record.id),
      this.hall.item(record.itemCode),
      this.repos.cards.list({ caseId: record.id }),
    ]);
    const cipher = this.hall.cipher;
    const { idNumberEnc, phoneEnc, phoneTailHash: _hash, state: _state, ...header } = record;
    return {
      ...header,
      statusName: CASE_STATUS_NAMES[record.status],
      itemName: item.name,
      kindName: ITEM_KIND_NAMES[item.kind],
      applicant: {
        name: maskName(record.applicantName),
        idNumber: maskIdNumber(cipher.decrypt(idNumberEnc)),
        phone: maskPhone(cipher.decrypt(phoneEnc)),
      },
      history,
      deadlines: caseDeadlines(history, item, this.hall),
      cards: cards.reverse(),
      availableActions: availableCaseActions(
        record.status,
        item.kind,
        history.some((e) => e.type === 'correctionRequested'),
      ),
    };
  }

  /**
   * Applies an action to the case at `version` (the version the caller read): CONFLICT when someone acted
   * first, CASE_RULE / INVALID_TRANSITION / REASON_REQUIRED when the core refuses it.
   */
  async act(actor: Actor | null, caseId: string, version: number, action: CaseAction): Promise<CaseView> {
    const permission = REVIEW_ACTIONS.includes(action.type) ? 'hall.case.review' : 'hall.case.act';
    const { record, who } = await this.load(actor, caseId, permission);
    if (record.version !== version)
      throw new ZhengwuError('CONFLICT', '该办件已被他人办理，请刷新后再操作。');
    const [history, item] = await Promise.all([
      this.repos.cases.history(caseId),
      this.hall.item(record.itemCode),
    ]);
    const state = replayCase(history);
    if (state.status !== record.status || history.length !== record.version)
      throw new ZhengwuError('CORRUPT_DATA', `办件（${record.caseNumber}）的状态与其办理记录不一致。`);
    let effective = action;
    if (action.type === 'complete' && item.kind === 'joint') {
      const joint = await this.repos.jointCases.get(caseId);
      effective = {
        ...action,
        subCases: joint?.joint.subCases.map((c) => ({ department: c.department, status: c.status })) ?? [],
      };
    }
    if (action.type === 'assign') {
      const handler = await this.repos.users.get(action.handlerId);
      if (!handler) throw new ZhengwuError('NOT_FOUND', `承办人不存在（${action.handlerId}）。`);
    }
    const now = this.hall.deps.now();
    const actorId = who?.id ?? '';
    const r = transitionCase(state, effective, { now, actorId, item, calendar: this.hall.calendar });
    if (!r.ok) {
      const code = r.error.code;
      if (code === 'INVALID_TRANSITION' || code === 'REASON_REQUIRED')
        throw new ZhengwuError(code, r.error.message);
      throw new ZhengwuError('CASE_RULE', r.error.message, { rule: code });
    }
    const cards = supervise(r.state.history, item, this.hall.calendar, now, this.hall.supervision);
    const saved = await this.repos.cases.append(r.state, version, cards, actorId);
    if (saved === 'conflict') throw new ZhengwuError('CONFLICT', '该办件已被他人办理，请刷新后再操作。');
    const after = await this.repos.cases.get(caseId);
    if (!after) throw new ZhengwuError('NOT_FOUND', `办件不存在（${caseId}）。`);
    return this.toView(after);
  }

  /**
   * My cases: window staff see the cases of the windows they work today and those assigned to them;
   * the hall's managers and administrators see every window's (newest first, at most `limit`).
   */
  async mine(
    actor: Actor | null,
    filter: { status?: CaseStatus; limit?: number } = {},
  ): Promise<CaseHeader[]> {
    const who = await this.hall.withWindows(requireLogin(actor));
    const statuses = filter.status ? [filter.status] : undefined;
    const base = { ...(statuses ? { statuses } : {}), limit: filter.limit ?? 100 };
    const everything = (who?.roles ?? []).some((r) => r === 'hallManager' || r === 'admin');
    if (everything) return (await this.repos.cases.list(base)).map(maskHeader);
    if (!who?.roles.includes('windowStaff'))
      throw new ZhengwuError('FORBIDDEN', '只有窗口工作人员和大厅管理人员有“我的办件”。');
    const [atWindows, assigned] = await Promise.all([
      this.repos.cases.list({ ...base, windowIds: who.windowIds ?? [] }),
      this.repos.cases.list({ ...base, handlerId: who.id }),
    ]);
    const byId = new Map([...atWindows, ...assigned].map((c) => [c.id, c]));
    return [...byId.values()]
      .sort((a, b) =>
        a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : a.id < b.id ? -1 : 1,
      )
      .slice(0, base.limit)
      .map(maskHeader);
  }

  /** The query kiosk: the status and deadline of a case, given its number and the phone's last four digits. */
  async publicQuery(caseNumber: string, phoneTail: string): Promise<PublicCaseStatus> {
    const record = await this.repos.cases.getByNumber(caseNumber.trim());
    const cipher = this.hall.cipher;
    // The same answer whether the number is unknown or the digits are wrong: nothing is disclosed.
    if (!record || !cipher.phoneTailMatches(phoneTail, record.phoneTailHash))
      throw new ZhengwuError('NOT_FOUND', '未查到该办件：请核对办件编号和申请时登记的手机号后四位。');
    const [history, item] = await Promise.all([
      this.repos.cases.history(record.id),
      this.hall.item(record.itemCode),
    ]);
    const deadlines = caseDeadlines(history, item, this.hall);
    const open = !['completed', 'rejected', 'withdrawn', 'returned'].includes(record.status);
    return {
      caseNumber: record.caseNumber,
      itemName: item.name,
      status: record.status,
      statusName: CASE_STATUS_NAMES[record.status],
      receivedDate: shanghaiDate(record.receivedAt),
      deadline: open ? (deadlines?.promised ?? deadlines?.report ?? null) : null,
      suspended: open && (deadlines?.suspended ?? false),
      closedDate: record.closedAt ? shanghaiDate(record.closedAt) : null,
    };
  }
}

const maskHeader = (c: CaseHeader): CaseHeader => ({ ...c, applicantName: maskName(c.applicantName) });
