import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialCalendar as calendar } from './calendar.ts';
import type { CaseAction, CaseState } from './case-status.ts';
import { openCase, transitionCase } from './case-transition.ts';
import { caseEpisodes } from './episodes.ts';
import { committedItem, escalatedItem, immediateItem } from './sample-catalogue.ts';
import type { ServiceItem } from './service-item.ts';
import { episodeDeadlines, supervise } from './supervision.ts';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

/** Runs [Beijing time, action] steps on a new case received at `received`. */
function run(item: ServiceItem, received: string, steps: [string, CaseAction, string?][]): CaseState {
  let s = openCase({ caseId: 'C7', windowId: 'W3' }, { now: at(received), actorId: 'clerk', item });
  for (const [when, action, actorId] of steps) {
    const r = transitionCase(s, action, { now: at(when), actorId: actorId ?? 'clerk', item, calendar });
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
  }
  return s;
}

const summary = (s: CaseState, item: ServiceItem, asOf: string, warningDays?: number) =>
  supervise(s.history, item, calendar, at(asOf), { warningDays }).map((c) => [
    c.kind,
    c.deadlineKind,
    c.deadline,
    c.staffId,
  ]);

// Committed item: promised 10, legal 20 working days. Accepted Fri 2024-09-27: Sun 9/29 and Sat 10/12 are
// worked (调休), 10/1–10/7 are not. Promised: day 9 = 10/15, day 10 = 10/16; legal: day 20 = 10/30.
const accepted: [string, CaseAction, string?][] = [
  ['2024-09-27T09:10', { type: 'accept' }],
  ['2024-09-27T10:00', { type: 'assign', handlerId: 'li' }, 'chief'],
];

describe('supervision across National Day 2024', () => {
  it('deadlines count 调休 weekend workdays and skip the holiday', () => {
    const s = run(committedItem, '2024-09-27T09:00', accepted);
    const [episode] = caseEpisodes(s.history);
    if (!episode) throw new Error('no episode');
    expect(episodeDeadlines(episode, committedItem, calendar).map((d) => d.deadline)).toEqual([
      { state: 'due', date: '2024-10-16', provisional: false },
      { state: 'due', date: '2024-10-30', provisional: false },
    ]);
  });

  it('on time: a warning only, the evening before the last day', () => {
    const s = run(committedItem, '2024-09-27T09:00', [
      ...accepted,
      ['2024-10-16T17:00', { type: 'complete', result: '准予' }],
    ]);
    expect(summary(s, committedItem, '2025-06-01T00:00')).toEqual([
      ['warning', 'promised', '2024-10-16', 'li'],
    ]);
    expect(supervise(s.history, committedItem, calendar, at('2025-06-01T00:00'))[0]?.issuedAt).toBe(
      '2024-10-15T16:00:00.000Z',
    );
    expect(summary(s, committedItem, '2025-06-01T00:00', 3)[0]?.[2]).toBe('2024-10-16');
    expect(summary(s, committedItem, '2025-06-01T00:00', 0)).toEqual([]);
  });

  it('finished late: yellow and red cards fixed at completion, the same when checked months later', () => {
    const s = run(committedItem, '2024-09-27T09:00', [
      ...accepted,
      ['2024-10-31T09:00', { type: 'complete', result: '准予' }],
    ]);
    const expected = [
      ['warning', 'promised', '2024-10-16', 'li'],
      ['yellow', 'promised', '2024-10-16', 'li'],
      ['red', 'legal', '2024-10-30', 'li'],
    ];
    expect(summary(s, committedItem, '2024-10-31T09:00')).toEqual(expected);
    expect(summary(s, committedItem, '2025-03-01T12:00')).toEqual(expected);
    expect(summary(s, committedItem, '2026-10-01T12:00')).toEqual(expected);
    // Before the end of the last day nothing is late yet.
    expect(summary(s, committedItem, '2024-10-16T23:59')).toEqual([
      ['warning', 'promised', '2024-10-16', 'li'],
    ]);
    const red = supervise(s.history, committedItem, calendar, at('2025-03-01T12:00'))[2];
    expect(red).toMatchObject({ windowId: 'W3', issuedAt: '2024-10-30T16:00:00.000Z', episode: 0 });
    expect(red?.message).toBe('办件C7超过法定时限（2024-10-30）仍未办结');
  });

  it('a special procedure stops the clock: no card for the days it ran', () => {
    const paused: [string, CaseAction, string?][] = [
      ...accepted,
      ['2024-09-29T10:00', { type: 'pause', procedure: '听证', reason: '申请人要求听证' }, 'li'],
      ['2024-10-09T09:00', { type: 'resume' }, 'li'],
    ];
    // 9/29, 9/30 and 10/8 are left out: promised day 10 becomes Mon 10/21.
    const s = run(committedItem, '2024-09-27T09:00', [
      ...paused,
      ['2024-10-21T16:00', { type: 'complete', result: '准予' }],
    ]);
    expect(summary(s, committedItem, '2025-01-01T00:00')).toEqual([
      ['warning', 'promised', '2024-10-21', 'li'],
    ]);
    // While the hearing runs nothing is late, however long it takes.
    const open = run(committedItem, '2024-09-27T09:00', paused.slice(0, 3));
    expect(summary(open, committedItem, '2024-12-31T12:00')).toEqual([]);
  });
});

describe('supervision across the 2024 Spring Festival', () => {
  it('accepted Fri 2/2: promised day 10 is 2/21 (2/4 and 2/18 count, 2/10–2/17 do not)', () => {
    const s = run(committedItem, '2024-02-02T09:00', [
      ['2024-02-02T09:30', { type: 'accept' }],
      ['2024-02-22T10:00', { type: 'assign', handlerId: 'wang' }],
    ]);
    expect(summary(s, committedItem, '2024-02-22T12:00')).toEqual([
      ['warning', 'promised', '2024-02-21', 'clerk'],
      ['yellow', 'promised', '2024-02-21', 'clerk'],
    ]);
    // Legal day 20 is 3/6; the card goes to the handler assigned by then.
    expect(summary(s, committedItem, '2024-06-01T00:00').at(-1)).toEqual([
      'red',
      'legal',
      '2024-03-06',
      'wang',
    ]);
  });
});

describe('immediate and escalated items', () => {
  it('an immediate case not completed on the day of receipt is late at once (yellow and red)', () => {
    const s = run(immediateItem, '2024-03-04T16:50', [
      ['2024-03-05T08:40', { type: 'completeOnSpot', result: '已变更' }],
    ]);
    expect(summary(s, immediateItem, '2024-09-01T00:00')).toEqual([
      ['yellow', 'promised', '2024-03-04', 'clerk'],
      ['red', 'legal', '2024-03-04', 'clerk'],
    ]);
    const same = run(immediateItem, '2024-03-04T16:50', [
      ['2024-03-04T16:59', { type: 'completeOnSpot', result: '已变更' }],
    ]);
    expect(summary(same, immediateItem, '2024-09-01T00:00')).toEqual([]);
  });

  it('an escalated case must be reported up within 3 working days of acceptance', () => {
    const base: [string, CaseAction, string?][] = [['2024-03-04T09:10', { type: 'accept' }]];
    const late = run(escalatedItem, '2024-03-04T09:00', [
      ...base,
      ['2024-03-08T09:00', { type: 'reportUp' }],
    ]);
    expect(summary(late, escalatedItem, '2024-05-01T00:00')).toEqual([
      ['warning', 'report', '2024-03-07', 'clerk'],
      ['red', 'report', '2024-03-07', 'clerk'],
    ]);
    const onTime = run(escalatedItem, '2024-03-04T09:00', [
      ...base,
      ['2024-03-06T15:00', { type: 'reportUp' }],
    ]);
    // Reported; the higher level's time is not the center's: no card however long the decision takes.
    expect(summary(onTime, escalatedItem, '2024-12-01T00:00')).toEqual([]);
  });
});

describe('cards only accumulate', () => {
  it('cards at an earlier asOf are exactly the later ones issued by then', () => {
    const s = run(committedItem, '2024-09-27T09:00', [
      ...accepted,
      ['2024-10-14T10:00', { type: 'pause', procedure: '食品检验', reason: '送检' }, 'li'],
      ['2024-10-18T09:00', { type: 'resume' }, 'li'],
      ['2024-11-20T09:00', { type: 'return', reason: '检验不合格' }, 'li'],
      ['2024-11-21T09:00', { type: 'resubmit', supplied: ['食品安全管理制度'] }],
      ['2024-11-22T09:00', { type: 'approveResubmission' }, 'yewuke'],
    ]);
    const last = Date.parse('2025-03-01T00:00:00Z');
    const from = Date.parse('2024-09-27T00:00:00Z');
    const all = supervise(s.history, committedItem, calendar, new Date(last));
    expect(all.map((c) => [c.episode, c.kind])).toEqual([
      [0, 'warning'],
      [0, 'yellow'],
      [0, 'red'],
      [1, 'warning'],
      [1, 'yellow'],
      [1, 'red'],
    ]);
    fc.assert(
      fc.property(fc.integer({ min: from, max: last }), (t) => {
        const asOf = new Date(t);
        const earlier = supervise(s.history, committedItem, calendar, asOf);
        expect(earlier).toEqual(all.filter((c) => c.issuedAt <= asOf.toISOString()));
      }),
      { numRuns: 200 },
    );
  });
});
