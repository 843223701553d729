/**
 * Reads a service item catalogue from XLSX in the layout src/render/xlsx/catalogue-xlsx.ts writes, and
 * validates it with the core (every item valid, no code twice). Problems name the row and the column.
 */
import ExcelJS from 'exceljs';
import {
  ITEM_KIND_NAMES,
  type ItemIssue,
  type ServiceItem,
  validateCatalogue,
} from '../../core/hall/service-item.ts';
import { CATALOGUE_COLUMNS, CATALOGUE_SHEET } from '../../render/xlsx/catalogue-xlsx.ts';

export type CatalogueImport = { ok: true; items: ServiceItem[] } | { ok: false; issues: ItemIssue[] };

const KIND_BY_NAME = Object.fromEntries(Object.entries(ITEM_KIND_NAMES).map(([k, v]) => [v, k]));

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const parts = (l: string) => l.split('|').map((p) => p.trim());
const num = (s: string | undefined) => (s === undefined || s === '' ? Number.NaN : Number(s));

export async function catalogueFromXlsx(bytes: Uint8Array): Promise<CatalogueImport> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, issues: [{ path: '', message: '文件不是有效的 XLSX 工作簿。' }] };
  }
  const ws = wb.getWorksheet(CATALOGUE_SHEET) ?? wb.worksheets[0];
  if (!ws) return { ok: false, issues: [{ path: '', message: '工作簿中没有工作表。' }] };
  const header = CATALOGUE_COLUMNS.map((_, i) => cellText(ws.getRow(1).getCell(i + 1).value).trim());
  const wrong = CATALOGUE_COLUMNS.filter((c, i) => header[i] !== c.header).map((c) => c.header);
  if (wrong.length)
    return {
      ok: false,
      issues: [{ path: '', message: `表头应为导出时的列：缺少或顺序不符的列有 ${wrong.join('、')}。` }],
    };
  const raw: unknown[] = [];
  const rowNumbers: number[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const c = CATALOGUE_COLUMNS.map((_, i) => cellText(row.getCell(i + 1).value).trim());
    if (c.every((x) => x === '')) return;
    const [
      code,
      name,
      department,
      kind,
      legal,
      promised,
      basis,
      joint,
      reportTo,
      materials,
      fees,
      procedures,
    ] = c;
    rowNumbers.push(n);
    raw.push({
      code,
      name,
      department,
      kind: KIND_BY_NAME[kind ?? ''] ?? kind,
      legalDays: num(legal),
      promisedDays: num(promised),
      legalBasis: lines(basis ?? ''),
      jointDepartments: lines(joint ?? ''),
      reportTo: reportTo || null,
      materials: lines(materials ?? '').map((l) => {
        const [mName, form, copies, required, note] = parts(l);
        return {
          name: mName,
          form,
          copies: num(copies || '1'),
          required: required !== '否',
          note: note ?? '',
        };
      }),
      fees: lines(fees ?? '').map((l) => {
        const [fName, amount, feeBasis] = parts(l);
        return { name: fName, amountFen: num(amount), basis: feeBasis };
      }),
      specialProcedures: lines(procedures ?? '').map((l) => {
        const [kindOf, pName, maxDays] = parts(l);
        return { kind: kindOf, name: pName, maxDays: maxDays ? num(maxDays) : null };
      }),
    });
  });
  const r = validateCatalogue(raw);
  if (r.ok) return r;
  // Item indexes → worksheet rows, for people.
  return {
    ok: false,
    issues: r.issues.map((i) => {
      const [index, ...rest] = i.path.split('.');
      const row = rowNumbers[Number(index)];
      return row === undefined
        ? i
        : { path: `第${row}行${rest.length ? ` ${rest.join('.')}` : ''}`, message: i.message };
    }),
  };
}
