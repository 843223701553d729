/**
 * Normalising imported text: NFKC (full-width digits and punctuation to ASCII),
 * CJK radicals to ideographs, Word/HTML debris removed, with a map from every
 * normalised character back to its column in the original line, so provenance
 * points at the document as it was.
 */
import { CJK_RADICAL_TO_IDEOGRAPH } from './cjk-radicals.ts';

export interface NormalizedLine {
  /** The normalised text. */
  text: string;
  /** map[i] is the 0-based UTF-16 column in the original line of text[i]. */
  map: number[];
}

/** Word and HTML debris (conditional comments, tags, entities) and Markdown emphasis markers. */
const DEBRIS =
  /\*\*|<!--\[if[^\]]*\]>|<!\[endif\]-->|<!--\[endif\]-->|<!\[if[^\]]*\]>|<!--[\s\S]{0,400}?-->|<\/?[a-zA-Z][^<>]{0,200}>/g;
const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&ldquo;': '“',
  '&rdquo;': '”',
  '&mdash;': '—',
  '&hellip;': '…',
};
const ENTITY = /&(?:nbsp|amp|lt|gt|quot|#39|ldquo|rdquo|mdash|hellip);/g;

/** Characters NFKC would turn into ASCII quotes or lose, kept as they are. */
/** The Chinese comma and semicolon stay: a full-width comma must never read as a thousands separator. */
const KEEP = new Set([
  '，',
  '；',
  '“',
  '”',
  '‘',
  '’',
  '…',
  '—',
  '、',
  '。',
  '〔',
  '〕',
  '【',
  '】',
  '《',
  '》',
  '·',
]);

function normalizeChar(ch: string): string {
  if (KEEP.has(ch)) return ch;
  const radical = CJK_RADICAL_TO_IDEOGRAPH.get(ch);
  if (radical) return radical;
  const code = ch.codePointAt(0) ?? 0;
  // ASCII and the unified ideographs are already in normal form.
  if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff)) return ch;
  if (code === 0x0c) return ''; // form feed: a page break, not text
  if (code === 0x3000 || code === 0xa0 || code === 0x2002 || code === 0x2003 || code === 0x2009) return ' ';
  if (code === 0xfeff || code === 0x200b || code === 0x200c || code === 0x200d) return '';
  // Dash-like signs between digits are written many ways; keep them apart from hyphen-minus.
  return ch.normalize('NFKC');
}

/** Text that normalisation leaves as it is: ASCII without markup, ideographs and common Chinese punctuation. */
const ALREADY_NORMAL =
  /^[\t\x20-\x25\x27-\x29\x2b-\x3b\x3d\x3f-\x7e\u4e00-\u9fff，。；、“”‘’…—《》【】〔〕·]*$/;

export function normalizeLine(raw: string): NormalizedLine {
  if (ALREADY_NORMAL.test(raw)) {
    const map = new Array<number>(raw.length);
    for (let i = 0; i < raw.length; i++) map[i] = i;
    return { text: raw, map };
  }
  // First cut out debris, remembering where each kept character came from.
  const keep: { ch: string; col: number }[] = [];
  let last = 0;
  const cut = (s: string, from: number, to: number) => {
    for (let i = from; i < to; i++) keep.push({ ch: s[i] as string, col: i });
  };
  const withEntities: { index: number; length: number; replacement: string }[] = [];
  for (const m of raw.matchAll(DEBRIS))
    withEntities.push({ index: m.index, length: m[0].length, replacement: '' });
  for (const m of raw.matchAll(ENTITY))
    withEntities.push({ index: m.index, length: m[0].length, replacement: ENTITIES[m[0]] ?? '' });
  withEntities.sort((a, b) => a.index - b.index);
  for (const w of withEntities) {
    if (w.index < last) continue;
    cut(raw, last, w.index);
    for (const ch of w.replacement) keep.push({ ch, col: w.index });
    last = w.index + w.length;
  }
  cut(raw, last, raw.length);

  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < keep.length; i++) {
    const k = keep[i] as { ch: string; col: number };
    let ch = k.ch;
    // Join surrogate pairs before normalising.
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < keep.length) {
      ch += (keep[i + 1] as { ch: string }).ch;
      i++;
    }
    const n = normalizeChar(ch);
    for (let j = 0; j < n.length; j++) {
      out.push(n[j] as string);
      map.push(k.col);
    }
  }
  return { text: out.join(''), map };
}

/** Normalises a whole text (no column map): for matching and comparisons. */
export function normalizeText(raw: string): string {
  return raw
    .split('\n')
    .map((l) => normalizeLine(l).text)
    .join('\n');
}
