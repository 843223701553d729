import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableFigures } from '../../core/budget/table-figures.ts';
import { UnreadableInput } from '../../core/errors.ts';
import { importText } from '../text/import-text.ts';
import { extractDocxText } from './extract-docx.ts';

/**
 * The part of the docx package this test uses. docx 9.7's declarations re-export through
 * extensionless paths ("./file") that TypeScript's NodeNext resolution cannot follow, so
 * `import { Paragraph } from 'docx'` does not type-check here; the runtime module is fine.
 */
interface DocxApi {
  Document: new (options: {
    sections: { children: object[] }[];
    footnotes?: Record<number, { children: object[] }>;
  }) => object;
  Packer: { toBuffer(document: object): Promise<Uint8Array> };
  Paragraph: new (
    options: string | { text?: string; heading?: string; alignment?: string; children?: object[] },
  ) => object;
  TextRun: new (text: string) => object;
  FootnoteReferenceRun: new (id: number) => object;
  Table: new (options: { rows: object[] }) => object;
  TableRow: new (options: { children: object[]; tableHeader?: boolean }) => object;
  TableCell: new (options: { children: object[]; columnSpan?: number; rowSpan?: number }) => object;
  HeadingLevel: { TITLE: string; HEADING_1: string };
  AlignmentType: { CENTER: string; RIGHT: string };
}

const {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} = (await import('docx')) as unknown as DocxApi;

const wan = (x: number) => Math.round(x * 1_000_000);

function cell(text: string, span: { columnSpan?: number; rowSpan?: number } = {}): object {
  return new TableCell({ children: [new Paragraph(text)], ...span });
}

const NARRATIVE =
  '2024年收入预算120.00万元，支出预算120.00万元，其中：基本支出100.00万元，项目支出20.00万元。';

async function budgetDocx(): Promise<Uint8Array> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('数据来源：县财政局批复。')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: '某某县档案馆2024年部门预算', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: '一、收支预算总体情况', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun(NARRATIVE), new FootnoteReferenceRun(1)] }),
          new Paragraph({ text: '二、部门预算表', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '2024年部门支出总表', alignment: AlignmentType.CENTER }),
          new Paragraph({ text: '单位：万元', alignment: AlignmentType.RIGHT }),
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: [
                  cell('功能分类科目', { columnSpan: 2 }),
                  cell('合计', { rowSpan: 2 }),
                  cell('基本支出', { rowSpan: 2 }),
                  cell('项目支出', { rowSpan: 2 }),
                ],
              }),
              new TableRow({ tableHeader: true, children: [cell('科目编码'), cell('科目名称')] }),
              new TableRow({
                children: [
                  cell('201'),
                  cell('一般公共服务支出'),
                  cell('120.00'),
                  cell('100.00'),
                  cell('20.00'),
                ],
              }),
              new TableRow({
                children: [cell('2010301'), cell('行政运行'), cell('100.00'), cell('100.00'), cell('')],
              }),
              new TableRow({
                children: [cell('2010350'), cell('事业运行'), cell('20.00'), cell(''), cell('20.00')],
              }),
              new TableRow({
                children: [cell('合计', { columnSpan: 2 }), cell('120.00'), cell('100.00'), cell('20.00')],
              }),
            ],
          }),
          new Paragraph({ text: '三、其他需要说明的事项', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('本部门无政府性基金预算。'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
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

describe('extractDocxText', () => {
  it('turns headings and paragraphs into lines and table rows into TAB-separated cells', async () => {
    const text = await extractDocxText(await budgetDocx());
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '某某县档案馆2024年部门预算',
      '一、收支预算总体情况',
      NARRATIVE, // the footnote mark "[1]" is left out
      '二、部门预算表',
    ]);
    const title = lines.indexOf('2024年部门支出总表');
    expect(lines.slice(title, title + 8)).toEqual([
      '2024年部门支出总表',
      '单位：万元',
      // Merged cells: the value once, empty strings for the rest of the merge.
      '功能分类科目\t\t合计\t基本支出\t项目支出',
      '科目编码\t科目名称\t\t\t',
      '201\t一般公共服务支出\t120.00\t100.00\t20.00',
      '2010301\t行政运行\t100.00\t100.00\t',
      '2010350\t事业运行\t20.00\t\t20.00',
      '合计\t\t120.00\t100.00\t20.00',
    ]);
    expect(lines).toContain('三、其他需要说明的事项');
    // The footnote follows the body.
    expect(lines.at(-1)).toBe('数据来源：县财政局批复。');
  });

  it('feeds importText: the narrative figures, the year, the department and the table', async () => {
    const text = await extractDocxText(await budgetDocx());
    const r = importText(text);
    expect(r.summary).toMatchObject({
      fiscalYear: 2024,
      department: '某某县档案馆',
      revenueTotal: wan(120),
      expenditureTotal: wan(120),
      basicExpenditure: wan(100),
      projectExpenditure: wan(20),
    });
    const table = r.budget.tables.find((t) => t.kind === 'expenditureSummary');
    expect(table).toMatchObject({
      title: '2024年部门支出总表',
      unit: '万元',
      columns: ['total', 'basic', 'project'],
    });
    expect(
      table?.rows.map((row) => [row.code, row.label, row.cells.total?.fen, row.cells.project?.fen]),
    ).toEqual([
      ['201', '一般公共服务支出', wan(120), wan(20)],
      ['2010301', '行政运行', wan(100), undefined],
      ['2010350', '事业运行', wan(20), wan(20)],
      [null, '合计', wan(120), wan(20)],
    ]);
    // The table's 合计 row on its own gives the same figures as the narrative.
    const figures = tableFigures(r.budget);
    expect(figures.expenditureTotal?.amount.fen).toBe(wan(120));
    expect(figures.basicExpenditure?.amount.fen).toBe(wan(100));
    expect(figures.projectExpenditure?.amount.fen).toBe(wan(20));
    // Provenance points at the narrative line of the extracted text.
    const narrativeLine = text.split('\n').indexOf(NARRATIVE) + 1;
    expect(r.provenance['/stated/revenueTotal']?.line).toBe(narrativeLine);
  });

  it('reads a merged title row and a row holding the title and the unit inside the table', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({ children: [cell('2024年部门收入总表', { columnSpan: 3 })] }),
                new TableRow({
                  children: [cell('编制单位：某某县档案馆', { columnSpan: 2 }), cell('单位：元')],
                }),
                new TableRow({ children: [cell('项目'), cell('合计'), cell('一般公共预算')] }),
                new TableRow({ children: [cell('合计'), cell('1,200,000.00'), cell('1,200,000.00')] }),
              ],
            }),
          ],
        },
      ],
    });
    const text = await extractDocxText(new Uint8Array(await Packer.toBuffer(doc)));
    expect(text.split('\n')).toEqual([
      '2024年部门收入总表',
      '编制单位：某某县档案馆',
      '单位：元',
      '项目\t合计\t一般公共预算',
      '合计\t1,200,000.00\t1,200,000.00',
    ]);
    expect(importText(text).summary.revenueTotal).toBe(120_000_000);
  });

  it('rejects a ZIP that is not a DOCX, a corrupt DOCX, an encrypted one and random bytes', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '2024年部门支出总表';
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const zip = storedZip({ 'readme.txt': 'hello', 'data/a.bin': 'random entries' });
    const docx = await budgetDocx();
    const truncated = docx.subarray(0, Math.floor(docx.length / 2));
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    // An OLE compound file holding an "EncryptedPackage" stream: how Office stores password-protected files.
    const encrypted = new Uint8Array(2048);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    const oldDoc = encrypted.slice(0, 512);

    for (const [bytes, reason] of [
      [xlsx, /没有 Word 文档正文/],
      [zip, /没有 Word 文档正文/],
      [truncated, /已损坏或不完整/],
      [random, /不是 DOCX 使用的 ZIP 格式/],
      [encrypted, /设有打开密码/],
      [oldDoc, /旧版 Word（\.doc）/],
    ] as const) {
      const error = await extractDocxText(bytes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UnreadableInput);
      expect((error as UnreadableInput).code).toBe('UNREADABLE_INPUT');
      expect((error as UnreadableInput).message).toMatch(/^不是有效的 Word（DOCX）文件：/);
      expect((error as UnreadableInput).message).toMatch(reason);
    }
  });
});
