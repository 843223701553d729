import { describe, expect, it } from 'vitest';
import { tableSubject } from './templates.ts';
import { changeTail, comparedWith, isoToChinese, wan, withPeriod } from './wording.ts';

describe('wording', () => {
  it('writes amounts in 万元 with at most two decimals, trailing zeros dropped', () => {
    expect(wan(82_900_000)).toBe('82.9万元');
    expect(wan(82_890_000)).toBe('82.89万元');
    expect(wan(100_000_000)).toBe('100万元');
    expect(wan(0)).toBe('0万元');
    expect(wan(15_805)).toBe('0.02万元');
    expect(wan(4_999)).toBe('0万元');
    expect(wan(9_101_677_535)).toBe('9101.68万元');
  });

  it('names a change by its sign', () => {
    expect(changeTail(-1_580_000)).toBe('减少1.58万元');
    expect(changeTail(500_000)).toBe('增加0.5万元');
    expect(changeTail(0)).toBe('持平');
    expect(comparedWith('2017年预算', -1_580_000)).toBe('较2017年预算减少1.58万元');
    expect(comparedWith('2017年预算', 0)).toBe('与2017年预算持平');
  });

  it('helpers', () => {
    expect(withPeriod('完成任务')).toBe('完成任务。');
    expect(withPeriod('完成任务。')).toBe('完成任务。');
    expect(isoToChinese('2018-01-05')).toBe('2018年1月5日');
    expect(tableSubject('2018年一般公共预算“三公”经费支出表')).toBe('一般公共预算“三公”经费支出');
    expect(tableSubject('部门政府采购预算表')).toBe('政府采购预算');
  });
});
