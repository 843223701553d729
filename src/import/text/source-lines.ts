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

export function toSourceLines(text: string): SourceLine[] {
  // Form feeds separate PDF pages: they end a line like a newline.
  return text.split(/\n|\f/).map((raw, i) => {
    const n = normalizeLine(raw);
    return { no: i + 1, raw, text: n.text, map: n.map };
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
  const parts: string[] = [];
  const lineIdx: number[] = [];
  const col: number[] = [];
  let prevJoinable = false;
  for (let i = from; i < to; i++) {
    const line = lines[i] as SourceLine;
    const start = line.text.search(/\S/);
    const t = start < 0 ? '' : line.text.trimEnd();
    if (t === '') {
      parts.push('\n');
      lineIdx.push(i);
      col.push(-1);
      prevJoinable = false;
      continue;
    }
    const content = t.slice(start);
    const tabular = looksTabular(content);
    const joinHere = prevJoinable && !tabular && !LIST_START.test(content);
    if (!joinHere && parts.length > 0) {
      parts.push('\n');
      lineIdx.push(i);
      col.push(-1);
    }
    for (let c = start; c < t.length; c++) {
      parts.push(t[c] as string);
      lineIdx.push(i);
      col.push(c);
    }
    prevJoinable = !tabular && !SENTENCE_END.test(content);
  }
  return { text: parts.join(''), lineIdx: Int32Array.from(lineIdx), col: Int32Array.from(col) };
}
