/**
 * Daily report figures (日报表) per window and for the whole center, from case histories. Pure.
 *
 * A day is a calendar day in Asia/Shanghai: from 00:00 to 24:00 Beijing time; an event at 24:00 exactly
 * belongs to the next day. "At the end of the day" means the state after every event of the day.
 * Cases are counted at the window that received them (the lead window of a joint case).
 */
import { addDays, type IsoDate } from '../workflow/deadlines.ts';
import type { WorkCalendar } from './calendar.ts';
import { replayCase } from './case-replay.ts';
import { type CaseEvent, OPEN_EPISODE_STATUSES } from './case-status.ts';
import { ITEM_KINDS, type ItemKind, type ServiceItem } from './service-item.ts';
import { type SupervisionOptions, supervise } from './supervision.ts';
import { dayEndsAt } from './workdays.ts';

export interface DailyFigures {
  /** Cases first received during the day (resubmissions are not new receipts). */
  received: number;
  /** The received cases by item kind. */
  receivedByKind: Record<ItemKind, number>;
  /** Cases completed during the day before any yellow or red card of their episode. */
  completedOnTime: number;
  /** Cases completed during the day after a yellow or red card (上报件: reported late). */
  completedLate: number;
  /** At the end of the day: accepted and not ended (accepted, in progress, paused, reported). */
  inProgress: number;
  /** At the end of the day: received but not accepted yet (submitted, awaiting correction, under review). */
  awaitingAcceptance: number;
  /** At the end of the day: in progress with a yellow or red card and the milestone not reached. */
  overdue: number;
  /** Of the overdue, those whose first card was issued at the end of this day (deadline was this day). */
  newlyOverdue: number;
  /** Cases returned to the applicant during the day. */
  returned: number;
  /** completedOnTime ÷ (completedOnTime + completedLate + newlyOverdue); null when nothing fell due. */
  completionRate: number | null;
}

export interface DailyReport {
  date: IsoDate;
  windows: Record<string, DailyFigures>;
  center: DailyFigures;
}

function emptyFigures(): DailyFigures {
  return {
    received: 0,
    receivedByKind: Object.fromEntries(ITEM_KINDS.map((k) => [k, 0])) as Record<ItemKind, number>,
    completedOnTime: 0,
    completedLate: 0,
    inProgress: 0,
    awaitingAcceptance: 0,
    overdue: 0,
    newlyOverdue: 0,
    returned: 0,
    completionRate: null,
  };
}

const LATE_CARDS = new Set(['yellow', 'red']);

/** The figures one case contributes to the day's report. */
export function caseDayFigures(
  history: readonly CaseEvent[],
  item: ServiceItem,
  calendar: WorkCalendar,
  date: IsoDate,
  options: SupervisionOptions = {},
): DailyFigures {
  const f = emptyFigures();
  const start = dayEndsAt(addDays(date, -1));
  const end = dayEndsAt(date);
  const upToEnd = history.filter((e) => e.at < end);
  if (!upToEnd.length) return f;
  const inDay = upToEnd.filter((e) => e.at >= start);
  for (const e of inDay) {
    if (e.type === 'submitted') {
      f.received++;
      f.receivedByKind[e.kind]++;
    }
    if (e.type === 'returned') f.returned++;
    if (e.type === 'completed' || e.type === 'completedOnSpot') {
      const cards = supervise(history.slice(0, e.seq + 1), item, calendar, new Date(e.at), options);
      const late = cards.some((c) => LATE_CARDS.has(c.kind) && c.issuedAt <= e.at);
      if (late) f.completedLate++;
      else f.completedOnTime++;
    }
  }
  const state = replayCase(upToEnd);
  if (['submitted', 'correctionRequested', 'underReview'].includes(state.status)) f.awaitingAcceptance++;
  if (OPEN_EPISODE_STATUSES.includes(state.status)) {
    f.inProgress++;
    const episode = state.episode?.index;
    const milestoneReached = item.kind === 'escalated' && state.status === 'reported';
    const cards = supervise(upToEnd, item, calendar, new Date(end), options).filter(
      (c) => c.episode === episode && LATE_CARDS.has(c.kind),
    );
    if (cards.length && !milestoneReached) {
      f.overdue++;
      if (cards[0]?.issuedAt === end) f.newlyOverdue++;
    }
  }
  return f;
}

function add(a: DailyFigures, b: DailyFigures): DailyFigures {
  const sum = emptyFigures();
  for (const k of ITEM_KINDS) sum.receivedByKind[k] = a.receivedByKind[k] + b.receivedByKind[k];
  const keys = [
    'received',
    'completedOnTime',
    'completedLate',
    'inProgress',
    'awaitingAcceptance',
    'overdue',
    'newlyOverdue',
    'returned',
  ] as const;
  for (const k of keys) sum[k] = a[k] + b[k];
  return sum;
}

function withRate(f: DailyFigures): DailyFigures {
  const due = f.completedOnTime + f.completedLate + f.newlyOverdue;
  return { ...f, completionRate: due === 0 ? null : f.completedOnTime / due };
}

export function dailyReport(
  cases: readonly { history: readonly CaseEvent[] }[],
  itemByCode: (code: string) => ServiceItem | undefined,
  calendar: WorkCalendar,
  date: IsoDate,
  options: SupervisionOptions = {},
): DailyReport {
  const windows: Record<string, DailyFigures> = {};
  let center = emptyFigures();
  for (const c of cases) {
    const first = c.history[0];
    if (first?.type !== 'submitted') throw new RangeError('办件记录应以收件开始');
    const item = itemByCode(first.itemCode);
    if (!item) throw new RangeError(`找不到办件${first.caseId}所属的事项：${first.itemCode}`);
    const f = caseDayFigures(c.history, item, calendar, date, options);
    windows[first.windowId] = add(windows[first.windowId] ?? emptyFigures(), f);
    center = add(center, f);
  }
  return {
    date,
    windows: Object.fromEntries(Object.entries(windows).map(([w, f]) => [w, withRate(f)])),
    center: withRate(center),
  };
}
