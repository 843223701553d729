import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from './decode.ts';

// "部门预算" in GB18030/GBK.
const GBK = Uint8Array.from([0xb2, 0xbf, 0xc3, 0xc5, 0xd4, 0xa4, 0xcb, 0xe3]);

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and CRLF line ends', () => {
    const utf8 = new TextEncoder().encode('部门预算\r\n收入');
    expect(decodeText(utf8).text).toBe('部门预算\n收入');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).text).toBe('部门预算\n收入');
  });
  it('reads GBK/GB18030 when the bytes are not UTF-8', () => {
    expect(detectEncoding(GBK)).toBe('gb18030');
    expect(decodeText(GBK).text).toBe('部门预算');
  });
  it('reads UTF-16 by its BOM', () => {
    const le = Uint8Array.from([0xff, 0xfe, 0xe8, 0x90, 0xe8, 0x95]); // 部 U+90E8, 门? just two code units
    expect(decodeText(le).encoding).toBe('utf-16le');
    expect(decodeText(le).text.length).toBe(2);
  });
});
