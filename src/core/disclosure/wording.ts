/**
 * The wording of generated sentences: amounts in 万元, years, and year-on-year changes named by
 * their sign (增加 / 减少 / 持平: a decrease is never called 增加 or 增长).
 */
import { type Fen, formatFen } from '../kernel/money.ts';

/**
 * An amount in 万元 as sentences state it: two decimals at most, trailing zeros dropped
 * (82.9万元, 1.58万元, 0万元); rounded half away from zero at 0.01 万元.
 */
export function wan(fen: Fen): string {
  let s = formatFen(fen, '万元', 2).slice(0, -2);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return `${s === '-0' ? '0' : s}万元`;
}

export function yearText(year: number | null): string {
  return year === null ? '' : `${year}年`;
}

export type Direction = 'increase' | 'decrease' | 'flat';

export function directionOf(diff: Fen): Direction {
  return diff > 0 ? 'increase' : diff < 0 ? 'decrease' : 'flat';
}

export const DIRECTION_WORDS: Record<Direction, string> = {
  increase: '增加',
  decrease: '减少',
  flat: '持平',
};

/** 增加0.5万元 / 减少1.58万元 / 持平. */
export function changeTail(diff: Fen): string {
  const d = directionOf(diff);
  return d === 'flat' ? '持平' : `${DIRECTION_WORDS[d]}${wan(Math.abs(diff))}`;
}

/** 较2017年预算减少1.58万元 / 与2017年预算持平. */
export function comparedWith(base: string, diff: Fen): string {
  return diff === 0 ? `与${base}持平` : `较${base}${changeTail(diff)}`;
}

/** Ends a sentence with 。 unless it ends with a stop already. */
export function withPeriod(s: string): string {
  const t = s.trim();
  return /[。！？.!?]$/.test(t) ? t : `${t}。`;
}

/** An ISO date as 2018年12月31日. */
export function isoToChinese(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
