/**
 * Chart data shaped from a published budget's figures: each chart is categories × series of 分, and the
 * same data as a table (万元) and as CSV, so every chart has a table view and a download of its data.
 */

import type { RevenueSource } from '../../../src/core/budget/budget.ts';
import { REVENUE_SOURCE_NAMES } from '../../../src/core/budget/names.ts';
import type { PortalBudget } from '../api/types.ts';
import { fenToWan } from '../format/amount.ts';

export interface ChartData {
  key: string;
  title: string;
  type: 'pie' | 'bar' | 'line';
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

const THREE_PUBLIC_ROWS = [
  ['total', '“三公”经费合计'],
  ['overseasTravel', '因公出国（境）费'],
  ['vehiclePurchase', '公务用车购置费'],
  ['vehicleOperation', '公务用车运行费'],
  ['reception', '公务接待费'],
] as const;

export function revenueBySource(b: PortalBudget): ChartData {
  return {
    key: 'revenueBySource',
    title: `${b.fiscalYear}年收入按来源`,
    type: 'pie',
    categories: b.revenueBySource.map((r) => REVENUE_SOURCE_NAMES[r.source as RevenueSource] ?? r.source),
    series: [{ name: '收入', values: b.revenueBySource.map((r) => r.fen) }],
  };
}

export function expenditureByKind(b: PortalBudget): ChartData {
  const e = b.expenditure;
  const rows: [string, number | null][] = [
    ['人员经费', e.personnel],
    ['公用经费', e.publicExpenses],
    ['项目支出', e.project],
  ];
  const present = rows.filter(([, v]) => v !== null);
  return {
    key: 'expenditureByKind',
    title: `${b.fiscalYear}年支出按类型`,
    type: 'pie',
    categories: present.map(([n]) => n),
    series: [{ name: '支出', values: present.map(([, v]) => v) }],
  };
}

export function expenditureByFunction(b: PortalBudget): ChartData {
  const classes = b.functions.filter((f) => f.code.length <= 3);
  return {
    key: 'expenditureByFunction',
    title: `${b.fiscalYear}年支出按功能分类（类）`,
    type: 'bar',
    categories: classes.map((f) => (f.code ? `${f.code} ${f.name}` : f.name)),
    series: [{ name: '支出', values: classes.map((f) => f.fen) }],
  };
}

/**
 * "三公" and 机关运行经费 against the prior year: the prior figures of the prior year's published budget
 * when there is one, else the prior-year figures the budget states itself.
 */
export function againstPriorYear(b: PortalBudget, prior: PortalBudget | null): ChartData {
  const before = prior ? prior.threePublic : b.threePublicPrior;
  const categories = [...THREE_PUBLIC_ROWS.map(([, n]) => n), '机关运行经费'];
  return {
    key: 'againstPriorYear',
    title: `“三公”经费和机关运行经费：${b.fiscalYear}年与上年`,
    type: 'bar',
    categories,
    series: [
      {
        name: `${b.fiscalYear - 1}年`,
        values: [...THREE_PUBLIC_ROWS.map(([k]) => before[k]), prior?.operatingExpenses ?? null],
      },
      {
        name: `${b.fiscalYear}年`,
        values: [...THREE_PUBLIC_ROWS.map(([k]) => b.threePublic[k]), b.operatingExpenses],
      },
    ],
  };
}

/** Totals over every year held for one department, oldest first. */
export function trend(budgets: readonly PortalBudget[]): ChartData {
  const years = [...budgets].sort((a, b) => a.fiscalYear - b.fiscalYear);
  return {
    key: 'trend',
    title: '历年收支趋势',
    type: 'line',
    categories: years.map((b) => `${b.fiscalYear}年`),
    series: [
      { name: '收入总额', values: years.map((b) => b.revenueTotal) },
      { name: '支出总额', values: years.map((b) => b.expenditure.total) },
      { name: '“三公”经费', values: years.map((b) => b.threePublic.total) },
    ],
  };
}

/** Two budgets side by side on the figures people compare. */
export function comparison(a: PortalBudget, b: PortalBudget, label: (x: PortalBudget) => string): ChartData {
  const rows: [string, (x: PortalBudget) => number | null][] = [
    ['收入总额', (x) => x.revenueTotal],
    ['支出总额', (x) => x.expenditure.total],
    ['基本支出', (x) => x.expenditure.basic],
    ['人员经费', (x) => x.expenditure.personnel],
    ['公用经费', (x) => x.expenditure.publicExpenses],
    ['项目支出', (x) => x.expenditure.project],
    ['“三公”经费', (x) => x.threePublic.total],
    ['公务接待费', (x) => x.threePublic.reception],
    ['机关运行经费', (x) => x.operatingExpenses],
  ];
  return {
    key: 'comparison',
    title: `${label(a)} 与 ${label(b)}`,
    type: 'bar',
    categories: rows.map(([n]) => n),
    series: [
      { name: label(a), values: rows.map(([, f]) => f(a)) },
      { name: label(b), values: rows.map(([, f]) => f(b)) },
    ],
  };
}

/** Rows of the chart's table view: the category, then one number (万元) per series. */
export function chartTable(c: ChartData): { header: string[]; rows: (string | number | null)[][] } {
  return {
    header: ['项目', ...c.series.map((s) => `${s.name}（万元）`)],
    rows: c.categories.map((cat, i) => [
      cat,
      ...c.series.map((s) => {
        const v = s.values[i];
        return v === null || v === undefined ? null : fenToWan(v);
      }),
    ]),
  };
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The chart's data as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese). */
export function chartCsv(c: ChartData): string {
  const t = chartTable(c);
  return `\uFEFF${[t.header, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Region rollup: totals by function class (类) across budgets, or by 款 within one class. */
export function rollup(budgets: readonly PortalBudget[], classCode?: string): ChartData {
  const sums = new Map<string, { name: string; fen: number }>();
  for (const b of budgets)
    for (const f of b.functions) {
      const wanted = classCode ? f.code.length === 5 && f.code.startsWith(classCode) : f.code.length <= 3;
      if (!wanted) continue;
      const s = sums.get(f.code) ?? { name: f.name, fen: 0 };
      s.fen += f.fen;
      sums.set(f.code, s);
    }
  const entries = [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    key: classCode ? `rollup-${classCode}` : 'rollup',
    title: classCode ? `功能分类 ${classCode} 下各款支出` : '各功能分类（类）支出合计',
    type: 'bar',
    categories: entries.map(([code, s]) => (code ? `${code} ${s.name}` : s.name)),
    series: [{ name: '支出', values: entries.map(([, s]) => s.fen) }],
  };
}
