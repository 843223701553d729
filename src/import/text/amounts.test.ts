import { describe, expect, it } from 'vitest';
import { findAmounts, parseCellNumber } from './amounts.ts';

describe('findAmounts', () => {
  it('finds amounts in 元, 万元 and 亿元 with separators, and a unit split by a line break', () => {
    const found = findAmounts('收入82.9万元，支出91,016,775.35元；合计1.2亿元，减少2,389.52万\n元');
    expect(found.map((f) => f.amount.fen)).toEqual([
      82_900_000, 9_101_677_535, 12_000_000_000, 2_389_520_000,
    ]);
  });
  it('does not read years, percentages or counts as money', () => {
    expect(findAmounts('2018年增长5%，共3台')).toEqual([]);
  });
});

describe('parseCellNumber', () => {
  it('reads table cells in the table unit', () => {
    expect(parseCellNumber('91,016,775.35', '元')?.fen).toBe(9_101_677_535);
    expect(parseCellNumber('36', '万元')?.fen).toBe(36_000_000);
    expect(parseCellNumber('—', '元')).toBeNull();
    expect(parseCellNumber('95%', '元')).toBeNull();
  });
});
