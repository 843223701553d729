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

// The hall's unions live with its records (hall-records.ts imports nothing of Node, for the web UI).
export {
  CENTER_LEVELS,
  type CenterLevel,
  WINDOW_KINDS,
  type WindowKind,
} from './repositories/hall-records.ts';

import type { CenterLevel, WindowKind } from './repositories/hall-records.ts';

export interface ServiceCentersTable {
  id: string;
  parent_id: string | null;
  region_id: string | null;
  name: string;
  level: CenterLevel;
  created_at: IsoTime;
}

export interface StationedDepartmentsTable {
  id: string;
  center_id: string;
  name: string;
  department_id: string | null;
}

export interface HallWindowsTable {
  id: string;
  center_id: string;
  /** The number shown above the window (01, A3 …). */
  number: string;
  name: string;
  /** The stationed department's name (service items name their department the same way). */
  department: string;
  kind: WindowKind;
  created_at: IsoTime;
}

export interface WindowStaffTable {
  id: string;
  window_id: string;
  user_id: string;
  /** First day (YYYY-MM-DD, Asia/Shanghai) the user works the window. */
  from_date: string;
  /** Last day, or null while the assignment lasts. */
  to_date: string | null;
}

export interface ServiceItemsTable {
  code: string;
  name: string;
  department: string;
  kind: string;
  /** The ServiceItem (core/hall/service-item.ts) as JSON. */
  item: JsonText;
  version: number;
  updated_at: IsoTime;
}

export interface HallCasesTable {
  id: string;
  /** What the applicant is given and the query kiosk asks for. */
  case_number: string;
  window_id: string;
  item_code: string;
  kind: string;
  /** Cached from the replay of case_events (as is `state`). */
  status: string;
  /** Optimistic lock: one more per event. */
  version: number;
  received_at: IsoTime;
  closed_at: IsoTime | null;
  handler_id: string | null;
  received_by: string;
  applicant_name: string;
  /** AES-256-GCM (src/store/personal-data.ts), never shown: screens show masks. */
  id_number_enc: string;
  phone_enc: string;
  /** HMAC-SHA-256 of the phone's last four digits, for the public query. */
  phone_tail_hash: string;
  /** The replayed CaseState without its history, as JSON. */
  state: JsonText;
  updated_at: IsoTime;
}

export interface CaseEventsTable {
  case_id: string;
  seq: number;
  at: IsoTime;
  actor_id: string;
  type: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  /** The acceptance episode the case is in after the event (null before the first acceptance). */
  episode: number | null;
  /** The whole CaseEvent as JSON. */
  event: JsonText;
}

export interface SupervisionCardsTable {
  id: string;
  case_id: string;
  episode: number;
  kind: string;
  deadline_kind: string;
  deadline: string;
  issued_at: IsoTime;
  window_id: string;
  staff_id: string;
  provisional: number;
  message: string;
}

export interface JointCasesTable {
  case_id: string;
  /** The JointCase (core/hall/joint-case.ts) as JSON. */
  joint: JsonText;
  version: number;
  updated_at: IsoTime;
}

export interface HallReportsTable {
  id: string;
  /** 'daily' (more kinds may follow). */
  kind: string;
  /** The day (YYYY-MM-DD). */
  period: string;
  report: JsonText;
  /** SHA-256 of `report` exactly as stored. */
  sha256: string;
  generated_at: IsoTime;
  generated_by: string | null;
}

export interface PreApprovalsTable {
  id: string;
  center_id: string;
  /** 投资项目代码, normalised (2018-130303-47-01-000123). */
  project_code: string;
  project_name: string;
  /** 建设单位. */
  construction_unit: string;
  location: string;
  /** Integer 分. */
  total_investment_fen: number;
  /** 建设内容及规模. */
  content: string;
  /** The higher authority it is reported to. */
  authority: string;
  /** Cached: the `to` of the last event. */
  status: string;
  /** Optimistic lock: the number of events. */
  version: number;
  submitted_at: IsoTime;
  submitted_by: string;
  updated_at: IsoTime;
}

export interface PreApprovalEventsTable {
  pre_approval_id: string;
  seq: number;
  at: IsoTime;
  actor_id: string;
  type: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
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
  service_centers: ServiceCentersTable;
  stationed_departments: StationedDepartmentsTable;
  hall_windows: HallWindowsTable;
  window_staff: WindowStaffTable;
  service_items: ServiceItemsTable;
  hall_cases: HallCasesTable;
  case_events: CaseEventsTable;
  supervision_cards: SupervisionCardsTable;
  joint_cases: JointCasesTable;
  hall_reports: HallReportsTable;
  pre_approvals: PreApprovalsTable;
  pre_approval_events: PreApprovalEventsTable;
}
