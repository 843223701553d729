/**
 * ECharts options → images.
 *
 * - `renderChartPng` / `renderChartsPng`: PNG at twice the requested size, drawn by ECharts on a canvas
 *   inside the shared headless Chromium (../browser.ts); many charts share one page.
 * - `svgChart`: an SVG string from ECharts' server-side renderer in Node (no browser), for HTML without
 *   scripts. Text in it is laid out with estimated widths, so long labels may sit slightly off.
 *
 * Options must be plain JSON (formatter functions cannot cross into the page): chart-options.ts makes
 * such options. Text is set in WenQuanYi Micro Hei unless the option's textStyle names another font.
 *
 * The code that runs in the page is kept as plain JavaScript strings: functions passed to
 * `page.evaluate` are serialised from their transpiled source, and transpilers (tsx keeps names) add
 * helper calls that do not exist in the page.
 */
import { createRequire } from 'node:module';
import { withOfflineContext } from '../browser.ts';

export interface ChartSize {
  /** CSS pixels; the PNG is twice as wide. Default 800. */
  width?: number;
  /** CSS pixels; the PNG is twice as high. Default 480. */
  height?: number;
}

/** Single quotes: ECharts' SVG output puts the family inside a double-quoted style attribute. */
export const CHART_FONT_FAMILY = "'WenQuanYi Micro Hei', sans-serif";
export const DEFAULT_CHART_WIDTH = 800;
export const DEFAULT_CHART_HEIGHT = 480;
/** Device pixels per CSS pixel in the PNGs. */
export const CHART_PIXEL_RATIO = 2;
const MAX_SIDE = 4000;
const TIMEOUT_MS = 60_000;

const require = createRequire(import.meta.url);

type EChartsModule = typeof import('echarts');
let echartsModule: EChartsModule | null = null;

/** ECharts for Node, loaded on first use (it is large and only svgChart needs it here). */
function echartsInNode(): EChartsModule {
  echartsModule ??= require('echarts') as EChartsModule;
  return echartsModule;
}

function side(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1 || v > MAX_SIDE) {
    throw new RangeError(`图表${name}应为 1 到 ${MAX_SIDE} 之间的整数像素，收到 ${String(value)}`);
  }
  return v;
}

function sizeOf(size: ChartSize): { width: number; height: number } {
  return {
    width: side(size.width, DEFAULT_CHART_WIDTH, '宽度'),
    height: side(size.height, DEFAULT_CHART_HEIGHT, '高度'),
  };
}

/** The option as drawn: no animation, WenQuanYi Micro Hei unless the option names a font. */
function staticOption(option: object): Record<string, unknown> {
  const given = option as Record<string, unknown>;
  const textStyle =
    typeof given.textStyle === 'object' && given.textStyle !== null ? (given.textStyle as object) : {};
  return { ...given, animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY, ...textStyle } };
}

/**
 * A copy of the option with double quotes in every fontFamily turned into single quotes: ECharts writes
 * the family unescaped into a double-quoted style attribute of the SVG, which a double quote would end.
 */
function singleQuotedFonts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(singleQuotedFonts);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === 'fontFamily' && typeof v === 'string' ? v.replace(/"/g, "'") : singleQuotedFonts(v);
  }
  return out;
}

/**
 * In the page: draws each chart into its own div (#zw-chart-<i>) and resolves when all have finished
 * rendering. Argument: { charts: [{ option, width, height }], ratio }.
 */
const DRAW_CHARTS = `async ({ charts, ratio }) => {
  document.body.style.margin = '0';
  document.body.style.background = '#fff';
  await Promise.all(charts.map((c, i) => new Promise((resolve, reject) => {
    const div = document.createElement('div');
    div.id = 'zw-chart-' + i;
    div.style.width = c.width + 'px';
    div.style.height = c.height + 'px';
    div.style.background = '#fff';
    document.body.append(div);
    try {
      const chart = echarts.init(div, null, { renderer: 'canvas', devicePixelRatio: ratio, width: c.width, height: c.height });
      chart.on('finished', () => resolve(null));
      chart.setOption(c.option);
    } catch (error) {
      reject(new Error('图表 ' + i + ' 无法绘制：' + (error && error.message ? error.message : String(error))));
    }
  })));
}`;

/** Renders one chart to PNG (2× the size in CSS pixels). Throws BrowserUnavailable or RenderTimeout. */
export async function renderChartPng(option: object, options: ChartSize = {}): Promise<Uint8Array> {
  const { chart } = await renderChartsPng({ chart: option }, options);
  if (!chart) throw new Error('图表未生成');
  return chart;
}

/**
 * Renders many charts in one page, all at the same size; returns a PNG per key. An empty record gives
 * an empty result without starting the browser.
 */
export async function renderChartsPng(
  options: Record<string, object>,
  size: ChartSize = {},
): Promise<Record<string, Uint8Array>> {
  const { width, height } = sizeOf(size);
  const keys = Object.keys(options);
  if (keys.length === 0) return {};
  const charts = keys.map((key) => ({ option: staticOption(options[key] ?? {}), width, height }));
  const payload = JSON.stringify({ charts, ratio: CHART_PIXEL_RATIO });
  const message = `生成图表超时：${keys.length} 张图表在 ${TIMEOUT_MS / 1000} 秒内未完成`;
  const context = { viewport: { width, height }, deviceScaleFactor: CHART_PIXEL_RATIO };
  return withOfflineContext(context, TIMEOUT_MS, message, async (ctx) => {
    const page = await ctx.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.setContent(
      '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body></body></html>',
      {
        waitUntil: 'load',
      },
    );
    await page.addScriptTag({ path: require.resolve('echarts/dist/echarts.min') });
    await page.evaluate(`(${DRAW_CHARTS})(${payload})`);
    const result: Record<string, Uint8Array> = {};
    for (const [i, key] of keys.entries()) {
      const png = await page.locator(`#zw-chart-${i}`).screenshot({ type: 'png', animations: 'disabled' });
      result[key] = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    }
    return result;
  });
}

/**
 * Renders a chart to an SVG string in Node with ECharts' server-side renderer (no browser, no
 * interaction). The SVG has the given width and height.
 */
export function svgChart(option: object, width: number, height: number): string {
  const size = sizeOf({ width, height });
  const echarts = echartsInNode();
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption(singleQuotedFonts(staticOption(option)) as Record<string, unknown>);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
