/** Review comments on a budget: a return's comments, justifications of audit findings, remarks. */
import type { Selectable } from 'kysely';
import type { BudgetCommentsTable, CommentKind } from '../schema.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, newId, type RepositoryContext } from './context.ts';

export interface BudgetComment {
  id: string;
  budgetId: string;
  authorId: string;
  kind: CommentKind;
  /** The audit rule a justification answers. */
  rule: string | null;
  body: string;
  createdAt: string;
}

export interface NewBudgetComment {
  budgetId: string;
  authorId: string;
  kind: CommentKind;
  rule?: string | null;
  body: string;
}

const toComment = (r: Selectable<BudgetCommentsTable>): BudgetComment => ({
  id: r.id,
  budgetId: r.budget_id,
  authorId: r.author_id,
  kind: r.kind,
  rule: r.rule,
  body: r.body,
  createdAt: r.created_at,
});

export class CommentRepository {
  constructor(private readonly context: RepositoryContext) {}

  /** Adds comments (several at once: a submission's justifications), audited on the budget. */
  async add(inputs: readonly NewBudgetComment[]): Promise<BudgetComment[]> {
    if (!inputs.length) return [];
    const at = isoNow(this.context);
    const rows = inputs.map((c) => ({
      id: newId(),
      budget_id: c.budgetId,
      author_id: c.authorId,
      kind: c.kind,
      rule: c.rule ?? null,
      body: c.body,
      created_at: at,
    }));
    const actorId = inputs[0]?.authorId ?? null;
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      await trx.insertInto('budget_comments').values(rows).execute();
      const comments = rows.map(toComment);
      for (const c of comments)
        await audit({ action: 'budget.comment', entity: 'budget', entityId: c.budgetId, after: c });
      return comments;
    });
  }

  /** A budget's comments, oldest first. */
  async list(budgetId: string, kind?: CommentKind): Promise<BudgetComment[]> {
    let q = this.context.db.selectFrom('budget_comments').selectAll().where('budget_id', '=', budgetId);
    if (kind !== undefined) q = q.where('kind', '=', kind);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map(toComment);
  }
}
