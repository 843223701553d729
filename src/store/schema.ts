/**
 * The tables as Kysely sees them (row types of the latest migration). Ids are text UUIDs, times ISO-8601
 * text in UTC (`Date#toISOString()`, so they sort as text), JSON is text parsed at the repository edge,
 * booleans are integers 0/1 (SQLite has no boolean and better-sqlite3 does not bind one).
 */
import type { Generated } from 'kysely';
import type { Role } from '../core/access/roles.ts';
import type { BudgetStatus } from '../core/workflow/budget-status.ts';

export const REGION_LEVELS = ['district', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const DEPARTMENT_KINDS = ['department', 'unit'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const BUDGET_KINDS = ['budget', 'finalAccounts'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

export const COMMENT_KINDS = ['return', 'justification', 'comment'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** ISO-8601 timestamp in UTC, e.g. 2024-03-01T08:00:00.000Z. */
export type IsoTime = string;
/** JSON as text. */
export type JsonText = string;

export interface RegionsTable {
  id: string;
  parent_id: string | null;
  name: string;
  level: RegionLevel;
  /** 统计用区划代码, when known. */
  code: string | null;
}

export interface DepartmentsTable {
  id: string;
  region_id: string;
  /** The department a unit belongs to; null for a department. */
  parent_id: string | null;
  name: string;
  code: string | null;
  kind: DepartmentKind;
  created_at: IsoTime;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  department_id: string | null;
  created_at: IsoTime;
  /** 0 or 1. */
  disabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: IsoTime | null;
}

export interface UserRolesTable {
  user_id: string;
  role: Role;
}

export interface SessionsTable {
  /** The hash of the session token (the token itself is only in the cookie). */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: IsoTime;
  expires_at: IsoTime;
  last_seen_at: IsoTime;
}

export interface BudgetsTable {
  id: string;
  department_id: string;
  fiscal_year: number;
  kind: BudgetKind;
  status: BudgetStatus;
  /** The Budget model (core/budget/budget.ts) as JSON. */
  facts: JsonText;
  /** Optimistic lock: one more on every change of facts or status. */
  version: number;
  approved_at: IsoTime | null;
  created_at: IsoTime;
  updated_at: IsoTime;
}

export interface BudgetCommentsTable {
  id: string;
  budget_id: string;
  author_id: string;
  kind: CommentKind;
  /** The audit rule a justification answers. */
  rule: string | null;
  body: string;
  created_at: IsoTime;
}

export interface DocumentsTable {
  id: string;
  department_id: string | null;
  file_name: string;
  format: string;
  sha256: string;
  size: number;
  uploaded_by: string;
  uploaded_at: IsoTime;
  summary: JsonText | null;
  budget: JsonText | null;
  audit: JsonText | null;
}

export interface PublicationsTable {
  id: string;
  budget_id: string;
  version: number;
  published_at: IsoTime;
  published_by: string;
  /** Why a correction was made (null for version 1). */
  reason: string | null;
  /** Snapshot of the Budget model as published. */
  facts: JsonText;
  /** Diff against the previous version (null for version 1). */
  diff: JsonText | null;
}

export interface PublicationFilesTable {
  publication_id: string;
  format: string;
  sha256: string;
  size: number;
  bytes: Buffer;
}

export interface AuditLogTable {
  /** Write order (autoincrement / identity). */
  seq: Generated<number>;
  id: string;
  at: IsoTime;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: JsonText | null;
  after: JsonText | null;
}

export interface Database {
  regions: RegionsTable;
  departments: DepartmentsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  budgets: BudgetsTable;
  budget_comments: BudgetCommentsTable;
  documents: DocumentsTable;
  publications: PublicationsTable;
  publication_files: PublicationFilesTable;
  audit_log: AuditLogTable;
}
