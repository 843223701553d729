import { describe, expect, it } from 'vitest';
import type { DailyFigures, DailyReport } from './daily-report.ts';
import { periodReport } from './period-report.ts';

const fig = (over: Partial<DailyFigures>): DailyFigures => ({
  received: 0,
  receivedByKind: { immediate: 0, committed: 0, joint: 0, escalated: 0 },
  completedOnTime: 0,
  completedLate: 0,
  inProgress: 0,
  awaitingAcceptance: 0,
  overdue: 0,
  newlyOverdue: 0,
  returned: 0,
  completionRate: null,
  ...over,
});

const day = (date: string, w1: Partial<DailyFigures>, w2: Partial<DailyFigures>): DailyReport => {
  const a = fig(w1);
  const b = fig(w2);
  const center = fig({
    received: a.received + b.received,
    completedOnTime: a.completedOnTime + b.completedOnTime,
    completedLate: a.completedLate + b.completedLate,
    newlyOverdue: a.newlyOverdue + b.newlyOverdue,
    inProgress: a.inProgress + b.inProgress,
    overdue: a.overdue + b.overdue,
  });
  return { date, windows: { W1: a, W2: b }, center };
};

describe('monthly and annual figures from daily reports', () => {
  const days = [
    day(
      '2024-10-16',
      { received: 3, completedOnTime: 1, inProgress: 5 },
      { received: 1, newlyOverdue: 1, overdue: 1 },
    ),
    day('2024-10-15', { received: 2, completedLate: 1, inProgress: 4 }, { received: 4 }),
    day('2024-11-01', { received: 1, completedOnTime: 2, inProgress: 3 }, {}),
  ];

  it('sums flows, takes stocks at the end, and rates over the period', () => {
    const m = periodReport('2024-10', days.slice(0, 2));
    expect(m.from).toBe('2024-10-15');
    expect(m.to).toBe('2024-10-16');
    expect(m.windows.W1).toMatchObject({ received: 5, completedOnTime: 1, completedLate: 1, inProgress: 5 });
    expect(m.windows.W1?.completionRate).toBe(0.5);
    expect(m.windows.W2).toMatchObject({ received: 5, newlyOverdue: 1, overdue: 1, completionRate: 0 });
    expect(m.center.received).toBe(10);
    expect(m.trend.map((t) => [t.period, t.received, t.completed])).toEqual([
      ['2024-10-15', 6, 1],
      ['2024-10-16', 4, 1],
    ]);
  });

  it('gives a year its trend by month', () => {
    const y = periodReport('2024', days, 'month');
    expect(y.trend.map((t) => [t.period, t.received, t.completed])).toEqual([
      ['2024-10', 10, 2],
      ['2024-11', 1, 2],
    ]);
    expect(y.center.inProgress).toBe(3);
  });
});
