/**
 * PDF import throughput over the development corpus's PDFs
 * (../shared/corpus/originals/*.pdf), against a baseline measured in the same
 * run on the same files: `pdftotext -layout FILE -` (poppler-utils), one process
 * per file, as the corpus's text twins were made.
 *
 * Rows (the median of `repeats` passes over all the PDFs):
 * - the baseline, pdftotext -layout;
 * - pdftotext -layout + importText (the text route, for a like-for-like import);
 * - extractPdfText alone (pdf.js and the layout);
 * - the PDF import: extractPdfText + importText.
 * Ratio: a row's time divided by the baseline's (1 = as fast as pdftotext).
 *
 * Returns no rows, with the reason, when pdftotext or the corpus is missing.
 *
 *   npx tsx bench/pdf-import.ts [--repeats 3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractPdfText } from '../src/import/pdf/extract-pdf.ts';
import { importText } from '../src/import/text/import-text.ts';

export interface PdfBenchRow {
  what: string;
  docsPerSecond: number;
  mbPerSecond: number;
  /** Time relative to the baseline (1 = as fast as pdftotext -layout). */
  ratio: number;
}

export interface PdfBenchResult {
  rows: PdfBenchRow[];
  /** Why there are no rows (pdftotext or the corpus is missing). */
  reason?: string;
  docs: number;
  bytes: number;
}

export interface PdfBenchOptions {
  /** Folder of the PDFs (default ../shared/corpus/originals). */
  dir?: string;
  /** Passes per row; the median counts (default 3). */
  repeats?: number;
  pdftotext?: string;
}

const DEFAULT_DIR = fileURLToPath(new URL('../../shared/corpus/originals/', import.meta.url));
const PDFTOTEXT = '/usr/bin/pdftotext';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function pdftotext(command: string, file: string): string {
  const r = spawnSync(command, ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`pdftotext 失败（${file}）：${r.stderr}`);
  return r.stdout;
}

export async function benchPdfImport(options: PdfBenchOptions = {}): Promise<PdfBenchResult> {
  const dir = options.dir ?? DEFAULT_DIR;
  const command = options.pdftotext ?? PDFTOTEXT;
  const repeats = options.repeats ?? 3;
  if (!existsSync(dir)) return { rows: [], reason: `找不到 PDF 语料：${dir}`, docs: 0, bytes: 0 };
  const probe = spawnSync(command, ['-v'], { encoding: 'utf8' });
  if (probe.error)
    return { rows: [], reason: `找不到 pdftotext（${command}）：请安装 poppler-utils`, docs: 0, bytes: 0 };
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((f) => `${dir.replace(/\/?$/, '/')}${f}`);
  if (!files.length) return { rows: [], reason: `语料中没有 PDF：${dir}`, docs: 0, bytes: 0 };
  const docs = files.map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
  const bytes = docs.reduce((n, d) => n + d.bytes.length, 0);

  let sink = 0; // keeps the passes from being optimised away
  const passes: [string, () => Promise<void>][] = [
    [
      'Baseline: pdftotext -layout (one process per file)',
      async () => {
        for (const d of docs) sink += pdftotext(command, d.path).length;
      },
    ],
    [
      'pdftotext -layout + importText',
      async () => {
        for (const d of docs) sink += importText(pdftotext(command, d.path)).missing.length;
      },
    ],
    [
      'extractPdfText (pdf.js + layout)',
      async () => {
        for (const d of docs) sink += (await extractPdfText(d.bytes)).text.length;
      },
    ],
    [
      'PDF import (extractPdfText + importText)',
      async () => {
        for (const d of docs) sink += importText((await extractPdfText(d.bytes)).text).missing.length;
      },
    ],
  ];

  // Warm up (pdf.js loads its modules and CMaps on first use), then measure.
  for (const [, pass] of passes) await pass();
  const rows: PdfBenchRow[] = [];
  let base = 0;
  for (const [what, pass] of passes) {
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const start = process.hrtime.bigint();
      await pass();
      times.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
    const seconds = median(times);
    if (!rows.length) base = seconds;
    rows.push({
      what,
      docsPerSecond: docs.length / seconds,
      mbPerSecond: bytes / 1e6 / seconds,
      ratio: seconds / base,
    });
  }
  if (sink < 0) console.log(sink);
  return { rows, docs: docs.length, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--repeats');
  const repeats = i >= 0 ? Number(process.argv[i + 1]) : 3;
  const r = await benchPdfImport({ repeats });
  if (r.reason) console.log(`跳过：${r.reason}`);
  else {
    console.log(`${r.docs} PDFs, ${(r.bytes / 1e6).toFixed(2)} MB\n`);
    console.log('| What | Documents/s | MB/s | Ratio to baseline |\n|---|---:|---:|---:|');
    for (const row of r.rows)
      console.log(
        `| ${row.what} | ${row.docsPerSecond.toFixed(2)} | ${row.mbPerSecond.toFixed(2)} | ${row.ratio.toFixed(1)}× |`,
      );
  }
}
