import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../core/kernel/money.ts';
import { fenToYuan } from './yuan.ts';

describe('fenToYuan', () => {
  it('writes two decimals with the sign in front', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-5)).toBe('-0.05');
    expect(fenToYuan(-1250)).toBe('-12.50');
    expect(fenToYuan(82_900_000)).toBe('829000.00');
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(fenToYuan(Number.MIN_SAFE_INTEGER)).toBe('-90071992547409.91');
  });

  it('is exact for every safe integer: the digits equal BigInt division, and parse back to the same 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const s = fenToYuan(fen);
        const big = BigInt(fen);
        const abs = big < 0n ? -big : big;
        const expected = `${big < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
        expect(s).toBe(expected);
        expect(parseAmount(s, '元')?.fen).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not a safe integer', () => {
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
    expect(() => fenToYuan(2 ** 53)).toThrow(RangeError);
  });
});
