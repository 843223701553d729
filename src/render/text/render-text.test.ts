import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetArbitrary } from '../../../test/arbitraries/budget-arbitrary.ts';
import type { Budget, StatedChange, StatedTable } from '../../core/budget/budget.ts';
import { emptyBudget } from '../../core/budget/empty-budget.ts';
import { summarize } from '../../core/budget/summary.ts';
import type { Amount } from '../../core/kernel/money.ts';
import { importText } from '../../import/text/import-text.ts';
import { type RenderTextOptions, renderText } from './render-text.ts';

/** An amount stated in 万元 with `decimals` decimals, like the seed's "82.9万元". */
function wan(s: string): Amount {
  const [whole, frac = ''] = s.split('.');
  const fen = Number(whole) * 1_000_000 + Number(frac.padEnd(6, '0'));
  return { fen, precision: 10 ** (6 - frac.length) };
}

function change(over: Partial<StatedChange> & Pick<StatedChange, 'subject' | 'direction'>): StatedChange {
  return {
    comparedYear: null,
    word: over.direction === 'increase' ? '增加' : over.direction === 'decrease' ? '减少' : '持平',
    amount: null,
    percent: null,
    reason: null,
    partOf: null,
    ...over,
  };
}

/** The facts of the seed disclosure (山海关区人民政府政务服务中心 2018). */
function seedBudget(): Budget {
  const b = emptyBudget();
  b.fiscalYear = 2018;
  b.department = {
    name: '山海关区人民政府政务服务中心',
    code: null,
    nature: '事业',
    rank: '正科级',
    fundingForm: '财政性资金基本保证',
    internalBodies: ['办公室', '督察科', '业务科'],
    duties: ['对乡镇政务服务中心的政务服务工作进行指导。', '完成区委、区政府交办的其他事项。'],
  };
  b.revenue = [{ source: 'generalPublicBudget', amount: wan('82.9') }];
  b.stated = {
    revenueTotal: wan('82.9'),
    expenditureTotal: wan('82.9'),
    generalPublicBudget: wan('82.9'),
    basicExpenditure: null,
    personnel: wan('64.01'),
    publicExpenses: wan('3.38'),
    projectExpenditure: wan('15.5'),
  };
  b.operatingExpenses = {
    total: wan('3.38'),
    items: [
      { name: '办公费', amount: wan('0.98') },
      { name: '印刷费', amount: wan('0.2') },
      { name: '邮电费', amount: wan('0.32') },
      { name: '维护维修费', amount: wan('0.23') },
      { name: '公务用车运行维护费', amount: wan('0.6') },
      { name: '工会经费', amount: wan('0.62') },
      { name: '福利费', amount: wan('0.43') },
    ],
  };
  b.threePublic.total.amount = wan('1.1');
  b.threePublic.overseasTravel.amount = wan('0');
  b.threePublic.vehicleTotal.amount = wan('1.1');
  b.threePublic.vehicleUse = '公务用车运行费';
  b.changes = [
    change({ subject: 'total', comparedYear: 2016, direction: 'decrease', amount: wan('1.58') }),
    change({
      subject: 'basicExpenditure',
      comparedYear: 2016,
      direction: 'decrease',
      amount: wan('1.5'),
      reason: '采暖补贴支出',
      partOf: 0,
    }),
    change({
      subject: 'projectExpenditure',
      comparedYear: 2016,
      direction: 'decrease',
      amount: wan('0.09'),
      partOf: 0,
    }),
    change({
      subject: 'threePublicTotal',
      comparedYear: 2017,
      direction: 'increase',
      amount: wan('0.5'),
      reason: '车保险费用',
    }),
  ];
  b.performance.activities = [
    {
      name: '窗口办公费',
      annualBudget: wan('21.6'),
      description: '日常窗口人员的办公用品和群众办公服务区便民物品的维护',
      goal: '保障窗口各项工作正常开展',
      indicators: [
        {
          name: '窗口日常工作完成率',
          excellent: { text: '100%', value: 100 },
          good: { text: '95%', value: 95 },
          fair: { text: '95%', value: 95 },
          poor: { text: '85%', value: 85 },
        },
      ],
    },
  ];
  b.procurement.statedNone = true;
  b.assets.asOf = '2018-12-31';
  b.assets.total = wan('50.63');
  b.assets.fixed = wan('50.63');
  b.glossary = [
    { term: '基本支出', definition: '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出' },
  ];
  return b;
}

const SECTION_ORDER = [
  '一、部门职责及机构设置情况',
  '二、部门预算安排的总体情况',
  '三、机关运行经费安排情况',
  '四、财政拨款“三公”经费预算情况及增减变化原因',
  '五、绩效预算信息',
  '六、政府采购预算情况',
  '七、国有资产信息',
  '八、名词解释',
  '九、其他需要说明的事项',
];

function expenditureTable(): StatedTable {
  const a = (fen: number): Amount => ({ fen, precision: 10_000 });
  return {
    kind: 'expenditureSummary',
    title: '2018年部门支出预算总表',
    unit: '万元',
    line: 0,
    endLine: 0,
    columns: ['total', 'basic', 'project'],
    rows: [
      {
        line: 0,
        code: null,
        label: '合计',
        cells: { total: a(82_900_000), basic: a(67_390_000), project: a(15_510_000) },
        placeholder: false,
      },
      {
        line: 0,
        code: '2010301',
        label: '行政运行',
        cells: { total: a(67_390_000), basic: a(67_390_000), project: a(0) },
        placeholder: false,
      },
    ],
    emptyStatement: false,
  };
}

describe('renderText: the standard layout', () => {
  const text = renderText(seedBudget());

  it('titles the document with the department and year', () => {
    expect(text.split('\n')[0]).toBe('山海关区人民政府政务服务中心 2018年部门预算公开说明');
  });

  it('writes the nine sections in order', () => {
    const at = SECTION_ORDER.map((h) => text.split('\n').indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });

  it('writes the seed’s sentences from its facts', () => {
    expect(text).toContain(
      '单位名称\t单位性质\t单位规格\t经费保证形式\n山海关区人民政府政务服务中心\t事业\t正科级\t财政性资金基本保证',
    );
    expect(text).toContain('办公室、督察科、业务科');
    expect(text).toContain('我单位2018年部门预算收入为82.9万元，其中一般公共预算拨款82.9万元。');
    expect(text).toContain(
      '我单位2018年部门预算支出为82.9万元，其中：人员经费支出为64.01万元；日常公用经费支出3.38万元；项目支出15.5万元。',
    );
    expect(text).toContain(
      '较2016年预算减少1.58万元，其中：基本支出减少1.5万元，主要为采暖补贴支出；项目支出减少0.09万元。',
    );
    expect(text).toContain(
      '机关运行经费为3.38万元（办公费0.98万元、印刷费0.2万元、邮电费0.32万元、维护维修费0.23万元、公务用车运行维护费0.6万元、工会经费0.62万元、福利费0.43万元）。',
    );
    expect(text).toContain(
      '“三公”经费预算安排1.1万元，其中因公出国（境）费0万元；公务用车购置及运行费1.1万元，用于公务用车运行费。',
    );
    expect(text).toContain('“三公”经费预算较2017年预算增加0.5万元，主要原因是车保险费用。');
    expect(text).toContain('职责活动\t年度预算数\t内容描述\t绩效目标\t绩效指标\t优\t良\t中\t差');
    expect(text).toContain('窗口办公费\t21.6\t');
    expect(text).toContain('无政府采购预算，空表列示。');
    expect(text).toContain('截至2018年12月31日，我单位国有资产总额50.63万元，资产构成：固定资产50.63万元。');
    expect(text).toContain('1、基本支出：指为保障机构正常运转');
  });

  it('is read back by the importer as the same figures', () => {
    expect(importText(text).summary).toEqual(summarize(seedBudget()));
  });

  it('is pure: the same text every time, the budget untouched', () => {
    const b = seedBudget();
    const before = structuredClone(b);
    expect(renderText(b)).toBe(text);
    expect(b).toEqual(before);
  });
});

describe('renderText states only what the budget holds', () => {
  it('leaves out every null amount', () => {
    const b = emptyBudget();
    b.department.name = '某某区财政局';
    b.fiscalYear = 2024;
    const text = renderText(b);
    expect(text).not.toMatch(/\d\s*(?:万元|元|亿元)/);
    expect(text).not.toMatch(/政府采购预算\S*\d/);
    expect(importText(text).summary).toEqual(summarize(b));
  });

  it('says 0 for an amount of 0, and nothing for one that is not stated', () => {
    const b = emptyBudget();
    b.fiscalYear = 2024;
    b.threePublic.overseasTravel.amount = { fen: 0, precision: 1_000_000 };
    const text = renderText(b);
    expect(text).toContain('因公出国（境）费0万元');
    expect(text).not.toContain('公务接待费');
    expect(text).not.toContain('公务用车');
  });

  it('never derives a figure: no basic expenditure from personnel and public expenses', () => {
    const b = seedBudget();
    expect(renderText(b)).not.toMatch(/基本支出\d/);
    b.stated.basicExpenditure = wan('67.39');
    expect(renderText(b)).toContain('基本支出67.39万元（人员经费支出为64.01万元；日常公用经费支出3.38万元）');
  });
});

describe('amounts', () => {
  it('prints 分 exactly in any unit, at the stated precision', () => {
    const b = emptyBudget();
    b.fiscalYear = 2024;
    b.stated.revenueTotal = { fen: 9_101_677_535, precision: 1 };
    b.stated.expenditureTotal = { fen: 123_456_789_012_300, precision: 100 };
    expect(renderText(b, { unit: '元' })).toContain('收入为91016775.35元');
    expect(renderText(b, { unit: '元' })).toContain('支出为1234567890123元');
    expect(renderText(b, { unit: '万元' })).toContain('收入为9101.677535万元');
    expect(renderText(b, { unit: '亿元' })).toContain('支出为12345.67890123亿元');
    expect(renderText(b, { unit: '元', thousandsSeparator: true })).toContain('收入为91,016,775.35元');
    expect(renderText(b, { spacedNumbers: true })).toContain('我单位 2024 年部门预算收入为 9101.677535 万元');
  });

  it('writes full-width digits that read back as the same text', () => {
    const b = seedBudget();
    const wide = renderText(b, { fullWidthDigits: true });
    expect(wide).not.toMatch(/[0-9]/);
    expect(wide).toContain('８２．９万元');
    const narrow = wide
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
      .replace(/．/g, '.')
      .replace(/％/g, '%');
    expect(narrow).toBe(renderText(b));
  });
});

describe('layout options', () => {
  it('numbers sections 一、 or 第一部分', () => {
    const text = renderText(seedBudget(), { numbering: 'part' });
    expect(text).toContain('\n第一部分 部门职责及机构设置情况\n');
    expect(text).toContain('\n第九部分 其他需要说明的事项\n');
    expect(text).not.toContain('\n一、部门职责');
  });

  it('puts Word list debris before list numbers, and nothing else changes', () => {
    const plain = renderText(seedBudget());
    const debris = renderText(seedBudget(), { wordDebris: true });
    expect(debris).toContain('<!--[if !supportLists]-->一、<!--[endif]-->部门职责及机构设置情况');
    expect(debris).toContain('<!--[if !supportLists]-->1、<!--[endif]-->收入说明');
    expect(debris.replace(/<!--\[if !supportLists\]-->|<!--\[endif\]-->/g, '')).toBe(plain);
  });

  it('renders each stated table with its title, unit line, header and rows', () => {
    const b = seedBudget();
    b.tables = [expenditureTable()];
    const tabs = renderText(b, { tableLayout: 'tabs' });
    expect(tabs).toContain('十、部门预算表');
    expect(tabs).toContain(
      '2018年部门支出预算总表\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t82.90\t67.39\t15.51\n2010301\t行政运行\t67.39\t67.39\t0.00',
    );
    const flat = renderText(b, { tableLayout: 'flat' });
    expect(flat).toContain(
      '科目编码 科目名称 合计 基本支出 项目支出\n合计 82.90 67.39 15.51\n2010301 行政运行 67.39 67.39 0.00',
    );
    const spaces = renderText(b, { tableLayout: 'spaces' });
    expect(spaces).not.toContain('\t');
    // Numbers are right-aligned: each column's numbers end at the same position.
    const rows = spaces.split('\n').filter((l) => /^\s*(?:合计|2010301)/.test(l));
    const ends = (l: string) => [...l.matchAll(/\d+\.\d{2}/g)].map((m) => m.index + m[0].length);
    expect(rows).toHaveLength(2);
    expect(ends(rows[0] as string)).toEqual(ends(rows[1] as string));
  });

  it('prints table amounts in the table’s own unit', () => {
    const b = seedBudget();
    b.tables = [{ ...expenditureTable(), unit: '元' }];
    expect(renderText(b)).toContain(
      '单位：元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t829000\t673900\t155100',
    );
  });

  it('titles final accounts as 决算', () => {
    const b = seedBudget();
    b.kind = 'finalAccounts';
    const text = renderText(b);
    expect(text.split('\n')[0]).toBe('山海关区人民政府政务服务中心 2018年部门决算公开说明');
    expect(text).toContain('部门决算收入为82.9万元');
  });
});

describe('change wording', () => {
  const wordings = fc.record({
    compare: fc.constantFrom('较' as const, '比' as const, '与…相比' as const),
    increase: fc.constantFrom('增加' as const, '增长' as const),
    decrease: fc.constantFrom('减少' as const, '下降' as const),
  });

  it('uses the chosen words: 较上年 / 比上年 / 与上年相比', () => {
    const b = emptyBudget();
    b.fiscalYear = 2024;
    b.changes = [
      change({ subject: 'projectExpenditure', direction: 'increase', amount: wan('3.5'), percent: 12.5 }),
    ];
    expect(renderText(b)).toContain('项目支出预算较上年增加3.5万元，增长12.5%。');
    expect(renderText(b, { changeWording: { compare: '比', increase: '增长' } })).toContain(
      '项目支出预算比上年增长3.5万元，增长12.5%。',
    );
    expect(renderText(b, { changeWording: { compare: '与…相比' } })).toContain(
      '项目支出预算与上年相比，增加3.5万元',
    );
  });

  it('never calls a decrease 增加 or 增长, whatever the wording or the change’s own word', () => {
    fc.assert(
      fc.property(
        wordings,
        fc.constantFrom('增加', '增长', '减少', '下降'),
        fc.integer({ min: 1, max: 1_000_000 }),
        (wording, word, hundreds) => {
          const b = emptyBudget();
          b.fiscalYear = 2024;
          const amount = { fen: hundreds * 10_000, precision: 10_000 };
          b.changes = [
            change({ subject: 'total', direction: 'decrease', word, amount }),
            change({ subject: 'basicExpenditure', direction: 'decrease', word, amount, partOf: 0 }),
            change({ subject: 'threePublicTotal', direction: 'decrease', word, amount, comparedYear: 2023 }),
          ];
          const text = renderText(b, { changeWording: wording });
          expect(text).not.toMatch(/增加|增长/);
          expect(text).toMatch(/减少|下降/);
        },
      ),
    );
  });
});

describe('any consistent budget', () => {
  it('renders without throwing, with every section, under any options', () => {
    fc.assert(
      fc.property(
        budgetArbitrary(),
        fc.constantFrom<RenderTextOptions['tableLayout']>('tabs', 'spaces', 'flat'),
        (b, layout) => {
          const text = renderText(b, { tableLayout: layout });
          for (const h of SECTION_ORDER) expect(text).toContain(`\n${h}\n`);
          expect(text.split('\n')[0]).toBe(`${b.department.name} ${b.fiscalYear}年部门预算公开说明`);
        },
      ),
      { numRuns: 50 },
    );
  });
});
