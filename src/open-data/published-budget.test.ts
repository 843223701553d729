import { describe, expect, it } from 'vitest';
import { checkPublished, sortPublished } from './published-budget.ts';
import { sampleMeta, samplePublished } from './test-support.ts';

describe('checkPublished', () => {
  it('returns the budgets with their keys in the model’s order', () => {
    const { meta, budget } = samplePublished();
    const shuffled = {
      meta: Object.fromEntries(Object.entries(meta).reverse()) as typeof meta,
      budget: Object.fromEntries(Object.entries(budget).reverse()) as typeof budget,
    };
    const [checked] = checkPublished([shuffled]);
    expect(Object.keys(checked?.meta ?? {})).toEqual(Object.keys(sampleMeta()));
    expect(JSON.stringify(checked?.budget)).toBe(JSON.stringify(budget));
  });

  it('accepts a department without a code and times with an offset', () => {
    expect(() =>
      checkPublished([samplePublished({ departmentCode: null, publishedAt: '2018-01-10T10:03:00+08:00' })]),
    ).not.toThrow();
  });

  it('refuses incomplete metadata with a Chinese message naming the field', () => {
    expect(() => checkPublished([samplePublished({ departmentName: '' })])).toThrow(
      /第 1 份公开预算.*departmentName/,
    );
    expect(() => checkPublished([samplePublished({ version: 0 })])).toThrow(/version/);
  });
});

describe('sortPublished', () => {
  it('orders by year, code (none last), id, then 预算 before 决算', () => {
    const item = (departmentId: string, departmentCode: string | null, kind: 'budget' | 'finalAccounts') => {
      const p = samplePublished({ departmentId, departmentCode, kind });
      p.budget = { ...p.budget, kind };
      return p;
    };
    const sorted = sortPublished([
      item('z', null, 'budget'),
      item('y', '631', 'finalAccounts'),
      item('y', '631', 'budget'),
      item('x', '630', 'budget'),
    ]);
    expect(sorted.map((p) => `${p.meta.departmentId}:${p.meta.kind}`)).toEqual([
      'x:budget',
      'y:budget',
      'y:finalAccounts',
      'z:budget',
    ]);
  });
});
