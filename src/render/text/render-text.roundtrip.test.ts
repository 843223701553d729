/**
 * The renderer and the text importer against each other:
 * (a) importText(renderText(b, options)).summary equals summarize(b) for any consistent budget;
 * (b) importText never throws, whatever it is given;
 * (c) importText takes time linear in the length of the document.
 *
 * The importer cases these properties found are kept below as plain tests with minimal inputs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BudgetArbitraryOptions,
  budgetArbitrary,
  renderOptionsArbitrary,
} from '../../../test/arbitraries/budget-arbitrary.ts';
import type { Budget } from '../../core/budget/budget.ts';
import { SUMMARY_KEYS, type Summary, summarize } from '../../core/budget/summary.ts';
import { importText } from '../../import/text/import-text.ts';
import { type RenderTextOptions, renderText } from './render-text.ts';

type SummaryKey = (typeof SUMMARY_KEYS)[number];

function pick(s: Summary, keys: readonly SummaryKey[]): Partial<Summary> {
  return Object.fromEntries(keys.map((k) => [k, s[k]]));
}

function roundTrip(
  layout: NonNullable<RenderTextOptions['tableLayout']>,
  budgets: BudgetArbitraryOptions,
  keys: readonly SummaryKey[],
  numRuns: number,
): void {
  fc.assert(
    fc.property(
      budgetArbitrary(budgets),
      renderOptionsArbitrary({ layouts: [layout] }),
      (b: Budget, options) => {
        const text = renderText(b, options);
        expect(pick(importText(text).summary, keys)).toEqual(pick(summarize(b), keys));
      },
    ),
    { numRuns },
  );
}

describe('(a) importText(renderText(b, options)).summary equals summarize(b)', () => {
  it('with tables laid out with tabs', () => {
    roundTrip('tabs', {}, SUMMARY_KEYS, 1000);
  });

  it('with tables aligned with spaces', () => {
    roundTrip('spaces', {}, SUMMARY_KEYS, 1000);
  });

  it('with tables flattened into single-spaced lines', () => {
    roundTrip('flat', {}, SUMMARY_KEYS, 500);
  });

  const corpus = join(import.meta.dirname, '../../../../shared/corpus/text');
  const seeds = join(import.meta.dirname, '../../../../shared/seeds');
  const files = [seeds, corpus].flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.txt'))
          .map((f) => join(dir, f))
      : [],
  );
  it.skipIf(files.length === 0)(
    'for real disclosures: importText → renderText → importText keeps the summary (skips without ../shared)',
    () => {
      for (const file of files) {
        const first = importText(readFileSync(file, 'utf8'));
        for (const tableLayout of ['tabs', 'spaces', 'flat'] as const) {
          const again = importText(renderText(first.budget, { tableLayout }));
          expect({ file, tableLayout, summary: again.summary }).toEqual({
            file,
            tableLayout,
            summary: first.summary,
          });
        }
      }
    },
  );
});

describe('importer cases the round trip found (each was a gap, now fixed)', () => {
  const head = '某某区财政局 2018年部门预算公开说明\n\n';

  it('gap 1: a flattened organisation table gives the department name alone', () => {
    const text = `${head}一、部门职责及机构设置情况\n\n单位名称 单位性质 单位规格 经费保证形式\n某某区财政局 行政 正科级 财政性资金基本保证\n`;
    expect(importText(text).summary.department).toBe('某某区财政局');
  });

  it('gap 2: a flattened table header is read word by word', () => {
    const text = `${head}十、部门预算表\n\n2018年一般公共预算“三公”经费支出表\n\n单位：万元\n\n项目 合计 因公出国（境）费 公务用车购置及运行费 公务用车购置费 公务用车运行费 公务接待费\n合计 1.60 0.10 1.20 0.50 0.70 0.30\n`;
    expect(importText(text).summary).toMatchObject({
      threePublicTotal: 1_600_000,
      overseasTravel: 100_000,
      vehicleTotal: 1_200_000,
      vehiclePurchase: 500_000,
      vehicleOperation: 700_000,
      reception: 300_000,
    });
  });

  it('gap 3: in a space-aligned table, a row with one amount keeps the column it stands under', () => {
    const text = `${head}七、国有资产信息\n\n部门固定资产占用情况表\n\n单位：万元\n\n项目        数量      价值\n资产总额              50.63\n`;
    expect(importText(text).summary.assetsTotal).toBe(50_630_000);
  });

  it('gap 4: a section ending in 无 does not make the next heading say there is no procurement', () => {
    const text = `${head}五、绩效预算信息\n\n无\n\n六、政府采购预算情况\n`;
    expect(importText(text).summary.procurementTotal).toBeNull();
  });

  it('gap 6: a one-character item name (水费, 电费) after 、 is read as an operating-expense item', () => {
    const text = `${head}三、机关运行经费安排情况\n\n2018年部门预算中，我单位机关运行经费为3万元（办公费2万元、水费1万元）。\n`;
    expect(importText(text).budget.operatingExpenses.items.map((i) => i.name)).toEqual(['办公费', '水费']);
  });

  it('gap 7: a blank cell in a space-aligned organisation table keeps the other cells in their columns', () => {
    const text = `${head}一、部门职责及机构设置情况\n\n单位名称        单位性质    单位规格    经费保证形式\n某某区财政局                正科级      全额拨款\n`;
    expect(importText(text).budget.department).toMatchObject({
      nature: null,
      rank: '正科级',
      fundingForm: '全额拨款',
    });
  });

  it('gap 5: the department name keeps its full-width parentheses', () => {
    const text = '某某区人民政府办公室（外事办公室） 2018年部门预算公开说明\n';
    expect(importText(text).summary.department).toBe('某某区人民政府办公室（外事办公室）');
  });
});

describe('(b) importText never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000, size: 'large' }), (s) => {
        importText(s);
      }),
      { numRuns: 200 },
    );
  });

  /** Words of disclosures, separated by |. */
  const WORDS = [
    '一、|二、|三、|（一）|1、|1.|第一部分|第十部分|目  录|……|- |部门预算|部门决算|年|2018年|2016年|年度',
    '收入|支出|合计|总计|本年收入合计|基本支出|项目支出|人员经费|日常公用经费|一般公共预算拨款|“三公”经费',
    '因公出国（境）费|公务用车购置及运行费|购置费|运行费|公务接待费|机关运行经费|政府采购|无政府采购预算',
    '空表列示|国有资产|资产总额|固定资产|名词解释|其他需要说明的事项|部门职责|机构设置|内设机构：|绩效',
    '单位名称\t单位性质\t单位规格\t经费保证形式|职责活动\t年度预算数|优\t良\t中\t差|较上年|比2016年预算',
    '与上年相比，|增加|增长|减少|下降|持平|其中：|主要原因是|支出预算总表|一般公共预算基本支出表',
    '“三公”经费支出表|单位：万元|单位：元|编制部门：|截至|12月31日|车辆2辆|单价20万元以上设备|万元|元|亿元',
    '万\n元|%|％|（|）|。|；|，|,|.|：|\t|\n|\n\n| |    |\f|\r\n|<!--[if !supportLists]-->|<!--[endif]-->',
    '&nbsp;|201|20103|2010301|０|８２．９',
  ]
    .join('|')
    .split('|');
  const number = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000_000 }).map(String),
    fc.tuple(fc.nat(99_999), fc.nat(99)).map(([a, b]) => `${a}.${b}`),
    fc.nat().map((n) => n.toLocaleString('en-US')),
    fc.constant('99999999999999999999'),
  );

  it('on mixtures of budget words, numbers, units, tabs and line breaks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...WORDS), number), { maxLength: 400, size: 'large' }),
        (parts) => {
          importText(parts.join(''));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('on rendered disclosures with lines dropped, repeated and swapped', () => {
    fc.assert(
      fc.property(
        budgetArbitrary(),
        renderOptionsArbitrary(),
        fc.array(fc.tuple(fc.constantFrom('drop', 'repeat', 'swap', 'cut'), fc.nat(), fc.nat()), {
          maxLength: 20,
        }),
        (b, options, edits) => {
          const lines = renderText(b, options).split('\n');
          for (const [op, i, j] of edits) {
            const a = i % lines.length;
            const c = j % lines.length;
            if (op === 'drop') lines.splice(a, 1);
            else if (op === 'repeat') lines.splice(a, 0, lines[a] ?? '');
            else if (op === 'swap') [lines[a], lines[c]] = [lines[c] ?? '', lines[a] ?? ''];
            else lines[a] = (lines[a] ?? '').slice(0, c % 40);
            if (lines.length === 0) lines.push('');
          }
          importText(lines.join('\n'));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('(c) importText takes time linear in the length of the document', () => {
  it('16 copies take well under 16² times as long as one (median of 3, after a warm-up)', () => {
    const budgets = fc.sample(budgetArbitrary({ tables: 'all', omissions: false }), {
      seed: 2024,
      numRuns: 4,
    });
    const one = budgets
      .map((b, i) => renderText(b, { tableLayout: (['tabs', 'spaces'] as const)[i % 2] }))
      .join('\n');
    const copies = (k: number) => Array.from({ length: k }, () => one).join('\n');
    const median = (text: string) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        importText(text);
        times.push(performance.now() - start);
      }
      return times.sort((x, y) => x - y)[1] as number;
    };
    const docs = [1, 4, 16].map(copies);
    for (const d of docs) importText(d); // warm-up: compile the regular expressions, JIT the hot paths
    for (let i = 0; i < 3; i++) importText(one);
    const [t1, t4, t16] = docs.map(median) as [number, number, number];
    const ratio = t16 / t1;
    // Linear would be 16×, quadratic 256×; 64× leaves room for timer noise and GC.
    expect(
      ratio,
      `1×: ${t1.toFixed(1)} ms, 4×: ${t4.toFixed(1)} ms, 16×: ${t16.toFixed(1)} ms (${one.length} chars)`,
    ).toBeLessThan(16 * 4);
  });
});
