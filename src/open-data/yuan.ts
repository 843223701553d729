/**
 * 分 as a 元 string with two decimals, by string arithmetic on the integer's digits: no floating point,
 * exact for every safe integer (−9007199254740991 → "-90071992547409.91").
 */
import type { Fen } from '../core/kernel/money.ts';

export function fenToYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额不是可精确表示的整数分：${fen}`);
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
