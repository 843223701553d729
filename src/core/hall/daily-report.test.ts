import { describe, expect, it } from 'vitest';
import { officialCalendar as calendar } from './calendar.ts';
import type { CaseAction, CaseState } from './case-status.ts';
import { openCase, transitionCase } from './case-transition.ts';
import { dailyReport } from './daily-report.ts';
import { committedItem, escalatedItem, immediateItem, sampleItems } from './sample-catalogue.ts';
import type { ServiceItem } from './service-item.ts';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

function run(
  id: string,
  windowId: string,
  item: ServiceItem,
  received: string,
  steps: [string, CaseAction][],
): CaseState {
  let s = openCase({ caseId: id, windowId }, { now: at(received), actorId: 'clerk', item });
  for (const [when, action] of steps) {
    const r = transitionCase(s, action, { now: at(when), actorId: 'clerk', item, calendar });
    if (!r.ok) throw new Error(`${id}: ${r.error.message}`);
    s = r.state;
  }
  return s;
}

const accept = (when: string): [string, CaseAction] => [when, { type: 'accept' }];

// The report for Wed 2024-10-16. Committed cases accepted Fri 9/27 have their promised day 10 on 10/16;
// one accepted Thu 9/26 had it on 10/15.
const cases = [
  run('A', 'W1', committedItem, '2024-09-27T09:00', [
    accept('2024-09-27T09:05'),
    ['2024-10-16T15:00', { type: 'complete', result: '准予' }],
  ]),
  run('B', 'W1', committedItem, '2024-09-27T09:00', [accept('2024-09-27T09:05')]),
  run('C', 'W2', immediateItem, '2024-10-16T09:00', [
    ['2024-10-16T09:10', { type: 'completeOnSpot', result: '已变更' }],
  ]),
  run('D', 'W2', committedItem, '2024-09-26T09:00', [
    accept('2024-09-26T09:05'),
    ['2024-10-16T10:00', { type: 'complete', result: '准予' }],
  ]),
  run('E', 'W2', committedItem, '2024-10-16T14:00', [
    ['2024-10-16T14:30', { type: 'requestCorrection', missing: ['营业执照'] }],
  ]),
  run('F', 'W1', committedItem, '2024-10-10T09:00', [
    accept('2024-10-10T09:05'),
    ['2024-10-16T11:00', { type: 'return', reason: '场所不符合要求' }],
  ]),
  // Escalated, accepted Thu 10/10: report due by Mon 10/14 (Sat 10/12 is a workday); not reported.
  run('G', 'W1', escalatedItem, '2024-10-10T09:00', [accept('2024-10-10T09:05')]),
  // Received at 24:00 exactly: the next day.
  run('H', 'W2', committedItem, '2024-10-17T00:00', []),
];

const items = (code: string) => sampleItems.find((i) => i.code === code);

describe('the daily report for 2024-10-16', () => {
  const report = dailyReport(cases, items, calendar, '2024-10-16');

  it('per window', () => {
    expect(report.windows.W1).toEqual({
      received: 0,
      receivedByKind: { immediate: 0, committed: 0, joint: 0, escalated: 0 },
      completedOnTime: 1,
      completedLate: 0,
      inProgress: 2,
      awaitingAcceptance: 0,
      overdue: 2,
      newlyOverdue: 1,
      returned: 1,
      completionRate: 0.5,
    });
    expect(report.windows.W2).toEqual({
      received: 2,
      receivedByKind: { immediate: 1, committed: 1, joint: 0, escalated: 0 },
      completedOnTime: 1,
      completedLate: 1,
      inProgress: 0,
      awaitingAcceptance: 1,
      overdue: 0,
      newlyOverdue: 0,
      returned: 0,
      completionRate: 0.5,
    });
  });

  it('for the center: the sum of the windows, with its own rate', () => {
    expect(report.center).toMatchObject({
      received: 2,
      completedOnTime: 2,
      completedLate: 1,
      inProgress: 2,
      awaitingAcceptance: 1,
      overdue: 2,
      newlyOverdue: 1,
      returned: 1,
      completionRate: 0.5,
    });
  });

  it('the next day: B stays overdue but is no longer new; H is received', () => {
    const next = dailyReport(cases, items, calendar, '2024-10-17');
    expect(next.center).toMatchObject({ received: 1, overdue: 2, newlyOverdue: 0, completionRate: null });
  });

  it('refuses a case whose item is unknown', () => {
    expect(() => dailyReport(cases, () => undefined, calendar, '2024-10-16')).toThrow(
      '找不到办件A所属的事项',
    );
  });
});
