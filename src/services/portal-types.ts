/**
 * The portal's answers (GET /api/portal/budgets, GET /api/budgets/:id/revisions), as types only: the
 * service builds them and the web UI reads them, from this one definition. Imports only the pure core, so
 * the browser build can use it.
 */
import type { Budget } from '../core/budget/budget.ts';
import type { ExpenditureFacts, ThreePublicFacts } from '../core/disclosure/facts.ts';
import type { Fen } from '../core/kernel/money.ts';
import type { DeadlineStatus } from '../core/workflow/deadlines.ts';

export type { ThreePublicFacts };

export interface FunctionTotal {
  /** 3 digits (类) or 5 digits (款); '' for lines without a code. */
  code: string;
  name: string;
  fen: Fen;
}

export interface PortalBudget {
  budgetId: string;
  departmentId: string;
  departmentName: string;
  /** The department a unit belongs to, null for a department. */
  parentId: string | null;
  regionId: string;
  regionName: string;
  fiscalYear: number;
  kind: 'budget' | 'finalAccounts';
  /** 单位性质 as the budget states it (行政 / 事业 …), the portal's category. */
  nature: string | null;
  duties: string[];
  latestVersion: number;
  firstPublishedAt: string;
  latestPublishedAt: string;
  timeliness: DeadlineStatus;
  revenueTotal: Fen | null;
  revenueBySource: { source: string; fen: Fen }[];
  expenditure: ExpenditureFacts;
  functions: FunctionTotal[];
  threePublic: ThreePublicFacts;
  threePublicPrior: ThreePublicFacts;
  operatingExpenses: Fen | null;
}

export interface Revision {
  version: number;
  status: string | null;
  action: string;
  at: string;
  actorName: string;
  facts: Budget;
}
