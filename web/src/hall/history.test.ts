import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../../src/core/hall/calendar.ts';
import { openCase, transitionCase } from '../../../src/core/hall/case-transition.ts';
import { committedItem } from '../../../src/core/hall/sample-catalogue.ts';
import { historyRows } from './history.ts';

describe('a case history as rows', () => {
  it('says who did what, when, and why, with the materials listed', () => {
    const ctx = (at: string) => ({
      now: new Date(at),
      actorId: 'clerk',
      item: committedItem,
      calendar: officialCalendar,
    });
    let s = openCase({ caseId: 'c', windowId: 'w' }, ctx('2024-06-03T01:00:00Z'));
    for (const [a, at] of [
      [{ type: 'requestCorrection', missing: ['营业执照'], reason: '请一次补齐' }, '2024-06-03T02:00:00Z'],
      [{ type: 'resubmit', supplied: ['营业执照'] }, '2024-06-04T02:00:00Z'],
      [{ type: 'accept' }, '2024-06-04T03:00:00Z'],
      [{ type: 'complete', result: '准予许可' }, '2024-06-05T03:00:00Z'],
    ] as const) {
      const r = transitionCase(s, a as never, ctx(at));
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
    }
    expect(historyRows(s.history).map((r) => [r.action, r.to, r.actorId, r.details])).toEqual([
      ['收件', 'submitted', 'clerk', ''],
      ['一次性告知补正', 'correctionRequested', 'clerk', '需补正：营业执照；请一次补齐'],
      ['重新提交', 'submitted', 'clerk', '补交：营业执照'],
      ['受理', 'accepted', 'clerk', '起算日 2024-06-04'],
      ['办结', 'completed', 'clerk', '办理结果：准予许可'],
    ]);
  });
});
