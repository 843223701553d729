import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { InvalidInput } from '../core/errors.ts';
import { budgetFileNames, bulkFiles, bulkZip } from './bulk.ts';
import { CSV_BOM } from './csv.ts';
import { LINE_ITEM_COLUMNS } from './fields.ts';
import { parsePublishedBudgetJson } from './json.ts';
import { lineItems } from './line-items.ts';
import type { PublicationMeta, PublishedBudget } from './published-budget.ts';
import { parseCsv, samplePublished } from './test-support.ts';

function item(overrides: Partial<PublicationMeta>): PublishedBudget {
  const p = samplePublished(overrides);
  p.budget = { ...p.budget, kind: p.meta.kind, fiscalYear: p.meta.fiscalYear };
  return p;
}

const items = [
  item({ departmentId: 'd-630', departmentCode: '630' }),
  item({
    departmentId: 'd-631',
    departmentCode: '631',
    departmentName: '山海关区财政局',
    publishedAt: '2018-01-20T01:00:00.000Z',
  }),
  item({ departmentId: 'd/no code', departmentCode: null, departmentName: '山海关区档案馆' }),
  item({ departmentId: 'd-630', departmentCode: '630', kind: 'finalAccounts', version: 2 }),
];

describe('bulkZip', () => {
  it('opens with jszip and holds the package, every budget’s JSON and a README', async () => {
    const zip = await JSZip.loadAsync(await bulkZip(items));
    const paths = Object.keys(zip.files);
    expect(paths).toEqual([
      'README.txt',
      'datapackage.json',
      'data/',
      'data/line-items.csv',
      'budgets/',
      'budgets/630-2018.json',
      'budgets/630-2018-final-accounts.json',
      'budgets/631-2018.json',
      'budgets/d_no_code-2018.json',
    ]);
    const read = (p: string) => zip.file(p)?.async('string') as Promise<string>;

    const descriptor = JSON.parse(await read('datapackage.json'));
    expect(descriptor.profile).toBe('fiscal-data-package');
    const csv = await read(descriptor.resources[0].path);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(descriptor.resources[0].bytes).toBe(Buffer.byteLength(csv, 'utf8'));
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual(LINE_ITEM_COLUMNS);
    expect(rows).toHaveLength(items.reduce((n, i) => n + lineItems(i).length, 0));
    const idColumn = LINE_ITEM_COLUMNS.indexOf('department_id');
    expect(new Set(rows.map((r) => r[idColumn]))).toEqual(new Set(['d-630', 'd-631', 'd/no code']));

    const doc = parsePublishedBudgetJson(await read('budgets/630-2018-final-accounts.json'));
    expect(doc.meta).toMatchObject({ departmentId: 'd-630', kind: 'finalAccounts', version: 2 });
    expect(doc.budget).toEqual(items[3]?.budget);

    const readme = await read('README.txt');
    for (const p of paths.filter((x) => x.startsWith('budgets/') && x.endsWith('.json')))
      expect(readme).toContain(p);
  });

  it('gives the same bytes for the same input, in any order, at any time, in any time zone', async () => {
    const zone = process.env.TZ;
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2030-06-01T12:00:00Z'));
      process.env.TZ = 'Asia/Shanghai';
      const a = await bulkZip(items);
      vi.setSystemTime(new Date('2031-12-31T23:59:59Z'));
      process.env.TZ = 'America/New_York';
      const b = await bulkZip([...items].reverse());
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('dates every entry with the latest publication in Beijing time', async () => {
    const zip = await JSZip.loadAsync(await bulkZip(items));
    for (const f of Object.values(zip.files)) {
      // JSZip reads the zone-less DOS time as UTC: Beijing wall-clock time of 2018-01-20T01:00Z.
      expect(f.date.toISOString()).toBe('2018-01-20T09:00:00.000Z');
    }
    const other = await JSZip.loadAsync(await bulkZip(items, { fileDate: '2019-03-01T00:00:00Z' }));
    expect(other.file('README.txt')?.date.toISOString()).toBe('2019-03-01T08:00:00.000Z');
  });

  it('changes when the input changes', async () => {
    const a = await bulkZip(items);
    const changed = items.map((i) => structuredClone(i));
    const line = changed[0]?.budget.expenditureLines[0];
    if (!line) throw new Error('sample has no expenditure line');
    line.amount = { ...line.amount, fen: line.amount.fen + 100 };
    const b = await bulkZip(changed);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(false);
  });
});

describe('bulkFiles', () => {
  it('lists README, descriptor, CSV and JSON files in that order', () => {
    expect(bulkFiles(items.slice(0, 1)).map((f) => f.path)).toEqual([
      'README.txt',
      'datapackage.json',
      'data/line-items.csv',
      'budgets/630-2018.json',
    ]);
  });

  it('makes a package of nothing when there is nothing', () => {
    const files = bulkFiles([]);
    expect(files.map((f) => f.path)).toEqual(['README.txt', 'datapackage.json', 'data/line-items.csv']);
    expect(files[0]?.text).toContain('（无）');
  });

  it('refuses an invalid budget or file date', async () => {
    await expect(bulkZip([samplePublished({ fiscalYear: 2019 })])).rejects.toThrow(InvalidInput);
    await expect(bulkZip(items, { fileDate: 'soon' })).rejects.toThrow(InvalidInput);
  });
});

describe('budgetFileNames', () => {
  it('uses the department id where the code is shared or not a plain file name', () => {
    const names = budgetFileNames(
      [
        item({ departmentId: 'a', departmentCode: '630' }).meta,
        item({ departmentId: 'b', departmentCode: '630' }).meta,
        item({ departmentId: 'c', departmentCode: '6/30' }).meta,
      ].map((meta) => ({ meta, budget: items[0]?.budget as PublishedBudget['budget'] })),
    );
    expect(names).toEqual(['budgets/a-2018.json', 'budgets/b-2018.json', 'budgets/c-2018.json']);
  });

  it('refuses two budgets that would get one name', () => {
    const meta = (departmentId: string) => ({
      meta: item({ departmentId, departmentCode: null }).meta,
      budget: items[0]?.budget as PublishedBudget['budget'],
    });
    expect(() => budgetFileNames([meta('a/b'), meta('a_b')])).toThrow(InvalidInput);
  });
});
