/**
 * Hall reports: the daily report per window and for the center (computed from the case histories by the
 * core, then archived as JSON with its SHA-256: an archived day is returned unchanged ever after), monthly
 * and annual analysis with trends from the daily reports, XLSX exports, and the LED screen's counts.
 */
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import { type DailyReport, dailyReport } from '../core/hall/daily-report.ts';
import { type PeriodReport, periodReport } from '../core/hall/period-report.ts';
import { dayEndsAt } from '../core/hall/workdays.ts';
import { addDays, type IsoDate, shanghaiDate } from '../core/workflow/deadlines.ts';
import { hallReportToXlsx } from '../render/xlsx/hall-report-xlsx.ts';
import type { ArchivedReport } from '../store/repositories/hall-reports.ts';
import { authorize } from './authorize.ts';
import type { HallContext } from './hall-context.ts';
import type { DailyReportView, Dashboard } from './hall-types.ts';

export type { DailyReportView, Dashboard };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** JSON with object keys sorted: the same report always gives the same bytes (and SHA-256). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export class HallReportService {
  constructor(private readonly hall: HallContext) {}

  private get repos() {
    return this.hall.deps.repos;
  }

  /** The day's report computed from the histories now (not archived). */
  async computeDaily(date: IsoDate): Promise<DailyReport> {
    const start = dayEndsAt(addDays(date, -1));
    const end = dayEndsAt(date);
    const [cases, itemOf] = await Promise.all([
      this.repos.cases.activeDuring(start, end),
      this.hall.itemLookup(),
    ]);
    return dailyReport(cases, itemOf, this.hall.calendar, date, this.hall.supervision);
  }

  /** The daily report; a day that is over is archived the first time and read from the archive after. */
  async daily(actor: Actor | null, date: IsoDate): Promise<DailyReportView> {
    authorize(actor, 'hall.report', { type: 'system' });
    return this.dailyUnchecked(date, actor?.id ?? null);
  }

  private async dailyUnchecked(date: IsoDate, actorId: string | null): Promise<DailyReportView> {
    if (!DATE.test(date)) throw new ZhengwuError('INVALID_INPUT', '日期应为 YYYY-MM-DD。');
    const kept = await this.repos.hallReports.get('daily', date);
    if (kept)
      return {
        report: JSON.parse(kept.json),
        archived: true,
        sha256: kept.sha256,
        generatedAt: kept.generatedAt,
      };
    const report = await this.computeDaily(date);
    if (this.hall.deps.now().toISOString() < dayEndsAt(date))
      return { report, archived: false, sha256: null, generatedAt: null };
    const archived = await this.repos.hallReports.archive('daily', date, canonicalJson(report), actorId);
    return {
      report: JSON.parse(archived.json),
      archived: true,
      sha256: archived.sha256,
      generatedAt: archived.generatedAt,
    };
  }

  /** The days of [from, to] that are over (today and later are left out of monthly and annual figures). */
  private daysOver(from: IsoDate, to: IsoDate): IsoDate[] {
    const today = shanghaiDate(this.hall.deps.now());
    const days: IsoDate[] = [];
    for (let d = from; d <= to && d < today; d = addDays(d, 1)) days.push(d);
    return days;
  }

  /**
   * The daily reports of consecutive days that are over, as `daily` gives them: archived days from the
   * archive, the others computed and archived. The cases of the days not archived are read once, for the
   * span of those days (activeDuring), and each day takes from them what activeDuring would give for that
   * day alone: the cases received before its end and not closed before its start, their histories up to
   * its end. Reading the cases again for every day read the same long-open cases thirty times a month.
   */
  private async dailiesOf(days: readonly IsoDate[], actorId: string | null): Promise<DailyReport[]> {
    const kept: (ArchivedReport | undefined)[] = [];
    for (const d of days) kept.push(await this.repos.hallReports.get('daily', d));
    const missing = days.filter((_, k) => !kept[k]);
    const first = missing[0];
    const last = missing.at(-1);
    const [cases, itemOf] =
      first && last
        ? await Promise.all([
            this.repos.cases.activeDuring(dayEndsAt(addDays(first, -1)), dayEndsAt(last)),
            this.hall.itemLookup(),
          ])
        : [[], () => undefined];
    const out: DailyReport[] = [];
    for (const [k, date] of days.entries()) {
      const archived = kept[k];
      if (archived) {
        out.push(JSON.parse(archived.json));
        continue;
      }
      const start = dayEndsAt(addDays(date, -1));
      const end = dayEndsAt(date);
      const ofDay = [];
      for (const c of cases) {
        if (c.receivedAt >= end || (c.closedAt !== null && c.closedAt < start)) continue;
        const history = c.history.filter((e) => e.at < end);
        if (history.length) ofDay.push({ id: c.id, history });
      }
      const report = dailyReport(ofDay, itemOf, this.hall.calendar, date, this.hall.supervision);
      if (this.hall.deps.now().toISOString() < end) {
        out.push(report);
        continue;
      }
      const saved = await this.repos.hallReports.archive('daily', date, canonicalJson(report), actorId);
      out.push(JSON.parse(saved.json));
    }
    return out;
  }

  /**
   * Daily reports are generated each day whether or not anyone asks: the server calls this every hour, and
   * the days of the last `days` that are over and not archived yet are computed and archived (a server that
   * was down for a few days catches up). Returns the days archived now.
   */
  async archiveRecentDays(days = 7): Promise<IsoDate[]> {
    const today = shanghaiDate(this.hall.deps.now());
    const missing: IsoDate[] = [];
    for (const d of this.daysOver(addDays(today, -days), addDays(today, -1)))
      if (!(await this.repos.hallReports.get('daily', d))) missing.push(d);
    if (missing.length) await this.dailiesOf(missing, null);
    return missing;
  }

  async monthly(actor: Actor | null, month: string): Promise<PeriodReport> {
    authorize(actor, 'hall.report', { type: 'system' });
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new ZhengwuError('INVALID_INPUT', '月份应为 YYYY-MM。');
    const [y, m] = month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const dailies = await this.dailiesOf(this.daysOver(`${month}-01`, last), actor?.id ?? null);
    return periodReport(month, dailies, 'day');
  }

  async annual(actor: Actor | null, year: number): Promise<PeriodReport> {
    authorize(actor, 'hall.report', { type: 'system' });
    const dailies = [];
    // Month by month: a month's cases are read at once, a year's would be a lot to hold.
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
      dailies.push(...(await this.dailiesOf(this.daysOver(`${month}-01`, last), actor?.id ?? null)));
    }
    return periodReport(String(year), dailies, 'month');
  }

  private async windowNames(): Promise<Map<string, string>> {
    const windows = await this.repos.hall.listWindows();
    return new Map(windows.map((w) => [w.id, `${w.number}号 ${w.name}`]));
  }

  async dailyXlsx(actor: Actor | null, date: IsoDate): Promise<Uint8Array> {
    const view = await this.daily(actor, date);
    return hallReportToXlsx({
      title: `政务服务大厅日报表（${date}）${view.archived ? '' : '（当日未结束，数据未归档）'}`,
      windows: view.report.windows,
      center: view.report.center,
      windowNames: await this.windowNames(),
      sha256: view.sha256,
    });
  }

  async periodXlsx(actor: Actor | null, period: string): Promise<Uint8Array> {
    const report =
      period.length === 4 ? await this.annual(actor, Number(period)) : await this.monthly(actor, period);
    return hallReportToXlsx({
      title: `政务服务大厅${period.length === 4 ? '年' : '月'}报表（${period}）`,
      windows: report.windows,
      center: report.center,
      windowNames: await this.windowNames(),
    });
  }

  /** Today's counts per window for the hall's LED screen: three grouped queries, nothing personal. */
  async dashboard(actor: Actor | null): Promise<Dashboard> {
    authorize(actor, 'hall.dashboard', { type: 'system' });
    const date = shanghaiDate(this.hall.deps.now());
    const [counts, windows] = await Promise.all([
      this.repos.cases.countsSince(dayEndsAt(addDays(date, -1))),
      this.repos.hall.listWindows(),
    ]);
    const rows = windows.map((w) => ({
      windowId: w.id,
      number: w.number,
      name: w.name,
      ...(counts.get(w.id) ?? { received: 0, completed: 0, awaiting: 0 }),
    }));
    const total = rows.reduce(
      (t, r) => ({
        received: t.received + r.received,
        completed: t.completed + r.completed,
        awaiting: t.awaiting + r.awaiting,
      }),
      { received: 0, completed: 0, awaiting: 0 },
    );
    return { date, windows: rows, total };
  }
}
