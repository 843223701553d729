/**
 * The repositories over one database handle. Pass a transaction (`db.transaction().execute(trx =>
 * createRepositories(trx) …)`) to make several repository calls one unit: their audit rows join it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { AuditLogRepository } from './audit-log.ts';
import { BudgetRepository } from './budgets.ts';
import { CommentRepository } from './comments.ts';
import { DepartmentRepository } from './departments.ts';
import { DocumentRepository } from './documents.ts';
import { CaseRepository } from './hall-cases.ts';
import { HallOrganisationRepository } from './hall-organisation.ts';
import { HallReportRepository } from './hall-reports.ts';
import { JointCaseRepository } from './joint-cases.ts';
import { PreApprovalRepository } from './pre-approvals.ts';
import { PublicationRepository } from './publications.ts';
import { RegionRepository } from './regions.ts';
import { ServiceItemRepository } from './service-items.ts';
import { SessionRepository } from './sessions.ts';
import { SupervisionCardRepository } from './supervision-cards.ts';
import { UserRepository } from './users.ts';

export interface Repositories {
  regions: RegionRepository;
  departments: DepartmentRepository;
  users: UserRepository;
  sessions: SessionRepository;
  budgets: BudgetRepository;
  comments: CommentRepository;
  documents: DocumentRepository;
  publications: PublicationRepository;
  auditLog: AuditLogRepository;
  hall: HallOrganisationRepository;
  serviceItems: ServiceItemRepository;
  cases: CaseRepository;
  cards: SupervisionCardRepository;
  jointCases: JointCaseRepository;
  hallReports: HallReportRepository;
  preApprovals: PreApprovalRepository;
}

export interface RepositoryOptions {
  /** The clock (default: the system's). */
  now?: () => Date;
}

export function createRepositories(db: Kysely<Database>, options: RepositoryOptions = {}): Repositories {
  const context = { db, now: options.now ?? (() => new Date()) };
  return {
    regions: new RegionRepository(context),
    departments: new DepartmentRepository(context),
    users: new UserRepository(context),
    sessions: new SessionRepository(context),
    budgets: new BudgetRepository(context),
    comments: new CommentRepository(context),
    documents: new DocumentRepository(context),
    publications: new PublicationRepository(context),
    auditLog: new AuditLogRepository(context),
    hall: new HallOrganisationRepository(context),
    serviceItems: new ServiceItemRepository(context),
    cases: new CaseRepository(context),
    cards: new SupervisionCardRepository(context),
    jointCases: new JointCaseRepository(context),
    hallReports: new HallReportRepository(context),
    preApprovals: new PreApprovalRepository(context),
  };
}

export type { AuditLogFilter, AuditRecord } from './audit-log.ts';
export type { BudgetFilter, BudgetHeader, BudgetRecord, Conflict, NewBudget } from './budgets.ts';
export type { BudgetComment, NewBudgetComment } from './comments.ts';
export type { Department, DepartmentNode, NewDepartment } from './departments.ts';
export type { DocumentHeader, DocumentRecord, NewDocument } from './documents.ts';
export type {
  FileInfo,
  PublicationFile,
  PublicationHeader,
  PublicationRecord,
  PublishInput,
} from './publications.ts';
export type { NewRegion, Region, RegionNode } from './regions.ts';
export type { NewSession, Session } from './sessions.ts';
export type { NewUser, User, UserCredentials } from './users.ts';
