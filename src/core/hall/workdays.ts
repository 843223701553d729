/**
 * Working-day arithmetic for time limits (办理时限), by the official calendar.
 *
 * Conventions (docs/hall.md):
 * - The clock starts on a date (the day of acceptance, 受理日) and that day does not count: day 1 is the
 *   first working day after it, whatever the hour of acceptance and even when it was accepted on a day off.
 * - A limit of N working days ends at the end (24:00, Asia/Shanghai) of the Nth counted day; a limit of 0
 *   ends at the end of the start day itself (即办件).
 * - Special procedures (听证、检验、检测、专家评审 …) stop the clock: a working day counts only if the
 *   case is not paused at its end. A pause from date F to date T (resumed on T) leaves out the days
 *   F ≤ d < T; a pause begun and ended on one day costs nothing; an open pause stops the clock until it ends.
 *
 * Everything is decided by the state at the end of each day, so a deadline never moves for a pause that
 * begins after it.
 */
import { addDays, type IsoDate } from '../workflow/deadlines.ts';
import type { WorkCalendar } from './calendar.ts';

/** A stretch of paused time, as dates in Asia/Shanghai: `to` is the day it ended, null while it runs. */
export interface PauseSpan {
  from: IsoDate;
  to: IsoDate | null;
}

/** Ten years: no time limit in the catalogue comes near it. */
const MAX_SCAN_DAYS = 3660;

export type CountedDay =
  /** The Nth counted day; provisional when a day scanned lies outside the calendar's published years. */
  | { state: 'due'; date: IsoDate; provisional: boolean }
  /** The clock is stopped by a pause that has not ended: `remaining` working days are left. */
  | { state: 'suspended'; since: IsoDate; remaining: number; provisional: boolean };

/** Whether the case is paused at the end of a day. */
export function pausedAtEndOf(date: IsoDate, pauses: readonly PauseSpan[]): boolean {
  return pauses.some((p) => p.from <= date && (p.to === null || date < p.to));
}

function checkLimit(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 1000) throw new RangeError(`工作日数应为非负整数：${n}`);
  return n;
}

/**
 * The date at whose end `n` working days have counted since `start` (0: `start` itself), leaving out the
 * paused days.
 */
export function nthCountedDay(
  start: IsoDate,
  n: number,
  calendar: WorkCalendar,
  pauses: readonly PauseSpan[] = [],
): CountedDay {
  checkLimit(n);
  let provisional = !calendar.covers(start);
  if (n === 0) return { state: 'due', date: start, provisional };
  let counted = 0;
  let date = start;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    date = addDays(date, 1);
    const open = pauses.find((p) => p.to === null && p.from <= date);
    if (open) return { state: 'suspended', since: open.from, remaining: n - counted, provisional };
    if (!calendar.covers(date)) provisional = true;
    if (calendar.isWorkday(date) && !pausedAtEndOf(date, pauses)) {
      counted++;
      if (counted === n) return { state: 'due', date, provisional };
    }
  }
  throw new RangeError(`超过${MAX_SCAN_DAYS}天仍未数满${n}个工作日`);
}

/** The counted working days after `start` up to and including `through` (0 when `through` ≤ `start`). */
export function countedWorkdays(
  start: IsoDate,
  through: IsoDate,
  calendar: WorkCalendar,
  pauses: readonly PauseSpan[] = [],
): number {
  let counted = 0;
  for (let date = addDays(start, 1); date <= through; date = addDays(date, 1)) {
    if (calendar.isWorkday(date) && !pausedAtEndOf(date, pauses)) counted++;
  }
  return counted;
}

/** The working day `n` working days after `date` (n ≥ 1), no pauses: findWorkday(n, date) by dates. */
export function addWorkdays(date: IsoDate, n: number, calendar: WorkCalendar): IsoDate {
  const r = nthCountedDay(date, n, calendar);
  if (r.state !== 'due') throw new Error('unreachable');
  return r.date;
}

/** The instant a date (Asia/Shanghai, UTC+8 all year since 1991) ends: 00:00 of the next day there. */
export function dayEndsAt(date: IsoDate): string {
  return new Date(`${addDays(date, 1)}T00:00:00+08:00`).toISOString();
}
