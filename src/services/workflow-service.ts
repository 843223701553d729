/**
 * The publishing workflow over the store: each action checks the policy, asks the pure state machine
 * (core/workflow/budget-status.ts) whether and how the budget moves, then writes the move, its comments and
 * its audit rows in one transaction, at the version the caller saw (409 otherwise).
 */
import type { Actor } from '../core/access/roles.ts';
import { auditFacts } from '../core/audit/audit.ts';
import type { Budget } from '../core/budget/budget.ts';
import { ZhengwuError } from '../core/errors.ts';
import { diffBudgets, summarizeDiff } from '../core/publication/diff.ts';
import {
  initialWorkflowState,
  transition,
  type WorkflowAction,
  type WorkflowEvent,
} from '../core/workflow/budget-status.ts';
import { overdueList } from '../core/workflow/deadlines.ts';
import type { BudgetHeader, BudgetRecord, PublicationRecord } from '../store/repositories/index.ts';
import { authorize } from './authorize.ts';
import { type BudgetService, conflict, resourceOf } from './budget-service.ts';
import { publicationMeta, renderPublicationFiles } from './publication-files.ts';
import { inTransaction, type ServiceDeps } from './service-context.ts';

const ACTION_OF = {
  submit: 'budget.submit',
  return: 'budget.return',
  approve: 'budget.approve',
  publish: 'budget.publish',
  correct: 'budget.correct',
} as const;

export class WorkflowService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly budgets: BudgetService,
  ) {}

  async submit(actor: Actor | null, id: string, version: number, justifications: Record<string, string>) {
    const budget = await this.prepare(actor, id, version, 'submit');
    const findings = auditFacts(budget.facts).findings;
    const event = this.move(budget, { type: 'submit', findings, justifications }, actor);
    if (event.type !== 'submitted') throw new Error('unexpected event');
    return inTransaction(this.deps, async (repos) => {
      if (event.justified.length)
        await repos.comments.add(
          event.justified.map((j) => ({
            budgetId: id,
            authorId: event.actorId,
            kind: 'justification' as const,
            rule: j.rule,
            body: `${j.message}\n说明：${j.justification}`,
          })),
        );
      return this.setStatus(repos.budgets, budget, 'submitted', version, event.actorId);
    });
  }

  async returnBudget(actor: Actor | null, id: string, version: number, comments: string) {
    const budget = await this.prepare(actor, id, version, 'return');
    const event = this.move(budget, { type: 'return', comments }, actor);
    if (event.type !== 'returned') throw new Error('unexpected event');
    return inTransaction(this.deps, async (repos) => {
      await repos.comments.add([
        { budgetId: id, authorId: event.actorId, kind: 'return', body: event.comments },
      ]);
      return this.setStatus(repos.budgets, budget, 'returned', version, event.actorId);
    });
  }

  async approve(actor: Actor | null, id: string, version: number) {
    const budget = await this.prepare(actor, id, version, 'approve');
    const event = this.move(budget, { type: 'approve' }, actor);
    return this.setStatus(this.deps.repos.budgets, budget, 'approved', version, event.actorId);
  }

  async publish(actor: Actor | null, id: string, version: number): Promise<PublicationRecord> {
    const budget = await this.prepare(actor, id, version, 'publish');
    const event = this.move(budget, { type: 'publish' }, actor);
    const at = this.deps.now().toISOString();
    const meta = await publicationMeta(this.deps.repos, budget, 1, at);
    const prior = await this.prior(budget);
    const files = await renderPublicationFiles(
      budget.facts,
      prior,
      this.deps.config.publicationFormats,
      meta,
    );
    const published = await this.deps.repos.publications.publish({
      budgetId: id,
      snapshot: budget.facts,
      files,
      actorId: event.actorId,
      expectedVersion: version,
      at,
    });
    if (published === 'conflict') throw conflict((await this.current(id)).version, version);
    return published;
  }

  /** A correction of a published budget: new facts, a reason, published as the next version with its diff. */
  async correct(actor: Actor | null, id: string, version: number, facts: Budget, reason: string) {
    const budget = await this.prepare(actor, id, version, 'correct');
    const event = this.move(budget, { type: 'correct', reason }, actor);
    if (event.type !== 'corrected') throw new Error('unexpected event');
    if (facts.fiscalYear !== budget.fiscalYear)
      throw new ZhengwuError(
        'INVALID_INPUT',
        `更正的预算数据年度（${facts.fiscalYear}）与该预算的年度（${budget.fiscalYear}）不一致。`,
      );
    const latest = await this.deps.repos.publications.latest(id);
    const base = latest?.facts ?? budget.facts;
    const diff = diffBudgets(base, facts);
    if (!diff.length)
      throw new ZhengwuError('INVALID_INPUT', '更正后的预算数据与已公开的版本完全相同，无需更正。');
    const at = this.deps.now().toISOString();
    const meta = await publicationMeta(this.deps.repos, budget, (latest?.version ?? 0) + 1, at);
    const prior = await this.prior(budget);
    const files = await renderPublicationFiles(facts, prior, this.deps.config.publicationFormats, meta);
    const published = await this.deps.repos.publications.publish({
      at,
      budgetId: id,
      snapshot: facts,
      files,
      actorId: event.actorId,
      reason: event.reason,
      diff,
      expectedVersion: version,
    });
    if (published === 'conflict') throw conflict((await this.current(id)).version, version);
    return { ...published, changes: summarizeDiff(base, facts) };
  }

  /** Approved budgets past their publication deadline, most overdue first. */
  async overdue(actor: Actor | null) {
    authorize(actor, 'budget.overdueList', { type: 'system' });
    const approved = await this.budgets.list(actor, { status: 'approved' });
    return overdueList(
      approved.map((b) => ({ ...b, publishedAt: null })),
      this.deps.now(),
      this.deps.config.publicationDays,
    ).map((o) => ({ budget: o.budget, deadline: o.deadline, daysOverdue: o.daysOverdue }));
  }

  private async prepare(
    actor: Actor | null,
    id: string,
    version: number,
    action: keyof typeof ACTION_OF,
  ): Promise<BudgetRecord> {
    const budget = await this.budgets.load(actor, id);
    authorize(actor, ACTION_OF[action], resourceOf(budget));
    if (budget.version !== version) throw conflict(budget.version, version);
    return budget;
  }

  /** The state machine's verdict; its error becomes a ZhengwuError with the same code. */
  private move(budget: BudgetRecord, action: WorkflowAction, actor: Actor | null): WorkflowEvent {
    const state = {
      ...initialWorkflowState(),
      status: budget.status,
      publishedVersion: budget.status === 'published' ? 1 : 0,
    };
    const result = transition(state, action, { now: this.deps.now(), actorId: actor?.id ?? '' });
    if (!result.ok) throw new ZhengwuError(result.error.code, result.error.message, result.error.unjustified);
    const [event] = result.events;
    if (!event) throw new Error('the state machine returned no event');
    return event;
  }

  private async setStatus(
    budgets: ServiceDeps['repos']['budgets'],
    budget: BudgetRecord,
    to: BudgetHeader['status'],
    version: number,
    actorId: string,
  ): Promise<BudgetHeader> {
    const moved = await budgets.setStatus(budget.id, budget.status, to, version, actorId);
    // Read the current version through the same handle: inside a transaction on SQLite, a read through
    // another handle would wait for the transaction's own connection.
    if (moved === 'conflict') throw conflict((await budgets.get(budget.id))?.version ?? version, version);
    return moved;
  }

  private async current(id: string): Promise<BudgetHeader> {
    const b = await this.deps.repos.budgets.get(id);
    if (!b) throw new ZhengwuError('NOT_FOUND', `预算不存在（${id}）。`);
    return b;
  }

  /** The prior year the disclosure compares with: the department's latest publication for the year before. */
  private async prior(budget: BudgetRecord): Promise<Budget | null> {
    const { repos } = this.deps;
    const previous = await repos.budgets.find(budget.departmentId, budget.fiscalYear - 1, budget.kind);
    if (!previous) return null;
    return (await repos.publications.latest(previous.id))?.facts ?? null;
  }
}
