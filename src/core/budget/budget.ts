/**
 * The budget model: one department's budget (or final accounts) for one fiscal
 * year, held as facts. Names follow shared/GLOSSARY.md. Every amount is integer 分
 * with the precision it was stated at (see kernel/money.ts).
 */
import { z } from 'zod';
import { AmountSchema } from '../kernel/money.ts';

const Text = z.string();
const OptAmount = AmountSchema.nullable();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const DepartmentSchema = z.strictObject({
  name: Text,
  code: Text.nullable(),
  /** 单位性质: 行政 / 事业 … */
  nature: Text.nullable(),
  /** 单位规格: 正科级 … */
  rank: Text.nullable(),
  /** 经费保证形式 */
  fundingForm: Text.nullable(),
  internalBodies: z.array(Text),
  duties: z.array(Text),
});
export type Department = z.infer<typeof DepartmentSchema>;

export const REVENUE_SOURCES = [
  'generalPublicBudget',
  'governmentFund',
  'stateCapitalBudget',
  'specialAccount',
  'businessIncome',
  'businessOperationIncome',
  'superiorSubsidy',
  'subordinateRemittance',
  'otherIncome',
  'carryOver',
] as const;
export const RevenueSourceSchema = z.enum(REVENUE_SOURCES);
export type RevenueSource = z.infer<typeof RevenueSourceSchema>;

export const RevenueLineSchema = z.strictObject({ source: RevenueSourceSchema, amount: AmountSchema });
export type RevenueLine = z.infer<typeof RevenueLineSchema>;

export const EXPENDITURE_KINDS = ['personnel', 'publicExpenses', 'project'] as const;
export const ExpenditureKindSchema = z.enum(EXPENDITURE_KINDS);
export type ExpenditureKind = z.infer<typeof ExpenditureKindSchema>;

/** Function code 类/款/项 (3, 5 or 7 digits) and economic code 类/款 (3 or 5 digits). */
export const FunctionCodeSchema = z
  .string()
  .regex(/^\d{3}(\d{2}(\d{2})?)?$/, '功能分类科目编码应为3、5或7位数字');
export const EconomicCodeSchema = z.string().regex(/^\d{3}(\d{2})?$/, '经济分类科目编码应为3或5位数字');

export const ExpenditureLineSchema = z.strictObject({
  functionCode: FunctionCodeSchema.nullable(),
  functionName: Text.nullable(),
  economicCode: EconomicCodeSchema.nullable(),
  economicName: Text.nullable(),
  kind: ExpenditureKindSchema,
  fundingSource: RevenueSourceSchema,
  amount: AmountSchema,
});
export type ExpenditureLine = z.infer<typeof ExpenditureLineSchema>;

/** Totals as the document states them (text first, tables where the text is silent). */
export const StatedTotalsSchema = z.strictObject({
  revenueTotal: OptAmount,
  expenditureTotal: OptAmount,
  generalPublicBudget: OptAmount,
  basicExpenditure: OptAmount,
  personnel: OptAmount,
  publicExpenses: OptAmount,
  projectExpenditure: OptAmount,
});
export type StatedTotals = z.infer<typeof StatedTotalsSchema>;

export const CHANGE_SUBJECTS = [
  'total',
  'revenue',
  'expenditure',
  'basicExpenditure',
  'personnel',
  'publicExpenses',
  'projectExpenditure',
  'generalPublicBudget',
  'threePublicTotal',
  'overseasTravel',
  'vehicleTotal',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
  'operatingExpenses',
  'other',
] as const;
export const ChangeSubjectSchema = z.enum(CHANGE_SUBJECTS);
/** The change subjects that are "三公" items. */
export const THREE_PUBLIC_SUBJECTS: readonly (typeof CHANGE_SUBJECTS)[number][] = [
  'threePublicTotal',
  'overseasTravel',
  'vehicleTotal',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
];
export type ChangeSubject = z.infer<typeof ChangeSubjectSchema>;

/** 比上年增减: a stated change against an earlier year. */
export const StatedChangeSchema = z.strictObject({
  subject: ChangeSubjectSchema,
  /** The year compared with, as stated (null for 比上年 without a year). */
  comparedYear: z.number().int().nullable(),
  direction: z.enum(['increase', 'decrease', 'flat']),
  /** The word used: 增加 / 增长 / 减少 / 下降 / 持平 … */
  word: Text,
  amount: OptAmount,
  /** Per cent, when stated ("下降1.87%"). */
  percent: z.number().nullable(),
  reason: Text.nullable(),
  /** Index of the change this one breaks down (其中：…), or null. */
  partOf: z.number().int().nullable(),
});
export type StatedChange = z.infer<typeof StatedChangeSchema>;

export const ThreePublicItemSchema = z.strictObject({
  amount: OptAmount,
  priorYear: OptAmount,
  reason: Text.nullable(),
});
export type ThreePublicItem = z.infer<typeof ThreePublicItemSchema>;

export const THREE_PUBLIC_KEYS = [
  'total',
  'overseasTravel',
  'vehicleTotal',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
] as const;
export type ThreePublicKey = (typeof THREE_PUBLIC_KEYS)[number];
export const ThreePublicSchema = z.strictObject({
  total: ThreePublicItemSchema,
  overseasTravel: ThreePublicItemSchema,
  vehicleTotal: ThreePublicItemSchema,
  vehiclePurchase: ThreePublicItemSchema,
  vehicleOperation: ThreePublicItemSchema,
  reception: ThreePublicItemSchema,
  /** The stated use of the vehicle money, e.g. 用于公务用车运行费. */
  vehicleUse: Text.nullable(),
});
export type ThreePublic = z.infer<typeof ThreePublicSchema>;

export const NamedAmountSchema = z.strictObject({ name: Text, amount: AmountSchema });
export type NamedAmount = z.infer<typeof NamedAmountSchema>;

export const OperatingExpensesSchema = z.strictObject({
  total: OptAmount,
  items: z.array(NamedAmountSchema),
});

/** A threshold of 优/良/中/差 as stated ("95%", "≥90%", "好") with its number when it has one. */
export const GradeSchema = z.strictObject({ text: Text, value: z.number().nullable() });
export type Grade = z.infer<typeof GradeSchema>;

export const IndicatorSchema = z.strictObject({
  name: Text,
  excellent: GradeSchema.nullable(),
  good: GradeSchema.nullable(),
  fair: GradeSchema.nullable(),
  poor: GradeSchema.nullable(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const PerformanceActivitySchema = z.strictObject({
  name: Text,
  annualBudget: OptAmount,
  description: Text,
  goal: Text,
  indicators: z.array(IndicatorSchema),
});
export type PerformanceActivity = z.infer<typeof PerformanceActivitySchema>;

export const DutyTargetSchema = z.strictObject({ duty: Text, target: Text, activityTarget: Text });

export const PerformanceSchema = z.strictObject({
  overall: z.array(Text),
  dutyTargets: z.array(DutyTargetSchema),
  activities: z.array(PerformanceActivitySchema),
  /** Projects with targets and their funds, where stated in summary form. */
  projectCount: z.number().int().nullable(),
  projectFunds: OptAmount,
});
export type Performance = z.infer<typeof PerformanceSchema>;

export const ProcurementItemSchema = z.strictObject({
  project: Text,
  item: Text,
  catalogueNo: Text.nullable(),
  quantity: z.number().nullable(),
  quantityUnit: Text.nullable(),
  amount: AmountSchema,
});
export type ProcurementItem = z.infer<typeof ProcurementItemSchema>;

export const ProcurementSchema = z.strictObject({
  total: OptAmount,
  items: z.array(ProcurementItemSchema),
  /** The document says there is no procurement (无政府采购预算). */
  statedNone: z.boolean(),
});

export const AssetChangeSchema = z.strictObject({
  item: Text,
  quantity: z.number().nullable(),
  amount: OptAmount,
  date: IsoDate.nullable(),
});

export const AssetsSchema = z.strictObject({
  /** Snapshot date of the asset figures (截至…). */
  asOf: IsoDate.nullable(),
  total: OptAmount,
  fixed: OptAmount,
  buildings: OptAmount,
  buildingArea: z.number().nullable(),
  vehicles: z.number().int().nullable(),
  vehicleValue: OptAmount,
  /** Equipment over the unit-price threshold: count, value and the threshold. */
  equipmentCount: z.number().int().nullable(),
  equipmentThreshold: OptAmount,
  change: OptAmount,
  changes: z.array(AssetChangeSchema),
  /** What the asset table's 资产总额 row says, when the table exists. */
  tableTotal: OptAmount,
  /** The document says it holds no (fixed) assets (无固定资产…). */
  statedNone: z.boolean(),
});
export type Assets = z.infer<typeof AssetsSchema>;

export const GlossaryEntrySchema = z.strictObject({ term: Text, definition: Text });

export const SECTION_KINDS = [
  'duties',
  'structure',
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
export const SectionKindSchema = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof SectionKindSchema>;

export const SectionSchema = z.strictObject({
  kind: SectionKindSchema,
  title: Text,
  /** 1-based first and last line in the source. */
  line: z.number().int(),
  endLine: z.number().int(),
});
export type Section = z.infer<typeof SectionSchema>;

export const TABLE_KINDS = [
  'incomeExpenditureSummary', // 部门收支总表 / 收入支出决算总表
  'revenueSummary', // 部门收入总表
  'expenditureSummary', // 部门支出总表
  'appropriationSummary', // 财政拨款收支总表
  'generalBudgetByFunction', // 一般公共预算支出表（功能分类）
  'generalBudgetBasicByEconomic', // 一般公共预算基本支出表（经济分类）
  'threePublic', // "三公"经费支出表
  'governmentFund', // 政府性基金预算支出表
  'stateCapital', // 国有资本经营预算支出表
  'performance', // 绩效目标表
  'procurement', // 政府采购预算表
  'assets', // 固定资产占用情况表
  'other',
] as const;
export const TableKindSchema = z.enum(TABLE_KINDS);
export type TableKind = z.infer<typeof TableKindSchema>;

export const TableRowSchema = z.strictObject({
  line: z.number().int(),
  /** Classification code joined (2010505), when the row has one. */
  code: Text.nullable(),
  label: Text,
  /** Amounts by column key (total, basic, project, personnel, publicExpenses, c1 …). */
  cells: z.record(z.string(), AmountSchema),
  /** Row text that is a placeholder (…… or XX) rather than data. */
  placeholder: z.boolean(),
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const StatedTableSchema = z.strictObject({
  kind: TableKindSchema,
  title: Text,
  unit: z.enum(['元', '万元', '亿元']).nullable(),
  line: z.number().int(),
  endLine: z.number().int(),
  columns: z.array(Text),
  rows: z.array(TableRowSchema),
  /** The table carries the statement that it is empty (空表列示 / 本表为空表). */
  emptyStatement: z.boolean(),
});
export type StatedTable = z.infer<typeof StatedTableSchema>;

export const BudgetSchema = z.strictObject({
  kind: z.enum(['budget', 'finalAccounts']),
  fiscalYear: z.number().int().min(1949).max(2200).nullable(),
  title: Text.nullable(),
  department: DepartmentSchema,
  revenue: z.array(RevenueLineSchema),
  stated: StatedTotalsSchema,
  expenditureLines: z.array(ExpenditureLineSchema),
  operatingExpenses: OperatingExpensesSchema,
  threePublic: ThreePublicSchema,
  changes: z.array(StatedChangeSchema),
  performance: PerformanceSchema,
  procurement: ProcurementSchema,
  assets: AssetsSchema,
  glossary: z.array(GlossaryEntrySchema),
  otherNotes: z.array(Text),
  dates: z.strictObject({ approved: IsoDate.nullable(), published: IsoDate.nullable() }),
  sections: z.array(SectionSchema),
  tables: z.array(StatedTableSchema),
});
export type Budget = z.infer<typeof BudgetSchema>;
