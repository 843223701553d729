import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.ts';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url));

describe('readDocument', () => {
  it('reads a GB18030 document with CRLF line ends exactly like its UTF-8 twin', () => {
    const gbk = readDocument('clean.txt', fixture('clean-county-2024.gb18030.txt'));
    const utf8 = readDocument('clean.txt', fixture('clean-county-2024.txt'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.summary).toEqual(utf8.summary);
    expect(gbk.provenance['/stated/revenueTotal']).toEqual(utf8.provenance['/stated/revenueTotal']);
  });

  it('refuses empty, binary and unsupported files with a Chinese message', () => {
    expect(() => readDocument('a.txt', new Uint8Array())).toThrow('文件为空');
    expect(() => readDocument('a.pdf', new TextEncoder().encode('%PDF-1.7\n'))).toThrow(/PDF文件/);
    expect(() => readDocument('a.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toThrow(/ZIP/);
    expect(() => readDocument('a.xls', new TextEncoder().encode('abc'))).toThrow('不支持的文件类型“.xls”');
    expect(() => readDocument('a.txt', new TextEncoder().encode('   \n\n'))).toThrow('没有文字内容');
  });
});
