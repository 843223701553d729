/**
 * Issue #3 end to end: the demo budget rendered to every format opens where it
 * should, imports back to the same summary, and audits without an error.
 * Needs Chromium (PDF), poppler (pdftotext/pdftoppm) and LibreOffice (DOCX);
 * `.ci/run` installs them, and each part skips with its reason where one is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditBudget } from '../src/core/audit/audit.ts';
import { summarize } from '../src/core/budget/summary.ts';
import { demoData } from '../src/demo/shanhaiguan-2018.ts';
import { readDocument } from '../src/import/read-document.ts';
import { closeBrowser, findChromium } from '../src/render/browser.ts';
import { type OutputFormat, renderDisclosure } from '../src/render/render-disclosure.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const chromium = findChromium() !== null;
const poppler = has('pdftotext') && has('pdftoppm');
const soffice = has('soffice');
const HEADINGS = [
  '一、部门职责及机构设置情况',
  '二、部门预算安排的总体情况',
  '三、机关运行经费安排情况',
  '四、财政拨款“三公”经费预算情况及增减变化原因',
  '五、绩效预算信息',
  '六、政府采购预算情况',
  '七、国有资产信息',
  '八、名词解释',
  '九、其他需要说明的事项',
];

const data = demoData();
const file = { budget: data.budget, prior: data.prior, notes: [...data.notes] };
const expected = summarize(data.budget);
const formats: OutputFormat[] = chromium
  ? ['html', 'md', 'docx', 'xlsx', 'pdf']
  : ['html', 'md', 'docx', 'xlsx'];
let out: Partial<Record<OutputFormat, Uint8Array>> = {};
const dir = mkdtempSync(join(tmpdir(), 'zhengwu-render-'));

beforeAll(async () => {
  out = await renderDisclosure(file, formats);
  for (const f of formats) writeFileSync(join(dir, `demo.${f}`), out[f] as Uint8Array);
}, 120_000);
afterAll(async () => {
  await closeBrowser();
});

describe('the demo budget in every format', () => {
  it.each(formats)('%s imports back to the same summary and audits without an error', async (f) => {
    const bytes = out[f] as Uint8Array;
    const r = await readDocument(`demo.${f}`, bytes);
    expect(r.summary).toEqual(expected);
    const report = auditBudget(r);
    expect(report.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it.skipIf(!chromium || !poppler)(
    'PDF: Chinese text without radicals, every heading, pages turn into PNG',
    () => {
      const pdf = join(dir, 'demo.pdf');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('秦皇岛市山海关区人民政府政务服务中心');
      for (const h of HEADINGS) expect(text.replace(/\s+/g, '')).toContain(h);
      expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(dir, 'page')]);
      const artifacts = join(root, 'test-artifacts');
      mkdirSync(artifacts, { recursive: true });
      for (const n of ['1', '2']) {
        const png = [`page-${n}.png`, `page-0${n}.png`].map((p) => join(dir, p)).find(existsSync);
        expect(png).toBeDefined();
        const bytes = readFileSync(png as string);
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        copyFileSync(png as string, join(artifacts, `demo-pdf-page-${n}.png`));
      }
    },
  );

  it.skipIf(!soffice || !poppler)(
    'DOCX: LibreOffice opens it and its text holds every section heading',
    () => {
      const lo = mkdtempSync(join(tmpdir(), 'zhengwu-lo-'));
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${lo}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          lo,
          join(dir, 'demo.docx'),
        ],
        { timeout: 120_000, stdio: 'ignore' },
      );
      const text = execFileSync('pdftotext', [join(lo, 'demo.pdf'), '-'], { encoding: 'utf8' });
      for (const h of HEADINGS) expect(text.replace(/\s+/g, '')).toContain(h);
    },
    150_000,
  );

  it('HTML: interactive charts and the standard tables; XLSX: a sheet per table', async () => {
    const html = new TextDecoder().decode(out.html);
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('echarts.min.js');
    expect(html).toContain('2018年部门收支总表');
    const r = await readDocument('demo.xlsx', out.xlsx as Uint8Array);
    expect(r.budget.tables.map((t) => t.kind)).toEqual(
      expect.arrayContaining([
        'incomeExpenditureSummary',
        'expenditureSummary',
        'generalBudgetBasicByEconomic',
        'threePublic',
      ]),
    );
  });
});

describe('malformed files fail fast with a Chinese message', () => {
  it('a 200 MB file is refused before it is read', () => {
    const big = join(dir, 'big.pdf');
    writeFileSync(big, '');
    spawnSync('truncate', ['-s', '200M', big]);
    const started = Date.now();
    const r = spawnSync(process.execPath, [join(root, 'bin/zhengwu'), 'import', big], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('文件过大');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a truncated PDF, a ZIP that is not a DOCX and an XLSX with no table are refused', async () => {
    if (out.pdf) await expect(readDocument('t.pdf', out.pdf.subarray(0, 2048))).rejects.toThrow(/PDF/);
    const xlsxAsDocx = out.xlsx as Uint8Array;
    await expect(readDocument('fake.docx', xlsxAsDocx)).resolves.toMatchObject({ format: 'xlsx' });
    await expect(readDocument('x.zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(
      /ZIP/,
    );
  });
});
