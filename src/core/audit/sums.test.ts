import { describe, expect, it } from 'vitest';
import { parseAmount } from '../kernel/money.ts';
import { checkSum } from './sums.ts';

const w = (s: string) => {
  const a = parseAmount(s, '万元');
  if (!a) throw new Error(s);
  return a;
};

describe('checkSum', () => {
  it('tells a rounding difference (82.89 against 82.9) from a real one', () => {
    const c = checkSum([w('64.01'), w('3.38'), w('15.5')], w('82.9'));
    expect(c.verdict).toBe('rounding');
    expect(c.arithmetic).toBe('64.01 + 3.38 + 15.5 = 82.89 ≈ 82.9万元');
  });
  it('reports parts that do not add up at the total’s precision (1.5 + 0.09 against 1.58)', () => {
    const c = checkSum([w('1.5'), w('0.09')], w('1.58'));
    expect(c.verdict).toBe('withinPartsRounding');
    expect(c.difference).toBe(10_000);
  });
  it('calls a difference no rounding explains a mismatch', () => {
    expect(checkSum([w('36'), w('21.6')], w('15.5')).verdict).toBe('mismatch');
    expect(checkSum([w('1'), w('2')], w('3')).verdict).toBe('exact');
  });
  it('takes a configured absolute tolerance', () => {
    expect(checkSum([w('1')], w('1.05'), { absoluteFen: 50_000, roundingFactor: 1 }).verdict).toBe(
      'rounding',
    );
  });
});
