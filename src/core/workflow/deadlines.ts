/**
 * The publication deadline: a department budget is published within 20 days of its approval
 * (财预〔2016〕143号《地方预决算公开操作规程》: "批复后20日内"). Calendar days, counted as the law counts
 * periods (民法典第二百零一条: the day of approval is not counted, day 1 is the next day), so approval on
 * 2018-01-25 gives 2018-02-14 as the last day, and the budget is overdue from 2018-02-15.
 *
 * Days are dates in Asia/Shanghai, never timestamp differences: an approval at 23:30 Beijing time counts
 * from that date, whatever the server's time zone. Pure: `now` is passed in.
 */
import type { BudgetStatus } from './budget-status.ts';

export const DEFAULT_PUBLICATION_DAYS = 20;
export const TIME_ZONE = 'Asia/Shanghai';

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A timestamp must say its offset: a local time would depend on the server's time zone. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const MS_PER_DAY = 86_400_000;

const shanghaiParts = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function epochDay(date: IsoDate): number {
  const m = DATE_ONLY.exec(date);
  if (!m) throw new RangeError(`日期应为 YYYY-MM-DD：${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`不存在的日期：${date}`);
  }
  return Math.round(ms / MS_PER_DAY);
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The date in Asia/Shanghai of an instant (a Date, or an ISO timestamp with its offset). A plain
 * YYYY-MM-DD is already a date (such as 批复日期 in a document) and is returned as it is.
 */
export function shanghaiDate(when: Date | string): IsoDate {
  if (typeof when === 'string' && DATE_ONLY.test(when)) {
    epochDay(when);
    return when;
  }
  if (typeof when === 'string' && !TIMESTAMP.test(when)) {
    throw new RangeError(`时间应为带时区的 ISO 时间或 YYYY-MM-DD 日期：${when}`);
  }
  const instant = typeof when === 'string' ? new Date(when) : when;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`无效的时间：${String(when)}`);
  const parts = Object.fromEntries(shanghaiParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

function checkDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 3660) {
    throw new RangeError(`公开期限天数应为非负整数：${days}`);
  }
  return days;
}

/** The last day publication is on time: the approval date (Shanghai) plus `days` calendar days. */
export function publicationDeadline(approvedAt: Date | string, days = DEFAULT_PUBLICATION_DAYS): IsoDate {
  return addDays(shanghaiDate(approvedAt), checkDays(days));
}

/** What the deadline rule needs of a budget (a WorkflowState has it). */
export interface DeadlineSubject {
  status: BudgetStatus;
  /** Approval: an ISO timestamp with offset, or a date. */
  approvedAt: string | null;
  /** First publication (corrections do not count). */
  publishedAt: string | null;
}

export type DeadlineStatus =
  /** Not approved yet: no deadline runs. */
  | { state: 'notApplicable' }
  /** Approved, not published; 0 days remaining means today is the last day. */
  | { state: 'due'; deadline: IsoDate; daysRemaining: number }
  /** Approved, not published, and the last day has passed. */
  | { state: 'overdue'; deadline: IsoDate; daysOverdue: number }
  /** Published: on time when daysLate is 0. */
  | { state: 'published'; deadline: IsoDate; publishedOn: IsoDate | null; daysLate: number };

export function deadlineStatus(
  budget: DeadlineSubject,
  now: Date,
  days = DEFAULT_PUBLICATION_DAYS,
): DeadlineStatus {
  if (budget.approvedAt === null || (budget.status !== 'approved' && budget.status !== 'published')) {
    return { state: 'notApplicable' };
  }
  const deadline = publicationDeadline(budget.approvedAt, days);
  if (budget.status === 'published') {
    const publishedOn = budget.publishedAt === null ? null : shanghaiDate(budget.publishedAt);
    const daysLate = publishedOn === null ? 0 : Math.max(0, daysBetween(deadline, publishedOn));
    return { state: 'published', deadline, publishedOn, daysLate };
  }
  const left = daysBetween(shanghaiDate(now), deadline);
  return left >= 0
    ? { state: 'due', deadline, daysRemaining: left }
    : { state: 'overdue', deadline, daysOverdue: -left };
}

/** Approved, not published, and past its last day (in Shanghai) at `now`. */
export function isOverdue(budget: DeadlineSubject, now: Date, days = DEFAULT_PUBLICATION_DAYS): boolean {
  return deadlineStatus(budget, now, days).state === 'overdue';
}

export interface OverdueBudget<T> {
  budget: T;
  deadline: IsoDate;
  daysOverdue: number;
}

/** The overdue budgets, most overdue first (equally overdue ones in the order given). */
export function overdueList<T extends DeadlineSubject>(
  budgets: readonly T[],
  now: Date,
  days = DEFAULT_PUBLICATION_DAYS,
): OverdueBudget<T>[] {
  const out: OverdueBudget<T>[] = [];
  for (const budget of budgets) {
    const s = deadlineStatus(budget, now, days);
    if (s.state === 'overdue') out.push({ budget, deadline: s.deadline, daysOverdue: s.daysOverdue });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue);
}
