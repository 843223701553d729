/**
 * The service hall at scale (issue #6): a generated year (bench/../src/demo/hall-generator.ts: 20
 * windows, 300 items, N cases with corrections, reviews, returns, pauses, joint and late cases) on a fresh
 * SQLite store and a fresh PostgreSQL database, then
 *
 * - intake throughput: cases taken in through CaseService.intake (identity check, encryption, the case
 *   row, its first event and an audit row in one transaction), one after another;
 * - the daily report for one day (mid-June, not archived before), computed from the histories by the core;
 * - the monthly report for all windows (June, every day computed and archived).
 *
 * Each against a baseline measured in the same run on the same database: for intake, as many bare
 * single-row INSERT transactions into a scratch table; for the reports, reading the same rows the report
 * reads (CaseRepository.activeDuring for the day, for each day of the month) without computing anything.
 *
 *   npx tsx bench/hall.ts [--hall-cases 200000] [--hall-intakes 2000] [--no-pg] [--out docs/benchmarks.md]
 *
 * 10 million cases: --hall-cases 10000000 (hours, and tens of GB; not part of `npm test`).
 */
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { committedItem } from '../src/core/hall/sample-catalogue.ts';
import { dayEndsAt } from '../src/core/hall/workdays.ts';
import { addDays } from '../src/core/workflow/deadlines.ts';
import { generateHallYear, setUpHall } from '../src/demo/hall-generator.ts';
import { serviceDeps } from '../src/services/service-context.ts';
import { createServices } from '../src/services/services.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { PersonalDataCipher } from '../src/store/personal-data.ts';
import { createRepositories } from '../src/store/repositories/index.ts';
import { freshStore } from './api.ts';
import { writeSection } from './sections.ts';

export const HALL_SECTION_TITLE = 'Service hall at scale';

export interface HallBenchOptions {
  cases: number;
  intakes: number;
  dialects: ('sqlite' | 'postgres')[];
  out: string;
}

export interface HallRow {
  dialect: string;
  cases: number;
  events: number;
  generateSeconds: number;
  intakePerSecond: number;
  intakeRatio: number;
  dailySeconds: number;
  dailyRatio: number;
  dailyCases: number;
  monthlySeconds: number;
  monthlyRatio: number;
}

const KEY = Buffer.alloc(32, 5);
const DAY = '2024-06-14';
const MONTH = '2024-06';

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const r = await work();
  return [r, Number(process.hrtime.bigint() - start) / 1e9];
}

async function benchDialect(dialect: 'sqlite' | 'postgres', options: HallBenchOptions): Promise<HallRow> {
  const { store, dispose } = await freshStore(dialect);
  try {
    await migrateToLatest(store);
    // The clock: mid-January of the next year, so every day of the generated year is over.
    const now = () => new Date('2025-01-15T02:00:00.000Z');
    const repos = createRepositories(store.db, { now });
    const setup = await setUpHall(repos, { windows: 20, items: 300, seed: 2024 });
    let lastLog = Date.now();
    const [generated, generateSeconds] = await timed(() =>
      generateHallYear(repos, new PersonalDataCipher(KEY), setup, {
        cases: options.cases,
        seed: 2024,
        batch: 2000,
        progress: (n) => {
          if (Date.now() - lastLog > 10_000) {
            lastLog = Date.now();
            console.log(`  ${dialect}: ${n.toLocaleString('en-US')} cases written`);
          }
        },
      }),
    );
    if (dialect === 'postgres') await sql`analyze`.execute(store.db);
    const deps = serviceDeps(store, { now, config: { dataKey: KEY } });
    const services = createServices(deps);
    const manager = { id: setup.managerId, roles: ['hallManager' as const], departmentIds: [] };

    // Intake: the window that takes the sample item's department (added to the catalogue for this).
    await repos.serviceItems.upsert([committedItem], null);
    const window = setup.windows.find((w) => w.department === committedItem.department) ?? setup.windows[0];
    if (!window) throw new Error('no window');
    const [, intakeSeconds] = await timed(async () => {
      for (let i = 0; i < options.intakes; i++)
        await services.hall.cases.intake(manager, {
          windowId: window.id,
          itemCode: committedItem.code,
          applicant: { name: '张三', idNumber: '11010519491231002X', phone: '13812345678' },
        });
    });
    await sql`create table bench_scratch (id text primary key, at text not null, body text not null)`.execute(
      store.db,
    );
    const [, insertSeconds] = await timed(async () => {
      for (let i = 0; i < options.intakes; i++)
        await store.db
          .transaction()
          .execute((trx) =>
            sql`insert into bench_scratch (id, at, body) values (${crypto.randomUUID()}, ${new Date().toISOString()}, ${'x'.repeat(200)})`.execute(
              trx,
            ),
          );
    });

    // The daily report for one day, and reading its rows alone.
    const start = dayEndsAt(addDays(DAY, -1));
    const end = dayEndsAt(DAY);
    const [rows, readSeconds] = await timed(() => repos.cases.activeDuring(start, end));
    const [, dailySeconds] = await timed(() => services.hall.reports.computeDaily(DAY));

    // The month: reading each day's rows, then the monthly report (computing and archiving every day).
    const [, monthReadSeconds] = await timed(async () => {
      for (let d = `${MONTH}-01`; d.startsWith(MONTH); d = addDays(d, 1))
        await repos.cases.activeDuring(dayEndsAt(addDays(d, -1)), dayEndsAt(d));
    });
    const [month, monthlySeconds] = await timed(() => services.hall.reports.monthly(manager, MONTH));
    if (month.days !== 30) throw new Error(`expected 30 days, got ${month.days}`);
    return {
      dialect: dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      cases: generated.cases,
      events: generated.events,
      generateSeconds,
      intakePerSecond: options.intakes / intakeSeconds,
      intakeRatio: intakeSeconds / insertSeconds,
      dailySeconds,
      dailyRatio: dailySeconds / readSeconds,
      dailyCases: rows.length,
      monthlySeconds,
      monthlyRatio: monthlySeconds / monthReadSeconds,
    };
  } finally {
    await dispose();
  }
}

export async function benchHall(options: HallBenchOptions): Promise<HallRow[]> {
  const rows: HallRow[] = [];
  for (const dialect of options.dialects) {
    console.log(`Service hall: ${options.cases.toLocaleString('en-US')} cases on ${dialect} …`);
    rows.push(await benchDialect(dialect, options));
  }
  return rows;
}

const f = (x: number, d: number) =>
  x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

export function formatHallSection(rows: readonly HallRow[], options: HallBenchOptions): string {
  return [
    `## ${HALL_SECTION_TITLE}`,
    '',
    'Measured by `bench/hall.ts` (`npm run bench`, or `--only hall`) on a generated year (`src/demo/hall-generator.ts`, ' +
      'seed 2024: 20 windows, 300 items, cases received evenly over the 2024 working days, with corrections, ' +
      '二次受理 reviews, returns, special procedures, reporting up, joint and late cases, and their supervision ' +
      'cards), on a fresh SQLite file and a fresh PostgreSQL database. Ratios are against baselines measured in ' +
      `the same run on the same database: intake against as many bare single-row INSERT transactions (${options.intakes} each); ` +
      `the daily report (${DAY}) against reading the same rows (\`activeDuring\`) without computing; the monthly ` +
      `report (${MONTH}, all windows, every day computed and archived) against reading each day's rows.`,
    '',
    '| Database | Cases | Events | Generation (cases/s) | Intake (cases/s) | Intake ratio | Daily report (s) | Daily ratio | Monthly report (s) | Monthly ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.dialect} | ${r.cases.toLocaleString('en-US')} | ${r.events.toLocaleString('en-US')} | ${f(r.cases / r.generateSeconds, 0)} | ${f(r.intakePerSecond, 0)} | ${f(r.intakeRatio, 1)}× | ${f(r.dailySeconds, 2)} (${r.dailyCases.toLocaleString('en-US')} cases) | ${f(r.dailyRatio, 1)}× | ${f(r.monthlySeconds, 1)} | ${f(r.monthlyRatio, 1)}× |`,
    ),
    '',
    `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical CPUs; Node ${process.version}`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    '',
  ].join('\n');
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function parseHallArgs(args: readonly string[]): HallBenchOptions {
  const cases = Number(argValue(args, '--hall-cases') ?? 200_000);
  const intakes = Number(argValue(args, '--hall-intakes') ?? 2000);
  if (!Number.isInteger(cases) || cases < 1000) throw new Error('--hall-cases 应为不小于 1000 的整数');
  if (!Number.isInteger(intakes) || intakes < 1) throw new Error('--hall-intakes 应为正整数');
  return {
    cases,
    intakes,
    dialects: args.includes('--no-pg') ? ['sqlite'] : ['sqlite', 'postgres'],
    out: argValue(args, '--out') ?? 'docs/benchmarks.md',
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseHallArgs(process.argv.slice(2));
  const section = formatHallSection(await benchHall(options), options);
  writeSection(options.out, section);
  console.log(section);
}
