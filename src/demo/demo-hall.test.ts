import { describe, expect, it } from 'vitest';
import { serviceDeps } from '../services/service-context.ts';
import { createServices } from '../services/services.ts';
import { TEST_STORES, useTestStore } from '../store/test-stores.ts';
import { DEMO_HALL, loadDemoHall } from './demo-hall.ts';

describe.each(TEST_STORES)('the demo hall on $name', (entry) => {
  const t = useTestStore(entry);

  it('loads a hall as it stands now, once', async () => {
    t.clock.set('2024-06-14T04:00:00.000Z'); // Friday, noon in Beijing
    const deps = serviceDeps(t.store, { now: t.clock.now, config: { dataKey: Buffer.alloc(32, 3) } });
    const loaded = await loadDemoHall(deps);
    expect(loaded?.cases).toBe(DEMO_HALL.cases);
    const [center] = await deps.repos.hall.centerTree();
    expect(center?.name).toBe('山海关区政务服务中心');
    expect(await deps.repos.hall.listWindows(center?.id)).toHaveLength(DEMO_HALL.windows);
    expect(await deps.repos.serviceItems.list()).toHaveLength(DEMO_HALL.items);
    // Received over the six weeks before today; some still open now.
    const open = await deps.repos.cases.openCases();
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((c) => (c.history.at(-1)?.at ?? '') < '2024-06-14T04:00:00.000Z')).toBe(true);
    const yesterday = await createServices(deps).hall.reports.computeDaily('2024-06-13');
    expect(yesterday.center.received).toBeGreaterThan(0);
    // The six weeks begin on 2024-05-03, in the Labour Day holiday: the first receipts are on Monday 05-06.
    const received = async (date: string) =>
      (await createServices(deps).hall.reports.computeDaily(date)).center.received;
    expect(await received('2024-05-03')).toBe(0);
    expect(await received('2024-05-06')).toBeGreaterThan(0);

    expect(await loadDemoHall(deps)).toBeNull();
    expect(await deps.repos.hall.centerTree()).toHaveLength(1);
  });
});
