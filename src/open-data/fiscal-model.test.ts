import { describe, expect, it } from 'vitest';
import { LINE_ITEM_COLUMNS, LINE_ITEM_FIELDS } from './fields.ts';
import { fiscalModel } from './fiscal-model.ts';

describe('fiscalModel', () => {
  const model = fiscalModel('line-items', ['approved']);

  it('measures the amount in CNY from the integer 分 column with factor 0.01', () => {
    expect(Object.keys(model.measures)).toEqual(['amount']);
    expect(model.measures.amount).toMatchObject({
      source: 'amount_fen',
      resource: 'line-items',
      currency: 'CNY',
      factor: 0.01,
      phase: 'approved',
    });
    expect(LINE_ITEM_FIELDS.amountFen.type).toBe('integer');
  });

  it('gives the measure a phase only when all rows share one', () => {
    expect(fiscalModel('r', ['executed']).measures.amount?.phase).toBe('executed');
    expect(fiscalModel('r', ['approved', 'executed']).measures.amount?.phase).toBeUndefined();
    expect(fiscalModel('r', []).measures.amount?.phase).toBeUndefined();
  });

  it('has dimensions whose attributes all name existing columns, and uses every column', () => {
    const used = new Set(Object.values(model.measures).map((m) => m.source));
    for (const [name, d] of Object.entries(model.dimensions)) {
      expect(name).toMatch(/^\w+$/);
      const attrs = Object.keys(d.attributes);
      expect(attrs.length, name).toBeGreaterThan(0);
      for (const k of Array.isArray(d.primaryKey) ? d.primaryKey : [d.primaryKey])
        expect(attrs, name).toContain(k);
      for (const [attr, a] of Object.entries(d.attributes)) {
        expect(LINE_ITEM_COLUMNS, `${name}.${attr}`).toContain(a.source);
        expect(a.resource).toBe('line-items');
        if (a.labelfor) expect(attrs).toContain(a.labelfor);
        if (a.parent) expect(attrs).toContain(a.parent);
        used.add(a.source);
      }
    }
    expect([...used].sort()).toEqual([...LINE_ITEM_COLUMNS].sort());
  });

  it('maps the classifications, date, direction and phase the spec names', () => {
    const d = model.dimensions;
    expect(d.functional_classification).toMatchObject({
      dimensionType: 'classification',
      classificationType: 'functional',
      primaryKey: 'code',
    });
    expect(d.functional_classification?.attributes.code).toMatchObject({
      source: 'function_code',
      parent: 'level2_code',
    });
    expect(d.functional_classification?.attributes.level2_code?.parent).toBe('level1_code');
    expect(d.economic_classification).toMatchObject({
      dimensionType: 'classification',
      classificationType: 'economic',
    });
    expect(d.economic_classification?.attributes.code?.source).toBe('economic_code');
    expect(d.administrative_classification).toMatchObject({
      dimensionType: 'classification',
      classificationType: 'administrative',
      primaryKey: 'id',
    });
    expect(d.date).toMatchObject({
      dimensionType: 'datetime',
      attributes: { fiscal_year: { source: 'fiscal_year' } },
    });
    expect(d.direction?.attributes.direction?.source).toBe('direction');
    expect(d.phase?.attributes.phase?.source).toBe('phase');
    expect(d.account).toMatchObject({
      dimensionType: 'entity',
      attributes: { id: { source: 'funding_source' } },
    });
  });
});
