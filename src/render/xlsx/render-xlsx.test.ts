import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../core/disclosure/build-document.ts';
import type { DocTable } from '../../core/disclosure/document.ts';
import { testBudget, testPriorBudget } from '../../core/disclosure/test-budget.ts';
import { AMOUNT_FORMAT, renderXlsx, sheetName } from './render-xlsx.ts';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type (an ArrayBuffer); the bytes are what it wrote.
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  return (ws.model as { merges?: string[] }).merges ?? [];
}

/** The row whose column B (科目名称) or A reads `label`. */
function rowWith(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && (row.getCell(1).value === label || row.getCell(2).value === label)) found = row;
  });
  return found;
}

describe('renderXlsx', async () => {
  const doc = buildDocument(testBudget(), { prior: testPriorBudget() });
  const tables = doc.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
  const wb = await read(await renderXlsx(doc));
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name).join(', ')}`);
    return ws;
  };

  it('has the document’s text first, then one sheet per table named by its short title (≤31 characters, unique, allowed characters)', () => {
    expect(wb.worksheets).toHaveLength(tables.length + 1);
    expect(wb.worksheets[0]?.name).toBe('公开说明');
    expect(wb.worksheets[0]?.getCell('A1').value).toBe(doc.title);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('支出总表');
    expect(names).toContain('一般公共预算“三公”经费支出表');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) {
      expect([...n].length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('writes the title row, the 单位 row and the header rows with their merged cells', () => {
    const ws = sheet('支出总表');
    expect(ws.getCell('A1').value).toBe('2018年部门支出总表');
    expect(ws.getCell('A2').value).toBe('单位：万元');
    expect(ws.getCell('A3').value).toBe('功能分类科目');
    expect(ws.getCell('C3').value).toBe('合计');
    expect(ws.getCell('A4').value).toBe('科目编码');
    expect(merges(ws)).toEqual(
      expect.arrayContaining(['A1:E1', 'A2:E2', 'A3:B3', 'C3:C4', 'D3:D4', 'E3:E4']),
    );
    const tp = sheet('一般公共预算“三公”经费支出表');
    expect(merges(tp)).toEqual(expect.arrayContaining(['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4']));
    expect(tp.getCell('C4').value).toBe('小计');
    for (const ws2 of wb.worksheets) {
      const unit = ws2.getCell('A2').value;
      if (ws2.name !== '机构设置' && ws2.name !== '公开说明') expect(unit).toMatch(/^单位：(?:万元|元)$/);
    }
  });

  it('writes amounts as numbers in the unit with the amount format, codes as text', () => {
    const ws = sheet('支出总表');
    const total = rowWith(ws, '合计');
    expect(total?.getCell(3).value).toBe(82.89);
    expect(total?.getCell(4).value).toBe(67.39);
    expect(total?.getCell(5).value).toBe(15.5);
    expect(total?.getCell(3).numFmt).toBe(AMOUNT_FORMAT);
    const item = rowWith(ws, '事业运行');
    expect(item?.getCell(1).value).toBe('2010350');
    expect(typeof item?.getCell(3).value).toBe('number');
    let numbers = 0;
    for (const w of wb.worksheets)
      w.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'number') {
            numbers++;
            expect(c.numFmt).toBe(AMOUNT_FORMAT);
          }
        }),
      );
    expect(numbers).toBeGreaterThan(100);
  });

  it('freezes the header, sets column widths, prints the header on every page', () => {
    const ws = sheet('支出总表');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getColumn(2).width).toBeGreaterThan(ws.getColumn(3).width ?? 0);
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
  });

  it('keeps empty tables with their statement', () => {
    const ws = sheet('政府性基金预算支出表');
    expect(ws.getCell('A5').value).toBe('本部门2018年无政府性基金预算支出，故本表为空表。');
  });

  it('states tables in 元 as 元 (Shanghai)', async () => {
    const sh = await read(await renderXlsx(buildDocument(testBudget(), { template: 'shanghai-2024' })));
    const ws = sh.getWorksheet('支出预算总表');
    expect(ws?.getCell('A2').value).toBe('单位：元');
    const total = ws && rowWith(ws, '合计');
    expect(total?.getCell(3).value).toBe(828_900);
    expect(sh.worksheets.map((w) => w.name)).toContain('“三公”经费和机关运行经费预算表');
  });
});

describe('sheetName', () => {
  it('shortens, cleans and makes names unique', () => {
    const used = new Set<string>();
    expect(sheetName('2018年部门收支总表', used)).toBe('收支总表');
    expect(sheetName('2018年部门收支总表', used)).toBe('收支总表(2)');
    expect(sheetName('a/b\\c[d]e:f*g?h', used)).toBe('abcdefgh');
    const long = sheetName('2025年部门一般公共预算基本支出部门预算经济分类预算表（含附注说明与补充）', used);
    expect([...long].length).toBe(31);
    const again = sheetName('2025年部门一般公共预算基本支出部门预算经济分类预算表（含附注说明与补充）', used);
    expect([...again].length).toBe(31);
    expect(again.endsWith('(2)')).toBe(true);
    expect(sheetName('', used)).toBe('表1');
    expect(sheetName('History', used)).toBe('History1');
  });
});
