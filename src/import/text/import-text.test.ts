import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSchema } from '../../core/budget/budget.ts';
import { importText } from './import-text.ts';

const seed = readFileSync(new URL('../../../samples/shanhaiguan-2018-budget.txt', import.meta.url), 'utf8');
const wan = (x: number) => Math.round(x * 1_000_000);

describe('importText on the seed disclosure', () => {
  const r = importText(seed);

  it('reads revenue, expenditure and their parts', () => {
    expect(r.summary).toMatchObject({
      fiscalYear: 2018,
      revenueTotal: wan(82.9),
      expenditureTotal: wan(82.9),
      generalPublicBudget: wan(82.9),
      personnel: wan(64.01),
      publicExpenses: wan(3.38),
      projectExpenditure: wan(15.5),
    });
    expect(r.budget.revenue).toEqual([
      { source: 'generalPublicBudget', amount: { fen: wan(82.9), precision: 100_000 } },
    ]);
  });

  it('reads seven 机关运行经费 lines summing to 3.38万元, and "三公" 1.1 with reception not stated', () => {
    const items = r.budget.operatingExpenses.items;
    expect(items.map((i) => i.name)).toEqual([
      '办公费',
      '印刷费',
      '邮电费',
      '维护维修费',
      '公务用车运行维护费',
      '工会经费',
      '福利费',
    ]);
    expect(items.reduce((s, i) => s + i.amount.fen, 0)).toBe(wan(3.38));
    expect(r.summary).toMatchObject({
      operatingExpenses: wan(3.38),
      threePublicTotal: wan(1.1),
      overseasTravel: 0,
      vehicleTotal: wan(1.1),
      vehicleOperation: null,
      reception: null,
    });
    expect(r.missing.map((m) => m.key)).toContain('reception');
  });

  it('reads two performance rows with their thresholds', () => {
    const acts = r.budget.performance.activities;
    expect(acts.map((a) => a.annualBudget?.fen)).toEqual([wan(36), wan(21.6)]);
    expect(acts[0]?.indicators[0]).toMatchObject({
      name: '窗口工作业务的完成率',
      excellent: { value: 100 },
      good: { value: 95 },
      fair: { value: 90 },
      poor: { value: 85 },
    });
    expect(acts[1]?.indicators[0]?.fair?.value).toBe(95);
  });

  it('reads assets 50.63, no procurement, the stated changes and the profile', () => {
    expect(r.summary.assetsTotal).toBe(wan(50.63));
    expect(r.budget.assets.asOf).toBe('2018-12-31');
    expect(r.budget.assets.tableTotal?.fen).toBe(0);
    expect(r.summary.procurementTotal).toBe(0);
    expect(r.budget.procurement.statedNone).toBe(true);
    const total = r.budget.changes.find((c) => c.subject === 'total');
    expect(total).toMatchObject({ comparedYear: 2016, direction: 'decrease', amount: { fen: wan(1.58) } });
    const parts = r.budget.changes.filter((c) => c.partOf === r.budget.changes.indexOf(total as never));
    expect(parts.map((p) => [p.subject, p.amount?.fen, p.reason])).toEqual([
      ['basicExpenditure', wan(1.5), '采暖补贴支出'],
      ['projectExpenditure', wan(0.09), null],
    ]);
    expect(r.budget.department).toMatchObject({
      name: '秦皇岛市山海关区人民政府政务服务中心',
      nature: '事业',
      rank: '正科级',
      fundingForm: '财政性资金基本保证',
      internalBodies: ['办公室', '督察科', '业务科'],
    });
    expect(r.budget.department.duties).toHaveLength(5);
    expect(r.budget.glossary[0]?.term).toBe('一般共预算拨款收入');
  });

  it('points every figure at its line, column and sentence', () => {
    const p = r.provenance['/stated/projectExpenditure'];
    expect(p).toMatchObject({ line: 74, text: '项目支出 15.5 万元' });
    const line = seed.split('\n')[(p?.line ?? 1) - 1] ?? '';
    expect(line.slice((p?.column ?? 1) - 1).startsWith('项目支出')).toBe(true);
    expect(p?.sentence).toContain('人员经费支出为 64.01 万元');
  });

  it('holds a budget that survives a JSON round trip through the schema', () => {
    const back = BudgetSchema.parse(JSON.parse(JSON.stringify(r.budget)));
    expect(back).toEqual(r.budget);
  });
});

describe('importText copes with the variety of real documents', () => {
  it('reads 第一部分 numbering, 元 and 亿元, full-width digits and thousands separators', () => {
    const text = [
      '某某县农业农村局２０２４年部门预算',
      '第一部分 部门概况',
      '一、主要职能',
      '负责全县农业农村工作。',
      '第二部分 部门预算情况说明',
      '一、收支预算总体情况',
      '本部门2024年收入预算1.2亿元，支出预算120,000,000元，其中：人员经费３,５００万元，公用经费５００万元，项目支出8000万元。',
    ].join('\n');
    const r = importText(text);
    expect(r.summary).toMatchObject({
      fiscalYear: 2024,
      department: '某某县农业农村局',
      revenueTotal: 12_000_000_000,
      expenditureTotal: 12_000_000_000,
      personnel: 3_500_000_000,
      publicExpenses: 500_000_000,
      projectExpenditure: 8_000_000_000,
    });
    expect(r.budget.sections.map((s) => s.kind)).toEqual(['duties', 'overview']);
  });

  it('reads 比上年 / 与上年相比 / 增长 / 下降 with percentages', () => {
    const r = importText(
      '一、收支总体情况\n2025年收入预算500万元，比上年增长25万元，增长5.26%。项目支出100万元，与2024年预算相比，下降10万元。',
    );
    expect(
      r.budget.changes.map((c) => [c.subject, c.comparedYear, c.direction, c.amount?.fen, c.percent]),
    ).toEqual([
      ['revenue', null, 'increase', 25_000_000, 5.26],
      ['projectExpenditure', 2024, 'decrease', 10_000_000, null],
    ]);
  });

  it('reads tables laid out with spaces, codes split or joined, and flattened rows', () => {
    const spaced = [
      '2025年部门支出预算总表',
      '单位：元',
      '功能分类科目编码   功能分类科目名称      合计            基本支出         项目支出',
      '201                一般公共服务支出      1,500.00        1,000.00         500.00',
      '201   03   01      行政运行              1,000.00        1,000.00',
      '2010302            一般行政管理事务      500.00                           500.00',
      '                   合计                  1,500.00        1,000.00         500.00',
    ].join('\n');
    const t = importText(spaced).budget.tables[0];
    expect(t?.kind).toBe('expenditureSummary');
    expect(
      t?.rows.map((r) => [
        r.code,
        r.label,
        Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, v.fen])),
      ]),
    ).toEqual([
      ['201', '一般公共服务支出', { total: 150_000, basic: 100_000, project: 50_000 }],
      ['2010301', '行政运行', { total: 100_000, basic: 100_000 }],
      ['2010302', '一般行政管理事务', { total: 50_000, project: 50_000 }],
      [null, '合计', { total: 150_000, basic: 100_000, project: 50_000 }],
    ]);
    const flat =
      '2025年部门支出预算总表\n单位:元\n201 一般公共服务支出 1,500.00 1,000.00 500.00 合计 1,500.00 1,000.00 500.00';
    const rows = importText(flat).budget.tables[0]?.rows ?? [];
    expect(rows.map((r) => [r.label, r.cells.total?.fen, r.cells.project?.fen])).toEqual([
      ['一般公共服务支出', 150_000, 50_000],
      ['合计', 150_000, 50_000],
    ]);
  });

  it('strips Word debris and still maps provenance to the original columns', () => {
    const line = '<!--[if !supportLists]-->1、<!--[endif]-->“三公”经费预算２０万元，其中公务接待费５万元。';
    const r = importText(`四、“三公”经费情况\n${line}`);
    expect(r.summary.threePublicTotal).toBe(20_000_000);
    expect(r.summary.reception).toBe(5_000_000);
    const p = r.provenance['/threePublic/reception/amount'];
    expect(line.slice((p?.column ?? 1) - 1).startsWith('公务接待费')).toBe(true);
  });

  it('lists what it looked for and did not find', () => {
    const r = importText('随便写的一段话，没有任何预算数字。');
    expect(r.summary.revenueTotal).toBeNull();
    expect(r.missing.map((m) => m.key)).toEqual(
      expect.arrayContaining(['revenueTotal', 'fiscalYear', 'section:glossary']),
    );
    expect(r.missing.every((m) => m.label.length > 0)).toBe(true);
  });
});

describe('Markdown disclosures', () => {
  it('reads headings, emphasis and pipe tables', () => {
    const md = [
      '# 某区文化馆2025年部门预算',
      '## 一、收支预算总体情况',
      '本单位2025年收入预算**120.50万元**，支出预算120.50万元。',
      '## 二、部门预算表',
      '### 2025年部门支出预算总表',
      '单位：万元',
      '| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |',
      '|---|---|---:|---:|---:|',
      '| 207 | 文化旅游体育与传媒支出 | 120.50 | 100.50 | 20.00 |',
      '| | 合计 | 120.50 | 100.50 | 20.00 |',
    ].join('\n');
    const r = importText(md);
    expect(r.summary).toMatchObject({
      fiscalYear: 2025,
      department: '某区文化馆',
      revenueTotal: 120_500_000,
      basicExpenditure: 100_500_000,
      projectExpenditure: 20_000_000,
    });
    expect(r.provenance['/stated/revenueTotal']?.column).toBe(
      (md.split('\n')[2] ?? '').indexOf('收入预算') + 1,
    );
  });
});

describe('"三公" items', () => {
  it('carry the reason of their stated change and the prior-year amount it implies', () => {
    const seed = readFileSync(
      new URL('../../../samples/shanhaiguan-2018-budget.txt', import.meta.url),
      'utf8',
    );
    const tp = importText(seed).budget.threePublic;
    // 1.1 this year, "比2017年预算增加0.5万元，为车保险费用": 0.6 the year before.
    expect(tp.total).toMatchObject({
      amount: { fen: 1_100_000 },
      priorYear: { fen: 600_000 },
      reason: '车保险费用',
    });
  });
});
