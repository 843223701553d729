/**
 * DOCX → the plain text the text importer reads. mammoth turns the document into
 * HTML (tables stay tables, with colspan and rowspan for merged cells); the shared
 * HTML walker turns that into lines: paragraphs and headings on their own lines,
 * table rows as TAB-separated cells. Page headers and footers, comments and images
 * give no text; footnotes follow the body, without their reference marks.
 */
import mammoth from 'mammoth';
import { UnreadableInput } from '../../core/errors.ts';
import { type HtmlElement, htmlToLines, parseHtml } from '../html/html-lines.ts';
import { isEncryptedOffice, isOleCompound, isZip } from '../office-containers.ts';

const NOT_DOCX = '不是有效的 Word（DOCX）文件：';

/** Footnote, endnote and comment marks ("[1]", "↑") would sit between a number and its unit. */
function dropNoteMarks(e: HtmlElement): void {
  e.children = e.children.filter(
    (c) =>
      !(
        c.type === 'element' &&
        c.name === 'a' &&
        /^#(?:footnote|endnote|comment)-/.test(c.attrs.get('href') ?? '')
      ),
  );
  for (const c of e.children) if (c.type === 'element') dropNoteMarks(c);
}

export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  if (isOleCompound(bytes))
    throw new UnreadableInput(
      isEncryptedOffice(bytes)
        ? `${NOT_DOCX}文件设有打开密码，无法读取。请在 Word 中取消密码并另存为 .docx 后再导入。`
        : `${NOT_DOCX}这是旧版 Word（.doc）格式。请在 Word 中另存为 .docx 后再导入。`,
    );
  if (!isZip(bytes))
    throw new UnreadableInput(`${NOT_DOCX}文件不是 DOCX 使用的 ZIP 格式，可能已损坏或根本不是 Word 文件。`);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Images give no text: skip reading them into data URIs.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/main document part|body element/i.test(message))
      throw new UnreadableInput(`${NOT_DOCX}压缩包里没有 Word 文档正文，可能是 XLSX 或其他 ZIP 文件。`);
    throw new UnreadableInput(`${NOT_DOCX}文件已损坏或不完整（${message}）。`);
  }
  const tree = parseHtml(html);
  dropNoteMarks(tree);
  return htmlToLines(tree).join('\n');
}
