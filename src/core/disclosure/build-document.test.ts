import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetArbitrary } from '../../../test/arbitraries/budget-arbitrary.ts';
import { type Budget, REVENUE_SOURCES } from '../budget/budget.ts';
import { emptyBudget } from '../budget/empty-budget.ts';
import { InvalidInput } from '../errors.ts';
import { exact } from '../kernel/money.ts';
import { buildDocument } from './build-document.ts';
import { FUNCTION_CODE_NAMES } from './classification-names.ts';
import {
  type Cell,
  type ChartBlock,
  columnCount,
  type DisclosureDocument,
  type DocRow,
  type DocTable,
  documentOutline,
  flatHeader,
  placeHeader,
} from './document.ts';
import { STANDARD_TABLE_KINDS, TEMPLATE_IDS, TEMPLATES, templateFor } from './templates.ts';
import { testBudget, testPriorBudget, yuan } from './test-budget.ts';
import { wan } from './wording.ts';

// ---------------------------------------------------------------- helpers

function tables(doc: DisclosureDocument): DocTable[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
}

function tableOf(doc: DisclosureDocument, key: string): DocTable {
  const t = tables(doc).find((x) => x.key === key);
  if (!t) throw new Error(`no table ${key}`);
  return t;
}

function charts(doc: DisclosureDocument): ChartBlock[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is ChartBlock => b.kind === 'chart'));
}

function sectionText(doc: DisclosureDocument, number: string): string {
  const s = doc.sections.find((x) => x.number === number);
  return (s?.blocks ?? [])
    .flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : []))
    .join('\n');
}

/** The 分 of an amount cell; 0 for a blank cell (a blank is no amount). */
function fen(c: Cell | undefined): number {
  if (c === undefined || typeof c === 'string') return 0;
  return c.fen;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function lineSum(b: Budget, pred: (l: Budget['expenditureLines'][number]) => boolean = () => true): number {
  return sum(b.expenditureLines.filter(pred).map((l) => l.amount.fen));
}

/**
 * A 类/款/项 table adds up: each 类 row is the sum of its 款 rows, each 款 row of its 项 rows (when it
 * has any), the 合计 row the sum of the 类 rows, for every amount column from `first`.
 */
function expectTreeAddsUp(t: DocTable, first: number): void {
  const coded = t.rows.filter((r) => r.level !== 'total');
  const total = t.rows.find((r) => r.level === 'total');
  const width = columnCount(t);
  const children = (r: DocRow, level: DocRow['level']) =>
    coded.filter(
      (c) => c.level === level && typeof c.cells[0] === 'string' && c.cells[0].startsWith(String(r.cells[0])),
    );
  for (let col = first; col < width; col++) {
    for (const r of coded) {
      const next = r.level === 'class' ? 'section' : r.level === 'section' ? 'item' : null;
      const kids = next && r.cells[0] !== '' ? children(r, next) : [];
      if (kids.length > 0)
        expect(fen(r.cells[col]), `${t.key} ${r.cells[0]} col ${col}`).toBe(
          sum(kids.map((k) => fen(k.cells[col]))),
        );
    }
    if (total && coded.length > 0)
      expect(fen(total.cells[col]), `${t.key} 合计 col ${col}`).toBe(
        sum(coded.filter((r) => r.level === 'class').map((r) => fen(r.cells[col]))),
      );
  }
}

/** Every row: column `totalCol` is the sum of the columns after it. */
function expectRowsAddUp(t: DocTable, totalCol: number): void {
  for (const r of t.rows) {
    expect(fen(r.cells[totalCol]), `${t.key} ${String(r.cells[1])}`).toBe(
      sum(r.cells.slice(totalCol + 1).map(fen)),
    );
  }
}

const NUMBERED = /^[一二三四五六七八九十]+、/;

function expectConsistentTables(b: Budget, doc: DisclosureDocument): void {
  const total = lineSum(b);
  const basic = lineSum(b, (l) => l.kind !== 'project');
  const project = lineSum(b, (l) => l.kind === 'project');
  for (const key of ['expenditureSummary', 'generalBudgetByFunction', 'governmentFund', 'stateCapital']) {
    const t = tables(doc).find((x) => x.key === key);
    if (!t) continue;
    expectTreeAddsUp(t, 2);
    expectRowsAddUp(t, 2);
  }
  const exp = tableOf(doc, 'expenditureSummary');
  const expTotal = exp.rows.find((r) => r.level === 'total');
  expect(expTotal?.cells.slice(2).map(fen)).toEqual([total, basic, project]);

  const rev = tableOf(doc, 'revenueSummary');
  expectTreeAddsUp(rev, 2);
  expectRowsAddUp(rev, 2);
  expect(fen(rev.rows.find((r) => r.level === 'total')?.cells[2])).toBe(total);

  const eco = tableOf(doc, 'generalBudgetBasicByEconomic');
  expectTreeAddsUp(eco, 2);
  expectRowsAddUp(eco, 2);
  const gpbBasic = lineSum(b, (l) => l.kind !== 'project' && l.fundingSource === 'generalPublicBudget');
  if (gpbBasic > 0) expect(fen(eco.rows.find((r) => r.level === 'total')?.cells[2])).toBe(gpbBasic);

  const ie = tableOf(doc, 'incomeExpenditureSummary');
  const ieTotal = ie.rows.find((r) => r.level === 'total');
  const left = ie.rows.filter((r) => NUMBERED.test(String(r.cells[0])));
  const right = ie.rows.filter((r) => NUMBERED.test(String(r.cells[2])));
  expect(sum(left.map((r) => fen(r.cells[1])))).toBe(fen(ieTotal?.cells[1]));
  expect(sum(right.map((r) => fen(r.cells[3])))).toBe(fen(ieTotal?.cells[3]));
  expect(fen(ieTotal?.cells[3])).toBe(total);
  // A consistent budget balances: its revenue (lines, or what the lines it funds add up to) is its spending.
  expect(fen(ieTotal?.cells[1])).toBe(total);

  const ap = tableOf(doc, 'appropriationSummary');
  const apTotal = ap.rows.find((r) => r.level === 'total');
  const apLeft = ap.rows.filter((r) => NUMBERED.test(String(r.cells[0])));
  const apRight = ap.rows.filter((r) => NUMBERED.test(String(r.cells[2])));
  expect(sum(apLeft.map((r) => fen(r.cells[1])))).toBe(fen(apTotal?.cells[1]));
  for (let col = 3; col < 7; col++)
    expect(sum(apRight.map((r) => fen(r.cells[col])))).toBe(fen(apTotal?.cells[col]));
  for (const r of [...apRight, ...(apTotal ? [apTotal] : [])])
    expect(fen(r.cells[3])).toBe(sum(r.cells.slice(4).map(fen)));

  const tp = tableOf(doc, 'threePublic');
  const labels = flatHeader(tp);
  const at = (suffix: string) => labels.findIndex((l) => l.endsWith(suffix));
  for (const r of tp.rows) {
    const c = (suffix: string) => r.cells[at(suffix)] ?? '';
    const [all, overseas, vehicle, purchase, operation, reception] = [
      '合计',
      '因公出国（境）费',
      '小计',
      '购置费',
      '运行费',
      '公务接待费',
    ].map(c);
    if ([all, overseas, vehicle, reception].every((x) => x !== ''))
      expect(fen(all)).toBe(fen(overseas) + fen(vehicle) + fen(reception));
    if (purchase !== '' && operation !== '' && vehicle !== '')
      expect(fen(vehicle)).toBe(fen(purchase) + fen(operation));
  }

  for (const c of charts(doc)) {
    const data = c.series[0]?.data ?? [];
    if (c.key === 'expenditureByKind' || c.key === 'expenditureByFunction') expect(sum(data)).toBe(total);
    if (c.key === 'revenueBySource') expect(sum(data)).toBe(fen(ieTotal?.cells[1]));
  }
  for (const t of tables(doc)) {
    expect(t.emptyStatement === null, `${t.key}: a statement exactly when empty`).toBe(t.rows.length > 0);
    for (const r of t.rows) expect(r.cells.length, `${t.key} row width`).toBe(columnCount(t));
  }
}

// ---------------------------------------------------------------- tests

const NINE = [
  '一、部门职责及机构设置情况',
  '二、部门预算安排的总体情况',
  '三、机关运行经费安排情况',
  '四、财政拨款“三公”经费预算情况及增减变化原因',
  '五、绩效预算信息',
  '六、政府采购预算情况',
  '七、国有资产信息',
  '八、名词解释',
  '九、其他需要说明的事项',
  '十、部门预算表',
];

describe('buildDocument: structure', () => {
  const doc = buildDocument(testBudget(), { prior: testPriorBudget() });

  it('has the nine sections in the seed’s order, then 十、部门预算表', () => {
    expect(documentOutline(doc).headings).toEqual(NINE);
    expect(doc.title).toBe('山海关区人民政府政务服务中心 2018年部门预算公开说明');
    expect(doc.fiscalYear).toBe(2018);
    expect(doc.templateId).toBe('national-2016');
  });

  it('puts the performance, procurement and asset tables in sections 五, 六 and 七, the standard ones in 十', () => {
    const keysIn = (n: string) =>
      (doc.sections.find((s) => s.number === n)?.blocks ?? []).flatMap((b) =>
        b.kind === 'table' ? [b.key] : [],
      );
    expect(keysIn('五')).toEqual(['performance']);
    expect(keysIn('六')).toEqual(['procurement']);
    expect(keysIn('七')).toEqual(['assets']);
    expect(keysIn('十')).toEqual(templateFor('national-2016').tables);
  });

  it('places the charts in sections 二 and 四', () => {
    const keysIn = (n: string) =>
      (doc.sections.find((s) => s.number === n)?.blocks ?? []).flatMap((b) =>
        b.kind === 'chart' ? [b.key] : [],
      );
    expect(keysIn('二')).toEqual(['revenueBySource', 'expenditureByKind', 'expenditureByFunction']);
    expect(keysIn('四')).toEqual(['threePublicComparison']);
    const tp = charts(doc).find((c) => c.key === 'threePublicComparison');
    expect(tp?.series.map((s) => s.name)).toEqual(['2017年预算', '2018年预算']);
    expect(tp?.series.map((s) => s.data)).toEqual([
      [0, 600_000, 0],
      [0, 600_000, 200_000],
    ]);
  });

  it('merges header cells as the official tables do', () => {
    const tp = tableOf(doc, 'threePublic');
    expect(tp.headerRows).toEqual([
      [
        { text: '合计', rowSpan: 2 },
        { text: '因公出国（境）费', rowSpan: 2 },
        { text: '公务用车购置及运行费', colSpan: 3 },
        { text: '公务接待费', rowSpan: 2 },
      ],
      [{ text: '小计' }, { text: '购置费' }, { text: '运行费' }],
    ]);
    expect(flatHeader(tp)).toEqual([
      '合计',
      '因公出国（境）费',
      '公务用车购置及运行费/小计',
      '公务用车购置及运行费/购置费',
      '公务用车购置及运行费/运行费',
      '公务接待费',
    ]);
    expect(
      placeHeader(tableOf(doc, 'expenditureSummary').headerRows).map((p) => [p.cell.text, p.row, p.col]),
    ).toEqual([
      ['功能分类科目', 0, 0],
      ['合计', 0, 2],
      ['基本支出', 0, 3],
      ['项目支出', 0, 4],
      ['科目编码', 1, 0],
      ['科目名称', 1, 1],
    ]);
  });

  it('names 类 and 款 rows from the classification map when the lines do not', () => {
    const exp = tableOf(doc, 'expenditureSummary');
    const names = Object.fromEntries(exp.rows.map((r) => [String(r.cells[0]), String(r.cells[1])]));
    expect(names['201']).toBe('一般公共服务支出');
    expect(names['20103']).toBe('政府办公厅（室）及相关机构事务');
    expect(names['2010350']).toBe('事业运行');
    expect(names['2080505']).toBe('机关事业单位基本养老保险缴费支出');
    expect(FUNCTION_CODE_NAMES['221']).toBe('住房保障支出');
  });

  it('is pure: the same tree every time, the budgets untouched', () => {
    const b = testBudget();
    const prior = testPriorBudget();
    const before = structuredClone([b, prior]);
    expect(buildDocument(b, { prior })).toEqual(doc);
    expect([b, prior]).toEqual(before);
  });
});

describe('buildDocument: sentences are generated from the facts', () => {
  const b = testBudget();
  const doc = buildDocument(b, { prior: testPriorBudget() });
  const overview = sectionText(doc, '二');

  it('states revenue and expenditure as sums of the lines', () => {
    expect(overview).toContain('我单位2018年部门预算收入为82.89万元，全部为一般公共预算拨款。');
    expect(overview).toContain(
      '我单位2018年部门预算支出为82.89万元，其中：基本支出67.39万元（人员经费64.01万元，日常公用经费3.38万元）；项目支出15.5万元。',
    );
    expect(overview).toContain(
      '按支出功能分类：一般公共服务支出60.88万元，社会保障和就业支出9.6万元，卫生健康支出4.5万元，住房保障支出7.91万元。',
    );
  });

  it('computes the year-on-year change from both budgets’ lines', () => {
    expect(overview).toContain(
      '2018年预算收支安排82.89万元，较2017年预算减少1.58万元，其中：基本支出减少1.49万元，主要为人员调整；项目支出减少0.09万元。',
    );
    expect(sectionText(doc, '三')).toContain('机关运行经费与2017年预算持平。');
    expect(sectionText(doc, '四')).toContain(
      '“三公”经费预算较2017年预算增加0.2万元，其中：因公出国（境）费持平，公务用车购置及运行费持平，公务接待费增加0.2万元。主要原因是公务接待任务增加。',
    );
  });

  it('ignores stated totals when there are lines: a wrong stated total does not reach the text', () => {
    const wrong = testBudget();
    wrong.stated.expenditureTotal = exact(99_990_000);
    wrong.stated.revenueTotal = exact(99_990_000);
    const text = sectionText(buildDocument(wrong), '二');
    expect(text).toContain('支出为82.89万元');
    expect(text).not.toContain('99.99');
  });

  it('uses the stated totals when there are no lines', () => {
    const s = emptyBudget();
    s.fiscalYear = 2020;
    s.department.name = '某某区统计局';
    s.stated.expenditureTotal = exact(1_234_500_000);
    s.stated.personnel = exact(1_000_000_000);
    s.stated.publicExpenses = exact(34_500_000);
    s.stated.projectExpenditure = exact(200_000_000);
    s.stated.revenueTotal = exact(1_234_500_000);
    s.stated.generalPublicBudget = exact(1_234_500_000);
    const d = buildDocument(s);
    expect(d.templateId).toBe('national-2019');
    expect(sectionText(d, '二')).toContain(
      '我单位2020年部门预算支出为1234.5万元，其中：基本支出1034.5万元（人员经费1000万元，日常公用经费34.5万元）；项目支出200万元。',
    );
    const exp = tableOf(d, 'expenditureSummary');
    expect(exp.rows).toEqual([
      {
        cells: ['', '合计', { fen: 1_234_500_000 }, { fen: 1_034_500_000 }, { fen: 200_000_000 }],
        level: 'total',
      },
    ]);
  });

  it('without a prior budget, words the stated changes by their direction (never 增长 for a decrease)', () => {
    const c = testBudget();
    const first = c.changes[0];
    if (first) first.word = '增长'; // a misread word: the direction says decrease
    const text = sectionText(buildDocument(c), '二');
    expect(text).toContain(
      '收支总额预算较2017年预算减少1.58万元，其中：基本支出减少1.49万元，主要为人员调整；项目支出减少0.09万元。',
    );
    expect(text).not.toMatch(/增长|增加/);
  });

  it('states procurement items and their total', () => {
    const c = testBudget();
    c.procurement = {
      total: null,
      statedNone: false,
      items: [
        {
          project: '窗口办公费',
          item: '台式计算机',
          catalogueNo: 'A02010104',
          quantity: 5,
          quantityUnit: '台',
          amount: yuan(25_000),
        },
        {
          project: '窗口办公费',
          item: '打印机',
          catalogueNo: null,
          quantity: 2,
          quantityUnit: '台',
          amount: yuan(4_000),
        },
      ],
    };
    const d = buildDocument(c);
    expect(sectionText(d, '六')).toBe(
      '2018年，我部门安排政府采购预算2.9万元，具体为：台式计算机5台2.5万元、打印机2台0.4万元。',
    );
    const t = tableOf(d, 'procurement');
    expect(t.emptyStatement).toBeNull();
    expect(t.rows.at(-1)).toEqual({ cells: ['合计', '', '', '', '', { fen: 2_900_000 }], level: 'total' });
  });

  it('property: the figures of section 二 are the sums of the lines (or stated changes), for any consistent budget', () => {
    fc.assert(
      fc.property(budgetArbitrary(), (budget) => {
        const d = buildDocument(budget);
        const text = sectionText(d, '二');
        const total = lineSum(budget);
        const y = budget.fiscalYear;
        expect(text).toContain(`我单位${y}年部门预算支出为${wan(total)}`);
        expect(text).toContain(`我单位${y}年部门预算收入为${wan(total)}`);
        const allowed = new Set<string>([
          wan(total),
          wan(lineSum(budget, (l) => l.kind !== 'project')),
          wan(lineSum(budget, (l) => l.kind === 'personnel')),
          wan(lineSum(budget, (l) => l.kind === 'publicExpenses')),
          wan(lineSum(budget, (l) => l.kind === 'project')),
          ...REVENUE_SOURCES.map((s) => wan(lineSum(budget, (l) => l.fundingSource === s))),
          ...[...new Set(budget.expenditureLines.map((l) => l.functionCode?.slice(0, 3)))].map((c) =>
            wan(lineSum(budget, (l) => l.functionCode?.slice(0, 3) === c)),
          ),
          ...budget.changes.flatMap((c) => (c.amount ? [wan(Math.abs(c.amount.fen))] : [])),
        ]);
        for (const m of text.matchAll(/(-?\d+(?:\.\d+)?)万元/g)) expect(allowed, m[0]).toContain(m[0]);
      }),
      { numRuns: 150 },
    );
  });

  it('property: a computed change is named by its sign and amount, parts included', () => {
    const deltas = fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 14, maxLength: 14 });
    fc.assert(
      fc.property(deltas, (ds) => {
        const prior = testBudget();
        prior.fiscalYear = 2017;
        prior.expenditureLines = prior.expenditureLines.map((l, i) => ({
          ...l,
          amount: exact(l.amount.fen + (ds[i] ?? 0) * 10_000),
        }));
        const cur = testBudget();
        cur.changes = [];
        const text = sectionText(buildDocument(cur, { prior }), '二');
        const check = (label: string, diff: number) => {
          if (diff === 0) return;
          const word = diff > 0 ? '增加' : '减少';
          expect(text).toContain(`${label}${word}${wan(Math.abs(diff))}`);
        };
        const diff = lineSum(cur) - lineSum(prior);
        if (diff === 0) expect(text).toContain('与2017年预算持平');
        else expect(text).toContain(`较2017年预算${diff > 0 ? '增加' : '减少'}${wan(Math.abs(diff))}`);
        if (diff !== 0) {
          check(
            '基本支出',
            lineSum(cur, (l) => l.kind !== 'project') - lineSum(prior, (l) => l.kind !== 'project'),
          );
          check(
            '项目支出',
            lineSum(cur, (l) => l.kind === 'project') - lineSum(prior, (l) => l.kind === 'project'),
          );
        }
        if (diff < 0) expect(text.match(/较2017年预算(\S{2})/)?.[1]).toBe('减少');
        expect(text).not.toContain('增长');
      }),
      { numRuns: 200 },
    );
  });
});

describe('buildDocument: tables', () => {
  it('the test budget’s tables add up', () => {
    const b = testBudget();
    expectConsistentTables(b, buildDocument(b, { prior: testPriorBudget() }));
  });

  it('property: the tables and charts add up for any consistent budget, in every template', () => {
    fc.assert(
      fc.property(budgetArbitrary(), fc.constantFrom(...TEMPLATE_IDS), (b, template) => {
        expectConsistentTables(b, buildDocument(b, { template }));
      }),
      { numRuns: 150 },
    );
  });

  it('empty tables carry their statement', () => {
    const doc = buildDocument(testBudget(), { template: 'national-2019' });
    const fund = tableOf(doc, 'governmentFund');
    expect(fund.rows).toEqual([]);
    expect(fund.emptyStatement).toBe('本部门2018年无政府性基金预算支出，故本表为空表。');
    expect(tableOf(doc, 'stateCapital').emptyStatement).toBe(
      '本部门2018年无国有资本经营预算支出，故本表为空表。',
    );
    expect(tableOf(doc, 'procurement').emptyStatement).toBe('本部门无政府采购预算，空表列示。');
    const none = testBudget();
    none.performance.activities = [];
    none.assets.statedNone = true;
    none.threePublic = emptyBudget().threePublic;
    const d = buildDocument(none);
    expect(tableOf(d, 'performance').emptyStatement).toBe('本部门无绩效目标，空表列示。');
    expect(tableOf(d, 'assets').emptyStatement).toBe('本部门无固定资产占用情况，空表列示。');
    expect(tableOf(d, 'threePublic').emptyStatement).toBe('本部门无一般公共预算“三公”经费支出，空表列示。');
  });

  it('a fund table with lines has rows', () => {
    const b = testBudget();
    b.expenditureLines.push({
      functionCode: '2120399',
      functionName: null,
      economicCode: '30299',
      economicName: '其他商品和服务支出',
      kind: 'project',
      fundingSource: 'governmentFund',
      amount: yuan(50_000),
    });
    const doc = buildDocument(b);
    const fund = tableOf(doc, 'governmentFund');
    expect(fund.emptyStatement).toBeNull();
    expect(fund.rows.map((r) => r.cells[1])).toEqual([
      '合计',
      '城乡社区支出',
      '城乡社区公共设施',
      '其他城乡社区公共设施支出',
    ]);
    expectConsistentTables(b, doc);
    expect(sectionText(doc, '二')).toContain('其中：一般公共预算拨款82.89万元、政府性基金预算拨款5万元');
  });
});

describe('templates', () => {
  it('change the table set and titles', () => {
    const b = testBudget();
    const keys = (template: string) =>
      tables(buildDocument(b, { template }))
        .filter((t) => t.title.startsWith('2018年'))
        .map((t) => t.key);
    expect(keys('national-2016')).toEqual([
      'incomeExpenditureSummary',
      'revenueSummary',
      'expenditureSummary',
      'appropriationSummary',
      'generalBudgetByFunction',
      'generalBudgetBasicByEconomic',
      'threePublic',
      'governmentFund',
    ]);
    expect(keys('national-2019')).toEqual([...keys('national-2016'), 'stateCapital']);
    const sh = buildDocument(b, { template: 'shanghai-2024' });
    expect(documentOutline(sh).tables.filter((t) => t.startsWith('2018年'))).toEqual([
      '2018年部门财务收支预算总表',
      '2018年部门收入预算总表',
      '2018年部门支出预算总表',
      '2018年部门财政拨款收支预算总表',
      '2018年部门一般公共预算支出功能分类预算表',
      '2018年部门政府性基金预算支出功能分类预算表',
      '2018年部门国有资本经营预算支出功能分类预算表',
      '2018年部门一般公共预算基本支出部门预算经济分类预算表',
      '2018年部门“三公”经费和机关运行经费预算表',
    ]);
    expect(tableOf(sh, 'expenditureSummary').unit).toBe('元');
    const tp = tableOf(sh, 'threePublic');
    expect(tp.unit).toBe('万元');
    expect(tp.headerRows[0]).toEqual([
      { text: '“三公”经费预算数', colSpan: 6 },
      { text: '机关运行经费预算数', rowSpan: 3 },
    ]);
    expect(tp.rows[0]?.cells.map(fen)).toEqual([800_000, 0, 200_000, 600_000, 0, 600_000, 3_380_000]);
    expect(tableOf(sh, 'governmentFund').emptyStatement).toBe(
      '本部门2018年无政府性基金预算财政拨款安排的预算，故本表为空表。',
    );
  });

  it('default by fiscal year: national-2016 before 2019, national-2019 after', () => {
    const b = testBudget();
    expect(buildDocument(b).templateId).toBe('national-2016');
    b.fiscalYear = 2019;
    expect(buildDocument(b).templateId).toBe('national-2019');
    expect(() => buildDocument(b, { template: 'nowhere' })).toThrow(InvalidInput);
  });

  it('every template covers every revenue source once and lists only standard tables', () => {
    for (const t of Object.values(TEMPLATES)) {
      const covered = t.revenueColumns.flatMap((c) => c.sources);
      expect([...covered].sort()).toEqual([...REVENUE_SOURCES].sort());
      for (const k of t.tables) expect(STANDARD_TABLE_KINDS).toContain(k);
    }
  });
});
