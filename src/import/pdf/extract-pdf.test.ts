/**
 * The PDF importer on real files, no mocks:
 * - every PDF of the development corpus (../shared/corpus/originals) imports
 *   with the summary read from its `pdftotext -layout` twin (text/NNN.txt);
 * - a PDF whose Chinese font is not embedded (test/fixtures/non-embedded-cjk.pdf);
 * - malformed files fail fast with UnreadableInput and a Chinese message;
 * - table rows are rebuilt from the positions of the text.
 * The corpus tests skip with a message when the corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  makeEncryptedPdf,
  makeNonEmbeddedPdf,
  makeTextlessPdf,
  NON_EMBEDDED_PDF_PATH,
} from '../../../test/fixtures/make-non-embedded-pdf.ts';
import { SUMMARY_KEYS, type Summary } from '../../core/budget/summary.ts';
import { InputTooLarge, UnreadableInput } from '../../core/errors.ts';
import { importText } from '../text/import-text.ts';
import { extractPdfText, layoutPages, type TextRun } from './extract-pdf.ts';

const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const present = existsSync(`${corpus}originals`) && existsSync(`${corpus}text`);
if (!present) console.warn(`跳过 PDF 语料测试：找不到 ${corpus}（见 shared/corpus/README.md）`);

/**
 * Summary figures where a PDF's import differs from its text twin's, each with
 * both values and the cause. Must stay exact: a change that makes one of these
 * agree must remove it from here. None at present.
 */
const KNOWN_DIFFERENCES: Record<string, Partial<Record<keyof Summary, { pdf: unknown; text: unknown }>>> = {};

const CJK_RADICALS = /[\u2e80-\u2fdf]/;

describe.skipIf(!present)('the corpus PDFs', () => {
  const ids = present
    ? readdirSync(`${corpus}originals`)
        .filter((f) => /^\d{3}\.pdf$/.test(f))
        .map((f) => f.slice(0, 3))
        .sort()
    : [];
  const extracted = new Map<string, { text: string; pages: number; summary: Summary }>();

  beforeAll(async () => {
    // Parsed once, one after another (pdf.js runs on this thread).
    for (const id of ids) {
      const r = await extractPdfText(new Uint8Array(readFileSync(`${corpus}originals/${id}.pdf`)));
      extracted.set(id, { ...r, summary: importText(r.text).summary });
    }
  }, 60_000);

  it('holds the fifteen PDFs 002–016', () => {
    expect(ids).toEqual(
      expect.arrayContaining(Array.from({ length: 15 }, (_, i) => String(i + 2).padStart(3, '0'))),
    );
  });

  it.each(ids)('%s: the summary equals the one read from the text twin', (id) => {
    const pdf = extracted.get(id)?.summary as Summary;
    const text = importText(readFileSync(`${corpus}text/${id}.txt`, 'utf8')).summary;
    const differences: Record<string, { pdf: unknown; text: unknown }> = {};
    for (const key of SUMMARY_KEYS)
      if (pdf[key] !== text[key]) differences[key] = { pdf: pdf[key], text: text[key] };
    expect(differences).toEqual(KNOWN_DIFFERENCES[id] ?? {});
  });

  it.each(ids)('%s: one form feed per page break, no stray control characters', (id) => {
    const r = extracted.get(id) as { text: string; pages: number };
    expect(r.text.split('\f')).toHaveLength(r.pages);
    // Each page after the first starts with its form feed, right after a line break.
    expect(r.text.match(/\n\f/g) ?? []).toHaveLength(r.pages - 1);
    expect(r.text.replace(/[\t\n\f]/g, '')).not.toMatch(/\p{Cc}/u);
  });
});

describe('a PDF whose Chinese font is not embedded', () => {
  let text = '';
  let pages = 0;
  beforeAll(async () => {
    ({ text, pages } = await extractPdfText(new Uint8Array(readFileSync(NON_EMBEDDED_PDF_PATH))));
  });

  it('is the file the generator writes', () => {
    expect(new Uint8Array(readFileSync(NON_EMBEDDED_PDF_PATH))).toEqual(makeNonEmbeddedPdf());
  });

  it('imports with its figures, year and department', () => {
    expect(pages).toBe(1);
    const s = importText(text).summary;
    expect(s.fiscalYear).toBe(2024);
    expect(s.department).toBe('某某县档案馆');
    expect(s.revenueTotal).toBe(120_000_000);
    expect(s.expenditureTotal).toBe(120_000_000);
    expect(s.basicExpenditure).toBe(100_000_000);
    expect(s.projectExpenditure).toBe(20_000_000);
  });

  it('has ideographs, not the CJK radicals of the font’s maps', () => {
    expect(text).toContain('某某县档案馆2024年部门预算');
    expect(text).toContain('2024年收入预算120.00万元，支出预算120.00万元。');
    expect(text).not.toMatch(CJK_RADICALS);
  });

  it('rebuilds the table rows from the positions: tab-separated cells, in order', () => {
    const lines = text.split('\n');
    const cells = (start: RegExp) =>
      (lines.find((l) => start.test(l)) ?? '').split('\t').filter((c) => c.trim() !== '');
    expect(cells(/^科目编码/)).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    expect(cells(/^201\t/)).toEqual(['201', '一般公共服务支出', '120.00', '100.00', '20.00']);
    expect(cells(/^\t*合计\t/)).toEqual(['合计', '120.00', '100.00', '20.00']);
    // One grid: 合计 sits under 科目名称, the amounts under their headers.
    const header = lines.find((l) => l.startsWith('科目编码'))?.split('\t') ?? [];
    const total = lines.find((l) => /^\t*合计\t/.test(l))?.split('\t') ?? [];
    expect(total.indexOf('合计')).toBe(header.indexOf('科目名称'));
    expect(total.indexOf('20.00')).toBe(header.indexOf('项目支出'));
    // Prose stays one line without tabs.
    expect(lines.find((l) => l.startsWith('2024年收入预算'))).not.toContain('\t');
  });
});

describe('a page shown turned (/Rotate)', () => {
  it.each([90, 180, 270])('%i°: read the way its text runs, with the same figures', async (rotate) => {
    const turned = await extractPdfText(makeNonEmbeddedPdf({ rotate }));
    const upright = await extractPdfText(makeNonEmbeddedPdf());
    expect(turned.text).toBe(upright.text);
  });
});

describe('malformed files', () => {
  const fixture = makeNonEmbeddedPdf();
  const truncatedSource = present
    ? new Uint8Array(readFileSync(`${corpus}originals/005.pdf`)).subarray(0, 2048)
    : fixture.subarray(0, 2048);
  let seed = 20240601;
  const random = new Uint8Array(64 * 1024).map(() => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 24;
  });
  const withHeader = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...random]);

  const cases: [string, Uint8Array, RegExp][] = [
    ['an empty file', new Uint8Array(), /PDF 文件为空/],
    ['the first 2 KB of a PDF', truncatedSource, /PDF 文件已损坏或不完整/],
    ['half of the fixture', fixture.subarray(0, fixture.length >> 1), /PDF 文件已损坏或不完整/],
    ['random bytes after a %PDF header', withHeader, /PDF 文件已损坏或不完整/],
    ['random bytes', random, /PDF 文件已损坏或不完整：找不到 PDF 文件头/],
    ['an encrypted PDF', makeEncryptedPdf(), /PDF 文件已加密，无法读取/],
    ['a PDF without text (a scan)', makeTextlessPdf(), /PDF 中没有文字层（可能是扫描件），无法读取/],
  ];

  it.each(cases)(
    '%s is refused with UnreadableInput and a Chinese message, fast',
    async (_, bytes, message) => {
      const start = performance.now();
      const error = await extractPdfText(bytes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UnreadableInput);
      expect((error as Error).message).toMatch(message);
      expect(performance.now() - start).toBeLessThan(5_000);
    },
  );

  it('refuses more pages than the limit', async () => {
    await expect(extractPdfText(fixture, { maxPages: 0 })).rejects.toBeInstanceOf(InputTooLarge);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(extractPdfText(fixture, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('leaves the caller’s bytes as they were', async () => {
    const bytes = makeNonEmbeddedPdf();
    await extractPdfText(bytes);
    expect(bytes).toEqual(fixture);
  });
});

describe('layout from positions', () => {
  const run = (text: string, x0: number, y: number, size = 10): TextRun => ({
    text,
    x0,
    x1: x0 + (text.length * size) / (/[\u4e00-\u9fff]/.test(text) ? 1 : 2),
    y,
    size,
  });

  it('puts centred headers over right-aligned amounts, and a spanning header in its leftmost column', () => {
    const [page] = layoutPages([
      [
        run('“三公”经费预算数', 150, 20),
        run('公务用车购置及运行费', 195, 30),
        run('合计', 45, 40),
        run('出国费', 115, 40),
        run('购置费', 195, 50),
        run('运行费', 265, 50),
        run('10.81', 80, 60),
        run('0', 170, 60),
        run('0', 230, 60),
        run('9.98', 290, 60),
      ],
    ]);
    const lines = (page ?? '').split('\n');
    expect(lines).toHaveLength(5);
    const [span, vehicles, top, sub, data] = lines.map((l) => l.split('\t')) as string[][];
    // Headers centred over their columns, none overlapping the amounts under it.
    expect(top?.indexOf('合计')).toBe(data?.indexOf('10.81'));
    expect(top?.indexOf('出国费')).toBe(data?.indexOf('0'));
    expect(sub?.indexOf('购置费')).toBe(data?.lastIndexOf('0'));
    expect(sub?.indexOf('运行费')).toBe(data?.indexOf('9.98'));
    // Spanning headers: the leftmost column they cover.
    expect(vehicles?.indexOf('公务用车购置及运行费')).toBe(sub?.indexOf('购置费'));
    expect(span?.indexOf('“三公”经费预算数')).toBe(data?.indexOf('0'));
  });

  it('keeps one grid for a table that runs on to the next page', () => {
    const header = [
      run('经济分类科目名称', 60, 20),
      run('合计', 220, 20),
      run('人员经费', 290, 20),
      run('公用经费', 370, 20),
    ];
    const pages = layoutPages([
      [...header, run('工资福利支出', 60, 40), run('100.00', 220, 40), run('100.00', 300, 40)],
      [run('办公费', 60, 20), run('5.00', 230, 20), run('5.00', 390, 20)],
    ]);
    const head = (pages[0] ?? '').split('\n')[0]?.split('\t') ?? [];
    const next = (pages[1] ?? '').split('\n')[0]?.split('\t') ?? [];
    expect(next[head.indexOf('合计')]).toBe('5.00');
    expect(next[head.indexOf('公用经费')]).toBe('5.00');
    expect(next[head.indexOf('人员经费')]).toBe('');
  });

  it('joins Chinese words without spaces and Latin words with one', () => {
    const [page] = layoutPages([
      [run('收入预算', 0, 10), run('合计', 41, 10), run('Total', 65, 10), run('amount', 93, 10)],
    ]);
    expect(page).toBe('收入预算合计 Total amount');
  });

  it('splits amounts that pdf.js joined with a space inside a table', () => {
    const [page] = layoutPages([
      [
        run('一、财政拨款收入', 0, 10),
        run('91,016,775.35 一、一般公共服务支出', 150, 10),
        run('82,096,797.42', 400, 10),
      ],
    ]);
    expect(page?.split('\t')).toEqual([
      '一、财政拨款收入',
      '91,016,775.35',
      '一、一般公共服务支出',
      '82,096,797.42',
    ]);
  });
});
