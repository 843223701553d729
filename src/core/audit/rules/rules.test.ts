/**
 * Each rule is a general statement about any disclosure: a clean disclosure
 * (not the seed, other wording) passes every rule, and a single change to it
 * makes exactly the rule that concerns it fail.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../import/text/import-text.ts';
import { auditBudget } from '../audit.ts';

const clean = readFileSync(
  new URL('../../../../test/fixtures/clean-county-2024.txt', import.meta.url),
  'utf8',
);

function audit(text: string) {
  const r = importText(text);
  return auditBudget({ budget: r.budget, provenance: r.provenance, lines: r.lines });
}

function mutate(...pairs: string[]): string {
  let text = clean;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const from = pairs[i] as string;
    expect(text.includes(from), `fixture contains “${from}”`).toBe(true);
    text = text.replace(from, pairs[i + 1] as string);
  }
  return text;
}

describe('a clean disclosure', () => {
  it('passes every rule it can check, with no findings at all', () => {
    const report = audit(clean);
    expect(report.findings).toEqual([]);
    expect(report.rules.failed).toBe(0);
    expect(report.rules.notChecked).toBeLessThanOrEqual(2);
  });
});

const cases: [string, string, string, string][] = [
  ['completeness.section.glossary', '第四部分 名词解释', '第四部分 附录', 'error'],
  ['completeness.standard-tables', '2024年一般公共预算基本支出表', '2024年一般公共预算基本支出情况', 'error'],
  [
    'completeness.three-public.items',
    '；公务接待费2.00万元。|2024年一般公共预算“三公”经费支出表',
    '。|附表',
    'error',
  ],
  ['completeness.three-public.reason', '，主要原因是压减接待。其中', '。其中', 'warning'],
  ['completeness.empty-table-statement', '本部门2024年无政府性基金预算支出，故本表为空表。', '', 'warning'],
  ['arithmetic.expenditure-parts', '人员经费350.00万元', '人员经费355.00万元', 'error'],
  [
    'arithmetic.basic-plus-project',
    '基本支出400.00万元，项目支出100.00万元',
    '基本支出400.00万元，项目支出110.00万元',
    'error',
  ],
  ['arithmetic.operating-expenses-items', '办公费20.00万元', '办公费25.00万元', 'error'],
  ['arithmetic.three-public-items', '公务接待费2.00万元', '公务接待费3.00万元', 'error'],
  ['arithmetic.vehicle-items', '公务用车运行费10.00万元）', '公务用车运行费9.00万元）', 'error'],
  ['arithmetic.change-breakdown', '项目支出增加5.00万元', '项目支出增加8.00万元', 'error'],
  [
    'arithmetic.table-totals',
    '2013801\t行政运行\t400.00\t400.00',
    '2013801\t行政运行\t300.00\t300.00',
    'warning',
  ],
  [
    'arithmetic.table-row-columns',
    '20138\t市场监督管理事务\t500.00\t400.00\t100.00',
    '20138\t市场监督管理事务\t500.00\t410.00\t100.00',
    'error',
  ],
  ['cross.text-vs-tables', '支出预算500.00万元', '支出预算510.00万元', 'error'],
  [
    'cross.basic-equals-personnel-plus-public',
    '基本支出中，人员经费350.00万元，公用经费50.00万元',
    '基本支出中，人员经费350.00万元，公用经费40.00万元',
    'error',
  ],
  ['cross.performance-within-project', '市场抽检\t60', '市场抽检\t160', 'error'],
  [
    'cross.vehicle-operation-vs-operating-expenses',
    '公务用车运行维护费10.00万元、其他费用10.00万元',
    '公务用车运行维护费12.00万元、其他费用8.00万元',
    'error',
  ],
  ['cross.assets-text-vs-table', '资产总额\t\t200.00', '资产总额\t\t0', 'error'],
  [
    'cross.operating-within-public-expenses',
    '机关运行经费50.00万元（办公费20.00万元',
    '机关运行经费60.00万元（办公费30.00万元',
    'warning',
  ],
  ['time.compared-year', '比2023年预算增加20.00万元', '比2022年预算增加20.00万元', 'error'],
  ['time.asset-snapshot', '截至2023年12月31日', '截至2024年6月30日', 'error'],
  ['time.publication-deadline', '于2024年2月5日公开', '于2024年3月5日公开', 'error'],
  ['plausibility.grade-order', '100%\t98%\t95%\t90%', '100%\t95%\t95%\t90%', 'error'],
  ['plausibility.percentages', '抽检完成率\t100%', '抽检完成率\t120%', 'error'],
  ['wording.misspelt-terms', '一般公共预算拨款500.00万元。支出', '一般共预算拨款500.00万元。支出', 'warning'],
  ['wording.placeholders', '本部门内设机构：办公室', '本部门内设机构：XX办公室', 'error'],
];

describe('one change, one rule', () => {
  it.each(cases)('%s fails when the document says so', (rule, from, to, severity) => {
    const froms = from.split('|');
    const tos = to.split('|');
    const report = audit(mutate(...froms.flatMap((f, i) => [f, tos[i] ?? ''])));
    const findings = report.findings.filter((f) => f.rule === rule);
    expect(findings.length, JSON.stringify(report.findings.map((f) => [f.rule, f.message]))).toBeGreaterThan(
      0,
    );
    expect(findings[0]?.severity).toBe(severity);
    expect(findings[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(report.results.find((r) => r.rule === rule)?.status).toBe('failed');
  });
});

describe('a decrease described as 增长', () => {
  it('is found from the stated percentage and this year’s amount', () => {
    // 500 this year after +20 is +4.17%; after −20 it would be −3.85%. "增长20万元，增长3.85%" only fits a decrease.
    const text = mutate('比2023年预算增加20.00万元，', '比2023年预算增长20.00万元，增长3.85%，');
    const f = audit(text).findings.find((x) => x.rule === 'plausibility.change-direction');
    expect(f?.message).toContain('只有减少才得到3.85%');
  });
});
