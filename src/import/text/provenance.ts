/**
 * Provenance: where in the source every figure came from. Keys are JSON
 * pointers into the budget ("/stated/revenueTotal", "/operatingExpenses/items/0/amount").
 */
import { z } from 'zod';
import type { Flow, SourceLine } from './source-lines.ts';

export const SourceRefSchema = z.strictObject({
  /** 1-based line and column in the original document. */
  line: z.number().int(),
  column: z.number().int(),
  /** The words the figure was read from. */
  text: z.string(),
  /** The whole sentence (or table row) around it. */
  sentence: z.string(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export type Provenance = Record<string, SourceRef>;

/** Missing: what the importer looked for and did not find. */
export const MissingSchema = z.strictObject({ key: z.string(), label: z.string() });
export type Missing = z.infer<typeof MissingSchema>;

/** The sentence around flow position [start, end): up to the nearest 。；or line break. */
export function sentenceAround(flow: Flow, start: number, end: number): string {
  let a = start;
  while (a > 0 && !/[。\n]/.test(flow.text[a - 1] as string)) a--;
  let b = end;
  while (b < flow.text.length && !/[。\n]/.test(flow.text[b] as string)) b++;
  if (b < flow.text.length && flow.text[b] === '。') b++;
  return flow.text.slice(a, b).trim();
}

export function refFromFlow(lines: readonly SourceLine[], flow: Flow, start: number, end: number): SourceRef {
  let i = start;
  while (i < end && (flow.col[i] as number) < 0) i++;
  const line = lines[flow.lineIdx[i] as number] as SourceLine;
  const c = flow.col[i] as number;
  const column = c >= 0 ? (line.map[c] ?? 0) + 1 : 1;
  return {
    line: line.no,
    column,
    text: flow.text.slice(start, end).replace(/\n/g, ''),
    sentence: sentenceAround(flow, start, end).replace(/\n/g, ''),
  };
}

export function refFromLine(line: SourceLine, col: number, length: number): SourceRef {
  return {
    line: line.no,
    column: (line.map[col] ?? 0) + 1,
    text: line.text.slice(col, col + length),
    sentence: line.text.trim(),
  };
}
