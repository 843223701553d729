/**
 * Investment project pre-approval (项目预审, issue #6 item 7): a window registers a construction project
 * before it starts; 业务科 (the hall's managers) reviews it (初审), approves it and reports it to the higher
 * authority, or returns it for more material (the window resubmits) or refuses it. Every step goes through
 * the core's state machine and is recorded with who, when and why, at the version the caller read.
 */
import type { Action } from '../core/access/policy.ts';
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import {
  availablePreApprovalActions,
  checkProjectCode,
  PRE_APPROVAL_STATUS_NAMES,
  PRE_APPROVAL_TRANSITIONS,
  type PreApprovalActionType,
  type PreApprovalEvent,
  type PreApprovalProject,
  type PreApprovalStatus,
  preApprovalProblems,
  preApprovalProjectProblems,
  submitPreApproval,
  transitionPreApproval,
} from '../core/hall/pre-approval.ts';
import type { ServiceCenterNode } from '../store/repositories/hall-organisation.ts';
import type { PreApprovalRecord } from '../store/repositories/pre-approvals.ts';
import { authorize, requireLogin } from './authorize.ts';
import type { HallContext } from './hall-context.ts';

export interface PreApprovalSummary extends PreApprovalRecord {
  statusName: string;
  centerName: string;
}

export interface PreApprovalView extends PreApprovalSummary {
  history: PreApprovalEvent[];
  /** The actions the flow accepts now (the policy decides who: see `permissionOf`). */
  availableActions: PreApprovalActionType[];
}

export interface PreApprovalListFilter {
  status?: PreApprovalStatus;
  centerId?: string;
  limit?: number;
}

/** Resubmitting is the window's (as registering is); every other step is 业务科's. */
export function permissionOf(type: PreApprovalActionType): Action {
  return type === 'resubmit' ? 'hall.preApproval.submit' : 'hall.preApproval.decide';
}

const FOR_ALL = { type: 'system' } as const;

export class PreApprovalService {
  constructor(private readonly hall: HallContext) {}

  private get repos() {
    return this.hall.deps.repos;
  }

  /** Registers a project (申报) at a center: checks the facts with the core, then stores it as submitted. */
  async create(actor: Actor | null, input: PreApprovalProject): Promise<PreApprovalView> {
    const who = requireLogin(actor);
    authorize(who, 'hall.preApproval.submit', FOR_ALL);
    const code = checkProjectCode(input.projectCode);
    const project: PreApprovalProject = {
      ...input,
      projectCode: code.ok ? code.code : input.projectCode,
      projectName: input.projectName.trim(),
      constructionUnit: input.constructionUnit.trim(),
      location: input.location.trim(),
      content: input.content.trim(),
      authority: input.authority.trim(),
    };
    const problems = preApprovalProjectProblems(project);
    if (problems.length)
      throw new ZhengwuError(
        'INVALID_INPUT',
        `项目信息有误：${problems.map((p) => p.replace(/。$/, '')).join('；')}。`,
        problems.map((message) => ({ path: [], message })),
      );
    if (!(await this.repos.hall.getCenter(project.centerId)))
      throw new ZhengwuError('NOT_FOUND', `服务中心不存在（${project.centerId}）。`);
    // One pre-approval in progress per project: a refused one may be registered again.
    const open = (await this.repos.preApprovals.list({ projectCode: project.projectCode })).find(
      (p) => p.status !== 'rejected',
    );
    if (open)
      throw new ZhengwuError(
        'DUPLICATE',
        `投资项目代码 ${project.projectCode} 已有项目预审（“${open.projectName}”，${PRE_APPROVAL_STATUS_NAMES[open.status]}），不能重复申报。`,
      );
    const state = submitPreApproval(
      { projectId: crypto.randomUUID(), projectName: project.projectName },
      { now: this.hall.deps.now(), actorId: who.id },
    );
    const created = await this.repos.preApprovals.create(project, state, who.id);
    return this.view(who, created.id);
  }

  async list(actor: Actor | null, filter: PreApprovalListFilter = {}): Promise<PreApprovalSummary[]> {
    authorize(requireLogin(actor), 'hall.preApproval.view', FOR_ALL);
    const records = await this.repos.preApprovals.list({
      ...(filter.status ? { statuses: [filter.status] } : {}),
      ...(filter.centerId ? { centerId: filter.centerId } : {}),
      limit: filter.limit ?? 200,
    });
    const names = await this.centerNames();
    return records.map((r) => this.summary(r, names));
  }

  async view(actor: Actor | null, id: string): Promise<PreApprovalView> {
    authorize(requireLogin(actor), 'hall.preApproval.view', FOR_ALL);
    const record = await this.repos.preApprovals.get(id);
    if (!record) throw new ZhengwuError('NOT_FOUND', `项目预审不存在（${id}）。`);
    return this.toView(record);
  }

  /**
   * Takes one step at `version` (the version the caller read): CONFLICT when someone acted first,
   * INVALID_TRANSITION when the status does not allow it, REASON_REQUIRED for a return or refusal without
   * a reason.
   */
  async act(
    actor: Actor | null,
    id: string,
    version: number,
    action: { type: PreApprovalActionType; reason?: string },
  ): Promise<PreApprovalView> {
    const who = requireLogin(actor);
    authorize(who, permissionOf(action.type), FOR_ALL);
    const record = await this.repos.preApprovals.get(id);
    if (!record) throw new ZhengwuError('NOT_FOUND', `项目预审不存在（${id}）。`);
    if (record.version !== version)
      throw new ZhengwuError('CONFLICT', '该项目预审已被他人办理，请刷新后再操作。');
    const history = await this.repos.preApprovals.history(id);
    const state = { projectId: record.id, projectName: record.projectName, status: record.status, history };
    if (history.length !== record.version || preApprovalProblems(state).length)
      throw new ZhengwuError('CORRUPT_DATA', `项目预审（${record.projectCode}）的状态与其办理记录不一致。`);
    const r = transitionPreApproval(state, action, { now: this.hall.deps.now(), actorId: who.id });
    if (!r.ok) {
      const rule = PRE_APPROVAL_TRANSITIONS[action.type];
      const allowed = rule.from.includes(record.status);
      throw new ZhengwuError(
        allowed && rule.needsReason && !action.reason?.trim() ? 'REASON_REQUIRED' : 'INVALID_TRANSITION',
        r.message,
      );
    }
    const saved = await this.repos.preApprovals.append(r.state, version, who.id);
    if (saved === 'conflict') throw new ZhengwuError('CONFLICT', '该项目预审已被他人办理，请刷新后再操作。');
    return this.toView(saved);
  }

  private async centerNames(): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const walk = (nodes: readonly ServiceCenterNode[]) => {
      for (const n of nodes) {
        names.set(n.id, n.name);
        walk(n.children);
      }
    };
    walk(await this.repos.hall.centerTree());
    return names;
  }

  private summary(r: PreApprovalRecord, names: ReadonlyMap<string, string>): PreApprovalSummary {
    return {
      ...r,
      statusName: PRE_APPROVAL_STATUS_NAMES[r.status],
      centerName: names.get(r.centerId) ?? '服务中心',
    };
  }

  private async toView(record: PreApprovalRecord): Promise<PreApprovalView> {
    const [history, center] = await Promise.all([
      this.repos.preApprovals.history(record.id),
      this.repos.hall.getCenter(record.centerId),
    ]);
    return {
      ...this.summary(record, new Map(center ? [[center.id, center.name]] : [])),
      history,
      availableActions: availablePreApprovalActions(record.status),
    };
  }
}
