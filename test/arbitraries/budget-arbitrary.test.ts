import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetSchema } from '../../src/core/budget/budget.ts';
import { textFigures } from '../../src/core/budget/summary.ts';
import { FIGURE_KEYS, tableFigures } from '../../src/core/budget/table-figures.ts';
import { budgetArbitrary } from './budget-arbitrary.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('budgetArbitrary', () => {
  it('gives budgets the schema accepts, with amounts in whole hundreds of 元', () => {
    fc.assert(
      fc.property(budgetArbitrary(), (b) => {
        BudgetSchema.parse(b);
        const amounts = JSON.stringify(b).match(/"fen":-?\d+/g) ?? [];
        for (const a of amounts) expect(Number(a.slice(6)) % 10_000).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('gives internally consistent budgets: every stated total is the sum of its parts', () => {
    fc.assert(
      fc.property(budgetArbitrary({ omissions: false, tables: 'all' }), (b) => {
        const lines = b.expenditureLines;
        const of = (k: string) => sum(lines.filter((l) => l.kind === k).map((l) => l.amount.fen));
        const s = b.stated;
        const total = sum(lines.map((l) => l.amount.fen));
        expect(s.personnel?.fen).toBe(of('personnel'));
        expect(s.publicExpenses?.fen).toBe(of('publicExpenses'));
        expect(s.projectExpenditure?.fen).toBe(of('project'));
        expect(s.basicExpenditure?.fen).toBe(of('personnel') + of('publicExpenses'));
        expect(s.expenditureTotal?.fen).toBe(total);
        expect(s.revenueTotal?.fen).toBe(total);
        expect(sum(b.revenue.map((r) => r.amount.fen))).toBe(total);
        expect(s.generalPublicBudget?.fen).toBe(
          sum(lines.filter((l) => l.fundingSource === 'generalPublicBudget').map((l) => l.amount.fen)),
        );
        const op = b.operatingExpenses;
        expect(op.total?.fen).toBe(sum(op.items.map((i) => i.amount.fen)));
        expect(op.total?.fen).toBe(of('publicExpenses'));
        const tp = b.threePublic;
        const fen = (x: { amount: { fen: number } | null }) => x.amount?.fen ?? Number.NaN;
        expect(fen(tp.vehicleTotal)).toBe(fen(tp.vehiclePurchase) + fen(tp.vehicleOperation));
        expect(fen(tp.total)).toBe(fen(tp.overseasTravel) + fen(tp.vehicleTotal) + fen(tp.reception));
        expect(b.performance.activities.length).toBeGreaterThanOrEqual(1);
        expect(b.performance.activities.length).toBeLessThanOrEqual(4);
        if (b.procurement.total)
          expect(b.procurement.total.fen).toBe(sum(b.procurement.items.map((i) => i.amount.fen)));
        // The tables say what the text says.
        const text = textFigures(b);
        const tables = tableFigures(b);
        for (const k of FIGURE_KEYS) {
          const t = tables[k]?.amount.fen;
          if (t !== undefined && text[k] !== null) expect({ k, t }).toEqual({ k, t: text[k] });
        }
      }),
      { numRuns: 200 },
    );
  });
});
