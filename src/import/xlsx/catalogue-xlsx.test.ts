import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleItems } from '../../core/hall/sample-catalogue.ts';
import { catalogueToXlsx } from '../../render/xlsx/catalogue-xlsx.ts';
import { catalogueFromXlsx } from './catalogue-xlsx.ts';

describe('the catalogue as XLSX', () => {
  it('reads back exactly what it wrote', async () => {
    const bytes = await catalogueToXlsx(sampleItems);
    expect(await catalogueFromXlsx(bytes)).toEqual({ ok: true, items: sampleItems });
  });

  it('names the row of an invalid item', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await catalogueToXlsx(sampleItems)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('事项目录');
    if (!ws) throw new Error('no sheet');
    ws.getRow(3).getCell(6).value = 999;
    const r = await catalogueFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toMatch(/^第3行/);
  });

  it('refuses something that is not a workbook', async () => {
    const r = await catalogueFromXlsx(new TextEncoder().encode('not a workbook'));
    expect(r).toEqual({ ok: false, issues: [{ path: '', message: '文件不是有效的 XLSX 工作簿。' }] });
  });
});
