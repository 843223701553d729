/**
 * A typed facade over the part of the docx package the renderer uses.
 *
 * Why: docx 9.7.0 ships declaration files with extensionless relative imports (`export * from
 * './file'`), which TypeScript cannot resolve under `moduleResolution: NodeNext` — every named export
 * but `Document` is reported missing (dolanmiu/docx#3453, a packaging regression of 9.7.0). The
 * runtime module is fine. Until a fixed release is installed, the renderer takes the runtime exports
 * through this file and types them with the small subset of the API below (names and shapes as in
 * docx's own declarations). Replace this file with `export … from 'docx'` once the types resolve.
 */
import * as docxModule from 'docx';

export type Alignment = 'left' | 'center' | 'right' | 'both';
export type HeadingStyle = 'Title' | 'Heading1' | 'Heading2';

export interface FontAttributes {
  ascii?: string;
  hAnsi?: string;
  eastAsia?: string;
  cs?: string;
  hint?: string;
}

export interface RunStyle {
  font?: FontAttributes;
  /** Half-points. */
  size?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
}

export interface Spacing {
  before?: number;
  after?: number;
  line?: number;
  lineRule?: 'exact' | 'atLeast' | 'auto';
}

export interface ParagraphStyle {
  alignment?: Alignment;
  spacing?: Spacing;
  indent?: { firstLine?: number; left?: number };
  keepNext?: boolean;
}

/** Opaque docx objects: built by the constructors below, passed back to them. */
export interface DocxParagraph {
  readonly __docx: 'Paragraph';
}
export interface DocxRun {
  readonly __docx: 'Run';
}
export interface DocxTable {
  readonly __docx: 'Table';
}
export interface DocxTableRow {
  readonly __docx: 'TableRow';
}
export interface DocxTableCell {
  readonly __docx: 'TableCell';
}
export interface DocxFooter {
  readonly __docx: 'Footer';
}
export interface DocxFile {
  readonly __docx: 'File';
}

export interface TextRunOptions extends RunStyle {
  text?: string;
  /** Text and fields, e.g. ['— ', 'CURRENT', ' —'] for the page number. */
  children?: readonly string[];
}

export interface ImageRunOptions {
  type: 'png';
  data: Uint8Array;
  /** Pixels at 96 dpi. */
  transformation: { width: number; height: number };
  altText?: { name: string; title?: string; description?: string };
}

export interface ParagraphOptions extends ParagraphStyle {
  children?: readonly DocxRun[];
  heading?: HeadingStyle;
  /** Run properties of the paragraph mark (the height of an empty paragraph). */
  run?: RunStyle;
}

export interface BorderOptions {
  style: 'single';
  size: number;
  color: string;
}

export interface Width {
  size: number;
  type: 'dxa' | 'pct';
}

export interface TableCellOptions {
  children: readonly (DocxParagraph | DocxTable)[];
  columnSpan?: number;
  rowSpan?: number;
  width?: Width;
  verticalAlign?: 'top' | 'center' | 'bottom';
  shading?: { type: 'clear'; color: string; fill: string };
  margins?: { top?: number; bottom?: number; left?: number; right?: number };
}

export interface TableRowOptions {
  children: readonly DocxTableCell[];
  tableHeader?: boolean;
  cantSplit?: boolean;
}

export interface TableOptions {
  rows: readonly DocxTableRow[];
  width?: Width;
  columnWidths?: readonly number[];
  layout?: 'fixed' | 'autofit';
  borders?: Partial<
    Record<'top' | 'bottom' | 'left' | 'right' | 'insideHorizontal' | 'insideVertical', BorderOptions>
  >;
}

export interface StyleOptions {
  run?: RunStyle;
  paragraph?: ParagraphStyle;
}

export interface DocumentOptions {
  creator?: string;
  title?: string;
  description?: string;
  styles?: {
    default?: {
      document?: StyleOptions;
      title?: StyleOptions;
      heading1?: StyleOptions;
      heading2?: StyleOptions;
    };
  };
  sections: readonly {
    properties?: {
      page?: {
        size?: { width: number; height: number };
        margin?: { top: number; bottom: number; left: number; right: number };
      };
    };
    footers?: { default?: DocxFooter };
    children: readonly (DocxParagraph | DocxTable)[];
  }[];
}

export interface DocxApi {
  Document: new (options: DocumentOptions) => DocxFile;
  Paragraph: new (options: ParagraphOptions) => DocxParagraph;
  TextRun: new (options: TextRunOptions) => DocxRun;
  ImageRun: new (options: ImageRunOptions) => DocxRun;
  Table: new (options: TableOptions) => DocxTable;
  TableRow: new (options: TableRowOptions) => DocxTableRow;
  TableCell: new (options: TableCellOptions) => DocxTableCell;
  Footer: new (options: { children: readonly DocxParagraph[] }) => DocxFooter;
  Packer: {
    toBuffer(
      file: DocxFile,
      prettify?: boolean,
      overrides?: readonly { path: string; data: string }[],
    ): Promise<Uint8Array>;
  };
  PageNumber: { CURRENT: string };
}

/** The docx runtime, typed by the subset above (see the file comment for why it is cast). */
export const docx = docxModule as unknown as DocxApi;
