import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatFen, parseAmount, roundTo, sumAmounts } from './money.ts';

describe('parseAmount', () => {
  it('reads 万元 with its stated precision', () => {
    expect(parseAmount('82.9', '万元')).toEqual({ fen: 82_900_000, precision: 100_000 });
    expect(parseAmount('64.01', '万元')).toEqual({ fen: 64_010_000, precision: 10_000 });
    expect(parseAmount('0', '万元')).toEqual({ fen: 0, precision: 1_000_000 });
  });
  it('reads 元 with thousands separators and 亿元', () => {
    expect(parseAmount('91,016,775.35', '元')).toEqual({ fen: 9_101_677_535, precision: 1 });
    expect(parseAmount('1.2', '亿元')).toEqual({ fen: 12_000_000_000, precision: 1_000_000_000 });
  });
  it('rounds more decimals than 分 can hold', () => {
    expect(parseAmount('1.005', '元')).toEqual({ fen: 101, precision: 1 });
  });
  it('rejects what is not a number', () => {
    expect(parseAmount('1,23', '元')).toBeNull();
    expect(parseAmount('abc', '元')).toBeNull();
    expect(parseAmount('99999999999999999999', '亿元')).toBeNull();
  });
  it('never uses floating point: any 万元 figure with two decimals is exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (w, c) => {
        const s = `${w}.${String(c).padStart(2, '0')}`;
        expect(parseAmount(s, '万元')?.fen).toBe(w * 1_000_000 + c * 10_000);
      }),
    );
  });
});

describe('formatting', () => {
  it('formats 分 in 万元 and 元', () => {
    expect(formatFen(82_900_000)).toBe('82.90万元');
    expect(formatFen(9_101_677_535, '元')).toBe('91016775.35元');
    expect(formatFen(-1_580_000)).toBe('-1.58万元');
  });
  it('formats an amount at its stated precision', () => {
    expect(formatAmount({ fen: 82_900_000, precision: 100_000 })).toBe('82.9万元');
    expect(formatAmount({ fen: 0, precision: 1_000_000 })).toBe('0万元');
  });
  it('round-trips any stated amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        const s = d === 0 ? String(n) : `${Math.floor(n / 10 ** d)}.${String(n % 10 ** d).padStart(d, '0')}`;
        const a = parseAmount(s, '万元');
        expect(a).not.toBeNull();
        if (a) expect(parseAmount(formatAmount(a).replace('万元', ''), '万元')).toEqual(a);
      }),
    );
  });
});

describe('sums and rounding', () => {
  it('sums fen and keeps the coarsest precision', () => {
    expect(
      sumAmounts([
        { fen: 1, precision: 1 },
        { fen: 10_000, precision: 10_000 },
      ]),
    ).toEqual({
      fen: 10_001,
      precision: 10_000,
    });
  });
  it('rounds half away from zero', () => {
    expect(roundTo(82_890_000, 100_000)).toBe(82_900_000);
    expect(roundTo(-150, 100)).toBe(-200);
  });
});
