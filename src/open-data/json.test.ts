import { describe, expect, it } from 'vitest';
import { BudgetSchema } from '../core/budget/budget.ts';
import { InvalidInput } from '../core/errors.ts';
import { parseBudgetFile } from '../import/budget-file.ts';
import { parsePublishedBudgetJson, publishedBudgetDocument, publishedBudgetJson } from './json.ts';
import { sampleMeta, samplePublished } from './test-support.ts';

describe('publishedBudgetJson', () => {
  const text = publishedBudgetJson(samplePublished());

  it('writes format, meta and budget, indented, with a final newline', () => {
    expect(text.endsWith('}\n')).toBe(true);
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['format', 'meta', 'budget']);
    expect(json.format).toBe('zhengwu.budget/1');
    expect(json.meta).toEqual(sampleMeta());
    expect(BudgetSchema.parse(json.budget)).toEqual(samplePublished().budget);
  });

  it('reads back to the same document', () => {
    expect(parsePublishedBudgetJson(text)).toEqual(publishedBudgetDocument(samplePublished()));
  });

  it('holds a budget the project’s budget-file reader takes once meta is set aside', () => {
    const { meta: _meta, ...file } = JSON.parse(text);
    expect(parseBudgetFile(JSON.stringify(file), 'x.json').budget).toEqual(samplePublished().budget);
  });

  it('does not depend on the key order of the objects it is given', () => {
    const p = samplePublished();
    const reversed = {
      meta: Object.fromEntries(Object.entries(p.meta).reverse()) as typeof p.meta,
      budget: Object.fromEntries(Object.entries(p.budget).reverse()) as typeof p.budget,
    };
    expect(publishedBudgetJson(reversed)).toBe(text);
  });

  it('refuses what is not an open budget document', () => {
    expect(() => parsePublishedBudgetJson('{')).toThrow(InvalidInput);
    expect(() =>
      parsePublishedBudgetJson(JSON.stringify({ format: 'zhengwu.budget/1', budget: {} })),
    ).toThrow(/meta/);
    expect(() => publishedBudgetJson(samplePublished({ fiscalYear: 2017 }))).toThrow(InvalidInput);
  });
});
