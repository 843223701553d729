/**
 * Reading a document from bytes: checks what it is, decodes it and hands the
 * text to the importer. Formats other than text arrive with issue #3.
 */
import { UnreadableInput, UnsupportedFormat } from '../core/errors.ts';
import { decodeText } from './text/decode.ts';
import { type ImportResult, importText } from './text/import-text.ts';

export const TEXT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown'] as const;

/** Documents larger than this are refused before reading: no disclosure is this long. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface ReadResult extends ImportResult {
  encoding: string;
}

function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name.toLowerCase());
  return m ? m[0] : '';
}

export function isSupportedName(name: string): boolean {
  return (TEXT_EXTENSIONS as readonly string[]).includes(extensionOf(name));
}

function looksBinary(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'PDF';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'ZIP（DOCX/XLSX）';
  const head = bytes.subarray(0, 8192);
  let zeros = 0;
  for (const b of head) if (b === 0) zeros++;
  // UTF-16 text has many zero bytes but starts with a byte-order mark.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return !utf16 && zeros > 0 ? '二进制' : null;
}

export function readDocument(name: string, bytes: Uint8Array): ReadResult {
  const ext = extensionOf(name);
  if (bytes.length === 0) throw new UnreadableInput(`文件为空：${name}`);
  const binary = looksBinary(bytes);
  if (binary)
    throw new UnsupportedFormat(
      `无法读取 ${name}：这是${binary}文件。目前可以导入纯文本和 Markdown（${TEXT_EXTENSIONS.join('、')}），PDF、DOCX、XLSX 的导入尚未提供。`,
    );
  if (ext && !(TEXT_EXTENSIONS as readonly string[]).includes(ext) && ext !== '.html' && ext !== '.htm')
    throw new UnsupportedFormat(
      `不支持的文件类型“${ext}”：${name}。目前可以导入 ${TEXT_EXTENSIONS.join('、')}。`,
    );
  const { text, encoding } = decodeText(bytes);
  if (!text.trim()) throw new UnreadableInput(`文件没有文字内容：${name}`);
  const result = importText(text);
  return { ...result, encoding };
}
