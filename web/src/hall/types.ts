/**
 * The hall API's answers as the pages read them: the server's own types (src/store/repositories/hall-records.ts
 * and src/services/hall-types.ts import only the pure core), so the two cannot drift apart.
 */
import type { CaseEvent } from '../../../src/core/hall/case-status.ts';
import type { DailyReport } from '../../../src/core/hall/daily-report.ts';
import type { JointCase } from '../../../src/core/hall/joint-case.ts';
import type { PeriodReport } from '../../../src/core/hall/period-report.ts';
import type { ServiceItem } from '../../../src/core/hall/service-item.ts';

export type {
  CaseView,
  DailyReportView,
  Dashboard,
  PublicCaseStatus,
  SupervisionBoard,
} from '../../../src/services/hall-types.ts';
export type {
  CardRecord,
  CaseHeader,
  HallWindow,
  JointRecord,
  StaffAssignment,
  StationedDepartment,
} from '../../../src/store/repositories/hall-records.ts';
export type { CaseEvent, DailyReport, JointCase, PeriodReport, ServiceItem };
