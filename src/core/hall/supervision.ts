/**
 * Electronic supervision (电子监察): warnings and cards computed from a case's history.
 *
 * - warning (预警): the promised deadline is `warningDays` working days away (default 1): issued at the
 *   end of the counted day after which that many days remain, if the case is still open then;
 * - yellow card (黄牌): the promised deadline passed with the case open;
 * - red card (红牌): the legal deadline passed with the case open.
 * 上报件 are supervised on reporting up: a warning, then a red card when the 3 working days after
 * acceptance pass without the report. 即办件 (limit 0) get no warning: the deadline is the day of receipt.
 *
 * Every card is issued at the end of a day (24:00 Beijing time) and depends only on what happened up to
 * then: a case's episode is judged at the moment it ended (completed, returned, withdrawn, or reported up),
 * never against the time of checking, so a case finished late keeps its card when checked months later,
 * and cards computed at a later `asOf` only ever add to those computed earlier.
 */
import type { IsoDate } from '../workflow/deadlines.ts';
import type { WorkCalendar } from './calendar.ts';
import type { CaseEvent } from './case-status.ts';
import { caseEpisodes, type Episode, pauseSpans, responsibleStaff } from './episodes.ts';
import { ESCALATION_REPORT_DAYS, type ServiceItem } from './service-item.ts';
import { type CountedDay, dayEndsAt, nthCountedDay, pausedAtEndOf } from './workdays.ts';

export type CardKind = 'warning' | 'yellow' | 'red';
export type DeadlineKind = 'promised' | 'legal' | 'report';

export const CARD_NAMES: Record<CardKind, string> = { warning: '预警', yellow: '黄牌', red: '红牌' };
export const DEADLINE_NAMES: Record<DeadlineKind, string> = {
  promised: '承诺时限',
  legal: '法定时限',
  report: '上报时限',
};

export interface SupervisionCard {
  caseId: string;
  episode: number;
  kind: CardKind;
  deadlineKind: DeadlineKind;
  deadline: IsoDate;
  /** The end of the day that triggered it (ISO timestamp, UTC). */
  issuedAt: string;
  windowId: string;
  staffId: string;
  /** The count ran over days whose official arrangement was not yet published. */
  provisional: boolean;
  message: string;
}

export interface SupervisionOptions {
  /** Working days before the promised deadline at which to warn (default 1; 0 turns warnings off). */
  warningDays?: number;
}

interface Watched {
  deadlineKind: DeadlineKind;
  days: number;
  card: 'yellow' | 'red';
  warn: boolean;
}

/** The deadlines watched for an item. */
export function watchedDeadlines(item: ServiceItem): Watched[] {
  if (item.kind === 'escalated') {
    return [{ deadlineKind: 'report', days: ESCALATION_REPORT_DAYS, card: 'red', warn: true }];
  }
  return [
    { deadlineKind: 'promised', days: item.promisedDays, card: 'yellow', warn: true },
    { deadlineKind: 'legal', days: item.legalDays, card: 'red', warn: false },
  ];
}

/** The instant the watched milestone was reached: the report for 上报件, else the end of the episode. */
function milestone(episode: Episode, item: ServiceItem): string | null {
  return item.kind === 'escalated' ? (episode.reportedAt ?? episode.endedAt) : episode.endedAt;
}

/** An episode's deadlines as known at the end of its history (suspended while a special procedure runs). */
export function episodeDeadlines(episode: Episode, item: ServiceItem, calendar: WorkCalendar) {
  const spans = pauseSpans(episode);
  return watchedDeadlines(item).map((w) => ({
    ...w,
    deadline: nthCountedDay(episode.clockStart, w.days, calendar, spans) as CountedDay,
  }));
}

export function supervise(
  history: readonly CaseEvent[],
  item: ServiceItem,
  calendar: WorkCalendar,
  asOf: Date,
  options: SupervisionOptions = {},
): SupervisionCard[] {
  const warningDays = options.warningDays ?? 1;
  const first = history[0];
  if (first?.type !== 'submitted') return [];
  const asOfIso = asOf.toISOString();
  const cards: SupervisionCard[] = [];
  for (const episode of caseEpisodes(history, asOfIso)) {
    const spans = pauseSpans(episode);
    const reached = milestone(episode, item);
    const issuedAt = (date: IsoDate): string | null => {
      const t = dayEndsAt(date);
      return asOfIso >= t && (reached === null || reached >= t) ? t : null;
    };
    const card = (
      kind: CardKind,
      w: Watched,
      deadline: IsoDate,
      at: string,
      provisional: boolean,
      message: string,
    ) =>
      cards.push({
        caseId: first.caseId,
        episode: episode.index,
        kind,
        deadlineKind: w.deadlineKind,
        deadline,
        issuedAt: at,
        windowId: first.windowId,
        staffId: responsibleStaff(episode, at),
        provisional,
        message,
      });
    for (const w of watchedDeadlines(item)) {
      const due = nthCountedDay(episode.clockStart, w.days, calendar, spans);
      const what = DEADLINE_NAMES[w.deadlineKind];
      if (w.warn && warningDays > 0 && w.days > 0) {
        const k = Math.max(0, w.days - warningDays);
        const warnDay = nthCountedDay(episode.clockStart, k, calendar, spans);
        if (warnDay.state === 'due' && !pausedAtEndOf(warnDay.date, spans)) {
          const at = issuedAt(warnDay.date);
          const left = w.days - k;
          if (at) {
            // The deadline as it stood that evening: `left` working days on, no further pauses.
            const then = nthCountedDay(warnDay.date, left, calendar);
            const deadline = then.state === 'due' ? then.date : warnDay.date;
            card(
              'warning',
              w,
              deadline,
              at,
              then.provisional,
              `办件${first.caseId}距${what}（${deadline}）届满还剩${left}个工作日`,
            );
          }
        }
      }
      if (due.state !== 'due') continue;
      const at = issuedAt(due.date);
      if (!at) continue;
      const message =
        w.deadlineKind === 'report'
          ? `上报件${first.caseId}未在受理后${w.days}个工作日内（${due.date}前）上报`
          : `办件${first.caseId}超过${what}（${due.date}）仍未办结`;
      card(w.card, w, due.date, at, due.provisional, message);
    }
  }
  return cards.sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0));
}
