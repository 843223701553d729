import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetArbitrary } from '../../test/arbitraries/budget-arbitrary.ts';
import type { Budget } from '../core/budget/budget.ts';
import { InvalidInput } from '../core/errors.ts';
import { parseAmount } from '../core/kernel/money.ts';
import { allLineItems, type LineItem, lineItems, type Section } from './line-items.ts';
import type { PublishedBudget } from './published-budget.ts';
import { sampleMeta, samplePublished } from './test-support.ts';

const sum = (rows: readonly LineItem[]) => rows.reduce((a, r) => a + r.amountFen, 0);

function pick(rows: readonly LineItem[], section: Section, rowType: LineItem['rowType'], period = 'current') {
  return rows.filter((r) => r.section === section && r.rowType === rowType && r.period === period);
}

function published(budget: Budget): PublishedBudget {
  return { meta: sampleMeta({ fiscalYear: budget.fiscalYear ?? 2018 }), budget };
}

describe('lineItems of the sample budget', () => {
  const { budget } = samplePublished();
  const rows = lineItems(samplePublished());

  it('has a row for every revenue line, expenditure line, 机关运行经费 item and asset change', () => {
    expect(pick(rows, 'revenue', 'item')).toHaveLength(budget.revenue.length);
    expect(pick(rows, 'expenditure', 'item')).toHaveLength(budget.expenditureLines.length);
    expect(pick(rows, 'operatingExpenses', 'item')).toHaveLength(budget.operatingExpenses.items.length);
    expect(pick(rows, 'assets', 'item', 'change')).toHaveLength(budget.assets.changes.length);
    expect(pick(rows, 'performance', 'item')).toHaveLength(budget.performance.activities.length);
    expect(rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 1));
  });

  it('adds up, section by section, to the budget’s own totals', () => {
    const s = budget.stated;
    expect(sum(pick(rows, 'revenue', 'item'))).toBe(s.revenueTotal?.fen);
    const spending = pick(rows, 'expenditure', 'item');
    expect(sum(spending)).toBe(s.expenditureTotal?.fen);
    expect(sum(spending.filter((r) => r.expenditureKind === 'personnel'))).toBe(s.personnel?.fen);
    expect(sum(spending.filter((r) => r.expenditureKind === 'publicExpenses'))).toBe(s.publicExpenses?.fen);
    expect(sum(spending.filter((r) => r.expenditureKind === 'project'))).toBe(s.projectExpenditure?.fen);
    expect(sum(pick(rows, 'operatingExpenses', 'item'))).toBe(budget.operatingExpenses.total?.fen);
    expect(sum(pick(rows, 'threePublic', 'item'))).toBe(budget.threePublic.total.amount?.fen);
    expect(sum(pick(rows, 'threePublic', 'item', 'priorYear'))).toBe(budget.threePublic.total.priorYear?.fen);
    expect(sum(pick(rows, 'performance', 'item'))).toBe(budget.performance.projectFunds?.fen);
    expect(sum(pick(rows, 'assets', 'item', 'change'))).toBe(budget.assets.change?.fen);
    // …and every total row is the stated total.
    for (const section of ['revenue', 'expenditure', 'operatingExpenses', 'threePublic'] as const)
      expect(sum(pick(rows, section, 'total'))).toBe(sum(pick(rows, section, 'item')));
  });

  it('carries the codes of each expenditure line, its 类 and 款, and their names', () => {
    const salary = rows.find((r) => r.economicCode === '30101');
    expect(salary).toMatchObject({
      section: 'expenditure',
      direction: 'expenditure',
      functionCode: '2010350',
      functionName: '事业运行',
      functionLevel1Code: '201',
      functionLevel1Name: '一般公共服务支出',
      functionLevel2Code: '20103',
      functionLevel2Name: '政府办公厅（室）及相关机构事务',
      economicLevel1Code: '301',
      economicLevel1Name: '工资福利支出',
      expenditureKind: 'personnel',
      fundingSource: 'generalPublicBudget',
      fundingSourceName: '一般公共预算拨款',
      amountFen: 21_600_000,
      amountYuan: '216000.00',
      precisionFen: 1,
    });
  });

  it('names a 类-level line by its own name and gives it no 款', () => {
    const b = structuredClone(budget);
    b.expenditureLines = [
      {
        ...(b.expenditureLines[0] as (typeof b.expenditureLines)[0]),
        functionCode: '201',
        functionName: '一般公共服务',
        economicCode: '399',
        economicName: null,
      },
    ];
    const line = lineItems({ meta: sampleMeta(), budget: b }).find(
      (r) => r.section === 'expenditure' && r.rowType === 'item',
    );
    expect(line).toMatchObject({
      functionLevel1Code: '201',
      functionLevel1Name: '一般公共服务',
      functionLevel2Code: null,
      functionLevel2Name: null,
      economicLevel1Code: '399',
      economicLevel1Name: null,
    });
  });

  it('gives 三公 this year and last, with the prior year’s year', () => {
    const vehicle = rows.filter((r) => r.itemCode === 'vehicleOperation');
    expect(vehicle.map((r) => [r.period, r.periodYear, r.amountFen])).toEqual([
      ['current', 2018, 1_100_000],
      ['priorYear', 2017, 600_000],
    ]);
  });

  it('signs decreases and names the year compared with', () => {
    const total = rows.find((r) => r.section === 'changes' && r.itemCode === 'total');
    expect(total).toMatchObject({
      period: 'change',
      comparedYear: 2017,
      amountFen: -1_580_000,
      amountYuan: '-15800.00',
    });
  });

  it('takes department, year, kind and version from the publication’s metadata', () => {
    const r = lineItems(samplePublished({ kind: 'budget', version: 3, departmentName: '改名后的中心' }))[0];
    expect(r).toMatchObject({
      version: 3,
      departmentName: '改名后的中心',
      phase: 'approved',
      budgetKind: 'budget',
    });
  });

  it('gives no row for what the budget does not state', () => {
    const b = structuredClone(budget);
    b.threePublic.reception = { amount: null, priorYear: null, reason: null };
    b.stated.basicExpenditure = null;
    const rs = lineItems({ meta: sampleMeta(), budget: b });
    expect(rs.some((r) => r.itemCode === 'reception')).toBe(false);
    expect(rs.some((r) => r.section === 'expenditure' && r.itemCode === 'basicExpenditure')).toBe(false);
    expect(rs).toHaveLength(rows.length - 3);
  });
});

describe('lineItems of generated budgets', () => {
  it('adds up to the stated totals and converts every amount exactly', () => {
    fc.assert(
      fc.property(budgetArbitrary({ omissions: false }), (budget) => {
        const rows = lineItems(published(budget));
        expect(sum(pick(rows, 'revenue', 'item'))).toBe(budget.stated.revenueTotal?.fen);
        expect(sum(pick(rows, 'expenditure', 'item'))).toBe(budget.stated.expenditureTotal?.fen);
        expect(sum(pick(rows, 'operatingExpenses', 'item'))).toBe(budget.operatingExpenses.total?.fen);
        expect(sum(pick(rows, 'threePublic', 'item'))).toBe(budget.threePublic.total.amount?.fen);
        for (const r of rows) {
          expect(parseAmount(r.amountYuan, '元')?.fen).toBe(r.amountFen);
          expect(r.periodYear).toBe(r.period === 'priorYear' ? r.fiscalYear - 1 : r.fiscalYear);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('allLineItems', () => {
  it('lists budgets in one order whatever order they come in', () => {
    const a = samplePublished({ departmentId: 'a', departmentCode: '700' });
    const b = samplePublished({ departmentId: 'b', departmentCode: '630' });
    const c = samplePublished({ departmentId: 'c', departmentCode: null });
    const d = { ...samplePublished({ departmentId: 'a', departmentCode: '700', fiscalYear: 2017 }) };
    d.budget = { ...d.budget, fiscalYear: 2017 };
    const order = (rows: LineItem[]) => [...new Set(rows.map((r) => `${r.departmentId}-${r.fiscalYear}`))];
    expect(order(allLineItems([a, b, c, d]))).toEqual(['a-2017', 'b-2018', 'a-2018', 'c-2018']);
    expect(allLineItems([c, d, b, a])).toEqual(allLineItems([a, b, c, d]));
  });

  it('refuses a budget that does not fit the model, contradicts its metadata or comes twice', () => {
    const bad = samplePublished();
    (bad.budget.expenditureLines[0] as { amount: { fen: number } }).amount.fen = 1.5;
    expect(() => allLineItems([bad])).toThrow(InvalidInput);
    expect(() => allLineItems([samplePublished({ fiscalYear: 2019 })])).toThrow(/年度/);
    expect(() => allLineItems([samplePublished({ kind: 'finalAccounts' })])).toThrow(/类型/);
    expect(() => allLineItems([samplePublished(), samplePublished({ version: 2 })])).toThrow(/两次/);
    expect(() => allLineItems([samplePublished({ publishedAt: '2018-01-10' })])).toThrow(/publishedAt/);
  });
});
