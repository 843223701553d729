/**
 * The development corpus (../shared/corpus, real disclosures): every text
 * imports and audits without a crash, and the summary matches the figures read
 * by hand from each document (test/fixtures/corpus-expected.json), either as
 * the text states them or as the tables do. Skips with a message when the
 * corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditBudget } from '../src/core/audit/audit.ts';
import { FIGURE_KEYS } from '../src/core/budget/table-figures.ts';
import { importText } from '../src/import/text/import-text.ts';

const corpus = fileURLToPath(new URL('../../shared/corpus/text/', import.meta.url));
const present = existsSync(corpus);
if (!present) console.warn(`跳过语料测试：找不到 ${corpus}（见 shared/corpus/README.md）`);

interface Stated {
  fen: number;
  line: number;
  snippet: string;
}
interface Expected {
  fiscalYear: number;
  department: string;
  kind: 'budget' | 'finalAccounts';
  figures: Record<string, { text: Stated | null; table: Stated | null } | null>;
}
const expected: Record<string, Expected> = JSON.parse(
  readFileSync(new URL('./fixtures/corpus-expected.json', import.meta.url), 'utf8'),
).documents;

/**
 * Figures the importer does not read yet, each with the reason. The list must
 * stay exact: a fix that makes one of these right must remove it from here.
 */
const KNOWN_GAPS: Record<string, string> = {
  '001/operatingExpenses':
    '“一般公共预算财政拨款运行经费”在以“机关运行经费情况。”开头的段落中，标题与金额在同一行，未识别为该部分',
};

describe.skipIf(!present)('the development corpus', () => {
  const ids = Object.keys(expected).sort();

  it.each(ids)('%s imports and audits without a crash', (id) => {
    const text = readFileSync(`${corpus}${id}.txt`, 'utf8');
    const r = importText(text);
    const report = auditBudget({ budget: r.budget, provenance: r.provenance, lines: r.lines });
    expect(report.rules.run).toBe(report.rules.passed + report.rules.failed + report.rules.notChecked);
  });

  it.each(ids)('%s: the summary matches the figures read by hand', (id) => {
    const e = expected[id] as Expected;
    const r = importText(readFileSync(`${corpus}${id}.txt`, 'utf8'));
    expect(r.summary.fiscalYear).toBe(e.fiscalYear);
    expect(r.summary.department).toBe(e.department);
    expect(r.budget.kind).toBe(e.kind);
    const wrong: string[] = [];
    for (const key of FIGURE_KEYS) {
      const f = e.figures[key];
      const allowed = [f?.text?.fen, f?.table?.fen].filter((x): x is number => typeof x === 'number');
      const got = r.summary[key];
      const ok = allowed.length === 0 ? got === null : allowed.includes(got as number);
      if (!ok) wrong.push(`${id}/${key}`);
    }
    expect(wrong).toEqual(Object.keys(KNOWN_GAPS).filter((k) => k.startsWith(`${id}/`)));
  });

  it('pins a handful of figures checked by hand', () => {
    const s = (id: string) => importText(readFileSync(`${corpus}${id}.txt`, 'utf8')).summary;
    expect(s('005')).toMatchObject({
      revenueTotal: 9_101_680_000,
      personnel: 2_247_399_781,
      threePublicTotal: 867_500_000,
      reception: 28_500_000,
    });
    expect(s('002')).toMatchObject({
      revenueTotal: 2_946_250_000,
      basicExpenditure: 2_336_910_000,
      publicExpenses: 184_650_000,
    });
    expect(s('009')).toMatchObject({
      vehiclePurchase: 25_000_000,
      vehicleOperation: 21_560_000,
      procurementTotal: 1_662_440_000,
    });
    expect(s('016')).toMatchObject({
      revenueTotal: 1_212_120_000,
      generalPublicBudget: 950_120_000,
      operatingExpenses: 0,
    });
  });
});
