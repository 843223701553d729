/**
 * Money amounts as they are written in Chinese disclosures: "82.9万元",
 * "9,101.68 万元", "91,016,775.35元", "1.2亿元" (already NFKC-normalised, so
 * full-width digits arrive as ASCII).
 */
import { type Amount, type MoneyUnit, parseAmount } from '../../core/kernel/money.ts';

/** Number then unit; the unit may be split by a line break ("万\n元"). */
export const AMOUNT_SOURCE = String.raw`(?<![\d.,])(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(亿\s*元|万\s*元|元)`;

export function unitOf(s: string): MoneyUnit {
  const u = s.replace(/\s+/g, '');
  return u === '亿元' ? '亿元' : u === '万元' ? '万元' : '元';
}

export interface FoundAmount {
  amount: Amount;
  /** Start and end of the whole match (number and unit) in the searched string. */
  start: number;
  end: number;
}

export function amountFromMatch(num: string, unit: string): Amount | null {
  return parseAmount(num, unitOf(unit));
}

/** Every amount in a string, left to right. */
export function findAmounts(s: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of s.matchAll(new RegExp(AMOUNT_SOURCE, 'g'))) {
    const amount = amountFromMatch(m[1] as string, m[2] as string);
    if (amount) out.push({ amount, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A bare number in a table cell, in the table's unit. "-", "—" and "" are not numbers. */
export function parseCellNumber(cell: string, unit: MoneyUnit): Amount | null {
  const t = cell.trim().replace(/^\((.*)\)$/, '-$1');
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return null;
  return parseAmount(t, unit);
}
