import { describe, expect, it } from 'vitest';
import { fenToWan, formatChange, formatMoney, formatWan, formatYi, normaliseTypedNumber } from './amount.ts';

describe('amounts in 万元 and 亿元', () => {
  it('writes 分 in 万元 with zh-CN grouping and two decimals', () => {
    expect(formatWan(82_900_000)).toBe('82.90万元');
    expect(formatWan(12_345_678_900)).toBe('12,345.68万元');
    expect(formatWan(0)).toBe('0.00万元');
    expect(formatWan(null)).toBe('—');
    expect(formatWan(-1_580_000)).toBe('-1.58万元');
  });
  it('switches to 亿元 from one hundred million 元', () => {
    expect(formatMoney(9_999_999_999)).toBe('10,000.00万元');
    expect(formatMoney(10_000_000_000)).toBe('1.00亿元');
    expect(formatYi(123_456_000_000)).toBe('12.35亿元');
  });
  it('gives 万元 as a number for charts without losing cents', () => {
    expect(fenToWan(82_900_000)).toBe(82.9);
    expect(fenToWan(6_401_123)).toBe(6.4011);
  });
  it('states a change with its sign and per cent', () => {
    expect(formatChange(82_900_000, 84_480_000)).toBe('−1.58万元（−1.9%）');
    expect(formatChange(11_000_000, 11_000_000)).toBe('±0.00万元（±0.0%）');
    expect(formatChange(null, 1)).toBe('—');
  });
  it('reads what people type, full-width included', () => {
    expect(normaliseTypedNumber(' 82.9 ')).toBe('82.9');
    expect(normaliseTypedNumber('１，２３４．５')).toBe('1234.5');
    expect(normaliseTypedNumber('八十')).toBeNull();
    expect(normaliseTypedNumber('')).toBeNull();
  });
});
