import { describe, expect, it } from 'vitest';
import { officialCalendar as calendar } from './calendar.ts';
import type { CaseAction, CaseState } from './case-status.ts';
import { openCase, transitionCase } from './case-transition.ts';
import { caseEpisodes, pauseSpans, responsibleStaff } from './episodes.ts';
import { committedItem as item } from './sample-catalogue.ts';

function run(steps: [string, CaseAction, string][]): CaseState {
  let s = openCase(
    { caseId: 'C', windowId: 'W' },
    { now: new Date('2024-03-04T01:00:00Z'), actorId: 'clerk', item },
  );
  for (const [iso, action, actorId] of steps) {
    const r = transitionCase(s, action, { now: new Date(iso), actorId, item, calendar });
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
  }
  return s;
}

describe('acceptance episodes', () => {
  const s = run([
    ['2024-03-04T02:00:00Z', { type: 'accept' }, 'clerk'],
    ['2024-03-04T03:00:00Z', { type: 'assign', handlerId: 'li' }, 'chief'],
    ['2024-03-05T17:00:00Z', { type: 'pause', procedure: '听证', reason: '听证' }, 'li'],
    ['2024-03-07T02:00:00Z', { type: 'resume' }, 'li'],
    ['2024-03-08T02:00:00Z', { type: 'return', reason: '不符合条件' }, 'li'],
    ['2024-03-11T02:00:00Z', { type: 'resubmit', supplied: ['营业执照'] }, 'clerk'],
    ['2024-03-11T03:00:00Z', { type: 'approveResubmission' }, 'yewuke'],
  ]);

  it('one per acceptance, with pauses, assignments and the end', () => {
    const [first, second] = caseEpisodes(s.history);
    expect(first).toMatchObject({
      index: 0,
      acceptedBy: 'clerk',
      clockStart: '2024-03-04',
      pauses: [
        {
          procedure: '听证',
          from: '2024-03-05T17:00:00Z'.replace('Z', '.000Z'),
          to: '2024-03-07T02:00:00.000Z',
        },
      ],
      end: 'returned',
    });
    expect(second).toMatchObject({ index: 1, acceptedBy: 'yewuke', clockStart: '2024-03-11', end: null });
    // 17:00 UTC on 3/5 is 01:00 on 3/6 in Beijing: the pause is dated by Beijing days.
    expect(first && pauseSpans(first)).toEqual([{ from: '2024-03-06', to: '2024-03-07' }]);
  });

  it('as known at an instant: later events ignored, a running pause open', () => {
    const [first] = caseEpisodes(s.history, '2024-03-06T00:00:00.000Z');
    expect(first?.pauses).toEqual([{ procedure: '听证', from: '2024-03-05T17:00:00.000Z', to: null }]);
    expect(first?.end).toBeNull();
  });

  it('the staff responsible: the last handler assigned before the instant, else whoever accepted', () => {
    const [first] = caseEpisodes(s.history);
    if (!first) throw new Error('no episode');
    expect(responsibleStaff(first, '2024-03-04T02:30:00.000Z')).toBe('clerk');
    expect(responsibleStaff(first, '2024-03-05T00:00:00.000Z')).toBe('li');
  });
});
