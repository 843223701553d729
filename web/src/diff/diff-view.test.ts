import { describe, expect, it } from 'vitest';
import { cleanBudgetFacts } from '../../../src/store/test-fixtures.ts';
import { diffFacts, pathLabel, showValue } from './diff-view.ts';

describe('diffs people read', () => {
  it('names paths in Chinese', () => {
    expect(pathLabel('/stated/revenueTotal')).toBe('收支总额 › 收入总额');
    expect(pathLabel('/department/duties/2')).toBe('部门概况 › 职责 › 第3项');
  });
  it('writes amounts in 万元', () => {
    expect(showValue({ fen: 82_900_000, precision: 100_000 })).toBe('82.90万元');
    expect(showValue(null)).toBe('（无）');
  });
  it('lists the biggest amount changes first', () => {
    const before = cleanBudgetFacts(2024);
    const total = before.stated.revenueTotal;
    if (!total) throw new Error('fixture lacks a revenue total');
    const after = {
      ...before,
      department: { ...before.department, duties: [...before.department.duties, '新职责'] },
      stated: { ...before.stated, revenueTotal: { ...total, fen: total.fen + 1_000_000 } },
    };
    const rows = diffFacts(before, after);
    expect(rows[0]?.label).toBe('收支总额 › 收入总额');
    expect(rows[0]?.magnitude).toBe(1_000_000);
    expect(rows.some((r) => r.after === '新职责' && r.kind === 'added')).toBe(true);
  });
});
