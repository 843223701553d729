import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../core/hall/calendar.ts';
import { PersonalDataCipher } from '../store/personal-data.ts';
import type { Repositories } from '../store/repositories/index.ts';
import { TEST_STORES, useTestStore } from '../store/test-stores.ts';
import { generateBatch, generateHallYear, planHall, setUpHall } from './hall-generator.ts';

const KEY = Buffer.alloc(32, 4);
const OPTIONS = { cases: 600, seed: 7, batch: 100, windows: 4, items: 40 } as const;

/** Every case as number → status and events, for comparing two stores. */
async function cases(repos: Repositories) {
  const rows = await repos.cases.list({ limit: 10_000 });
  return new Map(rows.map((r) => [r.caseNumber, [r.status, r.version]]));
}

describe.each(TEST_STORES)('resuming the hall generator on $name', (entry) => {
  const whole = useTestStore(entry);
  const resumed = useTestStore(entry);

  it('writes the same cases as one run when resumed after an interruption', async () => {
    const cipher = new PersonalDataCipher(KEY);
    const a = await setUpHall(whole.repos, {
      windows: OPTIONS.windows,
      items: OPTIONS.items,
      seed: OPTIONS.seed,
    });
    await generateHallYear(whole.repos, cipher, a, OPTIONS);

    const b = await setUpHall(resumed.repos, {
      windows: OPTIONS.windows,
      items: OPTIONS.items,
      seed: OPTIONS.seed,
    });
    // The run that was interrupted wrote the first 200 cases.
    const first = generateBatch(planHall(b, OPTIONS), cipher, 0, 200, officialCalendar);
    await resumed.repos.cases.importCases(first.cases, null);
    const rest = await generateHallYear(resumed.repos, cipher, b, { ...OPTIONS, startAt: 200 });
    expect(rest.cases).toBe(600);

    const [left, right] = [await cases(whole.repos), await cases(resumed.repos)];
    expect(right.size).toBe(600);
    expect(right).toEqual(left);
  });
});
