import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UnreadableInput } from '../../core/errors.ts';
import { importText } from '../text/import-text.ts';
import { extractXlsxText, NO_TABLE_MESSAGE, plainNumber } from './extract-xlsx.ts';

const wan = (x: number) => Math.round(x * 1_000_000);

/** Sets cells row by row from A1 (undefined leaves a cell empty). */
function fill(ws: ExcelJS.Worksheet, rows: ExcelJS.CellValue[][], from = 1): void {
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value !== undefined) ws.getCell(from + r, c + 1).value = value;
    });
  });
}

async function budgetWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();

  // No title cell: the sheet's name is the title; no unit cell: 万元.
  const summary = wb.addWorksheet('部门收支总表');
  fill(summary, [
    ['收入', undefined, '支出'],
    ['项目', '预算数', '项目', '预算数'],
    ['一般公共预算拨款收入', 123.456789, '一般公共服务支出', 123.456789],
    ['本年收入合计', 123.456789, '本年支出合计', 123.456789],
  ]);
  summary.mergeCells('A1:B1');
  summary.mergeCells('C1:D1');

  // In 元, with a "单位：元" cell; a formula whose result carries floating-point noise.
  const expenditure = wb.addWorksheet('表2');
  fill(expenditure, [
    ['2024年部门支出总表'],
    ['编制单位：某某县档案馆', undefined, undefined, undefined, '单位：元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    [201, '一般公共服务支出', 1234567.89, 1205000, { formula: 'C4-D4', result: 1234567.89 - 1205000 }],
    ['合计', undefined, 1234567.89, 1205000, { formula: 'E4', result: 1234567.89 - 1205000 }],
  ]);
  expenditure.mergeCells('A1:E1');
  expenditure.mergeCells('A5:B5');
  expenditure.getCell('D4').numFmt = '#,##0.00';

  // In 万元 by a "金额单位：万元" cell; a date and a percentage after the table.
  const basic = wb.addWorksheet('表3');
  fill(basic, [
    ['2024年一般公共预算基本支出表'],
    [undefined, undefined, undefined, undefined, '金额单位：万元'],
    ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
    ['301', '工资福利支出', 100.25, 100.25],
    ['302', '商品和服务支出', 20.25, undefined, 20.25],
    ['合计', undefined, { formula: 'SUM(C4:C5)', result: 120.5 }, 100.25, 20.25],
    ['编制日期', new Date(Date.UTC(2024, 0, 15))],
    ['预算执行率', 0.955],
  ]);
  basic.mergeCells('A1:E1');
  basic.mergeCells('A6:B6');
  basic.getCell('B8').numFmt = '0.0%';

  // "三公": a two-level header with merged cells; 0.1 + 0.2 as a formula result.
  const threePublic = wb.addWorksheet('表4');
  fill(threePublic, [
    ['2024年“三公”经费支出表'],
    [undefined, undefined, undefined, undefined, undefined, '单位：万元'],
    ['合计', '因公出国（境）费', '公务用车购置及运行费', undefined, undefined, '公务接待费'],
    [undefined, undefined, '小计', '公务用车购置费', '公务用车运行费'],
    [{ formula: 'B5+C5+F5', result: 0.1 + 0.2 }, 0, { formula: 'D5+E5', result: 0.2 }, 0, 0.2, 0.1],
  ]);
  threePublic.mergeCells('A1:F1');
  for (const range of ['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4']) threePublic.mergeCells(range);

  const hidden = wb.addWorksheet('lookup', { state: 'hidden' });
  hidden.getCell('A1').value = 987654321;

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A ZIP archive (stored, not compressed) of the given entries: a real ZIP that is no Office document. */
function storedZip(entries: Record<string, string>): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(header, nameBytes, data);
    central.push(dir, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, dirBytes, end]));
}

async function rejection(p: Promise<unknown>): Promise<UnreadableInput> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableInput);
  return error as UnreadableInput;
}

describe('plainNumber', () => {
  it('prints numbers as plain decimals without floating-point noise or exponents', () => {
    expect(plainNumber(0.1 + 0.2, 2)).toBe('0.3');
    expect(plainNumber(0.1 + 0.2, 6)).toBe('0.3');
    expect(plainNumber(1234567.89 - 1205000, 2)).toBe('29567.89');
    expect(plainNumber(123.4567891, 6)).toBe('123.456789');
    expect(plainNumber(1.005, 2)).toBe('1.01');
    expect(plainNumber(-2.675, 2)).toBe('-2.68');
    expect(plainNumber(120.5, 6)).toBe('120.5');
    expect(plainNumber(120, 6, 2)).toBe('120.00');
    expect(plainNumber(1e-7, 6)).toBe('0');
    expect(plainNumber(-1e-9, 2)).toBe('0');
    expect(plainNumber(1.5e21, 2)).toBe('1500000000000000000000');
    expect(plainNumber(2010301, 2)).toBe('2010301');
  });
});

describe('extractXlsxText', () => {
  it('writes one standard table per sheet: title, 单位 line and TAB-separated rows', async () => {
    const text = await extractXlsxText(await budgetWorkbook());
    const sheets = text.split('\n\n').map((s) => s.split('\n'));
    expect(sheets).toHaveLength(4); // the hidden sheet is left out
    expect(sheets[0]).toEqual([
      '部门收支总表',
      '单位：万元',
      '收入\t\t支出',
      '项目\t预算数\t项目\t预算数',
      '一般公共预算拨款收入\t123.456789\t一般公共服务支出\t123.456789',
      '本年收入合计\t123.456789\t本年支出合计\t123.456789',
    ]);
    expect(sheets[1]).toEqual([
      '2024年部门支出总表',
      '单位：元',
      '编制单位：某某县档案馆',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      // The number format "#,##0.00" shows two decimals; the formula's 29567.889999999898 is 29567.89.
      '201\t一般公共服务支出\t1234567.89\t1205000.00\t29567.89',
      '合计\t\t1234567.89\t1205000\t29567.89',
    ]);
    expect(sheets[2]).toEqual([
      '2024年一般公共预算基本支出表',
      '金额单位：万元',
      '科目编码\t科目名称\t合计\t人员经费\t公用经费',
      '301\t工资福利支出\t100.25\t100.25',
      '302\t商品和服务支出\t20.25\t\t20.25',
      '合计\t\t120.5\t100.25\t20.25',
      '编制日期\t2024-01-15',
      '预算执行率\t95.5%',
    ]);
    expect(sheets[3]).toEqual([
      '2024年“三公”经费支出表',
      '单位：万元',
      '合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费',
      '\t\t小计\t公务用车购置费\t公务用车运行费',
      '0.3\t0\t0.2\t0\t0.2\t0.1',
    ]);
    expect(text).not.toMatch(/\d\.\d{7,}|\de[+-]?\d|987654321/);
  });

  it('feeds importText with figures exact to the 分', async () => {
    const r = importText(await extractXlsxText(await budgetWorkbook()));
    expect(r.summary).toMatchObject({
      revenueTotal: 123_456_789,
      expenditureTotal: 123_456_789,
      generalPublicBudget: 123_456_789,
      basicExpenditure: 120_500_000,
      projectExpenditure: 2_956_789,
      personnel: wan(100.25),
      publicExpenses: wan(20.25),
      threePublicTotal: 300_000,
      overseasTravel: 0,
      vehicleTotal: 200_000,
      vehiclePurchase: 0,
      vehicleOperation: 200_000,
      reception: 100_000,
    });
    const byKind = (kind: string) => r.budget.tables.find((t) => t.kind === kind);
    expect(byKind('expenditureSummary')?.unit).toBe('元');
    expect(byKind('expenditureSummary')?.rows[0]?.cells.total).toEqual({ fen: 123_456_789, precision: 1 });
    const basicTotal = byKind('generalBudgetBasicByEconomic')?.rows.find((row) => row.label === '合计');
    expect(basicTotal?.cells.total).toEqual({ fen: 120_500_000, precision: 100_000 });
    expect(byKind('threePublic')?.rows[0]?.cells.total).toEqual({ fen: 300_000, precision: 100_000 });
  });

  it('reads a title cell that states the unit, in a table that starts in column B', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    fill(
      ws,
      [
        [undefined, '2024年部门收入总表（单位：元）'],
        [undefined, '项目', '合计', '一般公共预算'],
        [undefined, '合计', 1200000, { formula: 'C3', result: 1200000 }],
      ],
      2,
    );
    const text = await extractXlsxText(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(text.split('\n')).toEqual([
      '2024年部门收入总表（单位：元）',
      '单位：元',
      '项目\t合计\t一般公共预算',
      '合计\t1200000\t1200000',
    ]);
    expect(importText(text).summary.revenueTotal).toBe(120_000_000);
  });

  it('rejects a workbook with no table, a ZIP that is not an XLSX and bytes that are not a ZIP', async () => {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('说明'), [['备注'], ['本工作簿仅有文字说明']]);
    wb.addWorksheet('空白');
    const noTable = await rejection(extractXlsxText(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(noTable.message).toBe(NO_TABLE_MESSAGE);
    expect(noTable.message).toMatch(/^XLSX 中没有找到可识别的预算表格/);

    // A word-processing package: content types and a document part, no workbook.
    const docxLike = storedZip({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'word/document.xml':
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    });
    const zip = storedZip({ 'readme.txt': 'hello', 'xl/notes.txt': 'random entries' });
    for (const bytes of [docxLike, zip])
      expect((await rejection(extractXlsxText(bytes))).message).toMatch(
        /^不是有效的 Excel（XLSX）文件：压缩包里没有工作表/,
      );
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect((await rejection(extractXlsxText(random))).message).toMatch(/不是 XLSX 使用的 ZIP 格式/);
    const xlsx = await budgetWorkbook();
    const truncated = xlsx.subarray(0, Math.floor(xlsx.length / 2));
    expect((await rejection(extractXlsxText(truncated))).message).toMatch(/已损坏或不完整/);
  });
});
