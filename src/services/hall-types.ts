/**
 * What the hall services answer (cases, reports, supervision): plain types over the core and the hall's
 * records, so the web UI reads them from here (as it does portal-types.ts) instead of keeping copies.
 */
import type { CaseEvent, CaseStatus } from '../core/hall/case-status.ts';
import type { DailyReport } from '../core/hall/daily-report.ts';
import type { CardKind } from '../core/hall/supervision.ts';
import type { IsoDate } from '../core/workflow/deadlines.ts';
import type { CardRecord, CaseHeader } from '../store/repositories/hall-records.ts';

export interface Deadlines {
  episode: number;
  clockStart: string;
  promised: string | null;
  legal: string | null;
  /** 上报件: the last day to report up. */
  report: string | null;
  /** A special procedure stops the clock. */
  suspended: boolean;
}

export interface CaseView extends CaseHeader {
  statusName: string;
  itemName: string;
  kindName: string;
  applicant: { name: string; idNumber: string; phone: string };
  history: CaseEvent[];
  deadlines: Deadlines | null;
  cards: CardRecord[];
  /** The case actions the state machine accepts now (the policy decides who). */
  availableActions: string[];
}

export interface PublicCaseStatus {
  caseNumber: string;
  itemName: string;
  status: CaseStatus;
  statusName: string;
  receivedDate: string;
  /** The promised deadline of the running episode, or null (not accepted, finished, or suspended). */
  deadline: string | null;
  suspended: boolean;
  closedDate: string | null;
}

export interface DailyReportView {
  report: DailyReport;
  /** Archived (the day is over): the report is the archived JSON, with its SHA-256. */
  archived: boolean;
  sha256: string | null;
  generatedAt: string | null;
}

export interface Dashboard {
  date: IsoDate;
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

export interface SupervisionBoard {
  cards: CardRecord[];
  counts: Record<CardKind, number>;
  byWindow: Record<string, Record<CardKind, number>>;
}
