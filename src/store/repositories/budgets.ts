/**
 * Budgets as facts. Every change bumps `version` (optimistic locking): a write names the version it was
 * based on, and one UPDATE … WHERE id = ? AND version = ? RETURNING decides, atomically on both dialects,
 * whether it lands or is a 'conflict'. Every change writes its audit row in the same transaction.
 * Which changes are allowed is the workflow's business (core/workflow), not this file's.
 */
import type { Selectable } from 'kysely';
import { type Budget, BudgetSchema } from '../../core/budget/budget.ts';
import type { BudgetStatus } from '../../core/workflow/budget-status.ts';
import { parseJson, parseUnknownJson, toJson, validated } from '../json.ts';
import type { BudgetKind, BudgetsTable } from '../schema.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, newId, notFound, type RepositoryContext } from './context.ts';

export interface BudgetHeader {
  id: string;
  departmentId: string;
  fiscalYear: number;
  kind: BudgetKind;
  status: BudgetStatus;
  version: number;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BudgetRecord extends BudgetHeader {
  facts: Budget;
}

export interface NewBudget {
  departmentId: string;
  fiscalYear: number;
  kind: BudgetKind;
  facts: Budget;
}

export interface BudgetFilter {
  departmentIds?: readonly string[];
  fiscalYear?: number;
  kind?: BudgetKind;
  status?: BudgetStatus | readonly BudgetStatus[];
}

export type Conflict = 'conflict';

const HEADER_COLUMNS = [
  'id',
  'department_id',
  'fiscal_year',
  'kind',
  'status',
  'version',
  'approved_at',
  'created_at',
  'updated_at',
] as const;

const toHeader = (r: Omit<Selectable<BudgetsTable>, 'facts'>): BudgetHeader => ({
  id: r.id,
  departmentId: r.department_id,
  fiscalYear: r.fiscal_year,
  kind: r.kind,
  status: r.status,
  version: r.version,
  approvedAt: r.approved_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toBudgetRecord = (r: Selectable<BudgetsTable>): BudgetRecord => ({
  ...toHeader(r),
  facts: parseJson(BudgetSchema, r.facts, `预算（${r.id}）的数据`),
});

/** What the audit log keeps of a budget's state. */
export const auditedBudget = (r: Selectable<BudgetsTable>) => ({
  status: r.status,
  version: r.version,
  approvedAt: r.approved_at,
  facts: parseUnknownJson(r.facts, '预算数据'),
});

export class BudgetRepository {
  constructor(private readonly context: RepositoryContext) {}

  /** A new draft at version 1; 'duplicate' when the department already has it for the year and kind. */
  async create(input: NewBudget, actorId: string | null): Promise<BudgetRecord | 'duplicate'> {
    const facts = validated(BudgetSchema, input.facts, '预算数据');
    const at = isoNow(this.context);
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const existing = await trx
        .selectFrom('budgets')
        .select('id')
        .where('department_id', '=', input.departmentId)
        .where('fiscal_year', '=', input.fiscalYear)
        .where('kind', '=', input.kind)
        .executeTakeFirst();
      if (existing) return 'duplicate';
      const row: Selectable<BudgetsTable> = {
        id: newId(),
        department_id: input.departmentId,
        fiscal_year: input.fiscalYear,
        kind: input.kind,
        status: 'draft',
        facts: toJson(facts),
        version: 1,
        approved_at: null,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('budgets').values(row).execute();
      await audit({ action: 'budget.create', entity: 'budget', entityId: row.id, after: auditedBudget(row) });
      return { ...toHeader(row), facts };
    });
  }

  async get(id: string): Promise<BudgetRecord | undefined> {
    const r = await this.context.db.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toBudgetRecord(r);
  }

  async find(departmentId: string, fiscalYear: number, kind: BudgetKind): Promise<BudgetRecord | undefined> {
    const r = await this.context.db
      .selectFrom('budgets')
      .selectAll()
      .where('department_id', '=', departmentId)
      .where('fiscal_year', '=', fiscalYear)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return r && toBudgetRecord(r);
  }

  /** Headers (no facts), newest year first, then by department and kind. */
  async list(filter: BudgetFilter = {}): Promise<BudgetHeader[]> {
    let q = this.context.db.selectFrom('budgets').select(HEADER_COLUMNS);
    if (filter.departmentIds !== undefined) {
      if (!filter.departmentIds.length) return [];
      q = q.where('department_id', 'in', filter.departmentIds);
    }
    if (filter.fiscalYear !== undefined) q = q.where('fiscal_year', '=', filter.fiscalYear);
    if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
    if (filter.status !== undefined) {
      const statuses: readonly BudgetStatus[] =
        typeof filter.status === 'string' ? [filter.status] : filter.status;
      if (!statuses.length) return [];
      q = q.where('status', 'in', statuses);
    }
    const rows = await q.orderBy('fiscal_year', 'desc').orderBy('department_id').orderBy('kind').execute();
    return rows.map(toHeader);
  }

  /**
   * Replaces the facts when the budget is still at `expectedVersion`; returns the new record (version + 1)
   * or 'conflict' when someone else changed it first. Throws NOT_FOUND for an unknown id.
   */
  async updateFacts(
    id: string,
    facts: Budget,
    expectedVersion: number,
    actorId: string | null,
  ): Promise<BudgetRecord | Conflict> {
    const valid = validated(BudgetSchema, facts, '预算数据');
    const at = isoNow(this.context);
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const before = await trx.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFound('预算', id);
      if (before.version !== expectedVersion) return 'conflict';
      const after = await trx
        .updateTable('budgets')
        .set({ facts: toJson(valid), version: expectedVersion + 1, updated_at: at })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
      if (!after) return 'conflict';
      await audit({
        action: 'budget.updateFacts',
        entity: 'budget',
        entityId: id,
        before: auditedBudget(before),
        after: auditedBudget(after),
      });
      return { ...toHeader(after), facts: valid };
    });
  }

  /**
   * Moves the budget from `from` to `to` when it is still at `expectedVersion` and in `from`; records the
   * approval time when `to` is 'approved'. Returns 'conflict' otherwise. Throws NOT_FOUND for an unknown id.
   */
  async setStatus(
    id: string,
    from: BudgetStatus,
    to: BudgetStatus,
    expectedVersion: number,
    actorId: string | null,
  ): Promise<BudgetHeader | Conflict> {
    const at = isoNow(this.context);
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const before = await trx.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFound('预算', id);
      if (before.version !== expectedVersion || before.status !== from) return 'conflict';
      const after = await trx
        .updateTable('budgets')
        .set({
          status: to,
          version: expectedVersion + 1,
          updated_at: at,
          ...(to === 'approved' ? { approved_at: at } : {}),
        })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .where('status', '=', from)
        .returning(HEADER_COLUMNS)
        .executeTakeFirst();
      if (!after) return 'conflict';
      await audit({
        action: 'budget.setStatus',
        entity: 'budget',
        entityId: id,
        before: { status: before.status, version: before.version, approvedAt: before.approved_at },
        after: { status: after.status, version: after.version, approvedAt: after.approved_at },
      });
      return toHeader(after);
    });
  }
}
