/**
 * Rendering the disclosure: milliseconds per document for each format, for
 * the demo budget, against a baseline measured in the same run: writing the
 * same budget file as JSON (the least any output must do).
 */
import { cpus } from 'node:os';
import { buildDocument } from '../src/core/disclosure/build-document.ts';
import { demoData } from '../src/demo/shanhaiguan-2018.ts';
import { closeBrowser, findChromium } from '../src/render/browser.ts';
import { type OutputFormat, renderDisclosure } from '../src/render/render-disclosure.ts';

export interface RenderRow {
  what: string;
  msPerDocument: number;
  ratio: number;
}

async function timeEach(n: number, fn: () => unknown): Promise<number> {
  await fn(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / n;
}

export async function benchRender(): Promise<{ rows: RenderRow[]; note: string }> {
  const d = demoData();
  const file = { budget: d.budget, prior: d.prior, notes: [...d.notes] };
  const baseline = await timeEach(2000, () => JSON.stringify(file));
  const rows: RenderRow[] = [
    { what: 'Baseline: the budget file as JSON (JSON.stringify)', msPerDocument: baseline, ratio: 1 },
  ];
  const add = (what: string, ms: number) => rows.push({ what, msPerDocument: ms, ratio: ms / baseline });
  add(
    'Document tree (buildDocument)',
    await timeEach(200, () => buildDocument(d.budget, { prior: d.prior })),
  );
  const formats: [OutputFormat, number][] = [
    ['md', 100],
    ['html', 100],
    ['xlsx', 20],
    ['docx', 10],
  ];
  if (findChromium()) formats.push(['pdf', 5]);
  for (const [f, n] of formats)
    add(`${f.toUpperCase()} (renderDisclosure)`, await timeEach(n, () => renderDisclosure(file, [f])));
  await closeBrowser();
  return {
    rows,
    note: findChromium()
      ? 'DOCX and PDF include the chart images rendered in Chromium.'
      : 'Chromium not found: PDF not measured.',
  };
}

export function formatRenderSection(r: { rows: RenderRow[]; note: string }): string {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return [
    '## Rendering the disclosure',
    '',
    'Measured by `bench/render.ts`: the demo budget (山海关区人民政府政务服务中心 2018, with its 2017 comparison) rendered in each format, milliseconds per document after a warm-up; ratio to a baseline measured in the same run.',
    '',
    '| What | ms per document | Ratio to baseline |',
    '|---|---:|---:|',
    ...r.rows.map(
      (x) =>
        `| ${x.what} | ${x.msPerDocument.toFixed(3)} | ${Math.round(x.ratio).toLocaleString('en-US')}× |`,
    ),
    '',
    `- ${r.note}`,
    `- Machine: ${cpu}, ${cpus().length} logical CPUs; Node ${process.version}`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    '',
  ].join('\n');
}
