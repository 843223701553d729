import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../core/disclosure/build-document.ts';
import { type ChartBlock, type DocTable, documentOutline } from '../../core/disclosure/document.ts';
import { testBudget, testPriorBudget } from '../../core/disclosure/test-budget.ts';
import { CJK_RADICAL_TO_IDEOGRAPH } from '../../core/text/cjk-radicals.ts';
import { pngSize, renderDocx } from './render-docx.ts';

/** A valid RGB PNG of one colour. */
function tinyPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const doc = buildDocument(testBudget(), { prior: testPriorBudget() });
const tables = doc.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
const charts = doc.sections.flatMap((s) => s.blocks.filter((b): b is ChartBlock => b.kind === 'chart'));

async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

async function xml(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`${path} missing`);
  return f.async('string');
}

/** The text of the w:t runs of an XML part, joined per paragraph. */
function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

const decodeXml = (s: string) =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

describe('renderDocx', async () => {
  // Distinct images (docx stores identical bytes once).
  const images = Object.fromEntries(charts.map((c, i) => [c.key, tinyPng(40 + i, 24)]));
  const bytes = await renderDocx(doc, { charts: images });
  const zip = await unzip(bytes);
  const documentXml = await xml(zip, 'word/document.xml');
  const texts = paragraphs(documentXml).map(decodeXml);

  it('is a zip with the parts of a Word document', () => {
    expect(bytes[0]).toBe(0x50);
    expect(bytes[1]).toBe(0x4b);
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/fontTable.xml'])
      expect(zip.file(part), part).not.toBeNull();
  });

  it('has the title and every section heading in real heading styles', () => {
    expect(documentXml).toContain('<w:pStyle w:val="Title"/>');
    expect(documentXml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(10);
    expect(documentXml.match(/<w:pStyle w:val="Heading2"\/>/g)?.length).toBeGreaterThanOrEqual(3);
    for (const h of documentOutline(doc).headings) expect(texts).toContain(h);
    expect(texts).toContain(doc.title);
    for (const t of documentOutline(doc).tables) expect(texts).toContain(t);
  });

  it('sets 仿宋 for East Asian text with Times New Roman for Latin, and names the Chinese fallbacks', async () => {
    const styles = await xml(zip, 'word/styles.xml');
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="FangSong"/);
    expect(styles).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="SimHei"/);
    const fonts = await xml(zip, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="FangSong"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:altName w:val="黑体"/>');
  });

  it('writes real tables: repeated header rows, merged cells, right-aligned amounts', () => {
    expect(documentXml.match(/<w:tbl>/g)).toHaveLength(tables.length);
    const headerRows = tables.reduce((n, t) => n + t.headerRows.length, 0);
    expect(documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(headerRows);
    // Each header row is marked, each body row is not.
    const rows = [...documentXml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const bodyRows = tables.reduce((n, t) => n + t.rows.length, 0);
    expect(rows).toHaveLength(headerRows + bodyRows);
    expect(documentXml).toContain('<w:gridSpan w:val="3"/>');
    expect(documentXml).toContain('<w:vMerge w:val="restart"/>');
    expect(documentXml).toContain('<w:vMerge w:val="continue"/>');
    const amountCell =
      /<w:tc>(?:(?!<\/w:tc>)[\s\S])*?<w:jc w:val="right"\/>(?:(?!<\/w:tc>)[\s\S])*?<w:t(?: [^>]*)?>82\.89<\/w:t>/;
    expect(documentXml).toMatch(amountCell);
    expect(texts).toContain('本部门2018年无政府性基金预算支出，故本表为空表。');
  });

  it('puts the chart PNGs in as images with their titles, or data tables without them', async () => {
    const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(media).toHaveLength(charts.length);
    for (const c of charts) expect(documentXml).toContain(`title="${c.title}"`);
    const plain = await unzip(await renderDocx(doc));
    expect(Object.keys(plain.files).filter((f) => /^word\/media\/.+/.test(f))).toHaveLength(0);
    const plainXml = await xml(plain, 'word/document.xml');
    expect(plainXml.match(/<w:tbl>/g)).toHaveLength(tables.length + charts.length);
    expect(pngSize(tinyPng(40, 24))).toEqual({ width: 40, height: 24 });
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it('escapes text into the XML', async () => {
    const b = testBudget();
    b.department.name = '<script>alert(1)</script> & “某”';
    const x = await xml(await unzip(await renderDocx(buildDocument(b))), 'word/document.xml');
    expect(x).not.toContain('<script>');
    expect(x).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; “某”');
  });
});

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const PDFTOTEXT = existsSync('/usr/bin/pdftotext') ? '/usr/bin/pdftotext' : null;

describe('renderDocx opened by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhengwu-docx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!SOFFICE || !PDFTOTEXT)(
    `converts to PDF with every section heading (${SOFFICE ? SOFFICE : 'skipped: LibreOffice not installed at /usr/bin/soffice or /usr/bin/libreoffice'}${PDFTOTEXT ? '' : ', pdftotext missing'})`,
    async () => {
      const file = join(dir, 'disclosure.docx');
      writeFileSync(file, await renderDocx(doc));
      execFileSync(
        SOFFICE as string,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          file,
        ],
        { timeout: 90_000, stdio: 'pipe' },
      );
      const pdf = join(dir, 'disclosure.pdf');
      expect(existsSync(pdf)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const raw = execFileSync(PDFTOTEXT as string, [pdf, '-'], { encoding: 'utf8', timeout: 30_000 });
      const text = [...raw]
        .map((ch) => CJK_RADICAL_TO_IDEOGRAPH.get(ch) ?? ch)
        .join('')
        .replace(/\s+/g, '');
      for (const h of documentOutline(doc).headings) expect(text).toContain(h.replace(/\s+/g, ''));
      expect(text).toContain('2018年部门收支总表');
    },
    120_000,
  );
});
