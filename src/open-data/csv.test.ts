import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetArbitrary } from '../../test/arbitraries/budget-arbitrary.ts';
import { parseAmount } from '../core/kernel/money.ts';
import { CSV_BOM, lineItemsCsv, neutraliseFormula } from './csv.ts';
import { LINE_ITEM_COLUMNS } from './fields.ts';
import { lineItems } from './line-items.ts';
import { parseCsv, sampleMeta, samplePublished } from './test-support.ts';

/** The CSV as records keyed by column name (BOM and header checked). */
function records(csv: string): Record<string, string>[] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  expect(header).toEqual(LINE_ITEM_COLUMNS);
  return rows.map((r) => {
    expect(r).toHaveLength(LINE_ITEM_COLUMNS.length);
    return Object.fromEntries(LINE_ITEM_COLUMNS.map((c, i) => [c, r[i] as string]));
  });
}

const sumFen = (rows: Record<string, string>[]) => rows.reduce((a, r) => a + Number(r.amount_fen), 0);

describe('lineItemsCsv of the sample budget', () => {
  const { budget } = samplePublished();
  const csv = lineItemsCsv(lineItems(samplePublished()));
  const rows = records(csv);
  const of = (section: string, rowType = 'item', period = 'current') =>
    rows.filter((r) => r.section === section && r.row_type === rowType && r.period === period);

  it('ends every record with CRLF and has no bare LF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('parses back to rows whose amounts add up to the budget’s own totals, section by section', () => {
    expect(rows).toHaveLength(lineItems(samplePublished()).length);
    expect(sumFen(of('revenue'))).toBe(budget.stated.revenueTotal?.fen);
    expect(sumFen(of('expenditure'))).toBe(budget.stated.expenditureTotal?.fen);
    expect(sumFen(of('expenditure').filter((r) => r.expenditure_kind === 'personnel'))).toBe(
      budget.stated.personnel?.fen,
    );
    expect(sumFen(of('operatingExpenses'))).toBe(budget.operatingExpenses.total?.fen);
    expect(sumFen(of('threePublic'))).toBe(budget.threePublic.total.amount?.fen);
    expect(sumFen(of('threePublic', 'item', 'priorYear'))).toBe(budget.threePublic.total.priorYear?.fen);
    for (const r of rows) expect(parseAmount(r.amount_yuan as string, '元')?.fen).toBe(Number(r.amount_fen));
  });

  it('writes empty cells for what a row does not have', () => {
    const total = of('revenue', 'total')[0];
    expect(total?.function_code).toBe('');
    expect(total?.compared_year).toBe('');
  });
});

describe('formula injection', () => {
  it('puts an apostrophe before text starting with = + - @ TAB or CR', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['', '办公费', "'=1", ' =1', 'a=b', '１', '＝1']) expect(neutraliseFormula(s)).toBe(s);
  });

  it('neutralises text cells but leaves numbers, negative ones too, as numbers', () => {
    const p = samplePublished();
    p.meta = sampleMeta({ departmentName: '=HYPERLINK("http://x","点击")', departmentCode: '@630' });
    p.budget.operatingExpenses.items = [
      { name: '+SUM(1,2)', amount: { fen: 100, precision: 1 } },
      { name: '-2+3', amount: { fen: 200, precision: 1 } },
      { name: '\tTAB', amount: { fen: 300, precision: 1 } },
      { name: '\rCR', amount: { fen: 400, precision: 1 } },
      { name: '办公费, "含"印刷', amount: { fen: 500, precision: 1 } },
    ];
    p.budget.changes = [
      {
        subject: 'publicExpenses',
        comparedYear: 2017,
        direction: 'decrease',
        word: '减少',
        amount: { fen: 1250, precision: 1 },
        percent: null,
        reason: "=cmd|' /C calc'!A0",
        partOf: null,
      },
    ];
    const rows = records(lineItemsCsv(lineItems(p)));
    for (const r of rows) {
      expect(r.department_name).toBe('\'=HYPERLINK("http://x","点击")');
      expect(r.department_code).toBe("'@630");
    }
    const items = rows.filter((r) => r.section === 'operatingExpenses' && r.row_type === 'item');
    expect(items.map((r) => r.item_name)).toEqual([
      "'+SUM(1,2)",
      "'-2+3",
      "'\tTAB",
      "'\rCR",
      '办公费, "含"印刷',
    ]);
    const change = rows.find((r) => r.section === 'changes');
    expect(change).toMatchObject({
      amount_fen: '-1250',
      amount_yuan: '-12.50',
      note: "'=cmd|' /C calc'!A0",
      compared_year: '2017',
    });
  });
});

describe('lineItemsCsv of generated budgets', () => {
  it('round-trips: every row parses back with the same amounts and codes', () => {
    fc.assert(
      fc.property(budgetArbitrary(), (budget) => {
        const items = lineItems({ meta: sampleMeta({ fiscalYear: budget.fiscalYear ?? 2018 }), budget });
        const rows = records(lineItemsCsv(items));
        expect(rows.map((r) => Number(r.amount_fen))).toEqual(items.map((i) => i.amountFen));
        expect(rows.map((r) => r.amount_yuan)).toEqual(items.map((i) => i.amountYuan));
        expect(rows.map((r) => r.function_code)).toEqual(items.map((i) => i.functionCode ?? ''));
        expect(rows.map((r) => r.item_name)).toEqual(items.map((i) => i.itemName ?? ''));
      }),
      { numRuns: 40 },
    );
  });
});
