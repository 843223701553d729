/**
 * Disclosure document tree → a complete standalone HTML page (lang="zh-CN").
 *
 * - Every string from the document is escaped (escape.ts); the only script is the chart loader, whose
 *   data is JSON escaped for the <script> context.
 * - Tables are real <table>s: header rows in <thead> (repeated on every printed page), merged cells
 *   with colspan/rowspan as in the official tables, amounts right-aligned with two decimals in the
 *   table's unit, and `data-table-key` with the table's key.
 * - Screen and print CSS: A4 pages, 公文 fonts (仿宋 first on screen; WenQuanYi Micro Hei first in print,
 *   because Noto CJK fonts corrupt the PDF text layer).
 * - Charts: `'interactive'` draws them with ECharts loaded from `echartsSrc`; a record of PNG data: URIs
 *   (by chart key) puts <img>s instead. A chart without an image is shown as a small data table.
 */
import {
  type Block,
  type ChartBlock,
  cellText,
  columnCount,
  type DisclosureDocument,
  type DocSection,
  type DocTable,
  formatTableAmount,
  isAmountCell,
  type ListBlock,
  listMarker,
  type Paragraph,
  sectionHeading,
} from '../../core/disclosure/document.ts';
import { chartBlockOption } from '../charts/chart-options.ts';
import { escapeHtml, isImageDataUri, scriptJson } from './escape.ts';

export interface RenderHtmlOptions {
  /** 'interactive' (default): ECharts in the page; or PNG data: URIs by chart key. */
  charts?: 'interactive' | Record<string, string>;
  /** Where the page loads ECharts from, for interactive charts. Default '/assets/echarts.min.js'. */
  echartsSrc?: string;
  /** A page meant for printing (PDF): the print font stack on screen too, no chart animation. */
  print?: boolean;
}

export const DEFAULT_ECHARTS_SRC = '/assets/echarts.min.js';

/** 公文 fonts for screen. */
export const SCREEN_FONT_STACK =
  '"FangSong", "仿宋", "SimSun", "宋体", "WenQuanYi Micro Hei", "Noto Serif CJK SC", serif';
/** WenQuanYi Micro Hei first: Noto CJK fonts map some ideographs to radicals in the PDF text layer. */
export const PRINT_FONT_STACK =
  '"WenQuanYi Micro Hei", "FangSong", "仿宋", "SimSun", "宋体", "Noto Serif CJK SC", serif';
const HEADING_FONT_STACK = '"SimHei", "黑体", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

function css(print: boolean): string {
  const body = print ? PRINT_FONT_STACK : SCREEN_FONT_STACK;
  return `
@page { size: A4; margin: 25mm 20mm 22mm 20mm; }
html { background: #f4f4f4; }
body { font-family: ${body}; font-size: 16px; line-height: 1.8; color: #000; background: #fff;
  max-width: 210mm; margin: 0 auto; padding: 20mm 18mm; box-sizing: border-box; }
h1 { font-family: ${HEADING_FONT_STACK}; font-size: 26px; text-align: center; margin: 0 0 8px; line-height: 1.4; }
.subtitle { text-align: center; margin: 0 0 16px; }
h2 { font-family: ${HEADING_FONT_STACK}; font-size: 19px; margin: 28px 0 10px; }
h3 { font-size: 17px; margin: 16px 0 6px; }
p { margin: 6px 0; text-indent: 2em; }
p.table-title, p.table-unit, p.empty-statement, p.chart-title, p.subtitle { text-indent: 0; }
ul.marked { list-style: none; padding-left: 2em; margin: 6px 0; }
ul.marked li { margin: 2px 0; }
.table-block { margin: 16px 0 20px; }
.table-title { font-family: ${HEADING_FONT_STACK}; font-size: 17px; text-align: center; margin: 8px 0 2px; }
.table-unit { text-align: right; font-size: 13px; margin: 0 0 4px; }
table.budget-table { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 1.5; }
table.budget-table th, table.budget-table td { border: 1px solid #000; padding: 3px 5px; vertical-align: middle; }
table.budget-table th { background: #f0f0f0; font-weight: bold; text-align: center; }
table.budget-table td.code { white-space: nowrap; }
table.budget-table td.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.budget-table tr.row-total td, table.budget-table tr.row-class td { font-weight: bold; }
table.budget-table tr.row-item td:nth-child(2) { padding-left: 1.5em; }
table.budget-table tr.row-section td:nth-child(2) { padding-left: 0.75em; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
.empty-statement { font-size: 14px; margin: 4px 0; }
figure.chart { margin: 16px 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-family: ${HEADING_FONT_STACK}; font-size: 15px; margin-bottom: 6px; }
.chart-canvas { width: 100%; height: 360px; }
figure.chart img { max-width: 100%; height: auto; }
@media print {
  html { background: none; }
  body { font-family: ${PRINT_FONT_STACK}; font-size: 12pt; max-width: none; margin: 0; padding: 0; }
  h1, h2, .table-title, figure.chart figcaption { font-family: ${PRINT_FONT_STACK}; }
  h1 { font-size: 20pt; }
  h2 { font-size: 15pt; break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .table-title, .table-unit { break-after: avoid; page-break-after: avoid; }
  table.budget-table { font-size: 9.5pt; }
  table.budget-table tr { break-inside: avoid; page-break-inside: avoid; }
  table.budget-table th { background: none; }
  .chart-canvas { height: 300px; }
}`;
}

// ---------------------------------------------------------------- blocks

function paragraph(b: Paragraph): string {
  const text = escapeHtml(b.text);
  return b.role === 'subheading' ? `<h3>${text}</h3>` : `<p>${text}</p>`;
}

function list(b: ListBlock): string {
  const items = b.items.map((item, i) => {
    const marker = listMarker(b.marker, i);
    return `<li>${marker ? `<span class="marker">${escapeHtml(marker)}</span>` : ''}${escapeHtml(item)}</li>`;
  });
  return `<ul class="marked">\n${items.join('\n')}\n</ul>`;
}

function spanAttrs(colSpan: number | undefined, rowSpan: number | undefined): string {
  const c = colSpan && colSpan > 1 ? ` colspan="${colSpan}"` : '';
  const r = rowSpan && rowSpan > 1 ? ` rowspan="${rowSpan}"` : '';
  return `${c}${r}`;
}

function table(t: DocTable): string {
  const key = escapeHtml(t.key);
  const head = t.headerRows
    .map(
      (row) =>
        `<tr>${row.map((h) => `<th scope="col"${spanAttrs(h.colSpan, h.rowSpan)}>${escapeHtml(h.text)}</th>`).join('')}</tr>`,
    )
    .join('\n');
  const body = t.rows
    .map((r) => {
      const cls = r.level ? ` class="row-${r.level}"` : '';
      const cells = r.cells.map((c) =>
        isAmountCell(c)
          ? `<td class="amount">${escapeHtml(cellText(c, t.unit))}</td>`
          : `<td${/^\d+$/.test(c) ? ' class="code"' : ''}>${escapeHtml(c)}</td>`,
      );
      return `<tr${cls}>${cells.join('')}</tr>`;
    })
    .join('\n');
  const parts = [
    `<section class="table-block" data-table-key="${key}">`,
    `<p class="table-title">${escapeHtml(t.title)}</p>`,
  ];
  if (t.unit) parts.push(`<p class="table-unit">单位：${escapeHtml(t.unit)}</p>`);
  parts.push(
    `<table class="budget-table" data-table-key="${key}" data-columns="${columnCount(t)}">`,
    `<thead>\n${head}\n</thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
  );
  if (t.emptyStatement) parts.push(`<p class="empty-statement">${escapeHtml(t.emptyStatement)}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

/** A chart's data as a small table (when no image or script draws it). */
function chartDataTable(c: ChartBlock): string {
  const head = `<tr><th scope="col">项目</th>${c.series.map((s) => `<th scope="col">${escapeHtml(s.name)}</th>`).join('')}</tr>`;
  const rows = c.categories.map((cat, i) => {
    const cells = c.series.map((s) => {
      const v = s.data[i];
      return `<td class="amount">${v === undefined ? '' : escapeHtml(formatTableAmount(v, c.unit))}</td>`;
    });
    return `<tr><td>${escapeHtml(cat)}</td>${cells.join('')}</tr>`;
  });
  return [
    `<p class="table-unit">单位：${escapeHtml(c.unit)}</p>`,
    '<table class="budget-table chart-data">',
    `<thead>${head}</thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

interface ChartState {
  mode: 'interactive' | Record<string, string>;
  /** Element id → ECharts option, for the loader script. */
  interactive: Map<string, object>;
}

/**
 * A chart: drawn by ECharts or an image (both carry the title inside the chart, so no caption is
 * printed), or its data as a table under a caption when there is neither.
 */
function chart(c: ChartBlock, state: ChartState): string {
  const key = escapeHtml(c.key);
  const title = escapeHtml(c.title);
  const fallback = `<figcaption>${title}</figcaption>\n${chartDataTable(c)}`;
  if (state.mode === 'interactive') {
    const id = `chart-${state.interactive.size + 1}`;
    state.interactive.set(id, chartBlockOption(c));
    return [
      `<figure class="chart" data-chart-key="${key}">`,
      `<div class="chart-canvas" id="${id}" role="img" aria-label="${title}"></div>`,
      `<noscript>\n${fallback}\n</noscript>`,
      '</figure>',
    ].join('\n');
  }
  const src = Object.hasOwn(state.mode, c.key) ? state.mode[c.key] : undefined;
  const body =
    src !== undefined && isImageDataUri(src) ? `<img alt="${title}" src="${escapeHtml(src)}">` : fallback;
  return [`<figure class="chart" data-chart-key="${key}">`, body, '</figure>'].join('\n');
}

function block(b: Block, state: ChartState): string {
  switch (b.kind) {
    case 'paragraph':
      return paragraph(b);
    case 'list':
      return list(b);
    case 'table':
      return table(b);
    case 'chart':
      return chart(b, state);
  }
}

function section(s: DocSection, i: number, state: ChartState): string {
  return [
    `<section class="doc-section" id="section-${i + 1}">`,
    `<h2>${escapeHtml(sectionHeading(s))}</h2>`,
    ...s.blocks.map((b) => block(b, state)),
    '</section>',
  ].join('\n');
}

/** The loader: ECharts from `src` (unless already on the page), then each chart drawn as SVG. */
function chartScript(charts: Map<string, object>, src: string, print: boolean): string {
  const data = scriptJson({ src, print, charts: Object.fromEntries(charts) });
  return `<script>
(function () {
  var spec = ${data};
  function draw() {
    var echarts = window.echarts;
    if (!echarts) return;
    var drawn = [];
    Object.keys(spec.charts).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) return;
      var chart = echarts.init(el, null, { renderer: 'svg' });
      var option = spec.charts[id];
      if (spec.print) option.animation = false;
      chart.setOption(option);
      drawn.push(chart);
    });
    window.addEventListener('resize', function () {
      drawn.forEach(function (c) { c.resize(); });
    });
  }
  if (window.echarts) { draw(); return; }
  var s = document.createElement('script');
  s.src = spec.src;
  s.onload = draw;
  document.head.appendChild(s);
})();
</script>`;
}

/** The document as a complete HTML page. */
export function renderHtml(doc: DisclosureDocument, options: RenderHtmlOptions = {}): string {
  const print = options.print ?? false;
  const state: ChartState = { mode: options.charts ?? 'interactive', interactive: new Map() };
  const main = [
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...(doc.subtitle ? [`<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`] : []),
    '</header>',
    ...doc.preamble.map((p) => `<p class="preamble">${escapeHtml(p)}</p>`),
    ...doc.sections.map((s, i) => section(s, i, state)),
  ];
  const script =
    state.interactive.size > 0
      ? chartScript(state.interactive, options.echartsSrc ?? DEFAULT_ECHARTS_SRC, print)
      : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${css(print)}
</style>
</head>
<body class="${print ? 'print' : 'screen'}">
<main class="disclosure" data-template="${escapeHtml(doc.templateId)}">
${main.join('\n')}
</main>
${script}
</body>
</html>
`;
}
