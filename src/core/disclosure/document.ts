/**
 * The disclosure document tree (部门预算公开): what every renderer (HTML, Markdown, DOCX, XLSX, PDF)
 * draws from. Built by build-document.ts from a Budget; pure data, no formatting decisions beyond the
 * wording of sentences and the layout of tables (merged header cells as in the official tables).
 *
 * Amounts in tables and charts are integer 分 (AmountCell, chart data), so that each renderer writes
 * them in the table's unit as numbers; sentences carry their figures already written out.
 */
import type { TableKind } from '../budget/budget.ts';
import { FEN_PER_UNIT, type Fen, formatFen } from '../kernel/money.ts';

/** The unit a table states its amounts in. */
export type TableUnit = '万元' | '元';

export interface DisclosureDocument {
  /** 山海关区人民政府政务服务中心2018年部门预算公开说明 */
  title: string;
  subtitle?: string;
  department: string;
  fiscalYear: number | null;
  /** The template the document follows (templates.ts). */
  templateId: string;
  /** The paragraphs before the first section (按照《中华人民共和国预算法》…公开如下：). */
  preamble: string[];
  sections: DocSection[];
}

export interface DocSection {
  /** The Chinese numeral of the section: '一', '二' … '十'. */
  number: string;
  title: string;
  blocks: Block[];
}

export type Block = Paragraph | ListBlock | DocTable | ChartBlock;

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  /** A numbered heading inside a section (1、收入说明), or body text (the default). */
  role?: 'subheading' | 'body';
}

/** Markers of list items: 一、 二、 …, 1、 2、 …, or none (the item text carries its own). */
export type ListMarker = 'chinese' | 'arabic' | 'none';

export interface ListBlock {
  kind: 'list';
  marker: ListMarker;
  items: string[];
}

/** A header cell; colSpan and rowSpan merge cells as in the official tables (1 when absent). */
export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

/** An amount in a table, in 分; renderers write it in the table's unit. */
export interface AmountCell {
  fen: Fen;
}

export type Cell = string | AmountCell;

/** class: 类 (or a first-level row), section: 款, item: 项, total: 合计/总计. */
export type RowLevel = 'class' | 'section' | 'item' | 'total';

export interface DocRow {
  cells: Cell[];
  level?: RowLevel;
}

/** The key of a table: the budget's table kinds (performance, procurement and assets among them). */
export type DocTableKey = TableKind;

export interface DocTable {
  kind: 'table';
  key: DocTableKey;
  title: string;
  /** Unit of the amount cells; null for a table without amounts (机构设置). */
  unit: TableUnit | null;
  headerRows: HeaderCell[][];
  rows: DocRow[];
  /** The statement printed under a table without data (本部门无…，空表列示。), or null. */
  emptyStatement: string | null;
}

export interface ChartSeries {
  name: string;
  /** One value per category, in 分. */
  data: Fen[];
}

export interface ChartBlock {
  kind: 'chart';
  /** Stable key, used to match chart images: revenueBySource, expenditureByKind, … */
  key: string;
  title: string;
  chartType: 'pie' | 'bar';
  /** The unit the chart shows its values in. */
  unit: TableUnit;
  categories: string[];
  series: ChartSeries[];
}

// ---------------------------------------------------------------- helpers for renderers

export const CHINESE_NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
] as const;

/** 一 … 二十, then Arabic digits. */
export function chineseNumeral(n: number): string {
  return CHINESE_NUMERALS[n - 1] ?? String(n);
}

/** The marker of the i-th (0-based) list item: 一、 / 1、 / ''. */
export function listMarker(marker: ListMarker, i: number): string {
  if (marker === 'chinese') return `${chineseNumeral(i + 1)}、`;
  if (marker === 'arabic') return `${i + 1}、`;
  return '';
}

/** A section heading as printed: 一、部门职责及机构设置情况. */
export function sectionHeading(s: DocSection): string {
  return `${s.number}、${s.title}`;
}

export function isAmountCell(c: Cell): c is AmountCell {
  return typeof c !== 'string';
}

/** Inserts thousands separators into the integer part of a decimal string. */
export function groupThousands(s: string): string {
  const m = /^(-?)(\d+)(.*)$/.exec(s);
  if (!m) return s;
  return `${m[1]}${(m[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3]}`;
}

/** An amount as printed in a table: two decimals in the unit, with thousands separators (1,234.50). */
export function formatTableAmount(fen: Fen, unit: TableUnit): string {
  return groupThousands(formatFen(fen, unit, 2).slice(0, -unit.length));
}

/** A cell's text: strings as they are, amounts in the table's unit (万元 when the table has none). */
export function cellText(cell: Cell, unit: TableUnit | null): string {
  return typeof cell === 'string' ? cell : formatTableAmount(cell.fen, unit ?? '万元');
}

/** An amount in `unit` as a JS number rounded to 6 decimals, for spreadsheets and charts. */
export function fenToUnitNumber(fen: Fen, unit: TableUnit): number {
  return Number((fen / FEN_PER_UNIT[unit]).toFixed(6));
}

/** A header cell placed in the grid: its first row and column (0-based) and its spans. */
export interface PlacedHeaderCell {
  cell: HeaderCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Places header cells in a grid as HTML does: each cell takes the next column its row has free
 * (cells of earlier rows spanning down occupy theirs).
 */
export function placeHeader(headerRows: readonly HeaderCell[][]): PlacedHeaderCell[] {
  const taken: boolean[][] = headerRows.map(() => []);
  const out: PlacedHeaderCell[] = [];
  headerRows.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (taken[r]?.[col]) col++;
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      for (let dr = 0; dr < rowSpan; dr++) {
        const row = taken[r + dr];
        if (!row) continue;
        for (let dc = 0; dc < colSpan; dc++) row[col + dc] = true;
      }
      out.push({ cell, row: r, col, rowSpan, colSpan });
      col += colSpan;
    }
  });
  return out;
}

/** The number of columns of a table: the widest of its header grid and its rows. */
export function columnCount(t: Pick<DocTable, 'headerRows' | 'rows'>): number {
  const header = placeHeader(t.headerRows).reduce((m, p) => Math.max(m, p.col + p.colSpan), 0);
  return t.rows.reduce((m, r) => Math.max(m, r.cells.length), header);
}

/**
 * One label per column for renderers without merged cells (Markdown): the texts of the header cells
 * above the column from top to bottom, joined with '/', each text once.
 */
export function flatHeader(t: Pick<DocTable, 'headerRows' | 'rows'>): string[] {
  const n = columnCount(t);
  const labels: string[][] = Array.from({ length: n }, () => []);
  const placed = [...placeHeader(t.headerRows)].sort((a, b) => a.row - b.row);
  for (const p of placed) {
    for (let c = p.col; c < p.col + p.colSpan && c < n; c++) {
      const l = labels[c];
      if (l && p.cell.text && l[l.length - 1] !== p.cell.text) l.push(p.cell.text);
    }
  }
  return labels.map((l) => l.join('/'));
}

/** Every section heading and table title of a document, in order (for tests and tables of contents). */
export function documentOutline(doc: DisclosureDocument): { headings: string[]; tables: string[] } {
  const headings = doc.sections.map(sectionHeading);
  const tables = doc.sections.flatMap((s) =>
    s.blocks.filter((b): b is DocTable => b.kind === 'table').map((t) => t.title),
  );
  return { headings, tables };
}
