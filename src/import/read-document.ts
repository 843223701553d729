/**
 * Reading a document from bytes: tells what it is (text, Markdown, HTML, PDF,
 * DOCX, XLSX), turns it into text laid out the way the text importer reads it,
 * and imports that. Every format feeds the same model and provenance; for
 * PDF, DOCX, XLSX and HTML the provenance points at the lines of the extracted
 * text (see `text` in the result).
 */
import { UnreadableInput, UnsupportedFormat } from '../core/errors.ts';
import { extractDocxText } from './docx/extract-docx.ts';
import { decodeHtml, extractHtmlText } from './html/extract-html.ts';
import { isOleCompound, isZip } from './office-containers.ts';
import { extractPdfText } from './pdf/extract-pdf.ts';
import { decodeText } from './text/decode.ts';
import { type ImportResult, importText } from './text/import-text.ts';
import { extractXlsxText } from './xlsx/extract-xlsx.ts';

export const DOCUMENT_FORMATS = ['text', 'html', 'pdf', 'docx', 'xlsx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const EXTENSIONS: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.xlsx': 'xlsx',
};

/** Documents larger than this are refused before reading: no disclosure is this long. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface ReadResult extends ImportResult {
  format: DocumentFormat;
  /** How the bytes were decoded (text formats) or 'binary'. */
  encoding: string;
  /** The text the importer read (extracted from PDF/DOCX/XLSX/HTML); provenance lines refer to it. */
  text: string;
}

function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name.toLowerCase());
  return m ? m[0] : '';
}

export function isSupportedName(name: string): boolean {
  return extensionOf(name) in EXTENSIONS;
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** A ZIP names its entries in plain bytes: enough to tell DOCX from XLSX. */
function zipHolds(bytes: Uint8Array, entry: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(entry, 0, 'latin1');
}

export function detectFormat(name: string, bytes: Uint8Array): DocumentFormat {
  const byName = EXTENSIONS[extensionOf(name)];
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  // Old (.doc/.xls) and encrypted Office files: the extractors say which it is.
  if (isOleCompound(bytes) && (byName === 'docx' || byName === 'xlsx')) return byName;
  if (isZip(bytes)) {
    if (zipHolds(bytes, 'word/document.xml')) return 'docx';
    if (zipHolds(bytes, 'xl/workbook.xml')) return 'xlsx';
    if (byName === 'docx' || byName === 'xlsx') return byName;
    throw new UnsupportedFormat(
      `无法读取 ${name}：这是一个 ZIP 文件，但不是 Word（DOCX）或 Excel（XLSX）文档。`,
    );
  }
  if (byName === 'pdf') throw new UnreadableInput(`PDF 文件已损坏或不完整（文件头不是 %PDF）：${name}`);
  if (byName === 'docx' || byName === 'xlsx')
    throw new UnreadableInput(
      `不是有效的 ${byName === 'docx' ? 'Word（DOCX）' : 'Excel（XLSX）'} 文件：${name}`,
    );
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (byName === 'html' || head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  let zeros = 0;
  for (const b of bytes.subarray(0, 8192)) if (b === 0) zeros++;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (zeros > 0 && !utf16)
    throw new UnsupportedFormat(`无法读取 ${name}：这是二进制文件，不是可识别的文档格式。`);
  if (byName === undefined && extensionOf(name))
    throw new UnsupportedFormat(
      `不支持的文件类型“${extensionOf(name)}”：${name}。可以导入 ${Object.keys(EXTENSIONS).join('、')}。`,
    );
  return 'text';
}

export async function readDocument(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length === 0) throw new UnreadableInput(`文件为空：${name}`);
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw new UnreadableInput(
      `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB 的上限：${name}`,
    );
  const format = detectFormat(name, bytes);
  let text: string;
  let encoding = 'binary';
  switch (format) {
    case 'pdf':
      text = (await extractPdfText(bytes)).text;
      break;
    case 'docx':
      text = await extractDocxText(bytes);
      break;
    case 'xlsx':
      text = await extractXlsxText(bytes);
      break;
    case 'html':
      text = extractHtmlText(decodeHtml(bytes));
      encoding = 'html';
      break;
    default: {
      const decoded = decodeText(bytes);
      text = decoded.text;
      encoding = decoded.encoding;
    }
  }
  if (!text.trim()) throw new UnreadableInput(`文件没有文字内容：${name}`);
  return { ...importText(text), format, encoding, text };
}
