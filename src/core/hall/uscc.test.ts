import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, isValidUscc, USCC_CHARS, USCC_WEIGHTS, usccCheckChar } from './uscc.ts';

/**
 * Codes found in public sources: the example in GB 32100-2015 (91350100M000100Y43) and codes used as
 * valid examples in widely used validators' tests (hutool and others), e.g. 91350500676532779B,
 * 91510100MA6BKY6U36, 91370100780603055K, 91310110666007217T, 91510100350611266D.
 */
const VALID = [
  '91350100M000100Y43',
  '91350500676532779B',
  '91510100MA6BKY6U36',
  '91370100780603055K',
  '91310110666007217T',
  '91510100350611266D',
];

describe('unified social credit codes (GB 32100-2015)', () => {
  it('uses the weights 3^i mod 31 and 31 characters without I O Z S V', () => {
    expect(USCC_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
    expect(USCC_CHARS).toHaveLength(31);
    for (const c of 'IOZSV') expect(USCC_CHARS).not.toContain(c);
  });

  it('accepts real codes, and reads their parts', () => {
    for (const code of VALID)
      expect(checkUscc(code)).toMatchObject({ ok: true, organizationCodeValid: true });
    expect(checkUscc('91350100M000100Y43')).toEqual({
      ok: true,
      code: '91350100M000100Y43',
      authority: '市场监督管理（工商）',
      divisionCode: '350100',
      organizationCode: 'M000100Y4',
      organizationCodeValid: true,
    });
  });

  it('maps a remainder of 0 to the check character 0 (31 → 0)', () => {
    const weightedSum = (body: string) =>
      [...body].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * (USCC_WEIGHTS[i] ?? 0), 0);
    const bodies = [...USCC_CHARS].map((ch) => `91350100M000100Y${ch}`);
    const zero = bodies.find((b) => weightedSum(b) % 31 === 0);
    expect(zero).toBeDefined();
    expect(usccCheckChar(zero ?? '')).toBe('0');
  });

  it('rejects corrupted codes', () => {
    expect(checkUscc('91350100M000100Y44')).toMatchObject({ ok: false, problem: 'checkChar' });
    expect(checkUscc('91350100M000100Y4')).toMatchObject({ ok: false, problem: 'format' });
    expect(checkUscc('91350100MO00100Y43')).toMatchObject({ ok: false, problem: 'format' });
    expect(checkUscc('9135010OM000100Y43')).toMatchObject({ ok: false, problem: 'format' });
    expect(checkUscc('91350100m000100y43')).toMatchObject({ ok: false, problem: 'format' });
  });

  it('detects every single-character change', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.nat(17), fc.nat(30), (code, pos, v) => {
        const ch = USCC_CHARS[v] ?? '0';
        fc.pre(ch !== code[pos] && !(pos >= 2 && pos < 8 && !/\d/.test(ch)));
        expect(isValidUscc(code.slice(0, pos) + ch + code.slice(pos + 1))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('reports a broken organisation code check without refusing the code', () => {
    // Change the 17th character and recompute the 18th: valid by GB 32100, not by GB 11714.
    const body = '91350100M000100Y5';
    const r = checkUscc(body + usccCheckChar(body));
    expect(r).toMatchObject({ ok: true, organizationCodeValid: false });
  });
});
