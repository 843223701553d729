import { describe, expect, it } from 'vitest';
import { firstYearFor, formatHallRow, type HallRow, mergeHallRows, parseHallArgs } from '../../bench/hall.ts';

const row = (dialect: string, cases: number, daily: number): HallRow => ({
  dialect,
  cases,
  fromYear: firstYearFor(cases),
  events: cases * 4,
  generateSeconds: 10,
  diskBytes: 1e9,
  intakePerSecond: 100,
  intakeRatio: 3,
  dailySeconds: daily,
  dailyRatio: 2,
  dailyCases: 10,
  monthlySeconds: 30,
  monthlyRatio: 3,
  monthlyCases: 20,
  date: '2026-11-29',
});

describe('the hall bench', () => {
  it('takes one year per 200,000 cases, back to 2004 at most', () => {
    expect(firstYearFor(200_000)).toBe(2024);
    expect(firstYearFor(400_001)).toBe(2022);
    expect(firstYearFor(10_000_000)).toBe(2004);
  });

  it('reads sizes as a list and dialects from flags', () => {
    expect(parseHallArgs([])).toMatchObject({
      cases: [200_000],
      dialects: ['sqlite', 'postgres'],
      reuse: [],
    });
    expect(parseHallArgs(['--hall-cases', '200000,10000000', '--no-sqlite'])).toMatchObject({
      cases: [200_000, 10_000_000],
      dialects: ['postgres'],
    });
    expect(() => parseHallArgs(['--hall-cases', '200000,x'])).toThrow();
  });

  it('keeps the rows this run did not measure and replaces those it did', () => {
    const header =
      '| Database | Cases | Received | Events | Generation (cases/s) | Generation (min) | Disk (GB) | Intake (cases/s) | Intake ratio | Daily report (s) | Daily ratio | Monthly report (s) | Monthly ratio | Measured |';
    const previous = [
      '## Service hall at scale',
      '',
      header,
      '|---|',
      formatHallRow(row('PostgreSQL', 10_000_000, 9)),
      formatHallRow(row('SQLite', 200_000, 1)),
      '| SQLite | 200,000 | old layout |',
      '',
      '- Machine: x',
    ].join('\n');
    const merged = mergeHallRows(previous, [row('SQLite', 200_000, 2), row('SQLite', 10_000_000, 5)]);
    expect(merged).toEqual([
      formatHallRow(row('SQLite', 200_000, 2)),
      formatHallRow(row('SQLite', 10_000_000, 5)),
      formatHallRow(row('PostgreSQL', 10_000_000, 9)),
    ]);
    expect(mergeHallRows('', [row('PostgreSQL', 200_000, 1)])).toEqual([
      formatHallRow(row('PostgreSQL', 200_000, 1)),
    ]);
  });
});
