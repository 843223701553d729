/**
 * Comparing a stated total with the sum of its stated parts, with a tolerance
 * derived from the precision each figure was stated at.
 *
 * - exact: the parts add up.
 * - rounding: the sum, rounded to the total's stated precision, is the total
 *   (64.01 + 3.38 + 15.5 = 82.89 ≈ 82.9).
 * - withinPartsRounding: not equal at the total's precision, but the difference
 *   could come from parts stated less precisely (1.5 + 0.09 = 1.59 against 1.58,
 *   where 1.5 may be 1.45…1.55). Reported: the document does not add up as written.
 * - mismatch: no rounding explains the difference.
 */
import {
  type Amount,
  FEN_PER_UNIT,
  formatAmount,
  formatFen,
  roundingError,
  roundTo,
} from '../kernel/money.ts';

export type SumVerdict = 'exact' | 'rounding' | 'withinPartsRounding' | 'mismatch';

export interface SumCheck {
  verdict: SumVerdict;
  sum: number;
  difference: number;
  /** The largest difference rounding could explain, in 分. */
  tolerance: number;
  arithmetic: string;
}

export interface Tolerance {
  absoluteFen: number;
  roundingFactor: number;
}

/** Formats in 万元 unless the amount is small and exact (then 元). */
export function show(a: Amount): string {
  if (a.precision === 1) {
    // Exact amounts (facts, not read from text): 万元 with two decimals when that is exact, else 元.
    return a.fen % 10_000 === 0 ? formatFen(a.fen, '万元', 2) : formatFen(a.fen, '元', 2);
  }
  if (a.precision < FEN_PER_UNIT.万元 / 100 && Math.abs(a.fen) < 10_000_00) return formatAmount(a, '元');
  return formatAmount(a, '万元');
}

function plain(a: Amount): string {
  return show(a).replace(/万元$|元$/, '');
}

function unitOf(a: Amount): string {
  return show(a).endsWith('万元') ? '万元' : '元';
}

function showFen(fen: number, like: Amount): string {
  const unit = unitOf(like) === '万元' ? '万元' : '元';
  const per = FEN_PER_UNIT[unit];
  const decimals = unit === '万元' ? 4 : 2;
  const v = (fen / per).toFixed(decimals).replace(/\.?0+$/, '');
  return v === '' || v === '-' ? '0' : v;
}

export function checkSum(
  parts: readonly Amount[],
  total: Amount,
  tolerance: Tolerance = { absoluteFen: 0, roundingFactor: 1 },
): SumCheck {
  const sum = parts.reduce((s, p) => s + p.fen, 0);
  const difference = sum - total.fen;
  const all = [...parts, total];
  const tol =
    Math.round(all.reduce((s, a) => s + roundingError(a), 0) * tolerance.roundingFactor) +
    tolerance.absoluteFen;
  let verdict: SumVerdict;
  if (difference === 0) verdict = 'exact';
  else if (
    Math.abs(difference) <= tolerance.absoluteFen ||
    (total.precision > 1 && roundTo(sum, total.precision) === total.fen && tolerance.roundingFactor > 0)
  )
    verdict = 'rounding';
  else if (Math.abs(difference) <= tol) verdict = 'withinPartsRounding';
  else verdict = 'mismatch';
  const unit = unitOf(total);
  const lhs = parts.map(plain).join(' + ') || '0';
  const rel = verdict === 'exact' ? '=' : verdict === 'rounding' ? '≈' : '≠';
  const arithmetic =
    parts.length > 1
      ? `${lhs} = ${showFen(sum, total)} ${rel} ${plain(total)}${unit}`
      : `${lhs} ${rel} ${plain(total)}${unit}`;
  return { verdict, sum, difference, tolerance: tol, arithmetic };
}

/** The difference as people read it: "0.01万元". */
export function showDifference(check: SumCheck, like: Amount): string {
  const d = Math.abs(check.difference);
  const shown = showFen(d, like);
  // A difference too small for the total's unit reads better in 元 than as 0万元.
  if (shown === '0' && d > 0) return `${(d / 100).toFixed(2).replace(/\.?0+$/, '')}元`;
  return `${shown}${unitOf(like)}`;
}
