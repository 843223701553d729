/**
 * Disclosure templates: the set and titles of the standard tables and the wording of a jurisdiction
 * and year, chosen by configuration.
 *
 * - national-2016: 财政部《地方预决算公开操作规程》（财预〔2016〕143号）: eight tables.
 * - national-2019: the same with 国有资本经营预算支出表 (nine tables).
 * - shanghai-2024: the Shanghai district set and titles (e.g. 上海市普陀区2025年区级部门预算), amounts in 元
 *   (the "三公" table in 万元, with 机关运行经费 beside it).
 */
import type { RevenueSource, TableKind } from '../budget/budget.ts';
import { InvalidInput } from '../errors.ts';
import type { TableUnit } from './document.ts';

/** The standard tables of section 十、部门预算表. */
export type StandardTableKind = Extract<
  TableKind,
  | 'incomeExpenditureSummary'
  | 'revenueSummary'
  | 'expenditureSummary'
  | 'appropriationSummary'
  | 'generalBudgetByFunction'
  | 'generalBudgetBasicByEconomic'
  | 'threePublic'
  | 'governmentFund'
  | 'stateCapital'
>;

export const STANDARD_TABLE_KINDS: readonly StandardTableKind[] = [
  'incomeExpenditureSummary',
  'revenueSummary',
  'expenditureSummary',
  'appropriationSummary',
  'generalBudgetByFunction',
  'generalBudgetBasicByEconomic',
  'threePublic',
  'governmentFund',
  'stateCapital',
];

/** The sections of the document, in the standard (seed) order. */
export const SECTION_KEYS = [
  'duties',
  'overview',
  'operatingExpenses',
  'threePublic',
  'performance',
  'procurement',
  'assets',
  'glossary',
  'other',
  'tables',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** A revenue column (or row) of the summary tables and the sources it adds up. */
export interface RevenueColumn {
  label: string;
  sources: readonly RevenueSource[];
  /** Shown even when zero (the official tables always show it); otherwise only when non-zero. */
  always: boolean;
}

export type ThreePublicColumn =
  | 'total'
  | 'overseasTravel'
  | 'vehicleTotal'
  | 'vehiclePurchase'
  | 'vehicleOperation'
  | 'reception';

export interface DisclosureTemplate {
  id: string;
  name: string;
  /** The rule the template follows, for the preamble. */
  basis: string;
  /** The standard tables of section 十, in order. */
  tables: readonly StandardTableKind[];
  /** Titles of the standard tables without the year (the builder writes 2018年 before them). */
  tableTitles: Readonly<Record<StandardTableKind, string>>;
  sectionTitles: Readonly<Record<SectionKey, string>>;
  /** Unit of the standard tables. */
  unit: TableUnit;
  /** Tables stated in another unit than `unit`. */
  tableUnits: Readonly<Partial<Record<StandardTableKind, TableUnit>>>;
  /** Revenue columns of 收入总表 and rows of 收支总表; together they cover every revenue source. */
  revenueColumns: readonly RevenueColumn[];
  /** Whether the 合计 row of the function and economic tables comes first (national) or last. */
  totalRowFirst: boolean;
  /** The order of the "三公" columns after 合计 (公务用车 subtotal, purchase and operation stay together). */
  threePublicOrder: readonly ('overseasTravel' | 'vehicle' | 'reception')[];
  /** The "三公" table also shows 机关运行经费 (Shanghai). */
  threePublicWithOperating: boolean;
  /** The statement under a table without data: 本部门无…，空表列示。 */
  emptyTableStatement: (tableTitle: string) => string;
  /** The statement under an empty 政府性基金 / 国有资本经营 table. */
  noFundStatement: (year: number | null, fund: string) => string;
  /** The paragraph before the first section. */
  preamble: (department: string, year: number | null) => string;
}

/** The subject of a table from its title: 2018年一般公共预算“三公”经费支出表 → 一般公共预算“三公”经费支出. */
export function tableSubject(tableTitle: string): string {
  return tableTitle
    .replace(/^\d{4}年(?:度)?/, '')
    .replace(/^部门/, '')
    .replace(/表$/, '');
}

const yearText = (year: number | null) => (year === null ? '' : `${year}年`);

const NATIONAL_SECTIONS: Record<SectionKey, string> = {
  duties: '部门职责及机构设置情况',
  overview: '部门预算安排的总体情况',
  operatingExpenses: '机关运行经费安排情况',
  threePublic: '财政拨款“三公”经费预算情况及增减变化原因',
  performance: '绩效预算信息',
  procurement: '政府采购预算情况',
  assets: '国有资产信息',
  glossary: '名词解释',
  other: '其他需要说明的事项',
  tables: '部门预算表',
};

const NATIONAL_TITLES: Record<StandardTableKind, string> = {
  incomeExpenditureSummary: '部门收支总表',
  revenueSummary: '部门收入总表',
  expenditureSummary: '部门支出总表',
  appropriationSummary: '财政拨款收支总表',
  generalBudgetByFunction: '一般公共预算支出表',
  generalBudgetBasicByEconomic: '一般公共预算基本支出表',
  threePublic: '一般公共预算“三公”经费支出表',
  governmentFund: '政府性基金预算支出表',
  stateCapital: '国有资本经营预算支出表',
};

const NATIONAL_REVENUE: readonly RevenueColumn[] = [
  { label: '一般公共预算拨款', sources: ['generalPublicBudget'], always: true },
  { label: '政府性基金预算拨款', sources: ['governmentFund'], always: true },
  { label: '国有资本经营预算拨款', sources: ['stateCapitalBudget'], always: true },
  { label: '财政专户管理资金', sources: ['specialAccount'], always: false },
  { label: '事业收入', sources: ['businessIncome'], always: true },
  { label: '事业单位经营收入', sources: ['businessOperationIncome'], always: true },
  { label: '上级补助收入', sources: ['superiorSubsidy'], always: false },
  { label: '附属单位上缴收入', sources: ['subordinateRemittance'], always: false },
  { label: '其他收入', sources: ['otherIncome'], always: true },
  { label: '上年结转', sources: ['carryOver'], always: false },
];

const national2016: DisclosureTemplate = {
  id: 'national-2016',
  name: '全国通用（财预〔2016〕143号，8张表）',
  basis: '《中华人民共和国预算法》和《地方预决算公开操作规程》（财预〔2016〕143号）',
  tables: [
    'incomeExpenditureSummary',
    'revenueSummary',
    'expenditureSummary',
    'appropriationSummary',
    'generalBudgetByFunction',
    'generalBudgetBasicByEconomic',
    'threePublic',
    'governmentFund',
  ],
  tableTitles: NATIONAL_TITLES,
  sectionTitles: NATIONAL_SECTIONS,
  unit: '万元',
  tableUnits: {},
  revenueColumns: NATIONAL_REVENUE,
  totalRowFirst: true,
  threePublicOrder: ['overseasTravel', 'vehicle', 'reception'],
  threePublicWithOperating: false,
  emptyTableStatement: (title) => `本部门无${tableSubject(title)}，空表列示。`,
  noFundStatement: (year, fund) => `本部门${yearText(year)}无${fund}支出，故本表为空表。`,
  preamble: (department, year) =>
    `按照《中华人民共和国预算法》和《地方预决算公开操作规程》规定，现将${department}${yearText(year)}部门预算公开如下：`,
};

const national2019: DisclosureTemplate = {
  ...national2016,
  id: 'national-2019',
  name: '全国通用（2019年起，9张表，含国有资本经营预算支出表）',
  tables: [...national2016.tables, 'stateCapital'],
};

const shanghai2024: DisclosureTemplate = {
  id: 'shanghai-2024',
  name: '上海市区级部门预算（2024年起，9张表）',
  basis: '《中华人民共和国预算法》和上海市部门预算公开的有关规定',
  tables: [
    'incomeExpenditureSummary',
    'revenueSummary',
    'expenditureSummary',
    'appropriationSummary',
    'generalBudgetByFunction',
    'governmentFund',
    'stateCapital',
    'generalBudgetBasicByEconomic',
    'threePublic',
  ],
  tableTitles: {
    incomeExpenditureSummary: '部门财务收支预算总表',
    revenueSummary: '部门收入预算总表',
    expenditureSummary: '部门支出预算总表',
    appropriationSummary: '部门财政拨款收支预算总表',
    generalBudgetByFunction: '部门一般公共预算支出功能分类预算表',
    governmentFund: '部门政府性基金预算支出功能分类预算表',
    stateCapital: '部门国有资本经营预算支出功能分类预算表',
    generalBudgetBasicByEconomic: '部门一般公共预算基本支出部门预算经济分类预算表',
    threePublic: '部门“三公”经费和机关运行经费预算表',
  },
  sectionTitles: {
    duties: '部门主要职能及机构设置',
    overview: '部门预算编制说明',
    operatingExpenses: '机关运行经费预算',
    threePublic: '“三公”经费预算情况说明',
    performance: '绩效目标设置情况',
    procurement: '政府采购预算情况',
    assets: '国有资产占有使用情况',
    glossary: '名词解释',
    other: '其他相关情况说明',
    tables: '部门预算表',
  },
  unit: '元',
  tableUnits: { threePublic: '万元' },
  revenueColumns: [
    {
      label: '财政拨款收入',
      sources: ['generalPublicBudget', 'governmentFund', 'stateCapitalBudget'],
      always: true,
    },
    { label: '事业收入', sources: ['businessIncome'], always: true },
    { label: '事业单位经营收入', sources: ['businessOperationIncome'], always: true },
    {
      label: '其他收入',
      sources: ['otherIncome', 'specialAccount', 'superiorSubsidy', 'subordinateRemittance'],
      always: true,
    },
    { label: '上年结转', sources: ['carryOver'], always: false },
  ],
  totalRowFirst: false,
  threePublicOrder: ['overseasTravel', 'reception', 'vehicle'],
  threePublicWithOperating: true,
  emptyTableStatement: (title) => `本部门无${tableSubject(title)}，故本表为空表。`,
  noFundStatement: (year, fund) => `本部门${yearText(year)}无${fund}财政拨款安排的预算，故本表为空表。`,
  preamble: (department, year) =>
    `根据《中华人民共和国预算法》和本市部门预算公开的有关规定，现将${department}${yearText(year)}部门预算公开如下：`,
};

export const TEMPLATES: Readonly<Record<string, DisclosureTemplate>> = {
  [national2016.id]: national2016,
  [national2019.id]: national2019,
  [shanghai2024.id]: shanghai2024,
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES);

/** The template with this id; throws InvalidInput naming the known ids otherwise. */
export function templateFor(id: string): DisclosureTemplate {
  const t = Object.hasOwn(TEMPLATES, id) ? TEMPLATES[id] : undefined;
  if (!t) throw new InvalidInput(`未知的公开模板“${id}”，可用：${TEMPLATE_IDS.join('、')}`);
  return t;
}

/** The default template of a fiscal year: national-2016 before 2019, national-2019 from 2019 (and unknown years). */
export function defaultTemplateId(fiscalYear: number | null): string {
  return fiscalYear !== null && fiscalYear < 2019 ? 'national-2016' : 'national-2019';
}
