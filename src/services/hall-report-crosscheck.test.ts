/**
 * The acceptance check of issue #6: the daily report's figures, computed by the core from the case
 * histories, equal the same figures computed by an independent SQL query (below; it does not use the
 * core) over a generated year, on SQLite and PostgreSQL. Also: an archived day is returned unchanged.
 */
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DailyFigures } from '../core/hall/daily-report.ts';
import { ITEM_KINDS } from '../core/hall/service-item.ts';
import { dayEndsAt } from '../core/hall/workdays.ts';
import { addDays } from '../core/workflow/deadlines.ts';
import { generateHallYear, setUpHall } from '../demo/hall-generator.ts';
import { PersonalDataCipher } from '../store/personal-data.ts';
import type { Database } from '../store/schema.ts';
import { TEST_STORES, useTestStore } from '../store/test-stores.ts';
import { serviceDeps } from './service-context.ts';
import { createServices } from './services.ts';

const KEY = Buffer.alloc(32, 3);
const DAYS = [
  '2024-01-02',
  '2024-02-08',
  '2024-02-18',
  '2024-04-30',
  '2024-07-15',
  '2024-09-29',
  '2024-10-08',
  '2024-12-31',
];

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);

/** The day's figures per window by SQL alone: no replay, no calendar, no core. */
async function figuresBySql(db: Kysely<Database>, date: string) {
  const start = dayEndsAt(addDays(date, -1));
  const end = dayEndsAt(date);
  const out: Record<string, Omit<DailyFigures, 'completionRate'>> = {};
  const at = (w: string) =>
    (out[w] ??= {
      received: 0,
      receivedByKind: Object.fromEntries(ITEM_KINDS.map((k) => [k, 0])) as DailyFigures['receivedByKind'],
      completedOnTime: 0,
      completedLate: 0,
      inProgress: 0,
      awaitingAcceptance: 0,
      overdue: 0,
      newlyOverdue: 0,
      returned: 0,
    });
  const received = await sql<Row>`
    select window_id, kind, count(*) as n from hall_cases
    where received_at >= ${start} and received_at < ${end} group by window_id, kind`.execute(db);
  for (const r of received.rows) {
    const f = at(String(r.window_id));
    f.received += n(r.n);
    f.receivedByKind[String(r.kind) as keyof DailyFigures['receivedByKind']] += n(r.n);
  }
  const flows = await sql<Row>`
    select c.window_id,
      sum(case when e.type = 'returned' then 1 else 0 end) as returned,
      sum(case when e.type in ('completed', 'completedOnSpot') and not exists (
        select 1 from supervision_cards k where k.case_id = e.case_id and k.kind in ('yellow', 'red') and k.issued_at <= e.at
      ) then 1 else 0 end) as on_time,
      sum(case when e.type in ('completed', 'completedOnSpot') and exists (
        select 1 from supervision_cards k where k.case_id = e.case_id and k.kind in ('yellow', 'red') and k.issued_at <= e.at
      ) then 1 else 0 end) as late
    from case_events e join hall_cases c on c.id = e.case_id
    where e.at >= ${start} and e.at < ${end}
    group by c.window_id`.execute(db);
  for (const r of flows.rows) {
    const f = at(String(r.window_id));
    f.returned += n(r.returned);
    f.completedOnTime += n(r.on_time);
    f.completedLate += n(r.late);
  }
  const stocks = await sql<Row>`
    with last_event as (
      select e.case_id, e.to_status, e.episode from case_events e
      where e.at < ${end}
        and e.seq = (select max(e2.seq) from case_events e2 where e2.case_id = e.case_id and e2.at < ${end})
    ),
    open_cases as (
      select c.id, c.window_id, c.kind, l.to_status, l.episode,
        (select min(k.issued_at) from supervision_cards k
          where k.case_id = c.id and k.episode = l.episode and k.kind in ('yellow', 'red') and k.issued_at <= ${end}
        ) as first_late_card
      from hall_cases c join last_event l on l.case_id = c.id
    )
    select window_id,
      sum(case when to_status in ('accepted', 'inProgress', 'paused', 'reported') then 1 else 0 end) as in_progress,
      sum(case when to_status in ('submitted', 'correctionRequested', 'underReview') then 1 else 0 end) as awaiting,
      sum(case when to_status in ('accepted', 'inProgress', 'paused', 'reported')
        and not (kind = 'escalated' and to_status = 'reported') and first_late_card is not null then 1 else 0 end) as overdue,
      sum(case when to_status in ('accepted', 'inProgress', 'paused', 'reported')
        and not (kind = 'escalated' and to_status = 'reported') and first_late_card = ${end} then 1 else 0 end) as newly
    from open_cases group by window_id`.execute(db);
  for (const r of stocks.rows) {
    const f = at(String(r.window_id));
    f.inProgress += n(r.in_progress);
    f.awaitingAcceptance += n(r.awaiting);
    f.overdue += n(r.overdue);
    f.newlyOverdue += n(r.newly);
  }
  // Windows with nothing to report are absent from the core's report too.
  return Object.fromEntries(
    Object.entries(out).filter(([, f]) =>
      Object.values(f).some((v) => (typeof v === 'number' ? v > 0 : false)),
    ),
  );
}

describe.each(TEST_STORES)('daily report against an independent SQL query on $name', (entry) => {
  const t = useTestStore(entry);

  it('gives the same figures for every window on days across the year', { timeout: 240_000 }, async () => {
    t.clock.set('2025-01-15T02:00:00.000Z');
    const setup = await setUpHall(t.repos, { windows: 6, items: 40, seed: 7 });
    const generated = await generateHallYear(t.repos, new PersonalDataCipher(KEY), setup, {
      cases: 2500,
      seed: 7,
      batch: 400,
    });
    expect(generated.cases).toBe(2500);
    expect(generated.cards).toBeGreaterThan(50);
    const deps = serviceDeps(t.store, { now: t.clock.now, config: { dataKey: KEY } });
    const services = createServices(deps);
    const admin = { id: 'admin', roles: ['admin' as const], departmentIds: [] };
    let interesting = 0;
    for (const date of DAYS) {
      const { report } = await services.hall.reports.daily(admin, date);
      const core = Object.fromEntries(
        Object.entries(report.windows).map(([w, { completionRate: _r, ...f }]) => [w, f]),
      );
      expect(core, date).toEqual(await figuresBySql(t.store.db, date));
      interesting += report.center.completedLate + report.center.overdue;
    }
    // The days are not trivially empty: late completions and overdue cases are among them.
    expect(interesting).toBeGreaterThan(0);
  });

  it('archives a finished day once and returns the archive unchanged', async () => {
    const deps = serviceDeps(t.store, { now: t.clock.now, config: { dataKey: KEY } });
    const services = createServices(deps);
    const admin = { id: 'admin', roles: ['admin' as const], departmentIds: [] };
    const first = await services.hall.reports.daily(admin, '2024-07-15');
    expect(first.archived).toBe(true);
    const kept = await t.repos.hallReports.get('daily', '2024-07-15');
    // A case added to that day afterwards does not change the archived report.
    await t.store.db.updateTable('hall_cases').set({ received_at: '2024-07-15T03:00:00.000Z' }).execute();
    const again = await services.hall.reports.daily(admin, '2024-07-15');
    expect(again.sha256).toBe(first.sha256);
    expect(again.report).toEqual(first.report);
    expect((await t.repos.hallReports.get('daily', '2024-07-15'))?.json).toBe(kept?.json);
    const month = await services.hall.reports.monthly(admin, '2024-07');
    expect(month.days).toBe(31);
    expect(month.trend).toHaveLength(31);
  });
});
