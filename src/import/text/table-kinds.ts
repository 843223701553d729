/** Which standard table a title names, and the column keys its headers use. */
import type { TableKind } from '../../core/budget/budget.ts';

const TITLE_PATTERNS: readonly [TableKind, RegExp][] = [
  ['threePublic', /三公/],
  ['governmentFund', /政府性基金/],
  ['stateCapital', /国有资本经营/],
  ['procurement', /政府采购/],
  ['assets', /资产/],
  ['performance', /绩效/],
  ['appropriationSummary', /财政拨款收(?:入)?支(?:出)?(?:预算|决算)?总表/],
  ['generalBudgetBasicByEconomic', /一般公共预算.*基本支出/],
  ['generalBudgetByFunction', /一般公共预算.*支出/],
  ['incomeExpenditureSummary', /收(?:入)?支(?:出)?(?:预算|决算)?总表|财务收支/],
  ['revenueSummary', /收入(?:预算|决算)?(?:总)?表/],
  ['expenditureSummary', /支出(?:预算|决算)?(?:总)?表/],
];

/** A line that is the title of a table: ends with 表 (or is the performance table's title). */
export function tableKindOfTitle(line: string): TableKind | null {
  const t = line.replace(/\s+/g, '');
  if (t.length < 4 || t.length > 60 || /[。；，]/.test(t)) return null;
  if (/[…]{2,}|\.{4,}/.test(t)) return null;
  const numbered =
    /^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/.test(
      t,
    );
  const isTitle = /表(?:[(（][^)）]*[)）])?$/.test(t) || (!numbered && /绩效目标(?:表)?$/.test(t));
  if (!isTitle) return null;
  // Titles name tables; references to them in prose ("见下表") do not end with 表 alone.
  if (/^(?:见|如|详见)/.test(t) || t.endsWith('下表')) return null;
  for (const [kind, re] of TITLE_PATTERNS) if (re.test(t)) return kind;
  return null;
}

/** Header words → column keys, most specific first. */
export const COLUMN_KEYWORDS: readonly [string, RegExp][] = [
  ['operatingExpenses', /机关运行经费/],
  ['overseasTravel', /因公出国/],
  ['reception', /公务接待/],
  ['vehicleTotal', /公务用车购置及运行|^小计$/],
  ['vehiclePurchase', /购置费?$/],
  ['vehicleOperation', /运行(?:维护)?费?$/],
  ['personnel', /人员经费|人员支出/],
  ['publicExpenses', /公用经费|公用支出/],
  ['basic', /基本支出/],
  ['project', /项目支出/],
  ['annualBudget', /年度预算数?/],
  ['generalPublicBudget', /一般公共预算/],
  ['governmentFund', /政府性基金/],
  ['stateCapital', /国有资本经营/],
  ['appropriation', /财政拨款/],
  ['businessIncome', /事业收入/],
  ['otherIncome', /其他收入/],
  ['quantity', /^数量$/],
  ['value', /价值|金额/],
  ['budgetAmount', /^预算数$/],
  ['actualAmount', /^决算数$/],
  ['total', /^(?:合计|总计|预算数|金额)$/],
];

export function columnKeyOf(header: string): string | null {
  const t = header.replace(/\s+/g, '');
  for (const [key, re] of COLUMN_KEYWORDS) if (re.test(t)) return key;
  return null;
}

/** Column order to assume when a table's header cannot be read. */
export const DEFAULT_COLUMNS: Partial<Record<TableKind, string[]>> = {
  expenditureSummary: ['total', 'basic', 'project'],
  generalBudgetByFunction: ['total', 'basic', 'project'],
  governmentFund: ['total', 'basic', 'project'],
  stateCapital: ['total', 'basic', 'project'],
  generalBudgetBasicByEconomic: ['total', 'personnel', 'publicExpenses'],
  threePublic: [
    'total',
    'overseasTravel',
    'vehicleTotal',
    'vehiclePurchase',
    'vehicleOperation',
    'reception',
  ],
  revenueSummary: ['total'],
  incomeExpenditureSummary: ['total'],
  appropriationSummary: ['total'],
  assets: ['quantity', 'value'],
};

/** Header keys that can be columns of each kind of table (others are spanning titles). */
export const ALLOWED_COLUMNS: Partial<Record<TableKind, string[]>> = {
  expenditureSummary: ['total', 'basic', 'project'],
  generalBudgetByFunction: ['total', 'basic', 'project'],
  governmentFund: ['total', 'basic', 'project'],
  stateCapital: ['total', 'basic', 'project'],
  generalBudgetBasicByEconomic: ['total', 'personnel', 'publicExpenses'],
  threePublic: [
    'total',
    'overseasTravel',
    'vehicleTotal',
    'vehiclePurchase',
    'vehicleOperation',
    'reception',
    'operatingExpenses',
  ],
  revenueSummary: [
    'total',
    'appropriation',
    'generalPublicBudget',
    'governmentFund',
    'businessIncome',
    'otherIncome',
  ],
  assets: ['quantity', 'value'],
  incomeExpenditureSummary: ['total', 'budgetAmount', 'actualAmount'],
  appropriationSummary: [
    'total',
    'generalPublicBudget',
    'governmentFund',
    'stateCapital',
    'budgetAmount',
    'actualAmount',
  ],
};
