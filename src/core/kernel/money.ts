/**
 * Money is integer 分 (fen). 元, 万元 and 亿元 are display units only.
 * An amount read from a document keeps the precision it was stated at, so an
 * audit can tell a rounding difference from a real one.
 */
import { z } from 'zod';

export type Fen = number;

export const MONEY_UNITS = ['元', '万元', '亿元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/** How many 分 one unit holds. */
export const FEN_PER_UNIT: Record<MoneyUnit, number> = { 元: 100, 万元: 1_000_000, 亿元: 10_000_000_000 };

export const FenSchema = z.number().int().refine(Number.isSafeInteger, '金额超出可精确表示的范围');

/**
 * An amount with its precision: `precision` is the value, in 分, of one step of
 * the last digit it was stated with (82.9 万元 → precision 100 000 分).
 * Amounts entered by people rather than read from text have precision 1.
 */
export const AmountSchema = z.strictObject({
  fen: FenSchema,
  precision: z.number().int().positive(),
});
export type Amount = z.infer<typeof AmountSchema>;

export function exact(fen: Fen): Amount {
  return { fen, precision: 1 };
}

/**
 * Parses a decimal string (ASCII digits, optional thousands separators, optional
 * sign) stated in `unit` into an Amount, with no floating-point arithmetic.
 * Returns null when the string is not a number or the result is not a safe integer.
 */
export function parseAmount(digits: string, unit: MoneyUnit): Amount | null {
  const m = /^([+-]?)(\d+(?:,\d{3})*|\d+)(?:\.(\d+))?$/.exec(digits.trim());
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const intPart = (m[2] ?? '').replaceAll(',', '');
  const fracPart = m[3] ?? '';
  const scaleDigits = Math.log10(FEN_PER_UNIT[unit]); // 2, 6 or 10
  if (fracPart.length > scaleDigits) {
    // More decimals than 分 can hold: round half away from zero at the 分.
    const kept = fracPart.slice(0, scaleDigits);
    const next = Number(fracPart[scaleDigits]);
    const base = BigInt(intPart + kept);
    const rounded = next >= 5 ? base + 1n : base;
    const fen = Number(rounded) * sign;
    return Number.isSafeInteger(fen) ? { fen, precision: 1 } : null;
  }
  const padded = fracPart.padEnd(scaleDigits, '0');
  const fenBig = BigInt(intPart + padded);
  const fen = Number(fenBig) * sign;
  if (!Number.isSafeInteger(fen)) return null;
  const precision = 10 ** (scaleDigits - fracPart.length);
  return { fen: fen === 0 ? 0 : fen, precision };
}

/** Sum of amounts; the precision of a sum is the coarsest of its terms. */
export function sumAmounts(amounts: readonly Amount[]): Amount {
  let fen = 0;
  let precision = 1;
  for (const a of amounts) {
    fen += a.fen;
    if (a.precision > precision) precision = a.precision;
  }
  if (!Number.isSafeInteger(fen)) throw new RangeError('金额合计超出可精确表示的范围');
  return { fen, precision };
}

/** Largest rounding error an amount can carry: half a step of its last digit. */
export function roundingError(a: Amount): number {
  return a.precision === 1 ? 0 : a.precision / 2;
}

/** Rounds fen to a multiple of step, half away from zero. */
export function roundTo(fen: Fen, step: number): Fen {
  if (step <= 1) return fen;
  const q = Math.abs(fen) / step;
  const r = Math.floor(q + 0.5) * step;
  return fen < 0 ? -r : r;
}

/**
 * Formats 分 in 万元 (or another unit) with the given decimals, trailing zeros kept:
 * formatFen(82_900_000) === '82.90万元'.
 */
export function formatFen(fen: Fen, unit: MoneyUnit = '万元', decimals = 2): string {
  const per = FEN_PER_UNIT[unit];
  const step = per / 10 ** decimals;
  const rounded = step >= 1 ? roundTo(fen, step) : fen;
  const negative = rounded < 0;
  const abs = BigInt(Math.abs(rounded));
  const big = BigInt(per);
  const whole = abs / big;
  const frac = abs % big;
  let fracStr = frac.toString().padStart(Math.log10(per), '0').slice(0, decimals);
  if (decimals === 0) fracStr = '';
  return `${negative ? '-' : ''}${whole}${fracStr ? `.${fracStr}` : ''}${unit}`;
}

/** Formats an amount at the precision it was stated with, e.g. 82.9万元, 1.58万元. */
export function formatAmount(a: Amount, unit: MoneyUnit = '万元'): string {
  const per = FEN_PER_UNIT[unit];
  const decimals = Math.max(0, Math.min(Math.log10(per), Math.round(Math.log10(per / a.precision))));
  const s = formatFen(a.fen, unit, Math.max(decimals, 0));
  return s;
}
