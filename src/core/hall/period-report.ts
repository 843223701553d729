/**
 * Monthly and annual analysis (月报、年报) from daily reports: flows (received, completed, returned,
 * newly overdue) are summed over the days, stocks (in progress, awaiting acceptance, overdue) are those
 * at the end of the last day, and the trend is the center's figures per day (a month) or per month (a
 * year). Pure: the daily reports come from daily-report.ts (archived or not).
 */
import type { IsoDate } from '../workflow/deadlines.ts';
import type { DailyFigures, DailyReport } from './daily-report.ts';
import { ITEM_KINDS, type ItemKind } from './service-item.ts';

export interface PeriodFigures {
  received: number;
  receivedByKind: Record<ItemKind, number>;
  completedOnTime: number;
  completedLate: number;
  returned: number;
  newlyOverdue: number;
  /** completedOnTime ÷ (completedOnTime + completedLate + newlyOverdue) over the period; null when nothing fell due. */
  completionRate: number | null;
  /** At the end of the period's last day. */
  inProgress: number;
  awaitingAcceptance: number;
  overdue: number;
}

export interface TrendPoint {
  /** A day (YYYY-MM-DD) or a month (YYYY-MM). */
  period: string;
  received: number;
  completed: number;
  newlyOverdue: number;
  completionRate: number | null;
}

export interface PeriodReport {
  /** YYYY-MM or YYYY. */
  period: string;
  from: IsoDate | null;
  to: IsoDate | null;
  days: number;
  windows: Record<string, PeriodFigures>;
  center: PeriodFigures;
  trend: TrendPoint[];
}

const FLOWS = ['received', 'completedOnTime', 'completedLate', 'returned', 'newlyOverdue'] as const;

function empty(): PeriodFigures {
  return {
    received: 0,
    receivedByKind: Object.fromEntries(ITEM_KINDS.map((k) => [k, 0])) as Record<ItemKind, number>,
    completedOnTime: 0,
    completedLate: 0,
    returned: 0,
    newlyOverdue: 0,
    completionRate: null,
    inProgress: 0,
    awaitingAcceptance: 0,
    overdue: 0,
  };
}

const rate = (f: { completedOnTime: number; completedLate: number; newlyOverdue: number }) => {
  const due = f.completedOnTime + f.completedLate + f.newlyOverdue;
  return due === 0 ? null : f.completedOnTime / due;
};

function addDay(sum: PeriodFigures, day: DailyFigures): void {
  for (const k of FLOWS) sum[k] += day[k];
  for (const k of ITEM_KINDS) sum.receivedByKind[k] += day.receivedByKind[k];
}

function point(period: string, f: PeriodFigures | DailyFigures): TrendPoint {
  return {
    period,
    received: f.received,
    completed: f.completedOnTime + f.completedLate,
    newlyOverdue: f.newlyOverdue,
    completionRate: rate(f),
  };
}

/** The period's figures from its daily reports (in any order); `trendBy` groups the trend by day or month. */
export function periodReport(
  period: string,
  dailies: readonly DailyReport[],
  trendBy: 'day' | 'month' = 'day',
): PeriodReport {
  const days = [...dailies].sort((a, b) => (a.date < b.date ? -1 : 1));
  const windows: Record<string, PeriodFigures> = {};
  const center = empty();
  for (const d of days) {
    addDay(center, d.center);
    for (const [w, f] of Object.entries(d.windows)) {
      windows[w] ??= empty();
      addDay(windows[w], f);
    }
  }
  const last = days.at(-1);
  const stocks = (target: PeriodFigures, f: DailyFigures | undefined) => {
    target.inProgress = f?.inProgress ?? 0;
    target.awaitingAcceptance = f?.awaitingAcceptance ?? 0;
    target.overdue = f?.overdue ?? 0;
    target.completionRate = rate(target);
  };
  stocks(center, last?.center);
  for (const [w, f] of Object.entries(windows)) stocks(f, last?.windows[w]);
  let trend: TrendPoint[];
  if (trendBy === 'day') trend = days.map((d) => point(d.date, d.center));
  else {
    const months = new Map<string, DailyReport[]>();
    for (const d of days) months.set(d.date.slice(0, 7), [...(months.get(d.date.slice(0, 7)) ?? []), d]);
    trend = [...months.entries()].map(([m, list]) => point(m, periodReport(m, list).center));
  }
  const sortedWindows = Object.fromEntries(Object.entries(windows).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    period,
    from: days[0]?.date ?? null,
    to: last?.date ?? null,
    days: days.length,
    windows: sortedWindows,
    center,
    trend,
  };
}
