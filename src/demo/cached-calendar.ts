/**
 * A working-day calendar that remembers its answers: the same days, kinds and coverage as the calendar it
 * wraps, each date worked out once. The generator asks about the same few thousand dates millions of
 * times (every deadline counts day by day); `calendarFromArrangement` parses the date each time.
 */
import type { DayInfo, WorkCalendar } from '../core/hall/calendar.ts';
import type { IsoDate } from '../core/workflow/deadlines.ts';

export function cachedCalendar(calendar: WorkCalendar): WorkCalendar {
  const days = new Map<IsoDate, DayInfo>();
  const workdays = new Map<IsoDate, boolean>();
  const covered = new Map<IsoDate, boolean>();
  const day = (date: IsoDate): DayInfo => {
    let info = days.get(date);
    if (info === undefined) {
      info = calendar.day(date);
      days.set(date, info);
    }
    return info;
  };
  return {
    firstYear: calendar.firstYear,
    lastYear: calendar.lastYear,
    day,
    isWorkday: (date) => {
      let w = workdays.get(date);
      if (w === undefined) {
        w = calendar.isWorkday(date);
        workdays.set(date, w);
      }
      return w;
    },
    covers: (date) => {
      let c = covered.get(date);
      if (c === undefined) {
        c = calendar.covers(date);
        covered.set(date, c);
      }
      return c;
    },
  };
}
