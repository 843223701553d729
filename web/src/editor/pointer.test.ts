import { describe, expect, it } from 'vitest';
import { getAt, setAt } from './pointer.ts';

describe('JSON pointers over facts', () => {
  const facts = { stated: { revenueTotal: { fen: 1, precision: 1 } }, revenue: [{ amount: { fen: 2 } }] };
  it('reads objects and arrays', () => {
    expect(getAt(facts, '/stated/revenueTotal/fen')).toBe(1);
    expect(getAt(facts, '/revenue/0/amount')).toEqual({ fen: 2 });
    expect(getAt(facts, '/nowhere/x')).toBeUndefined();
  });
  it('writes a copy and leaves the original alone', () => {
    const next = setAt(facts, '/revenue/0/amount', { fen: 3 });
    expect(getAt(next, '/revenue/0/amount')).toEqual({ fen: 3 });
    expect(Array.isArray(next.revenue)).toBe(true);
    expect(facts.revenue[0]?.amount.fen).toBe(2);
    expect(next.stated).toBe(facts.stated);
  });
});
