/**
 * The service hall at scale (issue #6): a generated hall (src/demo/hall-generator.ts: 20 windows, 300
 * items, N cases with corrections, reviews, returns, pauses, joint and late cases) on a fresh SQLite store
 * and a fresh PostgreSQL database, then
 *
 * - intake throughput: cases taken in through CaseService.intake (identity check, encryption, the case
 *   row, its first event and an audit row in one transaction), one after another;
 * - the daily report for one day (2024-06-14, not archived before), computed from the histories by the core;
 * - the monthly report for all windows (2024-06, every day computed and archived).
 *
 * Each against a baseline measured in the same run on the same database: for intake, as many bare
 * single-row INSERT transactions into a scratch table; for the reports, reading the same rows the report
 * reads (CaseRepository.activeDuring for the day, for the month) without computing anything.
 *
 * A hall receives some 200,000 cases a year: N cases are received over the last ceil(N / 200,000) years
 * up to 2024, no earlier than 2004 (the first year of the official calendar): 200,000 cases are 2024,
 * 10 million cases the history 2004–2024.
 *
 *   npx tsx bench/hall.ts [--hall-cases 200000[,10000000]] [--hall-intakes 2000] [--no-pg] [--no-sqlite]
 *     [--hall-workers 2] [--hall-keep DIR] [--hall-reuse FILE[,FILE]] [--out docs/benchmarks.md]
 *
 * --hall-keep DIR keeps each generated database and writes DIR/hall-<dialect>-<cases>.json naming it;
 * --hall-reuse measures on such kept databases instead of generating (intake and the month archive write
 * to them: measure a kept database once). The section's table keeps the rows of the sizes and databases
 * not measured in this run, so sizes and databases can be run separately.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { committedItem } from '../src/core/hall/sample-catalogue.ts';
import { dayEndsAt } from '../src/core/hall/workdays.ts';
import { addDays } from '../src/core/workflow/deadlines.ts';
import { generateHallYear, type HallSetup, setUpHall } from '../src/demo/hall-generator.ts';
import { serviceDeps } from '../src/services/service-context.ts';
import { createServices } from '../src/services/services.ts';
import { openDatabase, type Store } from '../src/store/database.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { PersonalDataCipher } from '../src/store/personal-data.ts';
import { createRepositories } from '../src/store/repositories/index.ts';
import { freshStore } from './api.ts';
import { writeSection } from './sections.ts';

export const HALL_SECTION_TITLE = 'Service hall at scale';

type Dialect = 'sqlite' | 'postgres';

export interface HallBenchOptions {
  /** The sizes, each on every dialect. */
  cases: number[];
  intakes: number;
  dialects: Dialect[];
  workers: number;
  /** Keep the generated databases, described in this directory. */
  keep: string | null;
  /** Measure on kept databases (their descriptions) instead of generating. */
  reuse: string[];
  out: string;
}

export interface HallRow {
  dialect: string;
  cases: number;
  fromYear: number;
  events: number;
  generateSeconds: number;
  /** Bytes on disk after the run (the SQLite file with its WAL, or pg_database_size). */
  diskBytes: number;
  intakePerSecond: number;
  intakeRatio: number;
  dailySeconds: number;
  dailyRatio: number;
  dailyCases: number;
  monthlySeconds: number;
  monthlyRatio: number;
  /** Cases the monthly report reads (active during the month). */
  monthlyCases: number;
  date: string;
}

/** A kept database: where it is and what was generated into it. */
export interface KeptHall {
  dialect: Dialect;
  cases: number;
  fromYear: number;
  events: number;
  cards: number;
  generateSeconds: number;
  /** SQLite: the data directory; PostgreSQL: the database URL. */
  location: string;
  setup: Pick<HallSetup, 'managerId' | 'windows'>;
}

const KEY = Buffer.alloc(32, 5);
const DAY = '2024-06-14';
const MONTH = '2024-06';
const LAST_YEAR = 2024;
/** The official calendar (chinese-days) begins in 2004; before it deadlines would be provisional. */
const FIRST_CALENDAR_YEAR = 2004;
const CASES_PER_YEAR = 200_000;

/** The first year of a hall of `cases` cases: about 200,000 a year, back to 2004 at most. */
export function firstYearFor(cases: number): number {
  return Math.max(FIRST_CALENDAR_YEAR, LAST_YEAR - Math.ceil(cases / CASES_PER_YEAR) + 1);
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const r = await work();
  return [r, Number(process.hrtime.bigint() - start) / 1e9];
}

async function sizeOnDisk(store: Store, dialect: Dialect, location: string): Promise<number> {
  if (dialect === 'postgres') {
    const r = await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(store.db);
    return Number(r.rows[0]?.n ?? 0);
  }
  let bytes = 0;
  for (const f of await readdir(location)) bytes += statSync(path.join(location, f)).size;
  return bytes;
}

/** SQLite for the bench only: a 2 GB page cache, so that the indexes of 10 million cases stay in memory. */
async function benchPragmas(store: Store, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await sql`pragma cache_size = -2000000`.execute(store.db);
}

const now = () => new Date('2025-01-15T02:00:00.000Z');

async function generate(
  dialect: Dialect,
  cases: number,
  options: HallBenchOptions,
): Promise<{ store: Store; kept: KeptHall; dispose(): Promise<void> }> {
  const { store, location, dispose } = await freshStore(dialect);
  try {
    await migrateToLatest(store);
    await benchPragmas(store, dialect);
    // The clock: mid-January 2025, so every day of the generated years is over.
    const repos = createRepositories(store.db, { now });
    const setup = await setUpHall(repos, { windows: 20, items: 300, seed: 2024 });
    const fromYear = firstYearFor(cases);
    let lastLog = Date.now();
    const [generated, generateSeconds] = await timed(() =>
      generateHallYear(repos, new PersonalDataCipher(KEY), setup, {
        cases,
        fromYear,
        year: LAST_YEAR,
        seed: 2024,
        batch: 2000,
        workers: options.workers,
        dataKey: KEY,
        progress: (n) => {
          if (Date.now() - lastLog > 30_000) {
            lastLog = Date.now();
            console.log(`  ${dialect}: ${n.toLocaleString('en-US')} cases written`);
          }
        },
      }),
    );
    if (dialect === 'postgres') await sql`analyze`.execute(store.db);
    const kept: KeptHall = {
      dialect,
      cases: generated.cases,
      fromYear,
      events: generated.events,
      cards: generated.cards,
      generateSeconds,
      location,
      setup: { managerId: setup.managerId, windows: setup.windows },
    };
    if (options.keep) {
      mkdirSync(options.keep, { recursive: true });
      const file = path.join(options.keep, `hall-${dialect}-${cases}.json`);
      writeFileSync(file, JSON.stringify(kept, null, 1));
      console.log(`  kept: ${file}`);
      return { store, kept, dispose: () => store.close() };
    }
    return { store, kept, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

async function reopen(file: string): Promise<{ store: Store; kept: KeptHall; dispose(): Promise<void> }> {
  const kept = JSON.parse(readFileSync(file, 'utf8')) as KeptHall;
  const store = await openDatabase(
    kept.dialect === 'sqlite' ? { dataDir: kept.location } : { url: kept.location },
  );
  await migrateToLatest(store);
  await benchPragmas(store, kept.dialect);
  return { store, kept, dispose: () => store.close() };
}

async function measure(store: Store, kept: KeptHall, options: HallBenchOptions): Promise<HallRow> {
  const { dialect, setup } = kept;
  const repos = createRepositories(store.db, { now });
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
  await sql`drop table bench_scratch`.execute(store.db);

  // The daily report for one day, and reading its rows alone.
  const start = dayEndsAt(addDays(DAY, -1));
  const end = dayEndsAt(DAY);
  // Once untimed first: at 10 million cases the database is larger than the page cache, and the first
  // read of the day's cases paid for bringing their pages in (144 s cold, 29 s for the report after it).
  await repos.cases.activeDuring(start, end);
  const [rows, readSeconds] = await timed(() => repos.cases.activeDuring(start, end));
  const [, dailySeconds] = await timed(() => services.hall.reports.computeDaily(DAY));

  // The month: reading its rows (what the monthly report reads, once), then the monthly report
  // (computing and archiving every day).
  const [monthRows, monthReadSeconds] = await timed(() =>
    repos.cases.activeDuring(dayEndsAt(addDays(`${MONTH}-01`, -1)), dayEndsAt(`${MONTH}-30`)),
  );
  const [month, monthlySeconds] = await timed(() => services.hall.reports.monthly(manager, MONTH));
  if (month.days !== 30) throw new Error(`expected 30 days, got ${month.days}`);
  return {
    dialect: dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL',
    cases: kept.cases,
    fromYear: kept.fromYear,
    events: kept.events,
    generateSeconds: kept.generateSeconds,
    diskBytes: await sizeOnDisk(store, dialect, kept.location),
    intakePerSecond: options.intakes / intakeSeconds,
    intakeRatio: intakeSeconds / insertSeconds,
    dailySeconds,
    dailyRatio: dailySeconds / readSeconds,
    dailyCases: rows.length,
    monthlySeconds,
    monthlyRatio: monthlySeconds / monthReadSeconds,
    monthlyCases: monthRows.length,
    date: new Date().toISOString().slice(0, 10),
  };
}

export async function benchHall(options: HallBenchOptions): Promise<HallRow[]> {
  const rows: HallRow[] = [];
  for (const file of options.reuse) {
    const { store, kept, dispose } = await reopen(file);
    console.log(`Service hall: ${kept.cases.toLocaleString('en-US')} cases on ${kept.dialect} (kept) …`);
    try {
      rows.push(await measure(store, kept, options));
    } finally {
      await dispose();
    }
  }
  if (options.reuse.length) return rows;
  for (const cases of options.cases)
    for (const dialect of options.dialects) {
      console.log(`Service hall: ${cases.toLocaleString('en-US')} cases on ${dialect} …`);
      const { store, kept, dispose } = await generate(dialect, cases, options);
      try {
        rows.push(await measure(store, kept, options));
      } finally {
        await dispose();
      }
    }
  return rows;
}

const f = (x: number, d: number) =>
  x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

const TABLE_HEADER =
  '| Database | Cases | Received | Events | Generation (cases/s) | Generation (min) | Disk (GB) | Intake (cases/s) | Intake ratio | Daily report (s) | Daily ratio | Monthly report (s) | Monthly ratio | Measured |';

export function formatHallRow(r: HallRow): string {
  return `| ${r.dialect} | ${r.cases.toLocaleString('en-US')} | ${r.fromYear === LAST_YEAR ? LAST_YEAR : `${r.fromYear}–${LAST_YEAR}`} | ${r.events.toLocaleString('en-US')} | ${f(r.cases / r.generateSeconds, 0)} | ${f(r.generateSeconds / 60, 1)} | ${f(r.diskBytes / 1e9, 2)} | ${f(r.intakePerSecond, 0)} | ${f(r.intakeRatio, 1)}× | ${f(r.dailySeconds, 2)} (${r.dailyCases.toLocaleString('en-US')} cases) | ${f(r.dailyRatio, 1)}× | ${f(r.monthlySeconds, 1)} (${r.monthlyCases.toLocaleString('en-US')} cases) | ${f(r.monthlyRatio, 1)}× | ${r.date} |`;
}

const rowKey = (line: string) => {
  const cells = line.split('|').map((c) => c.trim());
  return `${cells[1]}|${cells[2]}`;
};

/**
 * The table rows of `previous` (the section as it stands) that this run did not measure, with this run's
 * rows, ordered by cases, then SQLite before PostgreSQL. Rows of another table layout are dropped.
 */
export function mergeHallRows(previous: string, rows: readonly HallRow[]): string[] {
  const columns = TABLE_HEADER.split('|').length;
  const fresh = rows.map(formatHallRow);
  const measured = new Set(fresh.map(rowKey));
  const lines = previous.split('\n');
  const at = lines.indexOf(TABLE_HEADER);
  const kept: string[] = [];
  if (at >= 0)
    for (const line of lines.slice(at + 2)) {
      if (!line.startsWith('|')) break;
      if (line.split('|').length === columns && !measured.has(rowKey(line))) kept.push(line);
    }
  const cases = (line: string) => Number(rowKey(line).split('|')[1]?.replaceAll(',', ''));
  return [...kept, ...fresh].sort((a, b) => cases(a) - cases(b) || (rowKey(a).startsWith('SQLite') ? -1 : 1));
}

export function formatHallSection(
  rows: readonly HallRow[],
  options: HallBenchOptions,
  previous = '',
): string {
  return [
    `## ${HALL_SECTION_TITLE}`,
    '',
    'Measured by `bench/hall.ts` (`npm run bench`, or `--only hall`) on a generated hall (`src/demo/hall-generator.ts`, ' +
      'seed 2024: 20 windows, 300 items, cases received evenly over the working days of the years in the Received ' +
      'column, with corrections, 二次受理 reviews, returns, special procedures, reporting up, joint and late cases, ' +
      'and their supervision cards), on a fresh SQLite file and a fresh PostgreSQL database. A hall receives some ' +
      '200,000 cases a year, so 200,000 cases are one year (2024) and 10 million the hall’s history since 2004, ' +
      'the first year of the official calendar. Ratios are against baselines measured in ' +
      `the same run on the same database: intake against as many bare single-row INSERT transactions (${options.intakes} each); ` +
      `the daily report (${DAY}) against reading the same rows (\`activeDuring\`) without computing; the monthly ` +
      `report (${MONTH}, all windows, every day computed and archived) against reading the month's rows ` +
      '(`activeDuring` over the month: the report reads them once and takes each day’s from them). Generation ' +
      `runs the simulation in ${options.workers} worker thread(s) while the main thread writes; disk is the ` +
      'database after the run (SQLite: the file and its WAL; PostgreSQL: `pg_database_size`).',
    '',
    TABLE_HEADER,
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...mergeHallRows(previous, rows),
    '',
    `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical CPUs; Node ${process.version}`,
    '',
  ].join('\n');
}

/** The hall section as it stands in `file` (empty when there is none). */
export function currentHallSection(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  const at = text.indexOf(`## ${HALL_SECTION_TITLE}\n`);
  if (at < 0) return '';
  const next = text.indexOf('\n## ', at + 1);
  return text.slice(at, next < 0 ? undefined : next);
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function parseHallArgs(args: readonly string[]): HallBenchOptions {
  const cases = (argValue(args, '--hall-cases') ?? '200000').split(',').map(Number);
  const intakes = Number(argValue(args, '--hall-intakes') ?? 2000);
  const workers = Number(argValue(args, '--hall-workers') ?? 2);
  if (cases.some((n) => !Number.isInteger(n) || n < 1000))
    throw new Error('--hall-cases 应为不小于 1000 的整数（多个以逗号分隔）');
  if (!Number.isInteger(intakes) || intakes < 1) throw new Error('--hall-intakes 应为正整数');
  if (!Number.isInteger(workers) || workers < 0) throw new Error('--hall-workers 应为非负整数');
  const dialects: Dialect[] = [];
  if (!args.includes('--no-sqlite')) dialects.push('sqlite');
  if (!args.includes('--no-pg')) dialects.push('postgres');
  return {
    cases,
    intakes,
    dialects,
    workers,
    keep: argValue(args, '--hall-keep') ?? null,
    reuse: argValue(args, '--hall-reuse')?.split(',') ?? [],
    out: argValue(args, '--out') ?? 'docs/benchmarks.md',
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseHallArgs(process.argv.slice(2));
  const rows = await benchHall(options);
  const section = formatHallSection(rows, options, currentHallSection(options.out));
  writeSection(options.out, section);
  console.log(section);
}
