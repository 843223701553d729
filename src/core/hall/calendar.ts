/**
 * The official working-day calendar (工作日历): weekdays are working days, except the public holidays the
 * State Council announces each year; some weekend days are adjusted working days (调休上班).
 *
 * The arrangement comes from the `chinese-days` package's data file (2004 to its last published year),
 * read as plain YYYY-MM-DD keys. Its functions (isWorkday, getDayDetail, findWorkday) go through `Date`
 * objects in the process's local time zone and give wrong answers west of UTC (in America/New_York,
 * getDayDetail('2024-02-18') reports 2024-02-17), so they are not used here: the core must not depend on
 * the server's time zone. A date is only a date.
 *
 * Outside the covered years the calendar knows weekends only: `covers` says so, and deadlines computed over
 * such days are marked provisional (the next year's arrangement is usually published in November).
 */
import arrangement from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { IsoDate } from '../workflow/deadlines.ts';

export type DayKind = 'workday' | 'adjustedWorkday' | 'holiday' | 'weekend';

export const DAY_KIND_NAMES: Record<DayKind, string> = {
  workday: '工作日',
  adjustedWorkday: '调休上班',
  holiday: '法定节假日',
  weekend: '休息日',
};

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  /** The holiday a holiday or an adjusted workday belongs to (春节, 国庆节 …); null otherwise. */
  holiday: string | null;
}

export interface WorkCalendar {
  isWorkday(date: IsoDate): boolean;
  day(date: IsoDate): DayInfo;
  /** Whether the official arrangement of the date's year is known. */
  covers(date: IsoDate): boolean;
  readonly firstYear: number;
  readonly lastYear: number;
}

export interface HolidayArrangement {
  firstYear: number;
  lastYear: number;
  /** Date → holiday name, for days off that would otherwise be working days or weekends. */
  holidays: Readonly<Record<IsoDate, string>>;
  /** Date → holiday name, for weekend days that are working days (调休上班). */
  adjustedWorkdays: Readonly<Record<IsoDate, string>>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 0 = Sunday … 6 = Saturday, computed on the date alone (no time zone involved). */
export function weekday(date: IsoDate): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`日期应为 YYYY-MM-DD：${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== date) throw new RangeError(`不存在的日期：${date}`);
  return d.getUTCDay();
}

export function calendarFromArrangement(a: HolidayArrangement): WorkCalendar {
  const day = (date: IsoDate): DayInfo => {
    const wd = weekday(date);
    const adjusted = a.adjustedWorkdays[date];
    if (adjusted !== undefined) return { date, kind: 'adjustedWorkday', holiday: adjusted };
    const holiday = a.holidays[date];
    if (holiday !== undefined) return { date, kind: 'holiday', holiday };
    return { date, kind: wd === 0 || wd === 6 ? 'weekend' : 'workday', holiday: null };
  };
  return {
    firstYear: a.firstYear,
    lastYear: a.lastYear,
    day,
    isWorkday: (date) => {
      const kind = day(date).kind;
      return kind === 'workday' || kind === 'adjustedWorkday';
    },
    covers: (date) => {
      weekday(date);
      const year = Number(date.slice(0, 4));
      return year >= a.firstYear && year <= a.lastYear;
    },
  };
}

/** "Spring Festival,春节,4" → 春节 */
function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

function chineseNames(entries: Readonly<Record<string, string>>): Record<IsoDate, string> {
  return Object.fromEntries(Object.entries(entries).map(([date, entry]) => [date, chineseName(entry)]));
}

function yearsOf(entries: Readonly<Record<string, string>>): number[] {
  return Object.keys(entries).map((date) => Number(date.slice(0, 4)));
}

const official = arrangement as { holidays: Record<string, string>; workdays: Record<string, string> };
const years = [...yearsOf(official.holidays), ...yearsOf(official.workdays)];

/** The official arrangement as published in `chinese-days` (2004 onwards). */
export const officialCalendar: WorkCalendar = calendarFromArrangement({
  firstYear: Math.min(...years),
  lastYear: Math.max(...years),
  holidays: chineseNames(official.holidays),
  adjustedWorkdays: chineseNames(official.workdays),
});
