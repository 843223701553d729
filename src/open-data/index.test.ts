import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as openData from './index.ts';
import { samplePublished } from './test-support.ts';

describe('open-data public API', () => {
  it('exports the exports', () => {
    for (const name of [
      'lineItems',
      'allLineItems',
      'lineItemsCsv',
      'neutraliseFormula',
      'fiscalDataPackage',
      'publishedBudgetJson',
      'parsePublishedBudgetJson',
      'bulkFiles',
      'bulkZip',
      'fenToYuan',
    ])
      expect(typeof (openData as Record<string, unknown>)[name], name).toBe('function');
  });

  it('makes the same rows through each export', async () => {
    const p = samplePublished();
    const pkg = openData.fiscalDataPackage([p]);
    expect(pkg.rows).toEqual(openData.lineItems(p));
    expect(pkg.csv).toBe(openData.lineItemsCsv(openData.allLineItems([p])));
    const zip = await JSZip.loadAsync(await openData.bulkZip([p]));
    expect(await zip.file(openData.LINE_ITEMS_PATH)?.async('string')).toBe(pkg.csv);
    expect(await zip.file('budgets/630-2018.json')?.async('string')).toBe(openData.publishedBudgetJson(p));
  });
});
