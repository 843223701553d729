/**
 * A published budget flattened into line items: one row per amount the model holds, each with the
 * section it comes from, its codes and names, and the amount in integer 分, in 元 (two decimals,
 * exact) and with the precision it was stated at.
 *
 * Sections overlap (三公 and 机关运行经费 are parts of 支出; the stated totals repeat the sums of the
 * lines), so amounts add up only within one section, one period and one row type: the `item` rows of a
 * section add up to its `total` row (where the budget is consistent).
 */
import {
  type Budget,
  type ChangeSubject,
  type ExpenditureKind,
  type RevenueSource,
  THREE_PUBLIC_KEYS,
  type ThreePublicKey,
} from '../core/budget/budget.ts';
import {
  CHANGE_SUBJECT_NAMES,
  FIGURE_NAMES,
  REVENUE_SOURCE_NAMES,
  THREE_PUBLIC_FIGURE,
} from '../core/budget/names.ts';
import { economicCodeName, functionCodeName } from '../core/disclosure/classification-names.ts';
import type { Amount } from '../core/kernel/money.ts';
import {
  checkPublished,
  type PublicationMeta,
  type PublishedBudget,
  sortPublished,
} from './published-budget.ts';
import { fenToYuan } from './yuan.ts';

export const SECTIONS = [
  'revenue',
  'expenditure',
  'operatingExpenses',
  'threePublic',
  'procurement',
  'performance',
  'assets',
  'changes',
] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_NAMES: Record<Section, string> = {
  revenue: '收入',
  expenditure: '支出',
  operatingExpenses: '机关运行经费',
  threePublic: '“三公”经费',
  procurement: '政府采购',
  performance: '绩效目标',
  assets: '国有资产',
  changes: '比上年增减',
};

/**
 * item: a line that adds up with the other items of its section and period to the section's total;
 * subtotal: a stated sum of some items; total: the section's stated total; figure: a stated amount that is
 * neither (an asset's value, a threshold, a change).
 */
export const ROW_TYPES = ['item', 'subtotal', 'total', 'figure'] as const;
export type RowType = (typeof ROW_TYPES)[number];

/**
 * current: the budget's year (assets: as of their date); priorYear: the year before (三公 of the prior
 * year); change: a change against the year before (比上年增减, the year's asset changes).
 */
export const PERIODS = ['current', 'priorYear', 'change'] as const;
export type Period = (typeof PERIODS)[number];

export const DIRECTIONS = ['revenue', 'expenditure'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Fiscal Data Package phase: a 预算 is the approved budget, a 决算 what was executed. */
export const PHASES = ['approved', 'executed'] as const;
export type Phase = (typeof PHASES)[number];

export interface LineItem {
  departmentId: string;
  departmentCode: string | null;
  departmentName: string;
  regionName: string;
  fiscalYear: number;
  budgetKind: PublicationMeta['kind'];
  phase: Phase;
  version: number;
  publishedAt: string;
  /** 1-based position of the row within its budget. */
  line: number;
  section: Section;
  sectionName: string;
  rowType: RowType;
  period: Period;
  /** The year the amount is for: fiscalYear, or fiscalYear − 1 for the prior year's figures. */
  periodYear: number;
  /** For a change: the year compared with (the year before, when the text says only 比上年). */
  comparedYear: number | null;
  direction: Direction | null;
  /** The model's key for the amount (revenueTotal, overseasTravel …), a revenue source or a catalogue number. */
  itemCode: string | null;
  itemName: string | null;
  functionCode: string | null;
  functionName: string | null;
  functionLevel1Code: string | null;
  functionLevel1Name: string | null;
  functionLevel2Code: string | null;
  functionLevel2Name: string | null;
  economicCode: string | null;
  economicName: string | null;
  economicLevel1Code: string | null;
  economicLevel1Name: string | null;
  expenditureKind: ExpenditureKind | null;
  fundingSource: RevenueSource | null;
  fundingSourceName: string | null;
  projectName: string | null;
  quantity: number | null;
  quantityUnit: string | null;
  /** Asset figures: the date they are as of; asset changes: the date of the change. */
  date: string | null;
  /** The stated reason (三公, changes). */
  note: string | null;
  amountFen: number;
  amountYuan: string;
  precisionFen: number;
}

/** What a row says beyond the publication's metadata and its amount. */
type RowFacts = Partial<
  Omit<
    LineItem,
    | keyof PublicationColumns
    | 'line'
    | 'section'
    | 'sectionName'
    | 'amountFen'
    | 'amountYuan'
    | 'precisionFen'
    | 'periodYear'
  >
> & { rowType: RowType };

type PublicationColumns = Pick<
  LineItem,
  | 'departmentId'
  | 'departmentCode'
  | 'departmentName'
  | 'regionName'
  | 'fiscalYear'
  | 'budgetKind'
  | 'phase'
  | 'version'
  | 'publishedAt'
>;

const SECTION_DIRECTION: Record<Section, Direction | null> = {
  revenue: 'revenue',
  expenditure: 'expenditure',
  operatingExpenses: 'expenditure',
  threePublic: 'expenditure',
  procurement: 'expenditure',
  performance: 'expenditure',
  assets: null,
  changes: null,
};

const REVENUE_SUBJECTS: readonly ChangeSubject[] = ['revenue', 'generalPublicBudget'];

function changeDirection(subject: ChangeSubject): Direction | null {
  if (REVENUE_SUBJECTS.includes(subject)) return 'revenue';
  return subject === 'total' || subject === 'other' ? null : 'expenditure';
}

const THREE_PUBLIC_ROW: Record<ThreePublicKey, RowType> = {
  total: 'total',
  overseasTravel: 'item',
  vehicleTotal: 'subtotal',
  vehiclePurchase: 'item',
  vehicleOperation: 'item',
  reception: 'item',
};

/** The asset figures: key, row type, period, name. The changes add up to `change`. */
const ASSET_FIGURES = [
  ['total', 'total', 'current', '国有资产总额'],
  ['fixed', 'figure', 'current', '固定资产'],
  ['buildings', 'figure', 'current', '房屋'],
  ['vehicleValue', 'figure', 'current', '车辆'],
  ['tableTotal', 'figure', 'current', '资产表资产总额'],
  ['equipmentThreshold', 'figure', 'current', '大型设备单价标准'],
  ['change', 'total', 'change', '资产变动'],
] as const;

/** A code's level (its first `length` digits) and that level's name: the line's own name when the line is
 * that level, else the shared list's. Null when the code is shorter. */
function level(
  code: string | null,
  length: number,
  own: string | null,
  lookup: (code: string) => string | null,
): [string | null, string | null] {
  if (code === null || code.length < length) return [null, null];
  const c = code.slice(0, length);
  return [c, (c === code ? own : null) ?? lookup(c)];
}

/** The classification columns of an expenditure line: its codes, their 类 and 款, and names. */
function classification(
  functionCode: string | null,
  functionName: string | null,
  economicCode: string | null,
  economicName: string | null,
): Partial<LineItem> {
  const [f1, f1Name] = level(functionCode, 3, functionName, functionCodeName);
  const [f2, f2Name] = level(functionCode, 5, functionName, functionCodeName);
  const [e1, e1Name] = level(economicCode, 3, economicName, economicCodeName);
  return {
    functionCode,
    functionName,
    functionLevel1Code: f1,
    functionLevel1Name: f1Name,
    functionLevel2Code: f2,
    functionLevel2Name: f2Name,
    economicCode,
    economicName,
    economicLevel1Code: e1,
    economicLevel1Name: e1Name,
  };
}

/** The rows of one budget, section by section; amounts the budget does not state give no row. */
function rowsOf(b: Budget): [Section, RowFacts, Amount][] {
  const out: [Section, RowFacts, Amount][] = [];
  const add = (section: Section, facts: RowFacts, amount: Amount | null) => {
    if (amount !== null) out.push([section, facts, amount]);
  };

  // 收入: the stated totals, then one row per revenue line.
  add(
    'revenue',
    { rowType: 'total', itemCode: 'revenueTotal', itemName: FIGURE_NAMES.revenueTotal },
    b.stated.revenueTotal,
  );
  add(
    'revenue',
    {
      rowType: 'subtotal',
      itemCode: 'generalPublicBudget',
      itemName: FIGURE_NAMES.generalPublicBudget,
      fundingSource: 'generalPublicBudget',
      fundingSourceName: REVENUE_SOURCE_NAMES.generalPublicBudget,
    },
    b.stated.generalPublicBudget,
  );
  for (const r of b.revenue)
    add(
      'revenue',
      {
        rowType: 'item',
        itemCode: r.source,
        itemName: REVENUE_SOURCE_NAMES[r.source],
        fundingSource: r.source,
        fundingSourceName: REVENUE_SOURCE_NAMES[r.source],
      },
      r.amount,
    );

  // 支出: the stated totals, then one row per expenditure line with its codes.
  const s = b.stated;
  const stated: [keyof typeof s, RowType, ExpenditureKind | null][] = [
    ['expenditureTotal', 'total', null],
    ['basicExpenditure', 'subtotal', null],
    ['personnel', 'subtotal', 'personnel'],
    ['publicExpenses', 'subtotal', 'publicExpenses'],
    ['projectExpenditure', 'subtotal', 'project'],
  ];
  for (const [key, rowType, kind] of stated)
    add(
      'expenditure',
      { rowType, itemCode: key, itemName: FIGURE_NAMES[key], expenditureKind: kind },
      s[key],
    );
  for (const l of b.expenditureLines)
    add(
      'expenditure',
      {
        rowType: 'item',
        ...classification(l.functionCode, l.functionName, l.economicCode, l.economicName),
        expenditureKind: l.kind,
        fundingSource: l.fundingSource,
        fundingSourceName: REVENUE_SOURCE_NAMES[l.fundingSource],
      },
      l.amount,
    );

  // 机关运行经费.
  add(
    'operatingExpenses',
    { rowType: 'total', itemCode: 'total', itemName: FIGURE_NAMES.operatingExpenses },
    b.operatingExpenses.total,
  );
  for (const i of b.operatingExpenses.items)
    add('operatingExpenses', { rowType: 'item', itemName: i.name }, i.amount);

  // “三公”经费: this year's figures, then the prior year's.
  for (const period of ['current', 'priorYear'] as const)
    for (const key of THREE_PUBLIC_KEYS) {
      const item = b.threePublic[key];
      add(
        'threePublic',
        {
          rowType: THREE_PUBLIC_ROW[key],
          period,
          itemCode: key,
          itemName: FIGURE_NAMES[THREE_PUBLIC_FIGURE[key]],
          note: period === 'current' ? item.reason : null,
        },
        period === 'current' ? item.amount : item.priorYear,
      );
    }

  // 政府采购.
  add(
    'procurement',
    { rowType: 'total', itemCode: 'total', itemName: FIGURE_NAMES.procurementTotal },
    b.procurement.total,
  );
  for (const p of b.procurement.items)
    add(
      'procurement',
      {
        rowType: 'item',
        itemCode: p.catalogueNo,
        itemName: p.item,
        projectName: p.project,
        quantity: p.quantity,
        quantityUnit: p.quantityUnit,
      },
      p.amount,
    );

  // 绩效目标: the funds of the projects with targets, then each activity's annual budget.
  add(
    'performance',
    { rowType: 'total', itemCode: 'projectFunds', itemName: '绩效目标项目资金' },
    b.performance.projectFunds,
  );
  for (const a of b.performance.activities)
    add('performance', { rowType: 'item', itemName: a.name }, a.annualBudget);

  // 国有资产: stocks, not flows (no direction).
  // Figures as of a date, then the change (本年变动) with the changes that make it up.
  const assets = b.assets;
  for (const [key, rowType, period, name] of ASSET_FIGURES) {
    const asOf = period === 'current' && key !== 'equipmentThreshold' ? assets.asOf : null;
    add('assets', { rowType, period, itemCode: key, itemName: name, date: asOf }, assets[key]);
  }
  for (const c of assets.changes)
    add(
      'assets',
      { rowType: 'item', period: 'change', itemName: c.item, quantity: c.quantity, date: c.date },
      c.amount,
    );

  // 比上年增减: signed (a decrease is negative).
  for (const c of b.changes) {
    if (c.amount === null) continue;
    const amount = c.direction === 'decrease' ? { ...c.amount, fen: -c.amount.fen || 0 } : c.amount;
    add(
      'changes',
      {
        rowType: 'figure',
        period: 'change',
        comparedYear: c.comparedYear,
        direction: changeDirection(c.subject),
        itemCode: c.subject,
        itemName: CHANGE_SUBJECT_NAMES[c.subject],
        note: c.reason,
      },
      amount,
    );
  }
  return out;
}

const EMPTY: Omit<
  LineItem,
  | keyof PublicationColumns
  | 'line'
  | 'section'
  | 'sectionName'
  | 'periodYear'
  | 'amountFen'
  | 'amountYuan'
  | 'precisionFen'
> = {
  rowType: 'item',
  period: 'current',
  comparedYear: null,
  direction: null,
  itemCode: null,
  itemName: null,
  functionCode: null,
  functionName: null,
  functionLevel1Code: null,
  functionLevel1Name: null,
  functionLevel2Code: null,
  functionLevel2Name: null,
  economicCode: null,
  economicName: null,
  economicLevel1Code: null,
  economicLevel1Name: null,
  expenditureKind: null,
  fundingSource: null,
  fundingSourceName: null,
  projectName: null,
  quantity: null,
  quantityUnit: null,
  date: null,
  note: null,
};

/** The line items of one checked budget (no validation: for the modules of this folder). */
export function lineItemsOf({ meta, budget }: PublishedBudget): LineItem[] {
  const publication: PublicationColumns = {
    departmentId: meta.departmentId,
    departmentCode: meta.departmentCode,
    departmentName: meta.departmentName,
    regionName: meta.regionName,
    fiscalYear: meta.fiscalYear,
    budgetKind: meta.kind,
    phase: meta.kind === 'budget' ? 'approved' : 'executed',
    version: meta.version,
    publishedAt: meta.publishedAt,
  };
  return rowsOf(budget).map(([section, facts, amount], i) => {
    const period = facts.period ?? 'current';
    return {
      ...publication,
      line: i + 1,
      section,
      sectionName: SECTION_NAMES[section],
      ...EMPTY,
      direction: SECTION_DIRECTION[section],
      ...facts,
      period,
      periodYear: period === 'priorYear' ? meta.fiscalYear - 1 : meta.fiscalYear,
      comparedYear: period === 'change' ? (facts.comparedYear ?? meta.fiscalYear - 1) : null,
      amountFen: amount.fen,
      amountYuan: fenToYuan(amount.fen),
      precisionFen: amount.precision,
    };
  });
}

/** The line items of one published budget. Throws InvalidInput when it does not fit the model. */
export function lineItems(published: PublishedBudget): LineItem[] {
  const [checked] = checkPublished([published]);
  return lineItemsOf(checked as PublishedBudget);
}

/** The line items of many published budgets, budget by budget in the exports' order (see sortPublished). */
export function allLineItems(items: readonly PublishedBudget[]): LineItem[] {
  return sortPublished(checkPublished(items)).flatMap(lineItemsOf);
}
