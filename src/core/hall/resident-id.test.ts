import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResidentId, isValidResidentId, residentIdCheckChar } from './resident-id.ts';

/** The two examples printed in GB 11643-1999 itself, and one from a widely used validator's tests. */
const VALID = ['11010519491231002X', '440524188001010014', '11010119900307299X'];

describe('citizen identity numbers (GB 11643-1999)', () => {
  it('accepts the standard examples, with their birth dates and sexes', () => {
    for (const id of VALID) expect(isValidResidentId(id)).toBe(true);
    expect(checkResidentId('11010519491231002X')).toEqual({
      ok: true,
      id: '11010519491231002X',
      addressCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(checkResidentId(' 440524188001010014 ')).toMatchObject({ birthDate: '1880-01-01', sex: 'male' });
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  it('rejects a wrong check character, bad dates and bad formats', () => {
    expect(checkResidentId('110105194912310021')).toMatchObject({ ok: false, problem: 'checkDigit' });
    expect(checkResidentId('110105194902300028')).toMatchObject({ ok: false, problem: 'birthDate' });
    expect(checkResidentId('11010519491231002X', '1949-12-30')).toMatchObject({ problem: 'birthDate' });
    expect(checkResidentId('11010519491231002')).toMatchObject({ ok: false, problem: 'format' });
    expect(checkResidentId('1101051949123100X2')).toMatchObject({ ok: false, problem: 'format' });
  });

  it('detects every single-digit change and every swap of two different adjacent digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.nat(16), fc.nat(9), (id, pos, digit) => {
        fc.pre(Number(id[pos]) !== digit);
        const changed = id.slice(0, pos) + String(digit) + id.slice(pos + 1);
        expect(residentIdCheckChar(changed.slice(0, 17))).not.toBe(changed[17]);
      }),
    );
    for (const id of VALID) {
      for (let i = 0; i < 16; i++) {
        if (id[i] === id[i + 1]) continue;
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        expect(residentIdCheckChar(swapped.slice(0, 17)) === swapped[17]).toBe(false);
      }
    }
  });
});
