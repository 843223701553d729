import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../core/hall/calendar.ts';
import { shanghaiDate } from '../core/workflow/deadlines.ts';
import { IdSchema } from '../server/schemas.ts';
import { PersonalDataCipher } from '../store/personal-data.ts';
import type { HallWindow } from '../store/repositories/hall-organisation.ts';
import { cachedCalendar } from './cached-calendar.ts';
import {
  type GeneratedBatch,
  generateBatch,
  generateCatalogue,
  type HallSetup,
  mulberry32,
  planHall,
  timeOrderedId,
} from './hall-generator.ts';

const window = (n: number, department: string): HallWindow => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  centerId: 'c',
  number: String(n),
  name: `窗口${n}`,
  department,
  kind: 'department',
});

function smallSetup(): HallSetup {
  const items = generateCatalogue(24, mulberry32(5));
  const windows = [window(1, items[0]?.department ?? ''), window(2, items[1]?.department ?? '')];
  return {
    centerId: 'c',
    windows,
    staff: new Map(windows.map((w) => [w.id, [`${w.id}-a`, `${w.id}-b`]])),
    managerId: 'manager',
    items,
  };
}

/** A batch without its ciphertexts (fresh IVs each time). */
const plain = (b: GeneratedBatch) => b.cases.map(({ idNumberEnc: _i, phoneEnc: _p, ...c }) => c);

describe('the hall generator', () => {
  it('gives time-ordered ids in the UUID version 7 layout, which the API accepts', () => {
    const random = mulberry32(1);
    const times = ['2004-01-02T00:30:00.000Z', '2014-06-30T08:00:00.000Z', '2024-12-31T09:59:00.000Z'];
    const ids = times.map((at) => timeOrderedId(new Date(at), random));
    for (const [k, id] of ids.entries()) {
      expect(IdSchema.safeParse(id).success, id).toBe(true);
      expect(id[14]).toBe('7');
      expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(Date.parse(times[k] ?? ''));
    }
    expect([...ids].sort()).toEqual(ids);
    expect(timeOrderedId(new Date(times[0] ?? ''), random)).not.toBe(ids[0]);
  });

  it('with a span, receives cases on the working days before the moment, which is the horizon', () => {
    const until = new Date('2024-10-09T03:00:00.000Z'); // Wednesday 11:00 in Beijing, after National Day
    const plan = planHall(smallSetup(), { cases: 300, span: { from: '2024-09-26', until } });
    // 9-29 (a Sunday) is a 调休 workday, 10-1 to 10-7 are holidays, and 10-9 is the day of the moment.
    expect(plan.days).toEqual(['2024-09-26', '2024-09-27', '2024-09-29', '2024-09-30', '2024-10-08']);
    expect(plan.horizon).toBe(until.toISOString());
    const batch = generateBatch(plan, new PersonalDataCipher(Buffer.alloc(32, 1)), 0, 300, officialCalendar);
    const events = batch.cases.flatMap((c) => c.state.history);
    expect(events.every((e) => e.at < until.toISOString())).toBe(true);
    // Some are still open at that moment: the hall as it stands.
    expect(batch.cases.some((c) => c.state.closedAt === null)).toBe(true);
    expect(() =>
      planHall(smallSetup(), {
        cases: 1,
        span: { from: '2024-10-01', until: new Date('2024-10-07T12:00:00Z') },
      }),
    ).toThrow('2024-10-01 到 2024-10-07T12:00:00.000Z 之间没有工作日');
  });

  it('spreads the cases evenly over the working days of the years, the last ones up to the horizon', () => {
    const plan = planHall(smallSetup(), { cases: 2100, fromYear: 2004, year: 2024 });
    expect(plan.days[0]).toBe('2004-01-02');
    expect(plan.days.at(-1)).toBe('2024-12-31');
    expect(plan.days.every((d) => officialCalendar.isWorkday(d))).toBe(true);
    expect(plan.horizon).toBe('2024-12-31T16:00:00.000Z');
    const perYear = new Map<string, number>();
    const { cases } = generateBatch(
      plan,
      new PersonalDataCipher(Buffer.alloc(32, 1)),
      0,
      2100,
      officialCalendar,
    );
    for (const c of cases) {
      const year = shanghaiDate(c.state.receivedAt).slice(0, 4);
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    expect(perYear.size).toBe(21);
    for (const n of perYear.values()) expect(n).toBeGreaterThan(90);
    expect(() => planHall(smallSetup(), { cases: 10, fromYear: 2025, year: 2024 })).toThrow();
  });

  it('makes the same cases whatever the batches and calendar cache', () => {
    const plan = planHall(smallSetup(), { cases: 600, seed: 3 });
    const cipher = new PersonalDataCipher(Buffer.alloc(32, 1));
    const whole = generateBatch(plan, cipher, 0, 600, officialCalendar);
    const calendar = cachedCalendar(officialCalendar);
    const parts = [
      generateBatch(plan, cipher, 0, 250, calendar),
      generateBatch(plan, cipher, 250, 600, calendar),
    ];
    expect(parts.flatMap(plain)).toEqual(plain(whole));
    expect((parts[0]?.events ?? 0) + (parts[1]?.events ?? 0)).toBe(whole.events);
    expect(new Set(whole.cases.map((c) => c.state.caseId)).size).toBe(600);
    // Another seed, other cases.
    const other = generateBatch(planHall(smallSetup(), { cases: 600, seed: 4 }), cipher, 0, 600, calendar);
    expect(plain(other)).not.toEqual(plain(whole));
  });
});
