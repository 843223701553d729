import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditFacts } from '../core/audit/audit.ts';
import { BudgetSchema } from '../core/budget/budget.ts';
import { summarize } from '../core/budget/summary.ts';
import { demoData } from './shanhaiguan-2018.ts';
import { DEMO_FILE, demoJson } from './write-demo.ts';

describe('the demo department’s budgets', () => {
  const d = demoData();

  it('keeps the committed data file in step with its source (npx tsx src/demo/write-demo.ts)', () => {
    expect(readFileSync(DEMO_FILE, 'utf8')).toBe(demoJson());
  });

  it('are valid budgets whose facts pass every rule that applies to facts', () => {
    for (const b of [d.budget, d.prior]) expect(BudgetSchema.parse(b)).toEqual(b);
    const report = auditFacts(d.budget);
    expect(report.findings).toEqual([]);
  });

  it('keep the seed’s figures, changed only where the notes say so', () => {
    const s = summarize(d.budget);
    expect(s).toMatchObject({
      fiscalYear: 2018,
      revenueTotal: 82_900_000,
      expenditureTotal: 82_900_000,
      personnel: 64_020_000, // seed 64.01: see the first note
      publicExpenses: 3_380_000,
      projectExpenditure: 15_500_000,
      operatingExpenses: 3_380_000,
      threePublicTotal: 1_100_000,
      assetsTotal: 50_630_000,
    });
    expect(d.notes.some((n) => n.includes('64.02'))).toBe(true);
    expect(d.budget.operatingExpenses.items.map((i) => i.amount.fen)).toEqual([
      980_000, 200_000, 320_000, 230_000, 600_000, 620_000, 430_000,
    ]);
  });

  it('make the stated changes the difference between the two years', () => {
    const now = summarize(d.budget);
    const before = summarize(d.prior);
    const diff = (k: keyof typeof now) => (now[k] as number) - (before[k] as number);
    expect(diff('expenditureTotal')).toBe(-1_580_000);
    expect(diff('basicExpenditure')).toBe(-1_490_000);
    expect(diff('projectExpenditure')).toBe(-90_000);
    expect(diff('threePublicTotal')).toBe(500_000);
    const total = d.budget.changes.find((c) => c.subject === 'total');
    expect(total?.amount?.fen).toBe(1_580_000);
  });

  it('spend on performance activities exactly the project expenditure', () => {
    const sum = d.budget.performance.activities.reduce((s, a) => s + (a.annualBudget?.fen ?? 0), 0);
    expect(sum).toBe(summarize(d.budget).projectExpenditure);
  });
});
