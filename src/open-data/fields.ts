/**
 * The columns of the line-item CSV, in order: a stable English machine name (the Fiscal Data Package
 * needs one), the Table Schema type, and the Chinese title and description the descriptor carries.
 * Keyed by LineItem's keys, so a column cannot be missing or extra.
 */
import { EXPENDITURE_KINDS, REVENUE_SOURCES } from '../core/budget/budget.ts';
import { DIRECTIONS, type LineItem, PERIODS, PHASES, ROW_TYPES, SECTIONS } from './line-items.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'year' | 'date' | 'datetime';

export interface FieldSpec {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  /** Table Schema format, where not the default. */
  format?: string;
  /** Never empty. */
  required?: boolean;
  /** The values allowed (empty cells aside). */
  values?: readonly string[];
}

export const LINE_ITEM_FIELDS = {
  departmentId: {
    name: 'department_id',
    type: 'string',
    title: '部门标识',
    description: '本系统中部门的唯一标识，不随部门名称或编码变化。',
    required: true,
  },
  departmentCode: {
    name: 'department_code',
    type: 'string',
    title: '部门编码',
    description: '部门（单位）编码；没有编码的为空。',
  },
  departmentName: {
    name: 'department_name',
    type: 'string',
    title: '部门名称',
    description: '公开时的部门名称。',
    required: true,
  },
  regionName: {
    name: 'region_name',
    type: 'string',
    title: '地区',
    description: '部门所属地区，如“秦皇岛市山海关区”。',
  },
  fiscalYear: {
    name: 'fiscal_year',
    type: 'year',
    title: '预算年度',
    description: '预算（决算）所属的财政年度（公历年度）。',
    required: true,
  },
  budgetKind: {
    name: 'budget_kind',
    type: 'string',
    title: '类型',
    description: 'budget：部门预算；finalAccounts：部门决算。',
    required: true,
    values: ['budget', 'finalAccounts'],
  },
  phase: {
    name: 'phase',
    type: 'string',
    title: '预算阶段',
    description:
      '财政数据包（Fiscal Data Package）的阶段：approved 为批复的预算，executed 为决算（执行数）。',
    required: true,
    values: PHASES,
  },
  version: {
    name: 'version',
    type: 'integer',
    title: '公开版本',
    description: '第几次公开：首次公开为 1，每次更正加 1。',
    required: true,
  },
  publishedAt: {
    name: 'published_at',
    type: 'datetime',
    format: 'any',
    title: '公开时间',
    description: '本版本的公开时间（ISO 8601，含时区）。',
    required: true,
  },
  line: {
    name: 'line',
    type: 'integer',
    title: '行号',
    description: '本行在该份预算中的序号（从 1 起）；与部门标识、年度、类型、版本一起唯一确定一行。',
    required: true,
  },
  section: {
    name: 'section',
    type: 'string',
    title: '部分',
    description:
      '金额出自预算数据的哪一部分：revenue 收入，expenditure 支出，operatingExpenses 机关运行经费，threePublic “三公”经费，procurement 政府采购，performance 绩效目标，assets 国有资产，changes 比上年增减。各部分相互重叠（“三公”经费、机关运行经费都是支出的一部分），不可跨部分相加。',
    required: true,
    values: SECTIONS,
  },
  sectionName: {
    name: 'section_name',
    type: 'string',
    title: '部分名称',
    description: '部分的中文名称。',
    required: true,
  },
  rowType: {
    name: 'row_type',
    type: 'string',
    title: '行类型',
    description:
      'item 明细（同一部分、同一期间的明细相加等于合计）；subtotal 小计（部分明细之和，如基本支出、人员经费、公务用车购置及运行费）；total 合计（该部分的总额，以公开文件所述为准）；figure 其他数额（资产价值、标准、增减额），不与明细相加。',
    required: true,
    values: ROW_TYPES,
  },
  period: {
    name: 'period',
    type: 'string',
    title: '期间',
    description:
      'current 本年度（资产为截止日期的数）；priorYear 上年度（“三公”经费的上年数）；change 比上年增减额、本年资产变动。',
    required: true,
    values: PERIODS,
  },
  periodYear: {
    name: 'period_year',
    type: 'year',
    title: '金额所属年度',
    description: '金额所属的年度：本年度数为预算年度，上年数为预算年度减一。',
    required: true,
  },
  comparedYear: {
    name: 'compared_year',
    type: 'year',
    title: '比较年度',
    description: '增减额所比较的年度（原文只说“比上年”的，为预算年度减一）；期间不是 change 的行为空。',
  },
  direction: {
    name: 'direction',
    type: 'string',
    title: '收支方向',
    description: 'revenue 收入；expenditure 支出；国有资产、收支总额的增减等为空。',
    values: DIRECTIONS,
  },
  itemCode: {
    name: 'item_code',
    type: 'string',
    title: '项目代码',
    description:
      '非科目行的代码：数据模型中的键（如 revenueTotal、overseasTravel）、收入来源（如 generalPublicBudget）或政府采购品目编码。',
  },
  itemName: {
    name: 'item_name',
    type: 'string',
    title: '项目名称',
    description: '非科目行的名称，如“因公出国（境）费”“办公费”。',
  },
  functionCode: {
    name: 'function_code',
    type: 'string',
    title: '支出功能分类科目编码',
    description: '政府收支分类科目的支出功能分类，类/款/项（3、5 或 7 位数字）。',
  },
  functionName: {
    name: 'function_name',
    type: 'string',
    title: '支出功能分类科目名称',
    description: '公开数据所列的科目名称。',
  },
  functionLevel1Code: {
    name: 'function_level1_code',
    type: 'string',
    title: '功能分类类级编码',
    description: '功能分类科目编码的前 3 位（类）。',
  },
  functionLevel1Name: {
    name: 'function_level1_name',
    type: 'string',
    title: '功能分类类级名称',
    description:
      '类级科目名称：本行即为类级科目时取本行名称，否则取本系统的科目名称表（按 2024—2026 年科目名称，非财政部官方科目表），未列出的为空。',
  },
  functionLevel2Code: {
    name: 'function_level2_code',
    type: 'string',
    title: '功能分类款级编码',
    description: '功能分类科目编码的前 5 位（款）；3 位编码的为空。',
  },
  functionLevel2Name: {
    name: 'function_level2_name',
    type: 'string',
    title: '功能分类款级名称',
    description: '款级科目名称，来源同类级名称。',
  },
  economicCode: {
    name: 'economic_code',
    type: 'string',
    title: '支出经济分类科目编码',
    description: '部门预算支出经济分类，类/款（3 或 5 位数字）。',
  },
  economicName: {
    name: 'economic_name',
    type: 'string',
    title: '支出经济分类科目名称',
    description: '公开数据所列的科目名称。',
  },
  economicLevel1Code: {
    name: 'economic_level1_code',
    type: 'string',
    title: '经济分类类级编码',
    description: '经济分类科目编码的前 3 位（类）。',
  },
  economicLevel1Name: {
    name: 'economic_level1_name',
    type: 'string',
    title: '经济分类类级名称',
    description: '类级科目名称，来源同功能分类类级名称。',
  },
  expenditureKind: {
    name: 'expenditure_kind',
    type: 'string',
    title: '支出类型',
    description: 'personnel 人员经费；publicExpenses 公用经费（二者合为基本支出）；project 项目支出。',
    values: EXPENDITURE_KINDS,
  },
  fundingSource: {
    name: 'funding_source',
    type: 'string',
    title: '资金来源',
    description: '收入来源或支出的资金来源，如 generalPublicBudget（一般公共预算拨款）。',
    values: REVENUE_SOURCES,
  },
  fundingSourceName: {
    name: 'funding_source_name',
    type: 'string',
    title: '资金来源名称',
    description: '资金来源的中文名称。',
  },
  projectName: {
    name: 'project_name',
    type: 'string',
    title: '所属项目',
    description: '政府采购所属的项目名称。',
  },
  quantity: { name: 'quantity', type: 'number', title: '数量', description: '政府采购或资产变动的数量。' },
  quantityUnit: {
    name: 'quantity_unit',
    type: 'string',
    title: '计量单位',
    description: '数量的单位，如“台”。',
  },
  date: {
    name: 'date',
    type: 'date',
    title: '日期',
    description: '资产数的截止日期；资产变动的日期。',
  },
  note: {
    name: 'note',
    type: 'string',
    title: '说明',
    description: '公开文件所述的原因（“三公”经费、比上年增减）。',
  },
  amountFen: {
    name: 'amount_fen',
    type: 'integer',
    title: '金额（分）',
    description: '金额，单位为分（整数，精确）；减少额为负数。',
    required: true,
  },
  amountYuan: {
    name: 'amount_yuan',
    type: 'number',
    title: '金额（元）',
    description: '同一金额，单位为元，保留两位小数（由分精确换算，不经浮点运算）。',
    required: true,
  },
  precisionFen: {
    name: 'precision_fen',
    type: 'integer',
    title: '原文精度（分）',
    description:
      '金额原文所写最后一位数字的单位，以分计：1 为精确到分，100 000 为精确到 0.1 万元（如原文“82.9万元”）。核对合计时可据此判断差额是否为舍入所致。',
    required: true,
  },
} as const satisfies Record<keyof LineItem, FieldSpec>;

export type LineItemKey = keyof typeof LINE_ITEM_FIELDS;

/** The LineItem keys in column order. */
export const LINE_ITEM_KEYS = Object.keys(LINE_ITEM_FIELDS) as LineItemKey[];

/** The CSV header: the machine names in column order. */
export const LINE_ITEM_COLUMNS: readonly string[] = LINE_ITEM_KEYS.map((k) => LINE_ITEM_FIELDS[k].name);

/** Columns whose cells are numbers (never neutralised as formulas). */
export function isNumericField(spec: FieldSpec): boolean {
  return spec.type === 'integer' || spec.type === 'number' || spec.type === 'year';
}
