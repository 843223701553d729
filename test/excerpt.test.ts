/**
 * An excerpt of a real disclosure (上海市普陀区人民政府办公室 2025, from the
 * development corpus, kept in the project so the test always runs): the summary
 * as read by hand, text figures in 万元 and table figures in 元.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../src/import/text/import-text.ts';

const text = readFileSync(new URL('./fixtures/excerpt-putuo-office-2025.txt', import.meta.url), 'utf8');
const lines = text.split('\n');

describe('a real disclosure laid out by pdftotext', () => {
  const r = importText(text);

  it('reads the summary: text figures where the text states them, table figures elsewhere', () => {
    expect(r.summary).toEqual({
      revenueTotal: 9_101_680_000, // 收入预算9,101.68万元
      expenditureTotal: 9_101_680_000,
      generalPublicBudget: 9_101_680_000,
      basicExpenditure: 2_460_677_535, // 支出预算总表 合计 24,606,775.35 元
      personnel: 2_247_399_781,
      publicExpenses: 213_277_754,
      projectExpenditure: 6_641_000_000,
      threePublicTotal: 867_500_000,
      overseasTravel: 839_000_000,
      vehicleTotal: 0,
      vehiclePurchase: 0,
      vehicleOperation: 0,
      reception: 28_500_000,
      operatingExpenses: 213_280_000,
      procurementTotal: 34_000_000,
      assetsTotal: null,
      fiscalYear: 2025,
      department: '上海市普陀区人民政府办公室',
    });
  });

  it('points provenance at the lines an editor shows (form feeds are not line breaks)', () => {
    for (const path of ['/stated/revenueTotal', '/threePublic/reception/amount', '/procurement/total']) {
      const p = r.provenance[path];
      const line = lines[(p?.line ?? 0) - 1] ?? '';
      expect(line.slice((p?.column ?? 1) - 1).replace(/\s+/g, '')).toContain(
        (p?.text ?? '?').replace(/\s+/g, '').slice(0, 4),
      );
    }
  });

  it('reads the 三公 table row by position only when it adds up', () => {
    const t = r.budget.tables.find((x) => x.kind === 'threePublic');
    const row = t?.rows.find((x) => x.cells.total);
    expect(row?.cells.total?.fen).toBe(867_500_000);
    expect(row?.cells.reception?.fen).toBe(28_500_000);
    expect(row?.cells.operatingExpenses?.fen).toBe(213_280_000);
  });
});
