/**
 * Import and audit throughput on a generated corpus (bench/generate-corpus.ts),
 * against a baseline measured in the same run: one regular-expression pass over
 * the same documents (counting /\d+(?:\.\d+)?万元/g). Every pass starts from the
 * bytes and decodes them with decodeText (UTF-8 or GB18030), as an import does.
 *
 * The auditor is loaded dynamically from src/core/audit/audit.ts; when that
 * module does not exist, import alone is measured and the output says so.
 *
 *   npx tsx bench/run.ts [--docs 10000] [--seed N] [--out docs/benchmarks.md]
 *     [--only web|api|hall] [--duration 5] [--warmup 1] [--connections 10] [--pg]
 *     [--hall-cases 200000] [--hall-intakes 2000] [--no-pg]
 *
 * Then rendering (bench/render.ts), PDF import (bench/pdf-import.ts) and API throughput under load
 * (bench/api.ts, which takes the last four options; --only api runs it alone), and the service hall at
 * scale (bench/hall.ts: intake, the daily and the monthly report over a generated hall of 200,000 cases,
 * one year, on SQLite and PostgreSQL; --hall-cases 200000,10000000 adds ten million, the history 2004–2024,
 * about an hour per database on a 2-CPU machine; --only hall runs it alone), each in its own section.
 *
 * The figures go into the "Import and audit throughput" section of the output
 * file; other sections of the file are kept as they are.
 */
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { auditBudget } from '../src/core/audit/audit.ts';
import { decodeText } from '../src/import/text/decode.ts';
import { importText } from '../src/import/text/import-text.ts';
import { DEFAULT_SEED, type GeneratedDocument, generateCorpus } from './generate-corpus.ts';

export const SECTION_TITLE = 'Import and audit throughput';

import { writeSection } from './sections.ts';

export { writeSection };

export interface BenchOptions {
  docs: number;
  seed: number;
  out: string;
  /** Print progress and the table (default true). */
  log?: boolean;
}

export interface Measurement {
  what: string;
  seconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
  /** Time relative to the baseline (1 = as fast as one regex pass). */
  ratio: number;
}

export interface BenchResult {
  measurements: Measurement[];
  docs: number;
  bytes: number;
  gb18030Docs: number;
  section: string;
}

function time(pass: () => void): number {
  const start = process.hrtime.bigint();
  pass();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const AMOUNT = /\d+(?:\.\d+)?万元/g;

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log === false ? () => {} : (s: string) => console.log(s);
  log(`Generating ${options.docs} documents (seed ${options.seed}) …`);
  const corpus: GeneratedDocument[] = generateCorpus({ docs: options.docs, seed: options.seed });
  const bytes = corpus.reduce((n, d) => n + d.bytes.length, 0);
  const gb18030Docs = corpus.filter((d) => d.encoding === 'gb18030').length;
  const note =
    'auditBudget from src/core/audit/audit.ts on each import result (budget, provenance and the normalised lines).';

  let sink = 0; // keeps the passes from being optimised away
  const baselinePass = () => {
    for (const d of corpus) sink += decodeText(d.bytes).text.match(AMOUNT)?.length ?? 0;
  };
  const importPass = () => {
    for (const d of corpus) sink += importText(decodeText(d.bytes).text).missing.length;
  };
  const auditPass = () => {
    for (const d of corpus) sink += auditBudget(importText(decodeText(d.bytes).text)).findings.length;
  };

  // Warm up every path on a slice of the corpus, then measure the whole corpus.
  const warm = corpus.slice(0, Math.min(200, corpus.length));
  for (const d of warm) {
    const text = decodeText(d.bytes).text;
    sink += text.match(AMOUNT)?.length ?? 0;
    sink += auditBudget(importText(text)).findings.length;
  }
  const passes: [string, () => void, number][] = [
    ['Baseline: decode + one regex pass (`/\\d+(?:\\.\\d+)?万元/g`)', baselinePass, 3],
    ['Import (decodeText + importText)', importPass, 1],
  ];
  passes.push(['Import + audit (importText + auditBudget)', auditPass, 1]);
  const measurements: Measurement[] = [];
  for (const [what, pass, repeat] of passes) {
    log(`Measuring: ${what} …`);
    const seconds = median(Array.from({ length: repeat }, () => time(pass)));
    const base = measurements[0]?.seconds ?? seconds;
    measurements.push({
      what,
      seconds,
      docsPerSecond: corpus.length / seconds,
      mbPerSecond: bytes / 1e6 / seconds,
      ratio: seconds / base,
    });
  }
  if (sink < 0) log(String(sink));

  const section = formatSection({
    measurements,
    docs: corpus.length,
    bytes,
    gb18030Docs,
    note,
    seed: options.seed,
  });
  writeSection(options.out, section);
  log(section);
  log(`Written to ${options.out}`);
  return {
    measurements,
    docs: corpus.length,
    bytes,
    gb18030Docs,
    section,
  };
}

function fixed(x: number, digits: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatSection(r: {
  measurements: Measurement[];
  docs: number;
  bytes: number;
  gb18030Docs: number;
  note: string;
  seed: number;
}): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const rows = r.measurements.map(
    (m) =>
      `| ${m.what} | ${fixed(m.docsPerSecond, 0)} | ${fixed(m.mbPerSecond, 2)} | ${fixed(m.ratio, 1)}× |`,
  );
  return [
    `## ${SECTION_TITLE}`,
    '',
    `Measured by \`bench/run.ts\` on ${r.docs.toLocaleString('en-US')} generated disclosures ` +
      `(${fixed(r.bytes / 1e6, 2)} MB, ${r.gb18030Docs} of them GB18030; seed ${r.seed}; ` +
      'renderText of random consistent budgets with varied units, numbering, table layouts and wording). ' +
      'Every pass starts from the bytes and decodes them. Ratio to baseline: time divided by the time of the ' +
      'baseline pass (median of 3), so 1× is as fast as one regex pass.',
    '',
    '| What | Documents/s | MB/s | Ratio to baseline |',
    '|---|---:|---:|---:|',
    ...rows,
    '',
    `- Auditor: ${r.note}`,
    `- Machine: ${cpu}, ${cpus().length} logical CPUs; Node ${process.version} (${process.platform}/${process.arch})`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    '',
  ].join('\n');
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function parseArgs(args: readonly string[]): BenchOptions {
  const docs = Number(argValue(args, '--docs') ?? 10_000);
  const seed = Number(argValue(args, '--seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(docs) || docs < 1) throw new Error('--docs 应为正整数');
  if (!Number.isInteger(seed)) throw new Error('--seed 应为整数');
  return { docs, seed, out: argValue(args, '--out') ?? 'docs/benchmarks.md' };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const options = parseArgs(args);
  const only = argValue(args, '--only');
  // --only web / api / hall: just that section; the other sections are kept as they are.
  if (only === undefined) {
    await runBench(options);
    const { benchRender, formatRenderSection } = await import('./render.ts');
    const render = await benchRender();
    writeSection(options.out, formatRenderSection(render));
    console.log(formatRenderSection(render));
    const { benchPdfImport } = await import('./pdf-import.ts');
    const pdf = await benchPdfImport();
    const section = formatPdfSection(pdf);
    writeSection(options.out, section);
    console.log(section);
  }
  if (only === undefined || only === 'web') {
    const { benchWebSize, formatWebSizeSection } = await import('./web-size.ts');
    const web = formatWebSizeSection(await benchWebSize());
    writeSection(options.out, web);
    console.log(web);
  }
  if (only === undefined || only === 'api') {
    const { benchApi, formatApiSection, parseApiArgs } = await import('./api.ts');
    const api = formatApiSection(await benchApi(parseApiArgs(args)));
    writeSection(options.out, api);
    console.log(api);
  }
  if (only === undefined || only === 'hall') {
    const { benchHall, currentHallSection, formatHallSection, parseHallArgs } = await import('./hall.ts');
    const hallOptions = { ...parseHallArgs(args), out: options.out };
    const hall = formatHallSection(
      await benchHall(hallOptions),
      hallOptions,
      currentHallSection(options.out),
    );
    writeSection(options.out, hall);
    console.log(hall);
  }
}

function formatPdfSection(r: Awaited<ReturnType<typeof import('./pdf-import.ts').benchPdfImport>>): string {
  const rows = r.rows.map(
    (x) =>
      `| ${x.what} | ${fixed(x.docsPerSecond, 1)} | ${fixed(x.mbPerSecond, 2)} | ${fixed(x.ratio, 1)}× |`,
  );
  return [
    '## PDF import throughput',
    '',
    r.reason
      ? `Not measured: ${r.reason}`
      : `Measured by \`bench/pdf-import.ts\` on the ${r.docs} PDFs of the development corpus (${fixed(r.bytes / 1e6, 2)} MB), against \`pdftotext -layout\` on the same files in the same run (median of 3 passes).`,
    '',
    ...(rows.length
      ? ['| What | Documents/s | MB/s | Ratio to baseline |', '|---|---:|---:|---:|', ...rows, '']
      : []),
  ].join('\n');
}
