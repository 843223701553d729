/** The shapes the API answers with, as the UI reads them (see /api/openapi.json). */
import type { Finding } from '../../../src/core/audit/rule.ts';
import type { Budget } from '../../../src/core/budget/budget.ts';
import type { DiffEntry } from '../../../src/core/publication/diff.ts';
import type { DeadlineStatus } from '../../../src/core/workflow/deadlines.ts';

export type { Budget, Finding };

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  roles: string[];
}

export interface Session {
  user: SessionUser | null;
  csrfToken: string | null;
  expiresAt: string | null;
}

export type { PortalBudget, Revision, ThreePublicFacts } from '../../../src/services/portal-types.ts';

export interface PublicationFile {
  format: string;
  sha256: string;
  size: number;
}

export interface PublicationHeader {
  id: string;
  budgetId: string;
  version: number;
  publishedAt: string;
  reason: string | null;
  files: PublicationFile[];
}

export interface Publication extends PublicationHeader {
  facts: Budget;
  diff: DiffEntry[] | null;
}

export interface AuditReport {
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  rules: { total: number; run: number; passed: number; failed: number; notChecked: number; disabled: number };
}

export interface DepartmentNode {
  id: string;
  regionId: string;
  parentId: string | null;
  name: string;
  code: string | null;
  kind: 'department' | 'unit';
  children: DepartmentNode[];
}

export interface BudgetListItem {
  id: string;
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  kind: 'budget' | 'finalAccounts';
  status: string;
  version: number;
  approvedAt: string | null;
  updatedAt: string;
  deadline: DeadlineStatus;
}

export interface BudgetView extends BudgetListItem {
  facts: Budget;
  allowedActions: string[];
  publications: PublicationHeader[];
}

export interface ReviewRecord {
  comments: {
    id: string;
    kind: string;
    body: string;
    authorName: string;
    createdAt: string;
    rule?: string;
  }[];
  history: { at: string; action: string; actorName: string; status: string | null; version: number | null }[];
}

export interface SourcePointer {
  line: number;
  column: number;
  text: string;
  sentence: string;
}

export interface ImportedDocument {
  document: {
    id: string;
    fileName: string;
    format: string;
    budget: Budget;
    audit: AuditReport;
  };
  encoding: string;
  provenance: Record<string, SourcePointer>;
  missing: unknown[];
  lines: string[];
}

export interface OverdueItem {
  budget: BudgetListItem;
  deadline: string;
  daysOverdue: number;
}

export interface AdminUser extends SessionUser {
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}
