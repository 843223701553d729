/**
 * A published budget as open JSON: `{ "format": "zhengwu.budget/1", "meta", "budget" }`, the project's
 * budget file format (src/import/budget-file.ts) with the publication's metadata added. Keys are in the
 * model's order and the text ends with a newline, as samples/*.budget.json are written.
 *
 * NOTE: src/import/budget-file.ts reads the format with a strict schema that does not (yet) know `meta`,
 * so parseBudgetFile rejects these files; parsePublishedBudgetJson below reads them.
 */
import { z } from 'zod';
import { type Budget, BudgetSchema } from '../core/budget/budget.ts';
import { InvalidInput } from '../core/errors.ts';
import {
  checkPublished,
  type PublicationMeta,
  PublicationMetaSchema,
  type PublishedBudget,
} from './published-budget.ts';

export const BUDGET_FORMAT = 'zhengwu.budget/1';

export const PublishedBudgetDocumentSchema = z.strictObject({
  format: z.literal(BUDGET_FORMAT),
  meta: PublicationMetaSchema,
  budget: BudgetSchema,
});

export interface PublishedBudgetDocument {
  format: typeof BUDGET_FORMAT;
  meta: PublicationMeta;
  budget: Budget;
}

/** The document of a checked budget (no validation: for the modules of this folder). */
export function publishedBudgetDocumentOf({ meta, budget }: PublishedBudget): PublishedBudgetDocument {
  return { format: BUDGET_FORMAT, meta, budget };
}

export function publishedBudgetJsonOf(item: PublishedBudget): string {
  return `${JSON.stringify(publishedBudgetDocumentOf(item), null, 2)}\n`;
}

/** The open JSON document of a published budget. Throws InvalidInput when it does not fit the model. */
export function publishedBudgetDocument(item: PublishedBudget): PublishedBudgetDocument {
  return publishedBudgetDocumentOf(checkPublished([item])[0] as PublishedBudget);
}

/** The open JSON text of a published budget (two-space indent, trailing newline). */
export function publishedBudgetJson(item: PublishedBudget): string {
  return publishedBudgetJsonOf(checkPublished([item])[0] as PublishedBudget);
}

/** Reads an open JSON document back. Throws InvalidInput when it is not one. */
export function parsePublishedBudgetJson(text: string): PublishedBudgetDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InvalidInput(`不是有效的 JSON：${(e as Error).message}`);
  }
  const r = PublishedBudgetDocumentSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new InvalidInput(
      `不是有效的公开预算文件：${issue ? `${issue.path.join('.') || '(根)'}：${issue.message}` : ''}`,
    );
  }
  return r.data;
}
