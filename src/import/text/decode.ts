/**
 * Bytes of a text document → string. UTF-8 (with or without BOM) and UTF-16 by
 * their BOM; anything that is not valid UTF-8 is read as GB18030 (a superset of
 * GBK and GB2312), the encoding of older Chinese government documents.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes);
  // The decoder drops a leading BOM itself.
  const text = new TextDecoder(encoding).decode(bytes);
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}
