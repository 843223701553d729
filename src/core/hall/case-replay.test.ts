import { describe, expect, it } from 'vitest';
import { officialCalendar as calendar } from './calendar.ts';
import { replayCase } from './case-replay.ts';
import { openCase, transitionCase } from './case-transition.ts';
import { committedItem as item } from './sample-catalogue.ts';

describe('replaying a history', () => {
  it('gives back the state the transitions built', () => {
    const s0 = openCase(
      { caseId: 'C', windowId: 'W' },
      { now: new Date('2024-03-04T01:00:00Z'), actorId: 'a', item },
    );
    const r = transitionCase(
      s0,
      { type: 'accept' },
      { now: new Date('2024-03-04T02:00:00Z'), actorId: 'a', item, calendar },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(replayCase(r.state.history)).toEqual(r.state);
    expect(replayCase(r.state.history.slice(0, 1))).toEqual(s0);
  });

  it('refuses a history that does not begin with the submission', () => {
    expect(() => replayCase([])).toThrow('办件记录应以收件开始');
  });
});
