/**
 * XLSX → the plain text the text importer reads: one standard table per sheet.
 *
 * For each visible sheet holding a table (a title cell, a 单位 cell or numbers):
 * - the title line: the first cell whose text is a table title ("2024年部门支出总表",
 *   "“三公”经费支出表", as `tableKindOfTitle` reads them), else the sheet's name;
 * - the 单位 line: the first cell stating the unit ("单位：万元", "金额单位：元"), else
 *   "单位：万元" (the usual unit of published tables), written into the text;
 * - then every non-empty row, its cells joined by a TAB (the title and unit cells left
 *   out). A merged range gives its value once, in its first cell, and empty strings for
 *   the rest, so positions stay aligned.
 *
 * Cells are written as a reader sees them, exactly: numbers as plain decimals rounded to
 * the 分 of the sheet's unit (2 decimals for 元, at most 6 for 万元), trailing zeros
 * trimmed unless the cell's number format shows them, never in exponent notation and
 * without floating-point noise (0.1 + 0.2 is "0.3"); formulas by their cached result;
 * dates as YYYY-MM-DD; percentages as "5%"; error values as empty cells.
 *
 * Sheets without a table give their rows as they are. Hidden sheets are skipped.
 */
import ExcelJS from 'exceljs';
import { UnreadableInput } from '../../core/errors.ts';
import { FEN_PER_UNIT, type MoneyUnit } from '../../core/kernel/money.ts';
import { collapseSpace } from '../html/html-lines.ts';
import { isEncryptedOffice, isOleCompound, isZip } from '../office-containers.ts';
import { tableKindOfTitle } from '../text/table-kinds.ts';

const NOT_XLSX = '不是有效的 Excel（XLSX）文件：';
export const NO_TABLE_MESSAGE = 'XLSX 中没有找到可识别的预算表格：没有表格标题、“单位”说明，也没有数字。';

const UNIT_RE = /单位\s*[:：]?\s*(亿元|万元|元)/;
const NUMBER_TEXT = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
export const DEFAULT_UNIT: MoneyUnit = '万元';

// ---------------------------------------------------------------------------------------------
// Numbers without floating-point noise

interface Decimal {
  negative: boolean;
  /** Integer digits, at least one. */
  int: string;
  /** Fraction digits. */
  frac: string;
}

/** The shortest decimal that reads back as `n` (what the spreadsheet stored), without exponent notation. */
function decimalOf(n: number): Decimal {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(n)));
  if (!m) return { negative: false, int: '0', frac: '' };
  let digits = (m[1] as string) + (m[2] ?? '');
  let point = (m[1] as string).length + Number(m[3] ?? 0);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  return { negative: n < 0, int: digits.slice(0, point) || '0', frac: digits.slice(point) };
}

/** Moves the decimal point `places` to the right (×100 for a percentage). */
function shift(d: Decimal, places: number): Decimal {
  const frac = d.frac.padEnd(places, '0');
  return { negative: d.negative, int: d.int + frac.slice(0, places), frac: frac.slice(places) };
}

/** Rounds half away from zero to at most `maxDecimals`, trims trailing zeros down to `minDecimals`. */
function format(d: Decimal, maxDecimals: number, minDecimals: number): string {
  let { int, frac } = d;
  if (frac.length > maxDecimals) {
    let scaled = BigInt(int + frac.slice(0, maxDecimals));
    if ((frac[maxDecimals] as string) >= '5') scaled += 1n;
    const s = scaled.toString().padStart(maxDecimals + 1, '0');
    int = s.slice(0, s.length - maxDecimals);
    frac = s.slice(s.length - maxDecimals);
  }
  frac = frac.replace(/0+$/, '');
  if (frac.length < minDecimals) frac = frac.padEnd(minDecimals, '0');
  int = int.replace(/^0+(?=\d)/, '');
  const body = frac ? `${int}.${frac}` : int;
  return d.negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * A number as a plain decimal string: rounded to `maxDecimals`, trailing zeros trimmed
 * (but at least `minDecimals` decimals), never in exponent notation.
 */
export function plainNumber(n: number, maxDecimals: number, minDecimals = 0): string {
  if (!Number.isFinite(n)) return '';
  return format(decimalOf(n), maxDecimals, Math.min(minDecimals, maxDecimals));
}

interface NumberFormat {
  /** Decimals the format shows ("#,##0.00" → 2). */
  decimals: number;
  percent: boolean;
}

function numberFormat(numFmt: string | undefined): NumberFormat {
  // The positive section, without quoted text, [colour]/[condition] blocks and escaped characters.
  const section = (numFmt ?? '').split(';')[0] ?? '';
  const plain = section.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  const m = /\.([0#?]+)/.exec(plain);
  return { decimals: m ? ((m[1] as string).match(/0/g)?.length ?? 0) : 0, percent: plain.includes('%') };
}

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

// ---------------------------------------------------------------------------------------------
// Cells

type Content =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; numFmt: string | undefined }
  | { kind: 'date'; date: Date };

const EMPTY: Content = { kind: 'empty' };

function contentOfValue(value: ExcelJS.CellValue, numFmt: string | undefined): Content {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value, numFmt };
  if (typeof value === 'string') {
    const text = collapseSpace(value);
    return text ? { kind: 'text', text } : EMPTY;
  }
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'date', date: value };
  if ('richText' in value) return contentOfValue(value.richText.map((r) => r.text).join(''), numFmt);
  if ('hyperlink' in value) return contentOfValue(value.text, numFmt);
  // A formula (plain or shared): its cached result; none when the file was never calculated.
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) return EMPTY;
    return contentOfValue(result, numFmt);
  }
  // An error value (#N/A, #DIV/0!): no figure.
  return EMPTY;
}

function contentOf(cell: ExcelJS.Cell): Content {
  // The other cells of a merged range repeat the first one's value: they are empty.
  if (cell.isMerged && cell.master.address !== cell.address) return EMPTY;
  return contentOfValue(cell.value, cell.numFmt);
}

function cellText(c: Content, unit: MoneyUnit): string {
  switch (c.kind) {
    case 'empty':
      return '';
    case 'text':
      return c.text;
    case 'date':
      return isoDate(c.date);
    case 'number': {
      const f = numberFormat(c.numFmt);
      if (f.percent) return `${format(shift(decimalOf(c.value), 2), 4, Math.min(f.decimals, 4))}%`;
      return plainNumber(c.value, Math.log10(FEN_PER_UNIT[unit]), f.decimals);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets

interface Place {
  row: number;
  col: number;
  text: string;
}

/** A sheet as text: its title and unit lines (when it holds a table) and its rows. */
function sheetText(ws: ExcelJS.Worksheet): { lines: string[]; table: boolean } {
  const grid: Content[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: Content[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(contentOf(row.getCell(c)));
    if (cells.some((c) => c.kind !== 'empty')) grid.push(cells);
  });
  let title: Place | null = null;
  let unitCell: Place | null = null;
  let numbers = false;
  for (const [row, cells] of grid.entries()) {
    for (const [col, c] of cells.entries()) {
      if (c.kind === 'number' || (c.kind === 'text' && NUMBER_TEXT.test(c.text))) numbers = true;
      if (c.kind !== 'text') continue;
      if (!title && tableKindOfTitle(c.text)) title = { row, col, text: c.text };
      if (!unitCell && UNIT_RE.test(c.text)) unitCell = { row, col, text: c.text };
    }
  }
  const table = title !== null || unitCell !== null || numbers;
  const unit = unitCell ? ((UNIT_RE.exec(unitCell.text) as RegExpExecArray)[1] as MoneyUnit) : DEFAULT_UNIT;
  const at = (p: Place | null, row: number, col: number) => p !== null && p.row === row && p.col === col;
  const rows = grid.map((cells, row) =>
    cells.map((c, col) =>
      table && (at(title, row, col) || at(unitCell, row, col)) ? '' : cellText(c, unit),
    ),
  );
  // Columns empty in every row (a table that starts in column B) are left out.
  let first = Number.POSITIVE_INFINITY;
  for (const r of rows) {
    const k = r.findIndex((t) => t !== '');
    if (k >= 0 && k < first) first = k;
  }
  const lines: string[] = [];
  if (table) {
    lines.push(title ? title.text : collapseSpace(ws.name));
    // The unit on a line of its own, after the title (also when the title cell states it).
    lines.push(unitCell && !at(title, unitCell.row, unitCell.col) ? unitCell.text : `单位：${unit}`);
  }
  for (const r of rows) {
    let end = r.length;
    while (end > 0 && r[end - 1] === '') end--;
    if (end > first) lines.push(r.slice(first, end).join('\t'));
  }
  return { lines, table };
}

export async function extractXlsxText(bytes: Uint8Array): Promise<string> {
  if (isOleCompound(bytes))
    throw new UnreadableInput(
      isEncryptedOffice(bytes)
        ? `${NOT_XLSX}文件设有打开密码，无法读取。请在 Excel 中取消密码并另存为 .xlsx 后再导入。`
        : `${NOT_XLSX}这是旧版 Excel（.xls）格式。请在 Excel 中另存为 .xlsx 后再导入。`,
    );
  if (!isZip(bytes))
    throw new UnreadableInput(`${NOT_XLSX}文件不是 XLSX 使用的 ZIP 格式，可能已损坏或根本不是 Excel 文件。`);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (which JSZip reads); copy only a view of a larger buffer.
    const whole =
      bytes.buffer instanceof ArrayBuffer &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength;
    await wb.xlsx.load(whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new UnreadableInput(`${NOT_XLSX}文件已损坏或不完整（${message}）。`);
  }
  if (wb.worksheets.length === 0)
    throw new UnreadableInput(`${NOT_XLSX}压缩包里没有工作表，可能是 DOCX 或其他 ZIP 文件。`);
  const parts: string[] = [];
  let tables = 0;
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    const { lines, table } = sheetText(ws);
    if (table) tables++;
    if (lines.length) parts.push(lines.join('\n'));
  }
  if (tables === 0) throw new UnreadableInput(NO_TABLE_MESSAGE);
  return parts.join('\n\n');
}
