/**
 * The hall's records as the repositories return them and the API sends them: plain types that import only
 * the pure core and the schema's unions, so the web UI reads them from here instead of keeping copies.
 */
import type { CaseStatus } from '../../core/hall/case-status.ts';
import type { JointCase } from '../../core/hall/joint-case.ts';
import type { CardKind, DeadlineKind } from '../../core/hall/supervision.ts';

export const CENTER_LEVELS = ['district', 'township', 'village'] as const;
export type CenterLevel = (typeof CENTER_LEVELS)[number];

/** 综合窗口, 部门窗口, 联办窗口, 咨询窗口. */
export const WINDOW_KINDS = ['comprehensive', 'department', 'joint', 'inquiry'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export interface ServiceCenter {
  id: string;
  parentId: string | null;
  regionId: string | null;
  name: string;
  level: CenterLevel;
}

export interface ServiceCenterNode extends ServiceCenter {
  children: ServiceCenterNode[];
}

export interface StationedDepartment {
  id: string;
  centerId: string;
  name: string;
  departmentId: string | null;
}

export interface HallWindow {
  id: string;
  centerId: string;
  number: string;
  name: string;
  department: string;
  kind: WindowKind;
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
  status: CaseStatus;
  version: number;
  receivedAt: string;
  closedAt: string | null;
  handlerId: string | null;
  receivedBy: string;
  /** As entered; screens show it masked. */
  applicantName: string;
}

export interface CardRecord {
  id: string;
  caseId: string;
  episode: number;
  kind: CardKind;
  deadlineKind: DeadlineKind;
  deadline: string;
  issuedAt: string;
  windowId: string;
  staffId: string;
  provisional: boolean;
  message: string;
}

export interface JointRecord {
  joint: JointCase;
  version: number;
  updatedAt: string;
}
