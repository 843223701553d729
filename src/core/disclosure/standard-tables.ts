/**
 * The tables of a disclosure, derived from the budget's facts: the standard tables of a template
 * (section 十) from the expenditure and revenue lines, and the performance, procurement, asset and
 * organisation tables from their parts of the budget. Pure.
 *
 * Function tables have 类/款/项 rows where the 类 and 款 rows are subtotals of the lines under them;
 * every amount cell is a sum of lines, so rows and columns add up by construction.
 */
import type { Budget, ExpenditureLine, RevenueSource } from '../budget/budget.ts';
import { REVENUE_SOURCE_NAMES } from '../budget/names.ts';
import type { Fen } from '../kernel/money.ts';
import { economicCodeName, functionCodeName } from './classification-names.ts';
import {
  type AmountCell,
  type Cell,
  chineseNumeral,
  type DocRow,
  type DocTable,
  type HeaderCell,
  type RowLevel,
  type TableUnit,
} from './document.ts';
import { type BudgetFacts, sumFen, sumLines } from './facts.ts';
import type { DisclosureTemplate, RevenueColumn, StandardTableKind } from './templates.ts';
import { wan, yearText } from './wording.ts';

export interface TableContext {
  budget: Budget;
  facts: BudgetFacts;
  template: DisclosureTemplate;
}

const amt = (fen: Fen): AmountCell => ({ fen });
const amtOrBlank = (fen: Fen | null): Cell => (fen === null ? '' : amt(fen));

/** Label of lines without a classification code. */
export const UNCLASSIFIED = '其他（未列明科目）';

// ---------------------------------------------------------------- classification trees

interface CodeNode {
  code: string;
  name: string;
  level: RowLevel;
  lines: ExpenditureLine[];
}

const LEVELS: Record<number, RowLevel> = { 3: 'class', 5: 'section', 7: 'item' };

/**
 * The 类/款/项 rows of lines: each prefix of each code (3, 5, 7 digits) with the lines under it, in
 * code order (a prefix sorts before the codes it begins); lines without a code last, as one class row.
 */
function codeTree(
  lines: readonly ExpenditureLine[],
  codeOf: (l: ExpenditureLine) => string | null,
  nameOf: (l: ExpenditureLine) => string | null,
  mapName: (code: string) => string | null,
): CodeNode[] {
  const prefixes = new Set<string>();
  for (const l of lines) {
    const c = codeOf(l);
    if (c === null) continue;
    for (const n of [3, 5, 7]) if (c.length >= n) prefixes.add(c.slice(0, n));
  }
  const nodes = [...prefixes].sort().map((code): CodeNode => {
    const under = lines.filter((l) => codeOf(l)?.startsWith(code));
    const named = under.find((l) => codeOf(l) === code && nameOf(l));
    return {
      code,
      name: (named && nameOf(named)) ?? mapName(code) ?? '',
      level: LEVELS[code.length] ?? 'item',
      lines: under,
    };
  });
  const uncoded = lines.filter((l) => codeOf(l) === null);
  if (uncoded.length > 0) nodes.push({ code: '', name: UNCLASSIFIED, level: 'class', lines: uncoded });
  return nodes;
}

const functionTree = (lines: readonly ExpenditureLine[]) =>
  codeTree(
    lines,
    (l) => l.functionCode,
    (l) => l.functionName,
    functionCodeName,
  );

const economicTree = (lines: readonly ExpenditureLine[]) =>
  codeTree(
    lines,
    (l) => l.economicCode,
    (l) => l.economicName,
    economicCodeName,
  );

/** The name of a function class (类) for summary rows. */
function functionClassName(code: string, lines: readonly ExpenditureLine[]): string {
  if (code === '') return UNCLASSIFIED;
  const own = lines.find((l) => l.functionCode === code && l.functionName);
  return own?.functionName ?? functionCodeName(code) ?? code;
}

function placeTotal(template: DisclosureTemplate, rows: DocRow[], total: DocRow): DocRow[] {
  return template.totalRowFirst ? [total, ...rows] : [...rows, total];
}

function unitOf(template: DisclosureTemplate, kind: StandardTableKind): TableUnit {
  return template.tableUnits[kind] ?? template.unit;
}

function titleOf(ctx: TableContext, kind: StandardTableKind): string {
  return `${yearText(ctx.facts.year)}${ctx.template.tableTitles[kind]}`;
}

function table(
  ctx: TableContext,
  kind: StandardTableKind,
  headerRows: HeaderCell[][],
  rows: DocRow[],
  emptyStatement: (title: string) => string | null,
): DocTable {
  const title = titleOf(ctx, kind);
  return {
    kind: 'table',
    key: kind,
    title,
    unit: unitOf(ctx.template, kind),
    headerRows,
    rows,
    emptyStatement: rows.length === 0 ? emptyStatement(title) : null,
  };
}

const isBasic = (l: ExpenditureLine) => l.kind !== 'project';
const isProject = (l: ExpenditureLine) => l.kind === 'project';

// ---------------------------------------------------------------- function tables

/** 合计 / 基本支出 / 项目支出 by function code, of the lines `pick` selects. */
function functionKindRows(
  ctx: TableContext,
  pick: (l: ExpenditureLine) => boolean,
  fallbackTotal: Fen | null,
): DocRow[] {
  const lines = ctx.budget.expenditureLines.filter(pick);
  if (lines.length === 0) {
    if (ctx.facts.hasLines || fallbackTotal === null || fallbackTotal === 0) return [];
    return [{ cells: ['', '合计', amt(fallbackTotal), '', ''], level: 'total' }];
  }
  const rows = functionTree(lines).map(
    (n): DocRow => ({
      cells: [
        n.code,
        n.name,
        amt(sumLines(n.lines)),
        amt(sumLines(n.lines, isBasic)),
        amt(sumLines(n.lines, isProject)),
      ],
      level: n.level,
    }),
  );
  const total: DocRow = {
    cells: ['', '合计', amt(sumLines(lines)), amt(sumLines(lines, isBasic)), amt(sumLines(lines, isProject))],
    level: 'total',
  };
  return placeTotal(ctx.template, rows, total);
}

function expenditureSummary(ctx: TableContext): DocTable {
  const e = ctx.facts.expenditure;
  let rows = functionKindRows(ctx, () => true, e.total);
  if (!ctx.facts.hasLines && rows.length > 0)
    rows = [
      {
        cells: ['', '合计', amtOrBlank(e.total), amtOrBlank(e.basic), amtOrBlank(e.project)],
        level: 'total',
      },
    ];
  return table(
    ctx,
    'expenditureSummary',
    [
      [
        { text: '功能分类科目', colSpan: 2 },
        { text: '合计', rowSpan: 2 },
        { text: '基本支出', rowSpan: 2 },
        { text: '项目支出', rowSpan: 2 },
      ],
      [{ text: '科目编码' }, { text: '科目名称' }],
    ],
    rows,
    ctx.template.emptyTableStatement,
  );
}

function fundSourceAmount(ctx: TableContext, source: RevenueSource): Fen | null {
  return ctx.facts.revenueBySource.find(([s]) => s === source)?.[1] ?? null;
}

/** 一般公共预算支出表 and the 政府性基金 / 国有资本经营 tables: lines of one funding source by function. */
function fundFunctionTable(
  ctx: TableContext,
  kind: 'generalBudgetByFunction' | 'governmentFund' | 'stateCapital',
): DocTable {
  const source: RevenueSource =
    kind === 'generalBudgetByFunction'
      ? 'generalPublicBudget'
      : kind === 'governmentFund'
        ? 'governmentFund'
        : 'stateCapitalBudget';
  const fund =
    kind === 'generalBudgetByFunction'
      ? '一般公共预算'
      : kind === 'governmentFund'
        ? '政府性基金预算'
        : '国有资本经营预算';
  const rows = functionKindRows(ctx, (l) => l.fundingSource === source, fundSourceAmount(ctx, source));
  const year = ctx.facts.year;
  return table(
    ctx,
    kind,
    [
      [
        { text: '功能分类科目', colSpan: 2 },
        { text: `${fund}支出`, colSpan: 3 },
      ],
      [
        { text: '科目编码' },
        { text: '科目名称' },
        { text: '合计' },
        { text: '基本支出' },
        { text: '项目支出' },
      ],
    ],
    rows,
    kind === 'generalBudgetByFunction'
      ? ctx.template.emptyTableStatement
      : () => ctx.template.noFundStatement(year, fund),
  );
}

// ---------------------------------------------------------------- revenue tables

function sourceAmount(ctx: TableContext, sources: readonly RevenueSource[]): Fen {
  return sumFen(ctx.facts.revenueBySource.filter(([s]) => sources.includes(s)).map(([, f]) => f));
}

/** The template's revenue columns this budget shows: the standard ones, and others when non-zero. */
export function visibleRevenueColumns(ctx: TableContext): RevenueColumn[] {
  const lines = ctx.budget.expenditureLines;
  return ctx.template.revenueColumns.filter(
    (c) =>
      c.always ||
      sourceAmount(ctx, c.sources) !== 0 ||
      lines.some((l) => c.sources.includes(l.fundingSource) && l.amount.fen !== 0),
  );
}

function revenueSummary(ctx: TableContext): DocTable {
  const columns = visibleRevenueColumns(ctx);
  const lines = ctx.budget.expenditureLines;
  const cellsOf = (ls: readonly ExpenditureLine[]) => [
    amt(sumLines(ls)),
    ...columns.map((c) => amt(sumLines(ls, (l) => c.sources.includes(l.fundingSource)))),
  ];
  let rows: DocRow[];
  if (lines.length > 0) {
    rows = placeTotal(
      ctx.template,
      functionTree(lines).map((n) => ({ cells: [n.code, n.name, ...cellsOf(n.lines)], level: n.level })),
      { cells: ['', '合计', ...cellsOf(lines)], level: 'total' },
    );
  } else if (ctx.facts.revenueTotal !== null && ctx.facts.revenueTotal !== 0) {
    const bySource = ctx.facts.revenueBySource.length > 0;
    rows = [
      {
        cells: [
          '',
          '合计',
          amt(ctx.facts.revenueTotal),
          ...columns.map((c) => (bySource ? amt(sourceAmount(ctx, c.sources)) : '')),
        ],
        level: 'total',
      },
    ];
  } else rows = [];
  return table(
    ctx,
    'revenueSummary',
    [
      [
        { text: '功能分类科目', colSpan: 2 },
        { text: '合计', rowSpan: 2 },
        ...columns.map((c) => ({ text: c.label, rowSpan: 2 })),
      ],
      [{ text: '科目编码' }, { text: '科目名称' }],
    ],
    rows,
    ctx.template.emptyTableStatement,
  );
}

const APPROPRIATIONS: readonly RevenueSource[] = [
  'generalPublicBudget',
  'governmentFund',
  'stateCapitalBudget',
];

/** Joins a left (revenue) and a right (expenditure) list of rows side by side, blanks where one is shorter. */
function sideBySide(left: Cell[][], leftWidth: number, right: Cell[][], rightWidth: number): DocRow[] {
  const n = Math.max(left.length, right.length);
  const blank = (w: number) => Array.from({ length: w }, () => '');
  return Array.from({ length: n }, (_, i) => ({
    cells: [...(left[i] ?? blank(leftWidth)), ...(right[i] ?? blank(rightWidth))],
  }));
}

function incomeExpenditureSummary(ctx: TableContext): DocTable {
  const f = ctx.facts;
  const left: Cell[][] = [];
  visibleRevenueColumns(ctx).forEach((c, i) => {
    left.push([`${chineseNumeral(i + 1)}、${c.label}`, amt(sourceAmount(ctx, c.sources))]);
    // The parts of a column that adds up several sources: every fund of 财政拨款, else the non-zero ones.
    const parts = c.sources.some((x) => APPROPRIATIONS.includes(x))
      ? c.sources
      : c.sources.filter((x) => sourceAmount(ctx, [x]) !== 0);
    if (c.sources.length > 1 && (parts.length > 1 || parts.some((x) => APPROPRIATIONS.includes(x))))
      parts.forEach((x, j) => {
        left.push([`${j + 1}. ${REVENUE_SOURCE_NAMES[x]}`, amt(sourceAmount(ctx, [x]))]);
      });
  });
  const lines = ctx.budget.expenditureLines;
  const right: Cell[][] = f.byFunctionClass.map((c, i) => [
    `${chineseNumeral(i + 1)}、${functionClassName(c.code, lines)}`,
    amt(c.fen),
  ]);
  const rows = sideBySide(left, 2, right, 2);
  rows.push({
    cells: ['收入总计', amtOrBlank(f.revenueTotal), '支出总计', amtOrBlank(f.expenditure.total)],
    level: 'total',
  });
  return table(
    ctx,
    'incomeExpenditureSummary',
    [
      [
        { text: '收入', colSpan: 2 },
        { text: '支出', colSpan: 2 },
      ],
      [{ text: '项目' }, { text: '预算数' }, { text: '项目' }, { text: '预算数' }],
    ],
    rows,
    ctx.template.emptyTableStatement,
  );
}

function appropriationSummary(ctx: TableContext): DocTable {
  const left: Cell[][] = APPROPRIATIONS.map((s, i) => [
    `${chineseNumeral(i + 1)}、${REVENUE_SOURCE_NAMES[s]}`,
    amt(sourceAmount(ctx, [s])),
  ]);
  const lines = ctx.budget.expenditureLines.filter((l) => APPROPRIATIONS.includes(l.fundingSource));
  const cellsOf = (ls: readonly ExpenditureLine[]) => [
    amt(sumLines(ls)),
    ...APPROPRIATIONS.map((s) => amt(sumLines(ls, (l) => l.fundingSource === s))),
  ];
  const classes = [...new Set(lines.map((l) => l.functionCode?.slice(0, 3) ?? ''))].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
  );
  const right: Cell[][] = classes.map((code, i) => {
    const ls = lines.filter((l) => (l.functionCode?.slice(0, 3) ?? '') === code);
    return [`${chineseNumeral(i + 1)}、${functionClassName(code, lines)}`, ...cellsOf(ls)];
  });
  const rows = sideBySide(left, 2, right, 5);
  const revenue = sourceAmount(ctx, APPROPRIATIONS);
  const spending: Cell[] = ctx.facts.hasLines ? cellsOf(lines) : ['', '', '', ''];
  rows.push({ cells: ['收入总计', amt(revenue), '支出总计', ...spending], level: 'total' });
  return table(
    ctx,
    'appropriationSummary',
    [
      [
        { text: '收入', colSpan: 2 },
        { text: '支出', colSpan: 5 },
      ],
      [
        { text: '项目' },
        { text: '预算数' },
        { text: '项目' },
        { text: '合计' },
        { text: '一般公共预算' },
        { text: '政府性基金预算' },
        { text: '国有资本经营预算' },
      ],
    ],
    rows,
    ctx.template.emptyTableStatement,
  );
}

// ---------------------------------------------------------------- economic table

function basicByEconomic(ctx: TableContext): DocTable {
  const lines = ctx.budget.expenditureLines.filter(
    (l) => l.kind !== 'project' && l.fundingSource === 'generalPublicBudget',
  );
  const cellsOf = (ls: readonly ExpenditureLine[]) => [
    amt(sumLines(ls)),
    amt(sumLines(ls, (l) => l.kind === 'personnel')),
    amt(sumLines(ls, (l) => l.kind === 'publicExpenses')),
  ];
  let rows: DocRow[] = [];
  if (lines.length > 0) {
    rows = placeTotal(
      ctx.template,
      economicTree(lines).map((n) => ({ cells: [n.code, n.name, ...cellsOf(n.lines)], level: n.level })),
      { cells: ['', '合计', ...cellsOf(lines)], level: 'total' },
    );
  } else if (!ctx.facts.hasLines) {
    const e = ctx.facts.expenditure;
    if (e.basic !== null && e.basic !== 0)
      rows = [
        {
          cells: ['', '合计', amt(e.basic), amtOrBlank(e.personnel), amtOrBlank(e.publicExpenses)],
          level: 'total',
        },
      ];
  }
  return table(
    ctx,
    'generalBudgetBasicByEconomic',
    [
      [
        { text: '部门预算支出经济分类科目', colSpan: 2 },
        { text: '一般公共预算基本支出', colSpan: 3 },
      ],
      [
        { text: '科目编码' },
        { text: '科目名称' },
        { text: '合计' },
        { text: '人员经费' },
        { text: '公用经费' },
      ],
    ],
    rows,
    ctx.template.emptyTableStatement,
  );
}

// ---------------------------------------------------------------- "三公"

function threePublicTable(ctx: TableContext): DocTable {
  const tp = ctx.facts.threePublic;
  const t = ctx.template;
  const top: HeaderCell[] = [{ text: '合计', rowSpan: 2 }];
  const cells: Cell[] = [amtOrBlank(tp.total)];
  for (const part of t.threePublicOrder) {
    if (part === 'overseasTravel') {
      top.push({ text: '因公出国（境）费', rowSpan: 2 });
      cells.push(amtOrBlank(tp.overseasTravel));
    } else if (part === 'reception') {
      top.push({ text: '公务接待费', rowSpan: 2 });
      cells.push(amtOrBlank(tp.reception));
    } else {
      top.push({ text: '公务用车购置及运行费', colSpan: 3 });
      cells.push(
        amtOrBlank(tp.vehicleTotal),
        amtOrBlank(tp.vehiclePurchase),
        amtOrBlank(tp.vehicleOperation),
      );
    }
  }
  const sub: HeaderCell[] = [{ text: '小计' }, { text: '购置费' }, { text: '运行费' }];
  let headerRows: HeaderCell[][] = [top, sub];
  if (t.threePublicWithOperating) {
    headerRows = [
      [
        { text: '“三公”经费预算数', colSpan: 6 },
        { text: '机关运行经费预算数', rowSpan: 3 },
      ],
      top,
      sub,
    ];
    cells.push(amtOrBlank(ctx.facts.operatingExpenses.total));
  }
  const known = cells.some((c) => c !== '');
  return table(ctx, 'threePublic', headerRows, known ? [{ cells }] : [], t.emptyTableStatement);
}

// ---------------------------------------------------------------- standard tables

export function standardTable(kind: StandardTableKind, ctx: TableContext): DocTable {
  switch (kind) {
    case 'incomeExpenditureSummary':
      return incomeExpenditureSummary(ctx);
    case 'revenueSummary':
      return revenueSummary(ctx);
    case 'expenditureSummary':
      return expenditureSummary(ctx);
    case 'appropriationSummary':
      return appropriationSummary(ctx);
    case 'generalBudgetByFunction':
    case 'governmentFund':
    case 'stateCapital':
      return fundFunctionTable(ctx, kind);
    case 'generalBudgetBasicByEconomic':
      return basicByEconomic(ctx);
    case 'threePublic':
      return threePublicTable(ctx);
  }
}

// ---------------------------------------------------------------- section tables

export const PERFORMANCE_TABLE_TITLE = '部门职责—工作活动绩效目标';
export const PROCUREMENT_TABLE_TITLE = '部门政府采购预算表';
export const ASSETS_TABLE_TITLE = '部门固定资产占用情况表';

export function performanceTable(ctx: TableContext): DocTable {
  const rows: DocRow[] = [];
  for (const a of ctx.budget.performance.activities) {
    const indicators = a.indicators.length > 0 ? a.indicators : [null];
    indicators.forEach((ind, k) => {
      const head: Cell[] =
        k === 0
          ? [a.name, a.annualBudget ? amt(a.annualBudget.fen) : '', a.description, a.goal]
          : ['', '', '', ''];
      rows.push({
        cells: [
          ...head,
          ind?.name ?? '',
          ind?.excellent?.text ?? '',
          ind?.good?.text ?? '',
          ind?.fair?.text ?? '',
          ind?.poor?.text ?? '',
        ],
      });
    });
  }
  return {
    kind: 'table',
    key: 'performance',
    title: PERFORMANCE_TABLE_TITLE,
    unit: '万元',
    headerRows: [
      [
        { text: '职责活动', rowSpan: 2 },
        { text: '年度预算数', rowSpan: 2 },
        { text: '内容描述', rowSpan: 2 },
        { text: '绩效目标', rowSpan: 2 },
        { text: '绩效指标', rowSpan: 2 },
        { text: '评价标准', colSpan: 4 },
      ],
      [{ text: '优' }, { text: '良' }, { text: '中' }, { text: '差' }],
    ],
    rows,
    emptyStatement: rows.length === 0 ? ctx.template.emptyTableStatement('部门绩效目标表') : null,
  };
}

export function procurementTable(ctx: TableContext): DocTable {
  const p = ctx.budget.procurement;
  const rows: DocRow[] = p.items.map((i) => ({
    cells: [
      i.project,
      i.item,
      i.catalogueNo ?? '',
      i.quantity === null ? '' : String(i.quantity),
      i.quantityUnit ?? '',
      amt(i.amount.fen),
    ],
    level: 'item',
  }));
  const total = ctx.facts.procurement.total;
  if (total !== null && total !== 0)
    rows.push({ cells: ['合计', '', '', '', '', amt(total)], level: 'total' });
  return {
    kind: 'table',
    key: 'procurement',
    title: PROCUREMENT_TABLE_TITLE,
    unit: '万元',
    headerRows: [
      [
        { text: '项目名称' },
        { text: '采购物品名称' },
        { text: '政府采购目录序号' },
        { text: '数量' },
        { text: '数量单位' },
        { text: '政府采购金额' },
      ],
    ],
    rows,
    emptyStatement: rows.length === 0 ? ctx.template.emptyTableStatement(PROCUREMENT_TABLE_TITLE) : null,
  };
}

export function assetsTable(ctx: TableContext): DocTable {
  const a = ctx.budget.assets;
  const rows: DocRow[] = [];
  const q = (n: number | null) => (n === null ? '' : String(n));
  if (!a.statedNone) {
    if (a.total) rows.push({ cells: ['资产总额', '', amt(a.total.fen)], level: 'total' });
    if (a.fixed) rows.push({ cells: ['其中：固定资产', '', amt(a.fixed.fen)], level: 'class' });
    const items: [string, string, Cell][] = [];
    if (a.buildings || a.buildingArea !== null)
      items.push(['房屋（平方米）', q(a.buildingArea), amtOrBlank(a.buildings?.fen ?? null)]);
    if (a.vehicles !== null || a.vehicleValue)
      items.push(['车辆（台、辆）', q(a.vehicles), amtOrBlank(a.vehicleValue?.fen ?? null)]);
    if (a.equipmentCount !== null) {
      const threshold = a.equipmentThreshold ? wan(a.equipmentThreshold.fen) : '规定限额';
      items.push([`单价在${threshold}以上设备`, q(a.equipmentCount), '']);
    }
    items.forEach(([label, count, value], i) => {
      rows.push({ cells: [`${i + 1}、${label}`, count, value], level: 'item' });
    });
  }
  return {
    kind: 'table',
    key: 'assets',
    title: ASSETS_TABLE_TITLE,
    unit: '万元',
    headerRows: [[{ text: '项目' }, { text: '数量' }, { text: '价值' }]],
    rows,
    emptyStatement: rows.length === 0 ? ctx.template.emptyTableStatement(ASSETS_TABLE_TITLE) : null,
  };
}

export function organisationTable(ctx: TableContext): DocTable {
  const d = ctx.budget.department;
  return {
    kind: 'table',
    key: 'other',
    title: '机构设置',
    unit: null,
    headerRows: [
      [{ text: '单位名称' }, { text: '单位性质' }, { text: '单位规格' }, { text: '经费保证形式' }],
    ],
    rows: [{ cells: [d.name, d.nature ?? '', d.rank ?? '', d.fundingForm ?? ''] }],
    emptyStatement: null,
  };
}
