import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays } from '../workflow/deadlines.ts';
import { calendarFromArrangement, officialCalendar, weekday } from './calendar.ts';

const cal = officialCalendar;

describe('the official calendar (chinese-days data)', () => {
  it('covers 2004 to at least 2026', () => {
    expect(cal.firstYear).toBe(2004);
    expect(cal.lastYear).toBeGreaterThanOrEqual(2026);
    expect(cal.covers('2024-02-10')).toBe(true);
    expect(cal.covers('2003-12-31')).toBe(false);
    expect(cal.covers(`${cal.lastYear + 1}-01-04`)).toBe(false);
  });

  it('2024 Spring Festival: 2/10–2/17 off; Sunday 2/4 and Sunday 2/18 worked', () => {
    for (let d = '2024-02-10'; d <= '2024-02-17'; d = addDays(d, 1)) {
      expect(cal.day(d)).toEqual({ date: d, kind: 'holiday', holiday: '春节' });
    }
    expect(weekday('2024-02-04')).toBe(0);
    expect(weekday('2024-02-18')).toBe(0);
    expect(cal.day('2024-02-04')).toEqual({ date: '2024-02-04', kind: 'adjustedWorkday', holiday: '春节' });
    expect(cal.isWorkday('2024-02-18')).toBe(true);
    expect(cal.isWorkday('2024-02-09')).toBe(true);
    expect(cal.isWorkday('2024-02-03')).toBe(false);
  });

  it('2024 National Day: 10/1–10/7 off; Sunday 9/29 and Saturday 10/12 worked', () => {
    for (let d = '2024-10-01'; d <= '2024-10-07'; d = addDays(d, 1)) expect(cal.isWorkday(d)).toBe(false);
    expect(cal.day('2024-10-01').holiday).toBe('国庆节');
    expect([weekday('2024-09-29'), weekday('2024-10-12')]).toEqual([0, 6]);
    expect(cal.day('2024-09-29').kind).toBe('adjustedWorkday');
    expect(cal.day('2024-10-12').kind).toBe('adjustedWorkday');
    expect(cal.day('2024-10-13').kind).toBe('weekend');
  });

  it('outside the published years: weekends only', () => {
    const y = cal.lastYear + 2;
    expect(cal.day(`${y}-01-01`).kind).not.toBe('holiday');
  });

  it.skipIf(new Date(2024, 0, 1).getTimezoneOffset() > 0)(
    'agrees with chinese-days.isWorkday on every day of 2004–2026 (its functions are only right at UTC or east)',
    () => {
      for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
        if (cal.isWorkday(d) !== chineseDays.isWorkday(d)) throw new Error(d);
      }
    },
  );

  it('rejects malformed and impossible dates', () => {
    expect(() => cal.isWorkday('2024-2-30')).toThrow(/YYYY-MM-DD/);
    expect(() => cal.isWorkday('2023-02-29')).toThrow(/不存在/);
  });
});

describe('a calendar from an arrangement', () => {
  it('adjusted workdays win over weekends; holidays over weekdays', () => {
    const c = calendarFromArrangement({
      firstYear: 2030,
      lastYear: 2030,
      holidays: { '2030-01-01': '元旦' },
      adjustedWorkdays: { '2030-01-05': '元旦' },
    });
    expect(c.isWorkday('2030-01-01')).toBe(false);
    expect(c.isWorkday('2030-01-05')).toBe(true);
    expect(c.isWorkday('2030-01-06')).toBe(false);
    expect(c.covers('2031-01-01')).toBe(false);
  });
});
