/**
 * The monthly report reads the month's cases once and takes each day's from them: every day it archives
 * must be the report computed for that day alone (computeDaily, which reads the day's cases itself), on
 * SQLite and PostgreSQL; days archived before are taken from the archive.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/workflow/deadlines.ts';
import { generateHallYear, setUpHall } from '../demo/hall-generator.ts';
import { PersonalDataCipher } from '../store/personal-data.ts';
import { TEST_STORES, useTestStore } from '../store/test-stores.ts';
import { canonicalJson } from './hall-report-service.ts';
import { serviceDeps } from './service-context.ts';
import { createServices } from './services.ts';

const KEY = Buffer.alloc(32, 4);

describe.each(TEST_STORES)('the monthly report on $name', (entry) => {
  const t = useTestStore(entry);

  it('archives for every day the report of that day alone', { timeout: 240_000 }, async () => {
    t.clock.set('2024-12-20T02:00:00.000Z');
    const setup = await setUpHall(t.repos, { windows: 5, items: 40, seed: 21 });
    // Two years up to 2024, the horizon past the months below: cases open across the months too.
    await generateHallYear(t.repos, new PersonalDataCipher(KEY), setup, {
      cases: 4000,
      seed: 21,
      fromYear: 2023,
      year: 2024,
      batch: 1000,
    });
    const services = createServices(serviceDeps(t.store, { now: t.clock.now, config: { dataKey: KEY } }));
    const admin = { id: 'admin', roles: ['admin' as const], departmentIds: [] };
    // A day archived before the month is asked for: taken from the archive, not computed again.
    const early = await services.hall.reports.daily(admin, '2024-10-09');
    for (const [month, days] of [
      ['2024-02', 29],
      ['2024-10', 31],
      ['2024-12', 19],
    ] as const) {
      const report = await services.hall.reports.monthly(admin, month);
      expect(report.days, month).toBe(days);
      let busy = 0;
      for (let k = 0, d = `${month}-01`; k < days; k++, d = addDays(d, 1)) {
        const kept = await t.repos.hallReports.get('daily', d);
        expect(kept?.json, d).toBe(canonicalJson(await services.hall.reports.computeDaily(d)));
        busy += JSON.parse(kept?.json ?? '{}').center.inProgress;
      }
      expect(busy, month).toBeGreaterThan(0);
    }
    expect((await t.repos.hallReports.get('daily', '2024-10-09'))?.sha256).toBe(early.sha256);
    // Today (2024-12-20) is not over: neither in the month nor archived.
    expect(await t.repos.hallReports.get('daily', '2024-12-20')).toBeUndefined();
  });
});
