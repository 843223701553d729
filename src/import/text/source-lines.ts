/**
 * A document as numbered, normalised lines that remember their original text,
 * and a "flow" string joining wrapped lines back into sentences, with a map from
 * every flow position to its line and column in the source.
 */
import { normalizeLine } from '../../core/text/normalize.ts';

export interface SourceLine {
  /** 1-based line number in the source. */
  no: number;
  raw: string;
  /** Normalised text (see core/text/normalize.ts). */
  text: string;
  /** text[i] came from raw column map[i] (0-based). */
  map: number[];
}

/** The original text behind normalised characters [start, end) of a line. */
export function rawSlice(line: SourceLine, start: number, end: number): string {
  if (end <= start) return '';
  const a = line.map[start] ?? line.raw.length;
  const b = (line.map[end - 1] ?? line.raw.length - 1) + 1;
  return line.raw.slice(a, b);
}

/** A Markdown table row ("| a | b |") becomes tab-separated cells; its rule row ("|---|---|") becomes blank. */
function markdownTableRow(text: string): string {
  if (!/^\s*\|.*\|\s*$/.test(text)) return text;
  if (/^[\s|:-]+$/.test(text)) return ' '.repeat(text.length);
  // Same length, so the column map still holds: outer pipes become spaces, inner ones tabs.
  const first = text.indexOf('|');
  const last = text.lastIndexOf('|');
  return `${text.slice(0, first)} ${text.slice(first + 1, last).replaceAll('|', '\t')} ${text.slice(last + 1)}`;
}

export function toSourceLines(text: string): SourceLine[] {
  // Lines as editors count them: a form feed (a PDF page break) is not a line break of its own.
  return text.split('\n').map((raw, i) => {
    const n = normalizeLine(raw);
    return { no: i + 1, raw, text: markdownTableRow(n.text), map: n.map };
  });
}

export interface Flow {
  text: string;
  /** Index into the lines array the flow was built from, per flow character. */
  lineIdx: Int32Array;
  /** 0-based column in the normalised line, per flow character (-1 for joins). */
  col: Int32Array;
}

const SENTENCE_END = /[。；;:：！？!?]$/;
const LIST_START =
  /^(?:[-*•·]\s*)?(?:第[一二三四五六七八九十百]+[部分章节条]|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])/;
/** A line that looks like a row of a table laid out with spaces or tabs. */
export function looksTabular(text: string): boolean {
  return /\t|\S {3,}\S/.test(text.trim());
}

/**
 * Joins lines [from, to) into one flow. Wrapped prose lines are joined with
 * nothing between them (Chinese has no spaces); a line break stays where a
 * sentence or list item ends, at blank lines and around table rows.
 */
export function buildFlow(lines: readonly SourceLine[], from = 0, to = lines.length): Flow {
  // First pass: what each line contributes (its content and whether a line break precedes it).
  const pieces: { i: number; start: number; end: number; breakBefore: boolean }[] = [];
  let length = 0;
  let prevJoinable = false;
  for (let i = from; i < to; i++) {
    const text = (lines[i] as SourceLine).text;
    const start = text.search(/\S/);
    if (start < 0) {
      pieces.push({ i, start: 0, end: 0, breakBefore: true });
      length += 1;
      prevJoinable = false;
      continue;
    }
    let end = text.length;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    const content = text.slice(start, end);
    const tabular = looksTabular(content);
    const breakBefore = pieces.length > 0 && !(prevJoinable && !tabular && !LIST_START.test(content));
    pieces.push({ i, start, end, breakBefore });
    length += (breakBefore ? 1 : 0) + end - start;
    prevJoinable = !tabular && !SENTENCE_END.test(content);
  }
  // Second pass: the text and, for every character, its line and column.
  const lineIdx = new Int32Array(length);
  const col = new Int32Array(length);
  const parts: string[] = [];
  let k = 0;
  for (const p of pieces) {
    if (p.breakBefore) {
      parts.push('\n');
      lineIdx[k] = p.i;
      col[k] = -1;
      k++;
    }
    if (p.end > p.start) {
      parts.push((lines[p.i] as SourceLine).text.slice(p.start, p.end));
      for (let c = p.start; c < p.end; c++) {
        lineIdx[k] = p.i;
        col[k] = c;
        k++;
      }
    }
  }
  return { text: parts.join(''), lineIdx, col };
}
