/**
 * Joint cases (联办件): started on the lead window's case, each department's sub-case moved by the
 * departments' windows, joint review meetings (联审会) and joint site surveys (联合踏勘) recorded with
 * optimistic versions. The lead case completes through CaseService.act, which checks the sub-cases.
 */
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import {
  type JointCase,
  type JointResult,
  moveSubCase,
  recordJointReview,
  recordSiteSurvey,
  startJointCase,
} from '../core/hall/joint-case.ts';
import type { JointRecord } from '../store/repositories/joint-cases.ts';
import { authorize } from './authorize.ts';
import type { HallContext } from './hall-context.ts';

export type JointChange =
  | { type: 'subCase'; department: string; move: 'start' | 'complete' | 'return'; opinion?: string | null }
  | { type: 'review'; review: Parameters<typeof recordJointReview>[1] }
  | { type: 'survey'; survey: Parameters<typeof recordSiteSurvey>[1] };

export class JointCaseService {
  constructor(private readonly hall: HallContext) {}

  private get repos() {
    return this.hall.deps.repos;
  }

  private async leadCase(actor: Actor | null, caseId: string, action: 'hall.case.view' | 'hall.case.act') {
    const record = await this.repos.cases.get(caseId);
    if (!record) throw new ZhengwuError('NOT_FOUND', `办件不存在（${caseId}）。`);
    authorize(
      await this.hall.withWindows(actor),
      action,
      { type: 'window', windowId: record.windowId },
      '办件',
    );
    return record;
  }

  async get(actor: Actor | null, caseId: string): Promise<JointRecord> {
    await this.leadCase(actor, caseId, 'hall.case.view');
    const j = await this.repos.jointCases.get(caseId);
    if (!j) throw new ZhengwuError('NOT_FOUND', '该办件没有联办记录。');
    return j;
  }

  /** Opens the sub-cases: each joint department at its window in the lead window's center. */
  async start(actor: Actor | null, caseId: string): Promise<JointRecord> {
    const record = await this.leadCase(actor, caseId, 'hall.case.act');
    const item = await this.hall.item(record.itemCode);
    const lead = await this.repos.hall.getWindow(record.windowId);
    const windows = await this.repos.hall.listWindows(lead?.centerId);
    const byDepartment: Record<string, string> = {};
    for (const w of windows) byDepartment[w.department] ??= w.id;
    byDepartment[item.department] = record.windowId;
    const r = startJointCase(
      { caseId, item, leadWindowId: record.windowId, windows: byDepartment },
      { now: this.hall.deps.now(), actorId: actor?.id ?? '' },
    );
    const joint = unwrap(r);
    const created = await this.repos.jointCases.create(joint, actor?.id ?? null);
    if (created === 'duplicate') throw new ZhengwuError('DUPLICATE', '该办件的联办已经开始。');
    return created;
  }

  async change(
    actor: Actor | null,
    caseId: string,
    version: number,
    change: JointChange,
  ): Promise<JointRecord> {
    await this.leadCase(actor, caseId, 'hall.case.act');
    const current = await this.repos.jointCases.get(caseId);
    if (!current) throw new ZhengwuError('NOT_FOUND', '该办件没有联办记录。');
    if (current.version !== version)
      throw new ZhengwuError('CONFLICT', '联办记录已被他人修改，请刷新后再操作。');
    const ctx = { now: this.hall.deps.now(), actorId: actor?.id ?? '' };
    const j: JointCase = unwrap(
      change.type === 'subCase'
        ? moveSubCase(current.joint, change.department, change.move, change.opinion ?? null, ctx)
        : change.type === 'review'
          ? recordJointReview(current.joint, change.review, ctx)
          : recordSiteSurvey(current.joint, change.survey, ctx),
    );
    const saved = await this.repos.jointCases.update(j, version, change.type, actor?.id ?? null);
    if (saved === 'conflict') throw new ZhengwuError('CONFLICT', '联办记录已被他人修改，请刷新后再操作。');
    return saved;
  }
}

function unwrap(r: JointResult): JointCase {
  if (!r.ok) throw new ZhengwuError('CASE_RULE', `${r.message}。`.replace(/。。$/, '。'), { rule: 'JOINT' });
  return r.joint;
}
