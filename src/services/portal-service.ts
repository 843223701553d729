/**
 * What the public portal (web/) shows at a glance: every published budget (latest version) with its
 * summary figures — revenue by source, expenditure by kind and by function class (类 and 款), "三公" and
 * 机关运行经费 with the prior-year figures the budget states — and whether it was published within the
 * 20-day rule; and, for the workspace, a budget's saved revisions (from the audit log) for diffs.
 */
import type { Actor } from '../core/access/roles.ts';
import type { Budget } from '../core/budget/budget.ts';
import { functionCodeName } from '../core/disclosure/classification-names.ts';
import { budgetFacts, statedPriorThreePublic } from '../core/disclosure/facts.ts';
import type { Fen } from '../core/kernel/money.ts';
import { deadlineStatus } from '../core/workflow/deadlines.ts';
import { authorize } from './authorize.ts';
import { type BudgetService, resourceOf } from './budget-service.ts';
import type { OpenDataService } from './open-data-service.ts';
import type { FunctionTotal, PortalBudget, Revision } from './portal-types.ts';
import type { ServiceDeps } from './service-context.ts';

export type { FunctionTotal, PortalBudget, Revision };

/** Expenditure by 类 and 款 (5-digit codes), in code order. */
export function functionTotals(b: Budget): FunctionTotal[] {
  const sums = new Map<string, Fen>();
  for (const l of b.expenditureLines) {
    const code = l.functionCode ?? '';
    const keys = code ? [code.slice(0, 3), ...(code.length >= 5 ? [code.slice(0, 5)] : [])] : [''];
    for (const k of keys) sums.set(k, (sums.get(k) ?? 0) + l.amount.fen);
  }
  const lineName = (code: string) =>
    b.expenditureLines.find((l) => l.functionCode === code)?.functionName ?? null;
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, fen]) => ({
      code,
      name: code ? (functionCodeName(code) ?? lineName(code) ?? code) : '未列明科目',
      fen,
    }));
}

export class PortalService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly openData: OpenDataService,
    private readonly budgets: BudgetService,
  ) {}

  async budgetsOverview(filter: { fiscalYear?: number; regionId?: string } = {}): Promise<PortalBudget[]> {
    const { repos } = this.deps;
    const [entries, departments] = await Promise.all([
      this.openData.catalogue(filter),
      repos.departments.list(filter.regionId),
    ]);
    const parent = new Map(departments.map((d) => [d.id, d.parentId]));
    const now = this.deps.now();
    const out: PortalBudget[] = [];
    for (const e of entries) {
      const [latest, header] = await Promise.all([
        repos.publications.latest(e.budgetId),
        repos.budgets.get(e.budgetId),
      ]);
      if (!latest || !header) continue;
      const facts = latest.facts;
      const f = budgetFacts(facts);
      out.push({
        budgetId: e.budgetId,
        departmentId: e.departmentId,
        departmentName: e.departmentName,
        parentId: parent.get(e.departmentId) ?? null,
        regionId: e.regionId,
        regionName: e.regionName,
        fiscalYear: e.fiscalYear,
        kind: e.kind,
        nature: facts.department.nature,
        duties: facts.department.duties,
        latestVersion: e.latestVersion,
        firstPublishedAt: e.firstPublishedAt,
        latestPublishedAt: e.latestPublishedAt,
        timeliness: deadlineStatus(
          {
            status: 'published',
            approvedAt: facts.dates.approved ?? header.approvedAt,
            publishedAt: facts.dates.published ?? e.firstPublishedAt,
          },
          now,
          this.deps.config.publicationDays,
        ),
        revenueTotal: f.revenueTotal,
        revenueBySource: f.revenueBySource.map(([source, fen]) => ({ source, fen })),
        expenditure: f.expenditure,
        functions: functionTotals(facts),
        threePublic: f.threePublic,
        threePublicPrior: statedPriorThreePublic(facts),
        operatingExpenses: f.operatingExpenses.total,
      });
    }
    return out.sort(
      (a, b) => b.latestPublishedAt.localeCompare(a.latestPublishedAt) || b.fiscalYear - a.fiscalYear,
    );
  }

  /** Every saved state of a budget's facts, oldest first (for diffs between versions). */
  async revisions(actor: Actor | null, id: string): Promise<Revision[]> {
    const budget = await this.budgets.load(actor, id);
    authorize(actor, 'budget.reviewRecord', resourceOf(budget));
    const { repos } = this.deps;
    const [history, users] = await Promise.all([
      repos.auditLog.listByEntity('budget', id),
      repos.users.list(),
    ]);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const out: Revision[] = [];
    for (const h of history) {
      const after = h.after as { version?: unknown; status?: unknown; facts?: unknown } | null;
      if (!after || typeof after.version !== 'number' || typeof after.facts !== 'object' || !after.facts)
        continue;
      out.push({
        version: after.version,
        status: typeof after.status === 'string' ? after.status : null,
        action: h.action,
        at: h.at,
        actorName: h.actorId ? (names.get(h.actorId) ?? '') : '系统',
        facts: after.facts as Budget,
      });
    }
    return out;
  }
}
