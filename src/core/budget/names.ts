/** The Chinese names people read for the model's keys, in one place. */
import type { ChangeSubject, RevenueSource, ThreePublicKey } from './budget.ts';
import type { FigureKey } from './table-figures.ts';

export const REVENUE_SOURCE_NAMES: Record<RevenueSource, string> = {
  generalPublicBudget: '一般公共预算拨款',
  governmentFund: '政府性基金预算拨款',
  stateCapitalBudget: '国有资本经营预算拨款',
  specialAccount: '财政专户管理资金',
  businessIncome: '事业收入',
  businessOperationIncome: '事业单位经营收入',
  superiorSubsidy: '上级补助收入',
  subordinateRemittance: '附属单位上缴收入',
  otherIncome: '其他收入',
  carryOver: '上年结转',
};

export const FIGURE_NAMES: Record<FigureKey, string> = {
  revenueTotal: '收入总额',
  expenditureTotal: '支出总额',
  generalPublicBudget: '一般公共预算拨款',
  basicExpenditure: '基本支出',
  personnel: '人员经费',
  publicExpenses: '公用经费',
  projectExpenditure: '项目支出',
  threePublicTotal: '“三公”经费',
  overseasTravel: '因公出国（境）费',
  vehicleTotal: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行费',
  reception: '公务接待费',
  operatingExpenses: '机关运行经费',
  procurementTotal: '政府采购预算',
  assetsTotal: '国有资产总额',
};

export const CHANGE_SUBJECT_NAMES: Record<ChangeSubject, string> = {
  total: '收支总额',
  revenue: '收入',
  expenditure: '支出',
  basicExpenditure: FIGURE_NAMES.basicExpenditure,
  personnel: FIGURE_NAMES.personnel,
  publicExpenses: FIGURE_NAMES.publicExpenses,
  projectExpenditure: FIGURE_NAMES.projectExpenditure,
  generalPublicBudget: FIGURE_NAMES.generalPublicBudget,
  threePublicTotal: FIGURE_NAMES.threePublicTotal,
  overseasTravel: FIGURE_NAMES.overseasTravel,
  vehicleTotal: FIGURE_NAMES.vehicleTotal,
  vehiclePurchase: FIGURE_NAMES.vehiclePurchase,
  vehicleOperation: FIGURE_NAMES.vehicleOperation,
  reception: FIGURE_NAMES.reception,
  operatingExpenses: FIGURE_NAMES.operatingExpenses,
  other: '其他',
};

/**
 * How each change subject is named in a generated sentence: the wording a
 * disclosure uses, chosen so that the importer reads the subject back.
 */
export const CHANGE_SENTENCE_LABELS: Record<ChangeSubject, string | null> = {
  total: '收支总额',
  revenue: '部门收入',
  expenditure: '部门支出',
  basicExpenditure: '基本支出',
  personnel: '人员经费',
  publicExpenses: '日常公用经费',
  projectExpenditure: '项目支出',
  generalPublicBudget: '一般公共预算拨款',
  threePublicTotal: '“三公”经费',
  overseasTravel: '因公出国（境）费',
  vehicleTotal: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行费',
  reception: '公务接待费',
  operatingExpenses: '机关运行经费',
  other: null,
};

/** The summary figure each "三公" item is (its name is FIGURE_NAMES of it). */
export const THREE_PUBLIC_FIGURE: Record<ThreePublicKey, FigureKey> = {
  total: 'threePublicTotal',
  overseasTravel: 'overseasTravel',
  vehicleTotal: 'vehicleTotal',
  vehiclePurchase: 'vehiclePurchase',
  vehicleOperation: 'vehicleOperation',
  reception: 'reception',
};
