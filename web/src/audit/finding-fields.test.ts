import { describe, expect, it } from 'vitest';
import { auditFacts } from '../../../src/core/audit/audit.ts';
import { cleanBudgetFacts } from '../../../src/store/test-fixtures.ts';
import { findingPointers, placeFindings, sectionOf } from './finding-fields.ts';

describe('findings beside the fields they concern', () => {
  it('maps source positions through the provenance to pointers', () => {
    const pointers = findingPointers(
      {
        rule: 'cross.assets-text-vs-table',
        evidence: { sources: [{ line: 154, column: 24, text: '', sentence: '' }] },
      },
      { '/assets/total': { line: 154, column: 24, text: '国有资产总额 50.63 万元', sentence: '' } },
    );
    expect(pointers[0]).toBe('/assets/total');
    expect(pointers).toContain('/assets');
  });
  it('maps the figures a finding names to their fields', () => {
    const pointers = findingPointers({
      rule: 'cross.operating-within-public-expenses',
      evidence: { figures: { 机关运行经费: '3.5万元', 公用经费: '3.38万元' } },
    });
    expect(pointers.slice(0, 2)).toEqual(['/operatingExpenses/total', '/stated/publicExpenses']);
  });
  it('places the auditor’s findings on facts with a wrong revenue total beside the revenue total field', () => {
    const b = cleanBudgetFacts(2024);
    const total = b.stated.revenueTotal;
    if (!total) throw new Error('fixture lacks a revenue total');
    const wrong = { ...b, stated: { ...b.stated, revenueTotal: { ...total, fen: total.fen + 100_000 } } };
    const { findings } = auditFacts(wrong);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const placed = placeFindings(errors, ['/stated/revenueTotal', '/stated/expenditureTotal']);
    expect(placed.byField.get('/stated/revenueTotal')?.length).toBeGreaterThan(0);
  });
  it('sends a finding without a shown field to its section', () => {
    const placed = placeFindings(
      [{ rule: 'completeness.standard-tables', evidence: {} }],
      ['/stated/revenueTotal'],
    );
    expect(placed.bySection.get('other')?.length).toBe(1);
    expect(sectionOf('/threePublic/reception/amount')).toBe('threePublic');
  });
});
