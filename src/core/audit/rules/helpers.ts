/** Small helpers shared by the rules: named figures with their sources. */
import type { Amount } from '../../kernel/money.ts';
import type { AuditContext, SourcePointer } from '../rule.ts';
import { show } from '../sums.ts';

export interface Figure {
  label: string;
  amount: Amount;
  sources: SourcePointer[];
}

export function figure(
  ctx: AuditContext,
  label: string,
  amount: Amount | null,
  ...paths: string[]
): Figure | null {
  return amount ? { label, amount, sources: ctx.sources(...paths) } : null;
}

export function figuresEvidence(...figs: (Figure | null)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of figs) if (f) out[f.label] = show(f.amount);
  return out;
}

export function sourcesOf(...figs: (Figure | null)[]): SourcePointer[] {
  return figs.flatMap((f) => f?.sources ?? []);
}

/** A table's row as a source pointer. */
export function tableSource(title: string, line: number, label: string): SourcePointer {
  return { line, column: 1, text: label, sentence: title };
}
