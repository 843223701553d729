/**
 * Amounts for people: integer 分 shown in 万元 (or 亿元 from one hundred million 元 up), with the thousands
 * grouped as zh-CN writes them (1,234.56万元). No floating point touches the stored value; the division
 * happens only for display.
 */

export const FEN_PER_WAN = 1_000_000;
export const FEN_PER_YI = 10_000_000_000;

const grouped = (value: number, decimals: number) =>
  new Intl.NumberFormat('zh-CN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: true,
  }).format(value);

/** 分 → 万元 as a number (for charts and tables of numbers). */
export function fenToWan(fen: number): number {
  return Math.round(fen / 100) / 10_000;
}

/** 分 → "1,234.56万元". */
export function formatWan(fen: number | null | undefined, decimals = 2): string {
  if (fen === null || fen === undefined) return '—';
  return `${grouped(fen / FEN_PER_WAN, decimals)}万元`;
}

/** 分 → "12.35亿元". */
export function formatYi(fen: number | null | undefined, decimals = 2): string {
  if (fen === null || fen === undefined) return '—';
  return `${grouped(fen / FEN_PER_YI, decimals)}亿元`;
}

/** 亿元 from 1亿元 up, 万元 below. */
export function formatMoney(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return Math.abs(fen) >= FEN_PER_YI ? formatYi(fen) : formatWan(fen);
}

/** A change against a base: "+1.20万元（+1.5%）", or "—" without both figures. */
export function formatChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const d = now - before;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const pct = before === 0 ? '' : `（${sign}${grouped(Math.abs((d / before) * 100), 1)}%）`;
  return `${sign}${formatMoney(Math.abs(d))}${pct}`;
}

/**
 * What a person typed in 万元 ("82.9", "1,234.5", "８２．９") → the digits parseAmount reads, or null.
 * Full-width digits and separators are folded; spaces dropped.
 */
export function normaliseTypedNumber(text: string): string | null {
  const folded = text
    .normalize('NFKC')
    .replace(/[\s,，]/g, '')
    .replace(/。/g, '.');
  return /^[+-]?\d+(\.\d+)?$/.test(folded) ? folded : null;
}
