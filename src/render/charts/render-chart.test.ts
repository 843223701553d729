import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, findChromium, withOfflineContext } from '../browser.ts';
import { barOption, pieOption } from './chart-options.ts';
import { renderChartPng, renderChartsPng, svgChart } from './render-chart.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const hasChromium = findChromium() !== null;
const suite = hasChromium
  ? 'renderChartPng / renderChartsPng (headless Chromium)'
  : 'renderChartPng — skipped: no Chromium at /usr/bin/chromium (apt-get install chromium fonts-wqy-microhei, or set ZHENGWU_CHROMIUM)';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which always comes first. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const PIE = pieOption('2018年支出预算构成', [
  { name: '工资福利支出', fen: 62_300_000 },
  { name: '商品和服务支出', fen: 20_600_000 },
  { name: '项目支出', fen: 15_500_000 },
]);

const BAR = barOption(
  '2017—2018年收支预算对比',
  ['收入合计', '支出合计', '一般公共预算财政拨款'],
  [
    { name: '2017年', fen: [90_000_000, 90_000_000, 85_000_000] },
    { name: '2018年', fen: [98_400_000, 98_400_000, 95_000_000] },
  ],
);

describe.skipIf(!hasChromium)(suite, () => {
  afterAll(async () => {
    await closeBrowser();
  });

  it('renders a pie to a PNG twice the requested size (test-artifacts/chart-pie.png)', async () => {
    const png = await renderChartPng(PIE, { width: 480, height: 320 });
    expect(pngSize(png)).toEqual({ width: 960, height: 640 });
    // A blank 960×640 PNG is a few hundred bytes; a drawn pie with labels is tens of kilobytes.
    expect(png.byteLength).toBeGreaterThan(10_000);
    const artifacts = join(PROJECT_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'chart-pie.png'), png);
  });

  it('renders a bar chart at the default size', async () => {
    const png = await renderChartPng(BAR);
    expect(pngSize(png)).toEqual({ width: 1600, height: 960 });
    expect(png.byteLength).toBeGreaterThan(10_000);
  });

  it('renders several charts in one call, each under its own key', async () => {
    const pngs = await renderChartsPng(
      { pie: PIE, bar: BAR, 'chart/with odd key': pieOption('空', []) },
      { width: 300, height: 200 },
    );
    expect(Object.keys(pngs)).toEqual(['pie', 'bar', 'chart/with odd key']);
    for (const png of Object.values(pngs)) expect(pngSize(png)).toEqual({ width: 600, height: 400 });
    expect(Buffer.from(pngs.pie ?? []).equals(Buffer.from(pngs.bar ?? []))).toBe(false);
  });

  it('returns nothing for no charts and rejects impossible sizes', async () => {
    expect(await renderChartsPng({})).toEqual({});
    await expect(renderChartPng(PIE, { width: 0 })).rejects.toThrow(RangeError);
    await expect(renderChartPng(PIE, { height: 1.5 })).rejects.toThrow(/图表高度/);
  });

  it('svgChart draws well-formed SVG that Chromium can display', async () => {
    const svg = svgChart(pieOption('A&B <部门> "预算"', [{ name: '办公费', fen: 980_000 }]), 400, 300);
    const uri = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const size = await withOfflineContext({}, 20_000, 'timeout', async (context) => {
      const page = await context.newPage();
      await page.setContent(`<img id="chart" src="${uri}">`, { waitUntil: 'load' });
      return page.evaluate(
        '(() => { const img = document.getElementById("chart"); return [img.complete, img.naturalWidth, img.naturalHeight]; })()',
      );
    });
    expect(size).toEqual([true, 400, 300]);
  });
});

describe('svgChart (ECharts in Node, no browser)', () => {
  it('returns an <svg> of the given size with the Chinese title and labels', () => {
    const svg = svgChart(PIE, 640, 400);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/^<svg[^>]* width="640" height="400"/);
    expect(svg).toContain('2018年支出预算构成');
    expect(svg).toContain('工资福利支出');
    expect(svg).toContain('62.30万元');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('escapes text and keeps font families inside the style attribute', () => {
    const svg = svgChart(
      { ...BAR, title: { text: 'A&B <部门>' }, textStyle: { fontFamily: '"SimSun", serif' } },
      500,
      300,
    );
    expect(svg).toContain('A&amp;B &lt;部门&gt;');
    expect(svg).not.toContain('<部门>');
    expect(svg).toContain("font-family:'SimSun', serif");
    expect(svg).not.toMatch(/font-family:"/);
  });

  it('uses WenQuanYi Micro Hei unless the option names a font', () => {
    expect(svgChart(BAR, 500, 300)).toContain("font-family:'WenQuanYi Micro Hei', sans-serif");
  });
});
