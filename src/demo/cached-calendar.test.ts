import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../core/hall/calendar.ts';
import { addDays } from '../core/workflow/deadlines.ts';
import { cachedCalendar } from './cached-calendar.ts';

describe('cachedCalendar', () => {
  it('answers as the calendar it wraps, asked once or twice, inside and outside the published years', () => {
    const cached = cachedCalendar(officialCalendar);
    expect([cached.firstYear, cached.lastYear]).toEqual([
      officialCalendar.firstYear,
      officialCalendar.lastYear,
    ]);
    for (const pass of [1, 2])
      for (let d = '2003-12-20'; d <= '2005-02-20'; d = addDays(d, pass === 1 ? 1 : 3)) {
        expect(cached.isWorkday(d), d).toBe(officialCalendar.isWorkday(d));
        expect(cached.day(d), d).toEqual(officialCalendar.day(d));
        expect(cached.covers(d), d).toBe(officialCalendar.covers(d));
      }
    // 调休: a Sunday that is a working day, a weekday that is a holiday.
    expect(cached.isWorkday('2024-02-04')).toBe(true);
    expect(cached.isWorkday('2024-10-01')).toBe(false);
  });
});
