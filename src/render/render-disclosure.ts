/**
 * A budget file → the disclosure in the formats people open: HTML (interactive
 * charts), Markdown, DOCX and PDF (chart images), XLSX (the tables). The
 * document tree is built once and every format is drawn from it.
 */
import { buildDocument } from '../core/disclosure/build-document.ts';
import type { ChartBlock, DisclosureDocument } from '../core/disclosure/document.ts';
import type { BudgetFile } from '../import/budget-file.ts';
import { chartBlockOption } from './charts/chart-options.ts';
import { renderChartsPng } from './charts/render-chart.ts';
import { renderDocx } from './docx/render-docx.ts';
import { renderHtml } from './html/render-html.ts';
import { renderMarkdown } from './markdown/render-markdown.ts';
import { renderPdf } from './pdf/render-pdf.ts';
import { renderXlsx } from './xlsx/render-xlsx.ts';

export const OUTPUT_FORMATS = ['html', 'md', 'docx', 'xlsx', 'pdf'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const EXTENSION_OF: Record<OutputFormat, string> = {
  html: '.html',
  md: '.md',
  docx: '.docx',
  xlsx: '.xlsx',
  pdf: '.pdf',
};

/** The script the interactive HTML loads, written beside it. */
export const ECHARTS_FILE = 'echarts.min.js';

export function chartsOf(doc: DisclosureDocument): ChartBlock[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is ChartBlock => b.kind === 'chart'));
}

async function chartImages(doc: DisclosureDocument): Promise<Record<string, Uint8Array>> {
  const charts = chartsOf(doc);
  if (!charts.length) return {};
  return renderChartsPng(Object.fromEntries(charts.map((c) => [c.key, chartBlockOption(c)])));
}

function dataUri(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

export interface RenderOptions {
  template?: string;
}

export async function renderDisclosure(
  file: BudgetFile,
  formats: readonly OutputFormat[],
  options: RenderOptions = {},
): Promise<Partial<Record<OutputFormat, Uint8Array>>> {
  const doc = buildDocument(file.budget, {
    prior: file.prior,
    ...(options.template ? { template: options.template } : {}),
  });
  const out: Partial<Record<OutputFormat, Uint8Array>> = {};
  const needsImages = formats.includes('docx') || formats.includes('pdf');
  const images = needsImages ? await chartImages(doc) : {};
  const encode = (s: string) => new TextEncoder().encode(s);
  for (const f of formats) {
    if (f === 'html') out.html = encode(renderHtml(doc, { charts: 'interactive', echartsSrc: ECHARTS_FILE }));
    else if (f === 'md') out.md = encode(renderMarkdown(doc));
    else if (f === 'docx') out.docx = await renderDocx(doc, { charts: images });
    else if (f === 'xlsx') out.xlsx = await renderXlsx(doc);
    else if (f === 'pdf') {
      const charts = Object.fromEntries(Object.entries(images).map(([k, png]) => [k, dataUri(png)]));
      out.pdf = await renderPdf(renderHtml(doc, { charts, print: true }), { title: doc.title });
    }
  }
  return out;
}
