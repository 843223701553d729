/**
 * Budgets as people see them: the list (filtered to what the actor may see), one budget with what the
 * actor may do next and its publication deadline, creation, saving the facts (optimistic versions), its
 * audit report and its review record.
 */
import { ACTIONS, type Action, can } from '../core/access/policy.ts';
import type { Actor } from '../core/access/roles.ts';
import { type AuditReport, auditFacts } from '../core/audit/audit.ts';
import type { Budget } from '../core/budget/budget.ts';
import { ZhengwuError } from '../core/errors.ts';
import { type DeadlineStatus, deadlineStatus } from '../core/workflow/deadlines.ts';
import type {
  BudgetComment,
  BudgetFilter,
  BudgetHeader,
  BudgetRecord,
  PublicationHeader,
} from '../store/repositories/index.ts';
import type { BudgetKind } from '../store/schema.ts';
import { authorize } from './authorize.ts';
import type { ServiceDeps } from './service-context.ts';

export interface BudgetListItem extends BudgetHeader {
  departmentName: string;
  deadline: DeadlineStatus;
}

export interface BudgetView extends BudgetRecord {
  departmentName: string;
  /** The budget actions the actor may take now (policy and workflow agree). */
  allowedActions: Action[];
  deadline: DeadlineStatus;
  publications: PublicationHeader[];
}

const BUDGET_ACTIONS = ACTIONS.filter(
  (a) =>
    a.startsWith('budget.') && a !== 'budget.list' && a !== 'budget.overdueList' && a !== 'budget.create',
);

export class BudgetService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor | null, filter: BudgetFilter = {}): Promise<BudgetListItem[]> {
    const { repos } = this.deps;
    const headers = await repos.budgets.list(filter);
    const visible = headers.filter(
      (b) =>
        can(actor, 'budget.view', { type: 'budget', departmentId: b.departmentId, status: b.status }).allowed,
    );
    const names = await this.departmentNames();
    const now = this.deps.now();
    const firstPublished = await this.firstPublishedAt(visible);
    return visible.map((b) => ({
      ...b,
      departmentName: names.get(b.departmentId) ?? '',
      deadline: deadlineStatus(
        { status: b.status, approvedAt: b.approvedAt, publishedAt: firstPublished.get(b.id) ?? null },
        now,
        this.deps.config.publicationDays,
      ),
    }));
  }

  /** The budget, when the actor may see it (NOT_FOUND otherwise). */
  async load(actor: Actor | null, id: string): Promise<BudgetRecord> {
    const budget = await this.deps.repos.budgets.get(id);
    if (!budget) throw new ZhengwuError('NOT_FOUND', '预算不存在或尚未公开。');
    authorize(actor, 'budget.view', resourceOf(budget), '预算');
    return budget;
  }

  async get(actor: Actor | null, id: string): Promise<BudgetView> {
    const budget = await this.load(actor, id);
    const { repos } = this.deps;
    const [department, publications] = await Promise.all([
      repos.departments.get(budget.departmentId),
      repos.publications.listVersions(id),
    ]);
    return {
      ...budget,
      departmentName: department?.name ?? '',
      allowedActions: BUDGET_ACTIONS.filter((a) => can(actor, a, resourceOf(budget)).allowed),
      deadline: deadlineStatus(
        {
          status: budget.status,
          approvedAt: budget.approvedAt,
          publishedAt: publications[0]?.publishedAt ?? null,
        },
        this.deps.now(),
        this.deps.config.publicationDays,
      ),
      publications,
    };
  }

  async create(
    actor: Actor | null,
    input: { departmentId: string; fiscalYear: number; kind: BudgetKind; facts: Budget },
  ): Promise<BudgetRecord> {
    const { repos } = this.deps;
    if (!(await repos.departments.get(input.departmentId)))
      throw new ZhengwuError('NOT_FOUND', `部门不存在（${input.departmentId}）。`);
    authorize(actor, 'budget.create', { type: 'department', departmentId: input.departmentId });
    if (input.facts.fiscalYear !== input.fiscalYear)
      throw new ZhengwuError(
        'INVALID_INPUT',
        `预算数据中的年度（${input.facts.fiscalYear}）与所建预算的年度（${input.fiscalYear}）不一致。`,
      );
    const created = await repos.budgets.create(input, actor?.id ?? null);
    if (created === 'duplicate')
      throw new ZhengwuError(
        'DUPLICATE',
        `该部门${input.fiscalYear}年度的${kindName(input.kind)}已经存在，请直接编辑。`,
      );
    return created;
  }

  /** Saves new facts over version `version`: CONFLICT when someone saved first. */
  async update(actor: Actor | null, id: string, version: number, facts: Budget): Promise<BudgetRecord> {
    const budget = await this.load(actor, id);
    authorize(actor, 'budget.edit', resourceOf(budget));
    if (facts.fiscalYear !== budget.fiscalYear)
      throw new ZhengwuError(
        'INVALID_INPUT',
        `预算数据中的年度（${facts.fiscalYear}）与该预算的年度（${budget.fiscalYear}）不一致。`,
      );
    const saved = await this.deps.repos.budgets.updateFacts(id, facts, version, actor?.id ?? null);
    if (saved === 'conflict') throw conflict(budget.version, version);
    return saved;
  }

  /** The auditor's findings on the facts as they are now. */
  async audit(actor: Actor | null, id: string): Promise<AuditReport> {
    return auditFacts((await this.load(actor, id)).facts);
  }

  /** Comments and justifications, and the change history from the audit log. */
  async reviewRecord(actor: Actor | null, id: string) {
    const budget = await this.load(actor, id);
    authorize(actor, 'budget.reviewRecord', resourceOf(budget));
    const { repos } = this.deps;
    const [comments, history] = await Promise.all([
      repos.comments.list(id),
      repos.auditLog.listByEntity('budget', id),
    ]);
    const users = new Map((await repos.users.list()).map((u) => [u.id, u.displayName]));
    return {
      comments: comments.map((c: BudgetComment) => ({ ...c, authorName: users.get(c.authorId) ?? '' })),
      history: history.map((h) => ({
        at: h.at,
        action: h.action,
        actorId: h.actorId,
        actorName: h.actorId ? (users.get(h.actorId) ?? '') : '系统',
        status: statusOf(h.after),
        version: versionOf(h.after),
      })),
    };
  }

  private async departmentNames(): Promise<Map<string, string>> {
    return new Map((await this.deps.repos.departments.list()).map((d) => [d.id, d.name]));
  }

  private async firstPublishedAt(budgets: readonly BudgetHeader[]): Promise<Map<string, string>> {
    const published = budgets.filter((b) => b.status === 'published').map((b) => b.id);
    const versions = await this.deps.repos.publications.listVersionsOf(published);
    const out = new Map<string, string>();
    for (const [id, list] of versions) if (list[0]) out.set(id, list[0].publishedAt);
    return out;
  }
}

export function resourceOf(b: Pick<BudgetHeader, 'departmentId' | 'status'>) {
  return { type: 'budget', departmentId: b.departmentId, status: b.status } as const;
}

export function conflict(current: number, given: number): ZhengwuError {
  return new ZhengwuError(
    'CONFLICT',
    `预算已被他人修改（当前版本 ${current}，您的修改基于版本 ${given}）：请重新打开预算，核对后再保存，您的修改没有保存。`,
    { currentVersion: current, yourVersion: given },
  );
}

export const kindName = (kind: BudgetKind) => (kind === 'budget' ? '部门预算' : '部门决算');

const statusOf = (after: unknown): string | null =>
  typeof after === 'object' && after !== null && 'status' in after && typeof after.status === 'string'
    ? after.status
    : null;
const versionOf = (after: unknown): number | null =>
  typeof after === 'object' && after !== null && 'version' in after && typeof after.version === 'number'
    ? after.version
    : null;
