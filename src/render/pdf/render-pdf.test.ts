import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, findChromium, RenderTimeout } from '../browser.ts';
import { renderPdf } from './render-pdf.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const hasChromium = findChromium() !== null;
const hasPoppler = ['pdftotext', 'pdftoppm', 'pdfinfo'].every((tool) => !spawnSync(tool, ['-v']).error);
const ready = hasChromium && hasPoppler;
const suite = ready
  ? 'renderPdf (headless Chromium)'
  : `renderPdf — skipped: ${hasChromium ? 'poppler-utils (pdftotext, pdftoppm, pdfinfo) not installed' : 'no Chromium at /usr/bin/chromium (apt-get install chromium fonts-wqy-microhei, or set ZHENGWU_CHROMIUM)'}`;

const DEPARTMENT = '山海关区人民政府政务服务中心';
const TITLE = `${DEPARTMENT}2018年部门预算`;

/** Enough rows for two A4 pages, so the footer's page total is 2. */
const FILLER_ROWS = Array.from(
  { length: 40 },
  (_, i) =>
    `<tr><td>3029${String(i).padStart(2, '0')}</td><td>其他商品和服务支出（${i + 1}）</td><td>0.10</td></tr>`,
).join('');

const HTML = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>草稿</title>
<style>
  body { font-family: "Noto Serif CJK SC", serif; font-size: 14px; }
  h1 { font-size: 20px; text-align: center; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #333; padding: 4px 8px; }
  th { background: #dde7f3; }
  td:last-child { text-align: right; }
</style>
</head>
<body>
<h1>${TITLE}</h1>
<h2>一、收支预算总体情况</h2>
<p>2018年收入预算98.40万元，支出预算98.40万元。其中：人员经费用于工资福利支出，公用经费用于办公及印刷费、邮电费、差旅费等，资金来源为一般公共预算财政拨款。</p>
<table>
  <tr><th>科目编码</th><th>科目名称</th><th>金额（万元）</th></tr>
  <tr><td>30201</td><td>办公费</td><td>0.98</td></tr>
  <tr><td>30202</td><td>印刷费</td><td>0.20</td></tr>
  ${FILLER_ROWS}
</table>
</body>
</html>`;

describe.skipIf(!ready)(suite, () => {
  let dir = '';
  let pdfPath = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhengwu-pdf-'));
    pdfPath = join(dir, 'budget.pdf');
    writeFileSync(pdfPath, await renderPdf(HTML, { title: TITLE }));
  });

  afterAll(async () => {
    await closeBrowser();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a two-page A4 PDF with the given title', () => {
    const bytes = readFileSync(pdfPath);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`^Title:\\s+${TITLE}$`, 'm'));
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
  });

  it('has a text layer with the Chinese text, page numbers, and no CJK radicals', () => {
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(DEPARTMENT);
    expect(text).toContain('办公费');
    expect(text).toContain('印刷费');
    // Characters Noto CJK tends to map to radicals (人 入 支 用 工 金 …) come out as ideographs.
    expect(text).toContain('人员经费用于工资福利支出');
    expect(text).toContain('资金来源为一般公共预算财政拨款');
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*2\s*页/);
    expect(text).toMatch(/第\s*2\s*页\s*\/\s*共\s*2\s*页/);
    const radicals = [...text].filter((c) => /[\u2e80-\u2fdf]/u.test(c));
    expect(radicals).toEqual([]);
  });

  it('turns page 1 into a PNG (test-artifacts/pdf-page-1.png)', () => {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfPath,
      join(dir, 'page'),
    ]);
    const png = readFileSync(join(dir, 'page.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // A4 at 50 dpi: 8.27 in × 11.69 in.
    expect(Math.abs(png.readUInt32BE(16) - 414)).toBeLessThanOrEqual(1);
    expect(Math.abs(png.readUInt32BE(20) - 585)).toBeLessThanOrEqual(1);
    const artifacts = join(PROJECT_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(join(dir, 'page.png'), join(artifacts, 'pdf-page-1.png'));
  });

  it('fetches nothing from the network', async () => {
    let requests = 0;
    const server: Server = createServer((_req, res) => {
      requests += 1;
      res.end('body { color: red; }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}`;
      const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="${base}/style.css">
        <style>@import url("${base}/import.css"); body { background: url("${base}/bg.png"); }</style>
        <script src="${base}/script.js"></script></head>
        <body><p>离线</p><img src="${base}/logo.png"><iframe src="${base}/frame.html"></iframe>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></body></html>`;
      const pdf = await renderPdf(html);
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(requests).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('gives up with a Chinese message when the time is up', async () => {
    const error = await renderPdf(HTML, { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderTimeout);
    expect((error as Error).message).toMatch(/^生成 PDF 超时/);
    // The shared browser is still usable afterwards.
    const pdf = await renderPdf('<p>仍可使用</p>');
    expect(pdf.byteLength).toBeGreaterThan(1000);
  });
});
