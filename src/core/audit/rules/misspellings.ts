/**
 * Finding misspelt standard terms: a word one character away (one dropped, or
 * one changed inside the word) from a standard term of budget disclosures,
 * such as 一般共预算 for 一般公共预算. Accepted variants are not reported.
 */

export const STANDARD_TERMS: readonly string[] = [
  '一般公共预算',
  '政府性基金预算',
  '国有资本经营预算',
  '机关运行经费',
  '公务用车购置及运行费',
  '因公出国(境)费',
  '公务接待费',
  '财政拨款收入',
  '政府采购预算',
  '部门预算公开',
  '三公经费',
  '事业单位经营收入',
  '财政专户管理资金',
];

/** Variants in common official use, which are not misspellings. */
const ACCEPTED = new Set([
  '公务用车购置和运行费',
  '公务用车购置与运行费',
  '公务用车购置运行费',
  '机关运行费',
  '因公出国(境)费',
  '一般公共预算',
  '政府基金预算',
  '国有资本经营收入',
  '财政拨款支出',
  '部门预算公示',
]);

export interface Misspelling {
  found: string;
  term: string;
  index: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Variant {
  source: string;
  term: string;
}

function variantsOf(term: string): Variant[] {
  const chars = Array.from(term);
  const out: Variant[] = [];
  // One character dropped (not the first or the last, which makes ordinary words).
  for (let i = 1; i < chars.length - 1; i++) {
    const v = [...chars.slice(0, i), ...chars.slice(i + 1)].join('');
    if (!ACCEPTED.has(v) && !STANDARD_TERMS.some((t) => t.includes(v)))
      out.push({ source: escapeRegExp(v), term });
  }
  // One character changed inside a long term.
  if (chars.length >= 6) {
    for (let i = 1; i < chars.length - 1; i++) {
      const c = chars[i] as string;
      if (!/[\u4e00-\u9fff]/.test(c)) continue;
      out.push({
        source: `${escapeRegExp(chars.slice(0, i).join(''))}[\\u4e00-\\u9fff](?<!${escapeRegExp(c)})${escapeRegExp(chars.slice(i + 1).join(''))}`,
        term,
      });
    }
  }
  return out;
}

/** Variants grouped by their first character (every variant keeps its term's first character). */
const BY_FIRST: ReadonlyMap<string, { variants: Variant[]; re: RegExp }> = (() => {
  const groups = new Map<string, Variant[]>();
  for (const v of STANDARD_TERMS.flatMap(variantsOf)) {
    const first = v.term.charAt(0);
    groups.set(first, [...(groups.get(first) ?? []), v]);
  }
  return new Map(
    [...groups].map(([first, variants]) => [
      first,
      { variants, re: new RegExp(variants.map((v) => `(${v.source})`).join('|'), 'g') },
    ]),
  );
})();

export function findMisspellings(text: string): Misspelling[] {
  const out: Misspelling[] = [];
  for (const [first, { variants, re }] of BY_FIRST) {
    if (!text.includes(first)) continue;
    for (const m of text.matchAll(re)) {
      const k = m.slice(1).findIndex((g) => g !== undefined);
      const variant = variants[k];
      if (!variant || accepted(text, m[0], m.index, variant)) continue;
      out.push({ found: m[0], term: variant.term, index: m.index });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

function accepted(text: string, found: string, index: number, variant: Variant): boolean {
  if (ACCEPTED.has(found)) return true;
  // 预算 and 决算 name the two kinds of document; swapping them is not a misspelling.
  if (found.replace(/决/g, '预') === variant.term) return true;
  // Part of a correct occurrence (e.g. a longer word that contains the term)? Then it is fine.
  const around = text.slice(Math.max(0, index - 4), index + found.length + 4);
  return STANDARD_TERMS.some((t) => around.includes(t));
}
