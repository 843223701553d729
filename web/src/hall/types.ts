/** The hall API's answers as the pages read them (src/services/case-service.ts and the other hall services). */
import type { CaseEvent } from '../../../src/core/hall/case-status.ts';
import type { DailyReport } from '../../../src/core/hall/daily-report.ts';
import type { JointCase } from '../../../src/core/hall/joint-case.ts';
import type { PeriodReport } from '../../../src/core/hall/period-report.ts';
import type { ServiceItem } from '../../../src/core/hall/service-item.ts';

export type { CaseEvent, DailyReport, JointCase, PeriodReport, ServiceItem };

export interface HallWindow {
  id: string;
  centerId: string;
  number: string;
  name: string;
  department: string;
  kind: string;
}

export interface StationedDepartment {
  id: string;
  centerId: string;
  name: string;
  departmentId: string | null;
}

export interface StaffAssignment {
  id: string;
  windowId: string;
  userId: string;
  fromDate: string;
  toDate: string | null;
}

export interface CaseHeader {
  id: string;
  caseNumber: string;
  windowId: string;
  itemCode: string;
  kind: string;
  status: string;
  version: number;
  receivedAt: string;
  closedAt: string | null;
  handlerId: string | null;
  receivedBy: string;
  applicantName: string;
}

export interface CardRecord {
  id: string;
  caseId: string;
  episode: number;
  kind: 'warning' | 'yellow' | 'red';
  deadlineKind: string;
  deadline: string;
  issuedAt: string;
  windowId: string;
  staffId: string;
  provisional: boolean;
  message: string;
}

export interface CaseView extends CaseHeader {
  statusName: string;
  itemName: string;
  kindName: string;
  applicant: { name: string; idNumber: string; phone: string };
  history: CaseEvent[];
  deadlines: {
    episode: number;
    clockStart: string;
    promised: string | null;
    legal: string | null;
    report: string | null;
    suspended: boolean;
  } | null;
  cards: CardRecord[];
  availableActions: string[];
}

export interface JointRecord {
  joint: JointCase;
  version: number;
  updatedAt: string;
}

export interface SupervisionBoard {
  cards: CardRecord[];
  counts: Record<'warning' | 'yellow' | 'red', number>;
  byWindow: Record<string, Record<'warning' | 'yellow' | 'red', number>>;
}

export interface DailyReportView {
  report: DailyReport;
  archived: boolean;
  sha256: string | null;
  generatedAt: string | null;
}

export interface PublicCaseStatus {
  caseNumber: string;
  itemName: string;
  status: string;
  statusName: string;
  receivedDate: string;
  deadline: string | null;
  suspended: boolean;
  closedDate: string | null;
}

export interface Dashboard {
  date: string;
  windows: {
    windowId: string;
    number: string;
    name: string;
    received: number;
    completed: number;
    awaiting: number;
  }[];
  total: { received: number; completed: number; awaiting: number };
}
