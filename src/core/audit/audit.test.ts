import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../../import/text/import-text.ts';
import { auditBudget } from './audit.ts';
import { parseAuditConfig } from './config.ts';
import { ALL_RULES } from './rules/index.ts';

const seed = readFileSync(new URL('../../../samples/shanhaiguan-2018-budget.txt', import.meta.url), 'utf8');

function audit(text: string, config = parseAuditConfig({})) {
  const r = importText(text);
  return auditBudget({ budget: r.budget, provenance: r.provenance, lines: r.lines }, config);
}

describe('auditing the seed disclosure', () => {
  const report = audit(seed);
  const byRule = (id: string) => report.findings.filter((f) => f.rule === id);

  it('finds performance activity budgets (36 + 21.6 = 57.6) exceeding project expenditure (15.5)', () => {
    const [f] = byRule('cross.performance-within-project');
    expect(f?.severity).toBe('error');
    expect(f?.evidence.arithmetic).toBe('36 + 21.6 = 57.6 > 15.5万元');
    expect(f?.evidence.sources?.map((s) => s.line)).toEqual([135, 136, 74]);
  });

  it('finds the comparison with 2016 in a 2018 budget, and two different comparison years', () => {
    expect(byRule('time.compared-year')[0]?.evidence.arithmetic).toBe('2018 − 1 = 2017 ≠ 2016');
    expect(byRule('time.compared-years-consistent')[0]?.message).toContain('2016、2017');
  });

  it('finds the stated decreases (1.5 + 0.09) not adding up to the total decrease (1.58)', () => {
    const [f] = byRule('arithmetic.change-breakdown');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('相差0.01万元');
    expect(f?.evidence.arithmetic).toContain('1.59');
  });

  it('finds "三公" vehicle costs 1.1 against 0.6 公务用车运行维护费 in 机关运行经费', () => {
    const [f] = byRule('cross.vehicle-operation-vs-operating-expenses');
    expect(f?.evidence.figures).toMatchObject({ 机关运行经费中的公务用车运行维护费: '0.6万元' });
    expect(f?.evidence.arithmetic).toBe('1.1万元 ≠ 0.6万元');
  });

  it('finds 公务接待费 not stated', () => {
    expect(byRule('completeness.three-public.items').map((f) => f.evidence.detail)).toEqual(['公务接待费']);
  });

  it('finds the asset total 50.63 against the asset table’s 0 and “无固定资产占用情况”', () => {
    const fs = byRule('cross.assets-text-vs-table');
    expect(fs).toHaveLength(2);
    expect(fs[0]?.evidence.arithmetic).toBe('0 ≠ 50.63万元');
    expect(fs[1]?.message).toContain('无固定资产');
  });

  it('finds assets dated 2018-12-31 in a 2018 budget', () => {
    expect(byRule('time.asset-snapshot')[0]?.evidence.figures).toEqual({
      截止日期: '2018-12-31',
      预算年度: '2018',
    });
  });

  it('finds 良 and 中 both 95% in the second indicator row', () => {
    const fs = byRule('plausibility.grade-order');
    expect(fs).toHaveLength(1);
    expect(fs[0]?.message).toContain('窗口日常工作完成率');
    expect(fs[0]?.evidence.figures).toEqual({ 优: '100%', 良: '95%', 中: '95%', 差: '85%' });
  });

  it('finds the standard tables absent and the misspelt 一般共预算拨款收入', () => {
    expect(byRule('completeness.standard-tables')[0]?.message).toMatch(/^缺少8张标准表格/);
    const spelling = byRule('wording.misspelt-terms').find((f) => f.evidence.figures?.原文 === '一般共预算');
    expect(spelling?.evidence.sources?.[0]?.line).toBe(176);
  });

  it('reports 64.01 + 3.38 + 15.5 = 82.89 against 82.9 as rounding, not as an error', () => {
    const fs = byRule('arithmetic.expenditure-parts');
    expect(fs.map((f) => [f.severity, f.evidence.arithmetic])).toEqual([
      ['info', '64.01 + 3.38 + 15.5 = 82.89 ≈ 82.9万元'],
    ]);
    expect(report.results.find((r) => r.rule === 'arithmetic.expenditure-parts')?.status).toBe('passed');
  });

  it('accounts for every rule: run = passed + failed + not checked, each not-checked with a reason', () => {
    const r = report.rules;
    expect(r.total).toBe(ALL_RULES.length);
    expect(r.run).toBe(r.passed + r.failed + r.notChecked);
    expect(report.results).toHaveLength(ALL_RULES.length);
    for (const x of report.results.filter((x) => x.status === 'notChecked')) expect(x.reason).toBeTruthy();
    expect(report.counts.error).toBe(report.findings.filter((f) => f.severity === 'error').length);
  });
});

describe('rules', () => {
  it('has at least 30 rules with unique ids, each in a group with a Chinese title', () => {
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    for (const r of ALL_RULES) {
      expect(r.id.startsWith(r.group === 'crossSection' ? 'cross.' : `${r.group}.`)).toBe(true);
      expect(r.title).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('configuration', () => {
  it('turns rules off and changes severities', () => {
    const config = parseAuditConfig({
      rules: {
        'completeness.standard-tables': { enabled: false },
        'time.asset-snapshot': { severity: 'info' },
      },
    });
    const report = audit(seed, config);
    expect(report.findings.some((f) => f.rule === 'completeness.standard-tables')).toBe(false);
    expect(report.results.find((r) => r.rule === 'completeness.standard-tables')?.status).toBe('disabled');
    expect(report.rules.disabled).toBe(1);
    expect(report.findings.find((f) => f.rule === 'time.asset-snapshot')?.severity).toBe('info');
  });

  it('changes the tolerance: with roundingFactor 0 nothing is forgiven as rounding', () => {
    const strict = audit(seed, parseAuditConfig({ tolerance: { roundingFactor: 0 } }));
    expect(strict.findings.find((f) => f.rule === 'arithmetic.expenditure-parts')?.severity).toBe('error');
  });

  it('rejects a malformed configuration', () => {
    expect(() => parseAuditConfig({ rules: { x: { severity: 'fatal' } } })).toThrow();
    expect(() => parseAuditConfig({ unknown: 1 })).toThrow();
  });
});
