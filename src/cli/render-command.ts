/**
 * zhengwu render: budget files (JSON) → the disclosure as HTML, Markdown, DOCX,
 * XLSX and PDF. A directory renders every budget file in it; one bad file never
 * stops the batch.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { InvalidInput, ZhengwuError } from '../core/errors.ts';
import { parseBudgetFile } from '../import/budget-file.ts';
import { closeBrowser } from '../render/browser.ts';
import {
  ECHARTS_FILE,
  EXTENSION_OF,
  OUTPUT_FORMATS,
  type OutputFormat,
  renderDisclosure,
} from '../render/render-disclosure.ts';
import type { Io } from './commands.ts';
import { progressBar } from './progress.ts';
import { formatTable } from './summary-table.ts';

export function parseFormats(values: readonly string[] | undefined): OutputFormat[] {
  const list = (values?.length ? values : ['html'])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  const bad = list.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (bad.length)
    throw new InvalidInput(`不支持的输出格式：${bad.join('、')}。可选：${OUTPUT_FORMATS.join('、')}`);
  return [...new Set(list)] as OutputFormat[];
}

function budgetFiles(args: readonly string[]): { files: string[]; batch: boolean } {
  const files: string[] = [];
  let batch = args.length > 1;
  for (const a of args) {
    if (existsSync(a) && statSync(a).isDirectory()) {
      batch = true;
      for (const name of readdirSync(a).sort())
        if (name.toLowerCase().endsWith('.json')) files.push(join(a, name));
    } else files.push(a);
  }
  return { files, batch };
}

function stem(file: string): string {
  return basename(file)
    .replace(/\.json$/i, '')
    .replace(/\.budget$/i, '');
}

function copyEcharts(dir: string): void {
  const src = join(
    dirname(createRequire(import.meta.url).resolve('echarts/package.json')),
    'dist',
    'echarts.min.js',
  );
  const dest = join(dir, ECHARTS_FILE);
  if (!existsSync(dest)) copyFileSync(src, dest);
}

export async function renderCommand(
  args: readonly string[],
  formatValues: readonly string[] | undefined,
  output: string | undefined,
  template: string | undefined,
  io: Io,
): Promise<number> {
  const formats = parseFormats(formatValues);
  const { files, batch } = budgetFiles(args);
  if (!files.length) throw new InvalidInput(`没有找到预算文件（.json）：${args.join(' ')}`);
  // One file in one format to a path with that format's extension: write exactly there.
  const single =
    !batch &&
    formats.length === 1 &&
    output &&
    extname(output).toLowerCase() === EXTENSION_OF[formats[0] as OutputFormat];
  const dir = single ? dirname(output as string) : (output ?? 'out');
  mkdirSync(dir, { recursive: true });
  const bar = progressBar(files.length * formats.length);
  const rows: string[][] = [];
  let failed = 0;
  try {
    for (const file of files) {
      try {
        const budget = parseBudgetFile(
          await readFile(file, 'utf8').catch(() => {
            throw new InvalidInput(`无法读取文件：${file}`);
          }),
          file,
        );
        const out = await renderDisclosure(budget, formats, template ? { template } : {});
        const written: string[] = [];
        for (const f of formats) {
          const bytes = out[f];
          if (!bytes) continue;
          const path = single ? (output as string) : join(dir, `${stem(file)}${EXTENSION_OF[f]}`);
          writeFileSync(path, bytes);
          if (f === 'html') copyEcharts(dirname(path));
          written.push(path);
          bar.tick(path);
        }
        rows.push([file, '已生成', written.join('、')]);
      } catch (e) {
        failed++;
        const message =
          e instanceof ZhengwuError || /Chromium|浏览器|超时/.test(String((e as Error).message))
            ? (e as Error).message
            : `生成时出现内部错误（${(e as Error).message}）`;
        io.err(`无法生成 ${file}：${message}\n`);
        rows.push([file, '失败', message]);
        for (let i = 0; i < formats.length; i++) bar.tick(file);
      }
    }
  } finally {
    bar.done();
    await closeBrowser();
  }
  if (batch) io.out(`${formatTable(['文件', '结果', '输出'], rows)}\n`);
  else if (rows[0]?.[1] === '已生成') io.out(`已生成：${rows[0][2]}\n`);
  return failed ? 2 : 0;
}
