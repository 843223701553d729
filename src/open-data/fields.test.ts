import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isNumericField, LINE_ITEM_COLUMNS, LINE_ITEM_FIELDS, LINE_ITEM_KEYS } from './fields.ts';
import { lineItems } from './line-items.ts';
import { samplePublished } from './test-support.ts';

describe('LINE_ITEM_FIELDS', () => {
  it('names every column once, in snake_case, with a Chinese title and description', () => {
    expect(new Set(LINE_ITEM_COLUMNS).size).toBe(LINE_ITEM_COLUMNS.length);
    for (const k of LINE_ITEM_KEYS) {
      const f = LINE_ITEM_FIELDS[k];
      expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(f.title).toMatch(/\p{Script=Han}/u);
      expect(f.description).toMatch(/\p{Script=Han}/u);
    }
  });

  it('covers exactly the keys of a line item', () => {
    const [row] = lineItems(samplePublished());
    expect(Object.keys(row ?? {}).sort()).toEqual([...LINE_ITEM_KEYS].sort());
  });

  it('gives number columns number values and required columns values', () => {
    for (const row of lineItems(samplePublished()))
      for (const k of LINE_ITEM_KEYS) {
        const f = LINE_ITEM_FIELDS[k];
        const v = row[k];
        if ('required' in f && f.required) expect(v, k).not.toBeNull();
        if (v === null) continue;
        if (isNumericField(f)) expect(String(v), k).toMatch(/^-?\d+(\.\d+)?$/);
        if ('values' in f) expect(f.values, k).toContain(v);
      }
  });

  it('are all described in docs/open-data.md', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/open-data.md', import.meta.url)), 'utf8');
    for (const c of LINE_ITEM_COLUMNS) expect(doc, c).toContain(`\`${c}\``);
  });
});
