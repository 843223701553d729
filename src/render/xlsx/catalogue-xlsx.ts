/**
 * The service item catalogue as an XLSX workbook (one sheet 事项目录, one row per item), in the layout
 * src/import/xlsx/catalogue-xlsx.ts reads back: lists one entry per line, an entry's fields separated by
 * “|”. Export then import gives the same catalogue.
 */
import ExcelJS from 'exceljs';
import { ITEM_KIND_NAMES, type ServiceItem } from '../../core/hall/service-item.ts';

export const CATALOGUE_SHEET = '事项目录';

/** The columns, in order: header and how an item fills it. */
export const CATALOGUE_COLUMNS: readonly {
  header: string;
  width: number;
  value: (i: ServiceItem) => string | number;
}[] = [
  { header: '事项编码', width: 22, value: (i) => i.code },
  { header: '事项名称', width: 30, value: (i) => i.name },
  { header: '实施部门', width: 16, value: (i) => i.department },
  { header: '办件类型', width: 10, value: (i) => ITEM_KIND_NAMES[i.kind] },
  { header: '法定时限（工作日）', width: 10, value: (i) => i.legalDays },
  { header: '承诺时限（工作日）', width: 10, value: (i) => i.promisedDays },
  { header: '设定依据', width: 30, value: (i) => i.legalBasis.join('\n') },
  { header: '联办部门', width: 16, value: (i) => i.jointDepartments.join('\n') },
  { header: '上报机关', width: 16, value: (i) => i.reportTo ?? '' },
  {
    header: '申请材料（名称|形式|份数|必需|说明）',
    width: 40,
    value: (i) =>
      i.materials
        .map((m) => [m.name, m.form, m.copies, m.required ? '是' : '否', m.note].join('|'))
        .join('\n'),
  },
  {
    header: '收费（名称|金额（分）|依据）',
    width: 30,
    value: (i) => i.fees.map((f) => [f.name, f.amountFen, f.basis].join('|')).join('\n'),
  },
  {
    header: '特别程序（类型|名称|时限）',
    width: 30,
    value: (i) => i.specialProcedures.map((p) => [p.kind, p.name, p.maxDays ?? ''].join('|')).join('\n'),
  },
];

export async function catalogueToXlsx(items: readonly ServiceItem[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhengwu';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet(CATALOGUE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = CATALOGUE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const item of items) ws.addRow(CATALOGUE_COLUMNS.map((c) => c.value(item)));
  ws.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
