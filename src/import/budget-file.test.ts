import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoBudget2018 } from '../demo/shanhaiguan-2018.ts';
import { parseBudgetFile } from './budget-file.ts';

describe('parseBudgetFile', () => {
  it('reads the demo file with its prior year and notes', () => {
    const file = new URL('../../samples/shanhaiguan-2018.budget.json', import.meta.url);
    const f = parseBudgetFile(readFileSync(file, 'utf8'), 'demo');
    expect(f.budget.fiscalYear).toBe(2018);
    expect(f.prior?.fiscalYear).toBe(2017);
    expect(f.notes.length).toBeGreaterThan(5);
  });

  it('reads a bare budget', () => {
    const f = parseBudgetFile(JSON.stringify(demoBudget2018()), 'bare');
    expect(f.prior).toBeNull();
    expect(f.budget.department.code).toBe('630');
  });

  it('explains bad files in Chinese', () => {
    expect(() => parseBudgetFile('{', 'x.json')).toThrow(/^x\.json 不是有效的 JSON/);
    expect(() => parseBudgetFile('{"fiscalYear": "2018"}', 'y.json')).toThrow(
      /^y\.json 不是有效的预算数据：/,
    );
    expect(() => parseBudgetFile('{"format": "zhengwu.budget/1"}', 'z.json')).toThrow(
      /不是有效的预算文件：budget/,
    );
  });
});
