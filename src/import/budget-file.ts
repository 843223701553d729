/**
 * A budget file (JSON): either a bare budget, or the project's format
 * `{ "format": "zhengwu.budget/1", "budget", "prior"?, "notes"? }` holding the
 * budget, the prior year it is compared with, and notes on choices made.
 */
import { z } from 'zod';
import { type Budget, BudgetSchema } from '../core/budget/budget.ts';
import { InvalidInput } from '../core/errors.ts';

const BudgetFileSchema = z.strictObject({
  format: z.literal('zhengwu.budget/1'),
  budget: BudgetSchema,
  prior: BudgetSchema.nullable().optional(),
  notes: z.array(z.string()).optional(),
  /** The publication metadata of an open-data file (src/open-data/json.ts): not needed to read the budget. */
  meta: z.unknown().optional(),
});

export interface BudgetFile {
  budget: Budget;
  prior: Budget | null;
  notes: string[];
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(根)'}：${i.message}`)
    .join('；');
}

export function parseBudgetFile(text: string, name: string): BudgetFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InvalidInput(`${name} 不是有效的 JSON：${(e as Error).message}`);
  }
  const isWrapped = typeof json === 'object' && json !== null && 'format' in json;
  if (isWrapped) {
    const r = BudgetFileSchema.safeParse(json);
    if (!r.success) throw new InvalidInput(`${name} 不是有效的预算文件：${describe(r.error)}`);
    return { budget: r.data.budget, prior: r.data.prior ?? null, notes: r.data.notes ?? [] };
  }
  const r = BudgetSchema.safeParse(json);
  if (!r.success) throw new InvalidInput(`${name} 不是有效的预算数据：${describe(r.error)}`);
  return { budget: r.data, prior: null, notes: [] };
}
