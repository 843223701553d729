/**
 * The line items as CSV (RFC 4180) for people and for machines: UTF-8 with a byte order mark (Excel in
 * a Chinese locale otherwise reads UTF-8 as GBK), CRLF record ends, a header row of the English machine
 * names (the Fiscal Data Package descriptor gives their Chinese titles), fields with a comma, quote, CR
 * or LF quoted (src/cli/csv.ts's quoting, reused).
 *
 * Spreadsheet formula injection: a text cell starting with = + - @ TAB or CR would run as a formula in
 * Excel or WPS, so it gets a leading apostrophe (OWASP's advice). Number columns are written as numbers
 * and left alone: -12.50 in amount_yuan stays -12.50.
 */
import { csvRow } from '../cli/csv.ts';
import { type FieldSpec, isNumericField, LINE_ITEM_FIELDS, LINE_ITEM_KEYS } from './fields.ts';
import type { LineItem } from './line-items.ts';

export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet would read as a formula, prefixed with an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(spec: FieldSpec, value: string | number | null): string | number | null {
  if (value === null) return null;
  if (isNumericField(spec)) return value;
  return neutraliseFormula(String(value));
}

/** The CSV text (with its BOM) of the rows, header first. */
export function lineItemsCsv(rows: readonly LineItem[]): string {
  const lines = [csvRow(LINE_ITEM_KEYS.map((k) => LINE_ITEM_FIELDS[k].name))];
  for (const row of rows) lines.push(csvRow(LINE_ITEM_KEYS.map((k) => cell(LINE_ITEM_FIELDS[k], row[k]))));
  return `${CSV_BOM}${lines.join(CSV_LINE_END)}${CSV_LINE_END}`;
}
