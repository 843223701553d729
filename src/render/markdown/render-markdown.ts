/**
 * Disclosure document tree → Markdown (CommonMark with GFM pipe tables).
 *
 * Headings: # title, ## 一、… per section, ### for sub-headings. Tables: a bold title, the unit, then a
 * pipe table whose header is flattened (merged header cells become "公务用车购置及运行费/小计"), amounts
 * as text with two decimals in the table's unit, right-aligned. Charts become a small table of their
 * data. Text is escaped so that no character of the document is read as Markdown or HTML.
 */
import {
  type Block,
  type ChartBlock,
  cellText,
  columnCount,
  type DisclosureDocument,
  type DocTable,
  flatHeader,
  formatTableAmount,
  isAmountCell,
  listMarker,
  sectionHeading,
} from '../../core/disclosure/document.ts';

/** Escapes Markdown punctuation (and HTML's `<`), and what would start a block at the beginning of a line. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ')
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3')
    .replace(/^(\s*)([-+=])(?=\s|$|=)/, '$1\\$2');
}

/** A cell of a pipe table: escaped, on one line. */
function cell(s: string): string {
  return escapeMarkdown(s).trim();
}

function pipeRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function pipeTable(
  header: readonly string[],
  rows: readonly string[][],
  numeric: readonly boolean[],
): string[] {
  const align = header.map((_, i) => (numeric[i] ? '---:' : '---'));
  return [
    pipeRow(header.map((h) => cell(h) || ' ')),
    pipeRow(align),
    ...rows.map((r) => pipeRow(r.map(cell))),
  ];
}

function table(t: DocTable): string[] {
  const n = columnCount(t);
  const numeric = Array.from({ length: n }, (_, i) => t.rows.some((r) => isAmountCell(r.cells[i] ?? '')));
  const rows = t.rows.map((r) => Array.from({ length: n }, (_, i) => cellText(r.cells[i] ?? '', t.unit)));
  const out = [`**${escapeMarkdown(t.title)}**`, ''];
  if (t.unit) out.push(`单位：${t.unit}`, '');
  out.push(...pipeTable(flatHeader(t), rows, numeric), '');
  if (t.emptyStatement) out.push(escapeMarkdown(t.emptyStatement), '');
  return out;
}

function chart(c: ChartBlock): string[] {
  const header = ['项目', ...c.series.map((s) => s.name)];
  const rows = c.categories.map((cat, i) => [
    cat,
    ...c.series.map((s) => {
      const v = s.data[i];
      return v === undefined ? '' : formatTableAmount(v, c.unit);
    }),
  ]);
  return [
    `**图：${escapeMarkdown(c.title)}**`,
    '',
    `单位：${c.unit}`,
    '',
    ...pipeTable(
      header,
      rows,
      header.map((_, i) => i > 0),
    ),
    '',
  ];
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph':
      return b.role === 'subheading' ? [`### ${escapeMarkdown(b.text)}`, ''] : [escapeMarkdown(b.text), ''];
    case 'list':
      return [...b.items.map((item, i) => `- ${listMarker(b.marker, i)}${escapeMarkdown(item)}`), ''];
    case 'table':
      return table(b);
    case 'chart':
      return chart(b);
  }
}

/** The document as Markdown. */
export function renderMarkdown(doc: DisclosureDocument): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ''];
  if (doc.subtitle) out.push(escapeMarkdown(doc.subtitle), '');
  for (const p of doc.preamble) out.push(escapeMarkdown(p), '');
  for (const s of doc.sections) {
    out.push(`## ${escapeMarkdown(sectionHeading(s))}`, '');
    for (const b of s.blocks) out.push(...block(b));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
