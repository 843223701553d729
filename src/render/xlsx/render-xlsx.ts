/**
 * Disclosure document tree → Excel workbook (.xlsx) with exceljs: one sheet per table.
 *
 * Each sheet: the table's title (merged across the table), the unit row (单位：万元), the header rows
 * with merged cells as in the official tables, then the rows. Amounts are numbers in the table's unit
 * (万元: fen / 1 000 000, rounded to 6 decimals) formatted '#,##0.00'; codes and texts are strings.
 * Columns are sized to their content, the header is frozen and repeated on printed pages, and pages
 * are A4 fitted to one page wide.
 */
import ExcelJS from 'exceljs';
import {
  type Cell,
  CHINESE_NUMERALS,
  cellText,
  columnCount,
  type DisclosureDocument,
  type DocTable,
  fenToUnitNumber,
  isAmountCell,
  placeHeader,
} from '../../core/disclosure/document.ts';

export const AMOUNT_FORMAT = '#,##0.00';
const MAX_SHEET_NAME = 31;

/** Display width of a string: CJK and full-width characters count 2, others 1. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2018-\u201d\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/**
 * A sheet name from a table title: without the year and the leading 部门, without the characters Excel
 * forbids ([ ] : * ? / \), at most 31 characters, and not one already used (compared as Excel does,
 * ignoring case): "(2)", "(3)" … is appended to repeats.
 */
export function sheetName(title: string, used: Set<string>): string {
  let base = title
    .replace(/^\d{4}年(?:度)?/, '')
    .replace(/^部门(?=.{2,})/, '')
    .replace(/[[\]:*?/\\]/g, '')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base || base.toLowerCase() === 'history') base = `${base || '表'}1`;
  const truncated = (s: string, suffix: string) =>
    [...s].slice(0, MAX_SHEET_NAME - [...suffix].length).join('') + suffix;
  let name = truncated(base, '');
  for (let i = 2; used.has(name.toLowerCase()); i++) name = truncated(base, `(${i})`);
  used.add(name.toLowerCase());
  return name;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT_NAME = '仿宋';

function writeTable(ws: ExcelJS.Worksheet, t: DocTable): void {
  const n = Math.max(1, columnCount(t));
  let row = 1;
  // Title.
  ws.getCell(row, 1).value = t.title;
  ws.getCell(row, 1).font = { name: FONT_NAME, size: 14, bold: true };
  ws.getCell(row, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  if (n > 1) ws.mergeCells(row, 1, row, n);
  ws.getRow(row).height = 24;
  row++;
  // Unit.
  if (t.unit) {
    const c = ws.getCell(row, 1);
    c.value = `单位：${t.unit}`;
    c.font = { name: FONT_NAME, size: 10 };
    c.alignment = { horizontal: 'right' };
    if (n > 1) ws.mergeCells(row, 1, row, n);
    row++;
  }
  // Header rows, merged as in the official table.
  const headerStart = row;
  for (let r = 0; r < t.headerRows.length; r++)
    for (let col = 1; col <= n; col++) {
      const c = ws.getCell(headerStart + r, col);
      c.border = BOX;
      c.fill = HEADER_FILL;
    }
  for (const p of placeHeader(t.headerRows)) {
    const top = headerStart + p.row;
    const left = p.col + 1;
    const c = ws.getCell(top, left);
    c.value = p.cell.text;
    c.font = { name: FONT_NAME, size: 10, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (p.rowSpan > 1 || p.colSpan > 1) ws.mergeCells(top, left, top + p.rowSpan - 1, left + p.colSpan - 1);
  }
  row = headerStart + t.headerRows.length;
  const headerEnd = row - 1;
  // Body.
  for (const r of t.rows) {
    const bold = r.level === 'total' || r.level === 'class';
    for (let col = 1; col <= n; col++) {
      const cell: Cell = r.cells[col - 1] ?? '';
      const c = ws.getCell(row, col);
      c.border = BOX;
      c.font = { name: FONT_NAME, size: 10, bold };
      if (isAmountCell(cell)) {
        c.value = fenToUnitNumber(cell.fen, t.unit ?? '万元');
        c.numFmt = AMOUNT_FORMAT;
        c.alignment = { horizontal: 'right', vertical: 'middle' };
      } else {
        c.value = cell;
        c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
      }
    }
    row++;
  }
  if (t.emptyStatement) {
    const c = ws.getCell(row, 1);
    c.value = t.emptyStatement;
    c.font = { name: FONT_NAME, size: 10 };
    if (n > 1) ws.mergeCells(row, 1, row, n);
    row++;
  }
  // Column widths from the content (header texts may wrap onto two lines).
  const widths = Array.from({ length: n }, () => 8);
  for (const p of placeHeader(t.headerRows))
    if (p.colSpan === 1)
      widths[p.col] = Math.max(widths[p.col] ?? 0, Math.ceil(displayWidth(p.cell.text) / 2) + 2);
  for (const r of t.rows)
    r.cells.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, Math.min(50, displayWidth(cellText(cell, t.unit)) + 2));
    });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [
    {
      state: 'frozen',
      xSplit: 0,
      ySplit: headerEnd,
      topLeftCell: `A${headerEnd + 1}`,
      activeCell: `A${headerEnd + 1}`,
    },
  ];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: n > 6 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerStart}:${headerEnd}`,
  };
}

function tablesOf(doc: DisclosureDocument): DocTable[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
}

/** The document's tables as an .xlsx workbook, one sheet per table in document order. */
/**
 * The first sheet: the document's title and its text, one paragraph a row, so
 * the workbook says everything the document says (the tables follow, one a sheet).
 */
function writeExplanation(ws: ExcelJS.Worksheet, doc: DisclosureDocument): void {
  ws.getColumn(1).width = 120;
  const add = (text: string, bold = false) => {
    const row = ws.addRow([text]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (bold) row.getCell(1).font = { bold: true };
  };
  add(doc.title, true);
  for (const p of doc.preamble) add(p);
  for (const section of doc.sections) {
    add(`${section.number}、${section.title}`, true);
    for (const b of section.blocks) {
      if (b.kind === 'paragraph') add(b.text, b.role === 'subheading');
      else if (b.kind === 'list')
        b.items.forEach((item, i) => {
          add(listItem(b.marker, i, item));
        });
    }
  }
}

function listItem(marker: 'chinese' | 'arabic' | 'none', i: number, text: string): string {
  if (marker === 'chinese') return `${CHINESE_NUMERALS[i] ?? String(i + 1)}、${text}`;
  if (marker === 'arabic') return `${i + 1}、${text}`;
  return text;
}

export async function renderXlsx(doc: DisclosureDocument): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhengwu';
  wb.title = doc.title;
  wb.subject = `${doc.department}${doc.fiscalYear ?? ''}部门预算公开`;
  const used = new Set<string>();
  writeExplanation(wb.addWorksheet(sheetName('公开说明', used)), doc);
  for (const t of tablesOf(doc)) writeTable(wb.addWorksheet(sheetName(t.title, used)), t);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
