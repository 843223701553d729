import { describe, expect, it } from 'vitest';
import { cleanBudgetFacts } from '../../../store/test-fixtures.ts';
import { auditFacts } from '../audit.ts';
import { comparison, isLowerBetter } from './plausibility.ts';

const grade = (text: string, value: number) => ({ text, value });

describe('grade order', () => {
  it('reads the comparison a grade states', () => {
    expect(['≥98%', '不低于95%', '<90%', '3天以内', '>5', '90%'].map(comparison)).toEqual([
      'ge',
      'ge',
      'lt',
      'le',
      'gt',
      null,
    ]);
  });

  it('takes the direction from the best grades, not from 差 (the complement)', () => {
    expect(isLowerBetter([grade('≥98%', 98), grade('≥95%', 95), grade('≥90%', 90), grade('<90%', 90)])).toBe(
      false,
    );
    expect(isLowerBetter([grade('≤1天', 1), grade('≤2天', 2), grade('≤3天', 3), grade('>3天', 3)])).toBe(
      true,
    );
    expect(isLowerBetter([grade('1', 1), grade('2', 2), grade('3', 3), grade('4', 4)])).toBe(true);
  });

  it('accepts ≥98 / ≥95 / ≥90 / <90 and flags a tie between 良 and 中', () => {
    const ok = cleanBudgetFacts(2024);
    expect(auditFacts(ok).findings.filter((f) => f.rule === 'plausibility.grade-order')).toEqual([]);
    const activities = ok.performance.activities.map((a, i) =>
      i === 0
        ? {
            ...a,
            indicators: a.indicators.map((ind, j) =>
              j === 0 ? { ...ind, good: grade('95%', 95), fair: grade('95%', 95) } : ind,
            ),
          }
        : a,
    );
    const tied = { ...ok, performance: { ...ok.performance, activities } };
    const found = auditFacts(tied).findings.filter((f) => f.rule === 'plausibility.grade-order');
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/“良”95%与“中”95%相同/)]);
  });
});
