/**
 * Disclosure document tree → Word document (.docx) with the docx package.
 *
 * - A4 pages with 公文 margins and a centred page number (— 1 —) in the footer.
 * - The title in the Title style, section headings (一、…) as Heading 1, sub-headings as Heading 2:
 *   real heading styles, so Word's navigation pane and table of contents see them.
 * - Body text in 仿宋 (FangSong) 三号 with Times New Roman for Latin text; headings in 黑体 (SimHei) and
 *   楷体 (KaiTi). Word has no font fallback list in a run, so the font table names the Chinese
 *   alternatives (w:altName 仿宋 / 黑体 / 楷体) and the GB2312 character set for substitution.
 * - Tables are real Word tables: header rows marked as repeating header rows (w:tblHeader) so they
 *   are repeated on every page, merged cells with gridSpan (columnSpan) and vMerge (rowSpan), amounts
 *   right-aligned with two decimals in the table's unit.
 * - Charts: the PNG given for the chart's key as an inline image; without one, the chart's data as a
 *   small table.
 */

import {
  type Block,
  type Cell,
  type ChartBlock,
  cellText,
  columnCount,
  type DisclosureDocument,
  type DocTable,
  isAmountCell,
  listMarker,
  placeHeader,
  sectionHeading,
} from '../../core/disclosure/document.ts';
import {
  type Alignment,
  type BorderOptions,
  type DocxFooter,
  type DocxParagraph,
  type DocxTable,
  docx,
  type FontAttributes,
  type TextRunOptions,
} from './docx-api.ts';

export interface RenderDocxOptions {
  /** PNG images of the charts, by chart key. */
  charts?: Record<string, Uint8Array>;
}

/** East Asian text in 仿宋, Latin text and digits in Times New Roman. */
export const BODY_FONT: FontAttributes = {
  eastAsia: 'FangSong',
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  hint: 'eastAsia',
};
const HEI_FONT: FontAttributes = { ...BODY_FONT, eastAsia: 'SimHei' };
const KAI_FONT: FontAttributes = { ...BODY_FONT, eastAsia: 'KaiTi' };

/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt, 小五 9pt. */
const SIZE = { title: 44, body: 32, tableTitle: 28, table: 21, small: 18 } as const;

/** A4 in twips, with 公文 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
const PAGE = { width: 11_906, height: 16_838, top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Widest image in pixels (docx sizes images in pixels at 96 dpi): the text width, less a margin. */
const MAX_IMAGE_WIDTH = Math.floor((CONTENT_WIDTH / 1440) * 96) - 16;

/** 28 pt exact line spacing of 公文 body text. */
const BODY_SPACING = { line: 560, lineRule: 'exact' } as const;

/** The font table: the fonts used, with their Chinese names as alternatives for substitution. */
export const FONT_TABLE_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="FangSong"><w:altName w:val="仿宋"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="SimHei"><w:altName w:val="黑体"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="KaiTi"><w:altName w:val="楷体"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

type Child = DocxParagraph | DocxTable;

// ---------------------------------------------------------------- text

function run(text: string, options: Omit<TextRunOptions, 'text'> = {}) {
  return new docx.TextRun({ text, font: BODY_FONT, ...options });
}

function bodyParagraph(text: string): DocxParagraph {
  return new docx.Paragraph({
    children: [run(text)],
    indent: { firstLine: 640 },
    spacing: BODY_SPACING,
    alignment: 'both',
  });
}

function subheading(text: string): DocxParagraph {
  return new docx.Paragraph({ heading: 'Heading2', children: [run(text, { font: KAI_FONT })] });
}

function listItems(items: readonly string[], marker: Parameters<typeof listMarker>[0]): DocxParagraph[] {
  return items.map(
    (item, i) =>
      new docx.Paragraph({
        children: [run(`${listMarker(marker, i)}${item}`)],
        indent: { firstLine: 640 },
        spacing: BODY_SPACING,
        alignment: 'both',
      }),
  );
}

// ---------------------------------------------------------------- tables

/** Display width of a string: CJK and full-width characters count 2, others 1. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018-\u201d]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** Twips per display unit (half an em) of table text at 10.5 pt, and the cell margins of a column. */
const UNIT_TWIPS = 105;
const COLUMN_PADDING = 150;

/**
 * Column widths in twips that fill the text width: amount and code columns as wide as their widest
 * value (they do not wrap), text columns share the rest in proportion to their content. Header texts
 * may wrap onto two lines.
 */
function columnWidths(t: DocTable, n: number): number[] {
  const rigid = Array.from({ length: n }, () => false);
  const content = Array.from({ length: n }, () => 4);
  for (const r of t.rows)
    r.cells.forEach((c, i) => {
      const text = cellText(c, t.unit);
      if (isAmountCell(c) || /^\d+$/.test(text)) rigid[i] = true;
      content[i] = Math.max(content[i] ?? 0, Math.min(40, displayWidth(text)));
    });
  const withHeader = (lines: number) => {
    const need = [...content];
    for (const p of placeHeader(t.headerRows))
      if (p.colSpan === 1)
        need[p.col] = Math.max(need[p.col] ?? 0, Math.ceil(displayWidth(p.cell.text) / lines));
    return need.map((u) => u * UNIT_TWIPS + COLUMN_PADDING);
  };
  // Header texts on one line when the rigid columns leave room, else on two.
  const oneLine = withHeader(1);
  const twips =
    oneLine.filter((_, i) => rigid[i]).reduce((a, b) => a + b, 0) < CONTENT_WIDTH * 0.7
      ? oneLine
      : withHeader(2);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const flexible = twips.map((_, i) => !rigid[i]);
  const flexTotal = sum(twips.filter((_, i) => flexible[i]));
  const fixedTotal = sum(twips) - flexTotal;
  let widths: number[];
  if (flexTotal > 0 && fixedTotal < CONTENT_WIDTH) {
    // Text columns take what the rigid ones leave, in proportion to their content.
    const share = (CONTENT_WIDTH - fixedTotal) / flexTotal;
    widths = twips.map((w, i) => Math.floor(flexible[i] ? w * share : w));
  } else widths = twips.map((w) => Math.floor((w * CONTENT_WIDTH) / sum(twips)));
  widths[n - 1] = (widths[n - 1] ?? 0) + CONTENT_WIDTH - sum(widths);
  return widths;
}

const LINE: BorderOptions = { style: 'single', size: 4, color: '000000' };
const BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};
const CELL_MARGINS = { top: 30, bottom: 30, left: 60, right: 60 };

function cellParagraph(text: string, alignment: Alignment, bold: boolean): DocxParagraph {
  return new docx.Paragraph({
    alignment,
    run: { font: BODY_FONT, size: SIZE.table },
    children: [run(text, { size: SIZE.table, bold })],
  });
}

function wordTable(t: DocTable): DocxTable {
  const n = columnCount(t);
  const widths = columnWidths(t, n);
  const span = (col: number, colSpan: number) => widths.slice(col, col + colSpan).reduce((a, b) => a + b, 0);
  const placed = placeHeader(t.headerRows);
  const header = t.headerRows.map(
    (_row, r) =>
      new docx.TableRow({
        tableHeader: true,
        cantSplit: true,
        children: placed
          .filter((p) => p.row === r)
          .map(
            (p) =>
              new docx.TableCell({
                children: [cellParagraph(p.cell.text, 'center', true)],
                width: { size: span(p.col, p.colSpan), type: 'dxa' },
                ...(p.colSpan > 1 ? { columnSpan: p.colSpan } : {}),
                ...(p.rowSpan > 1 ? { rowSpan: p.rowSpan } : {}),
                verticalAlign: 'center',
                shading: { type: 'clear', color: 'auto', fill: 'F2F2F2' },
                margins: CELL_MARGINS,
              }),
          ),
      }),
  );
  const body = t.rows.map((r) => {
    const bold = r.level === 'total' || r.level === 'class';
    const cells: Cell[] = Array.from({ length: n }, (_, i) => r.cells[i] ?? '');
    return new docx.TableRow({
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new docx.TableCell({
            children: [cellParagraph(cellText(c, t.unit), isAmountCell(c) ? 'right' : 'left', bold)],
            width: { size: widths[i] ?? 0, type: 'dxa' },
            verticalAlign: 'center',
            margins: CELL_MARGINS,
          }),
      ),
    });
  });
  return new docx.Table({
    rows: [...header, ...body],
    width: { size: CONTENT_WIDTH, type: 'dxa' },
    columnWidths: widths,
    layout: 'fixed',
    borders: BORDERS,
  });
}

function tableBlock(t: DocTable): Child[] {
  const out: Child[] = [
    new docx.Paragraph({
      alignment: 'center',
      keepNext: true,
      spacing: { before: 240, after: 60 },
      children: [run(t.title, { font: HEI_FONT, size: SIZE.tableTitle })],
    }),
  ];
  if (t.unit)
    out.push(
      new docx.Paragraph({
        alignment: 'right',
        keepNext: true,
        spacing: { after: 60 },
        children: [run(`单位：${t.unit}`, { size: SIZE.table })],
      }),
    );
  out.push(wordTable(t));
  if (t.emptyStatement)
    out.push(
      new docx.Paragraph({
        spacing: { before: 60 },
        children: [run(t.emptyStatement, { size: SIZE.table })],
      }),
    );
  else out.push(new docx.Paragraph({ children: [] }));
  return out;
}

// ---------------------------------------------------------------- charts

/** Width and height of a PNG from its IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** A chart's data as a table (when there is no image). */
function chartTable(c: ChartBlock): DocTable {
  return {
    kind: 'table',
    key: 'other',
    title: c.title,
    unit: c.unit,
    headerRows: [[{ text: '项目' }, ...c.series.map((s) => ({ text: s.name }))]],
    rows: c.categories.map((cat, i) => ({
      cells: [cat, ...c.series.map((s): Cell => (s.data[i] === undefined ? '' : { fen: s.data[i] ?? 0 }))],
    })),
    emptyStatement: null,
  };
}

function chartBlock(c: ChartBlock, images: Record<string, Uint8Array>): Child[] {
  const png = Object.hasOwn(images, c.key) ? images[c.key] : undefined;
  const size = png ? pngSize(png) : null;
  if (!png || !size) return tableBlock(chartTable(c));
  const width = Math.min(MAX_IMAGE_WIDTH, size.width);
  const height = Math.round((size.height * width) / size.width);
  return [
    new docx.Paragraph({
      alignment: 'center',
      spacing: { before: 120, after: 120 },
      children: [
        new docx.ImageRun({
          type: 'png',
          data: png,
          transformation: { width, height },
          altText: { name: c.key, title: c.title, description: c.title },
        }),
      ],
    }),
  ];
}

// ---------------------------------------------------------------- document

function blockChildren(b: Block, images: Record<string, Uint8Array>): Child[] {
  switch (b.kind) {
    case 'paragraph':
      return [b.role === 'subheading' ? subheading(b.text) : bodyParagraph(b.text)];
    case 'list':
      return listItems(b.items, b.marker);
    case 'table':
      return tableBlock(b);
    case 'chart':
      return chartBlock(b, images);
  }
}

function footer(): DocxFooter {
  return new docx.Footer({
    children: [
      new docx.Paragraph({
        alignment: 'center',
        children: [
          new docx.TextRun({ children: ['— ', docx.PageNumber.CURRENT, ' —'], font: BODY_FONT, size: 28 }),
        ],
      }),
    ],
  });
}

/** The document as a .docx file. */
export async function renderDocx(
  doc: DisclosureDocument,
  options: RenderDocxOptions = {},
): Promise<Uint8Array> {
  const images = options.charts ?? {};
  const children: Child[] = [
    new docx.Paragraph({ heading: 'Title', children: [run(doc.title, { font: HEI_FONT })] }),
  ];
  if (doc.subtitle)
    children.push(
      new docx.Paragraph({ alignment: 'center', children: [run(doc.subtitle, { font: KAI_FONT })] }),
    );
  for (const p of doc.preamble) children.push(bodyParagraph(p));
  for (const s of doc.sections) {
    children.push(
      new docx.Paragraph({ heading: 'Heading1', children: [run(sectionHeading(s), { font: HEI_FONT })] }),
    );
    for (const b of s.blocks) children.push(...blockChildren(b, images));
  }
  const file = new docx.Document({
    creator: 'Zhengwu',
    title: doc.title,
    description: `${doc.department}${doc.fiscalYear ?? ''}部门预算公开`,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: SIZE.body } },
        title: {
          run: { font: HEI_FONT, size: SIZE.title, bold: false, color: '000000' },
          paragraph: { alignment: 'center', spacing: { before: 240, after: 480 } },
        },
        heading1: {
          run: { font: HEI_FONT, size: SIZE.body, bold: false, color: '000000' },
          paragraph: { keepNext: true, spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font: KAI_FONT, size: SIZE.body, bold: false, italics: false, color: '000000' },
          paragraph: { keepNext: true, indent: { firstLine: 640 }, spacing: BODY_SPACING },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: { default: footer() },
        children,
      },
    ],
  });
  const buffer = await docx.Packer.toBuffer(file, false, [
    { path: 'word/fontTable.xml', data: FONT_TABLE_XML },
  ]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
