import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../workflow/deadlines.ts';
import { officialCalendar as cal, calendarFromArrangement } from './calendar.ts';
import { addWorkdays, countedWorkdays, dayEndsAt, nthCountedDay, type PauseSpan } from './workdays.ts';

const due = (start: string, n: number, pauses: PauseSpan[] = []) => {
  const r = nthCountedDay(start, n, cal, pauses);
  return r.state === 'due' ? r.date : r;
};

describe('counting working days (the start day does not count)', () => {
  it('ordinary weeks: accepted on a Monday, 5 working days end on the next Monday', () => {
    expect(due('2024-03-04', 1)).toBe('2024-03-05');
    expect(due('2024-03-04', 5)).toBe('2024-03-11');
    expect(due('2024-03-04', 0)).toBe('2024-03-04');
    // Accepted on a Saturday (the hall opens on some weekends): day 1 is Monday.
    expect(due('2024-03-09', 1)).toBe('2024-03-11');
  });

  it('across the 2024 Spring Festival: 2/4 (Sun) and 2/18 (Sun) count, 2/10–2/17 do not', () => {
    // Fri 2/2: Sun 2/4 is day 1 (调休上班), 2/5–2/9 days 2–6, then Sun 2/18 day 7.
    expect(due('2024-02-02', 1)).toBe('2024-02-04');
    expect(due('2024-02-02', 6)).toBe('2024-02-09');
    expect(due('2024-02-02', 7)).toBe('2024-02-18');
    expect(due('2024-02-09', 1)).toBe('2024-02-18');
    expect(due('2024-02-09', 2)).toBe('2024-02-19');
    // Accepted during the holiday (online): day 1 is still the first working day after it.
    expect(due('2024-02-12', 1)).toBe('2024-02-18');
    expect(countedWorkdays('2024-02-09', '2024-02-17', cal)).toBe(0);
  });

  it('across the 2024 National Day: 9/29 (Sun) and 10/12 (Sat) count, 10/1–10/7 do not', () => {
    expect(due('2024-09-27', 1)).toBe('2024-09-29');
    expect(due('2024-09-27', 2)).toBe('2024-09-30');
    expect(due('2024-09-27', 3)).toBe('2024-10-08');
    expect(due('2024-09-27', 7)).toBe('2024-10-12');
    expect(due('2024-09-27', 8)).toBe('2024-10-14');
    expect(addWorkdays('2024-09-30', 1, cal)).toBe('2024-10-08');
  });

  it('paused days (special procedures) do not count; the pause is judged at the end of each day', () => {
    // Paused from 9/29, resumed 10/9: 9/29, 9/30 and 10/8 are left out; 10/9 counts again.
    const pauses = [{ from: '2024-09-29', to: '2024-10-09' }];
    expect(due('2024-09-27', 5)).toBe('2024-10-10');
    expect(due('2024-09-27', 5, pauses)).toBe('2024-10-14');
    // Paused and resumed on the same day: nothing lost.
    expect(due('2024-09-27', 5, [{ from: '2024-09-30', to: '2024-09-30' }])).toBe('2024-10-10');
    // A pause over the Spring Festival that ends on the adjusted Sunday 2/18: 2/18 counts.
    expect(due('2024-02-07', 3, [{ from: '2024-02-08', to: '2024-02-18' }])).toBe('2024-02-20');
    // A pause that begins after the deadline does not move it.
    expect(due('2024-09-27', 2, [{ from: '2024-10-08', to: '2024-10-20' }])).toBe('2024-09-30');
  });

  it('an open pause suspends the clock, saying how many days remain', () => {
    expect(due('2024-09-27', 5, [{ from: '2024-09-30', to: null }])).toEqual({
      state: 'suspended',
      since: '2024-09-30',
      remaining: 4,
      provisional: false,
    });
  });

  it('marks deadlines that run past the published calendar as provisional', () => {
    const end = `${cal.lastYear}-12-31`;
    const r = nthCountedDay(addDays(end, -3), 5, cal);
    expect(r).toMatchObject({ state: 'due', provisional: true });
    expect(nthCountedDay('2024-09-27', 5, cal)).toMatchObject({ provisional: false });
  });

  it('a day ends at 24:00 Beijing time', () => {
    expect(dayEndsAt('2024-02-18')).toBe('2024-02-18T16:00:00.000Z');
  });

  it('refuses negative and fractional limits', () => {
    expect(() => nthCountedDay('2024-01-02', -1, cal)).toThrow(RangeError);
    expect(() => nthCountedDay('2024-01-02', 1.5, cal)).toThrow(RangeError);
  });

  it('properties: the Nth day is a counted working day and exactly N days count up to it', () => {
    const date = fc.integer({ min: 0, max: 365 * 20 }).map((n) => addDays('2005-01-01', n));
    const pause = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }))
      .map(([a, len]) => [a, len] as const);
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 1, max: 60 }),
        fc.array(pause, { maxLength: 3 }),
        (start, n, ps) => {
          const pauses = ps.map(([a, len]) => ({ from: addDays(start, a), to: addDays(start, a + len) }));
          const r = nthCountedDay(start, n, cal, pauses);
          if (r.state !== 'due') throw new Error('closed pauses never suspend');
          expect(cal.isWorkday(r.date)).toBe(true);
          expect(countedWorkdays(start, r.date, cal, pauses)).toBe(n);
          expect(countedWorkdays(start, addDays(r.date, -1), cal, pauses)).toBe(n - 1);
          const without = nthCountedDay(start, n, cal);
          expect(without.state === 'due' && without.date <= r.date).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a calendar with every day off cannot reach a deadline', () => {
    const holidays: Record<string, string> = {};
    const never = calendarFromArrangement({
      firstYear: 2000,
      lastYear: 2000,
      holidays,
      adjustedWorkdays: {},
    });
    const offEveryDay = { ...never, isWorkday: () => false };
    expect(() => nthCountedDay('2000-01-01', 1, offEveryDay)).toThrow(/仍未数满/);
  });
});
