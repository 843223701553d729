import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.ts';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url));

describe('readDocument', () => {
  it('reads a GB18030 document with CRLF line ends exactly like its UTF-8 twin', async () => {
    const gbk = await readDocument('clean.txt', fixture('clean-county-2024.gb18030.txt'));
    const utf8 = await readDocument('clean.txt', fixture('clean-county-2024.txt'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.summary).toEqual(utf8.summary);
    expect(gbk.provenance['/stated/revenueTotal']).toEqual(utf8.provenance['/stated/revenueTotal']);
  });

  it('refuses empty, binary, unknown and oversized files with a Chinese message', async () => {
    await expect(readDocument('a.txt', new Uint8Array())).rejects.toThrow('文件为空');
    await expect(readDocument('a.zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).rejects.toThrow(
      /ZIP 文件，但不是/,
    );
    await expect(readDocument('a.pdf', new TextEncoder().encode('hello'))).rejects.toThrow(/PDF 文件已损坏/);
    await expect(readDocument('a.xls', new TextEncoder().encode('abc'))).rejects.toThrow(
      '不支持的文件类型“.xls”',
    );
    await expect(readDocument('a.bin', Uint8Array.from([1, 0, 2, 0]))).rejects.toThrow('二进制文件');
    await expect(readDocument('a.txt', new TextEncoder().encode('   \n\n'))).rejects.toThrow('没有文字内容');
    await expect(readDocument('a.txt', new Uint8Array(65 * 1024 * 1024))).rejects.toThrow(/文件过大/);
  });
});
