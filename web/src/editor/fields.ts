/** The fields the budget editor shows, per section, for the facts at hand (lists grow with the facts). */

import type { Budget } from '../../../src/core/budget/budget.ts';
import { CHANGE_SUBJECT_NAMES, REVENUE_SOURCE_NAMES } from '../../../src/core/budget/names.ts';
import type { SectionKey } from '../audit/finding-fields.ts';

/** `grade`: a 优/良/中/差 standard as written (≥98%), its number read from the text. */
export type FieldType = 'amount' | 'text' | 'lines' | 'date' | 'year' | 'grade';

export interface FieldSpec {
  section: SectionKey;
  pointer: string;
  label: string;
  type: FieldType;
  /** Whether the field may be left empty (null). */
  optional?: boolean;
}

const KIND_NAMES = { personnel: '人员经费', publicExpenses: '公用经费', project: '项目支出' } as const;
const GRADES: [key: 'excellent' | 'good' | 'fair' | 'poor', name: string][] = [
  ['excellent', '优'],
  ['good', '良'],
  ['fair', '中'],
  ['poor', '差'],
];

/** A line item's label: its codes and names, and its kind. */
function lineLabel(l: Budget['expenditureLines'][number]): string {
  const fn = [l.functionCode, l.functionName].filter(Boolean).join(' ');
  const ec = [l.economicCode, l.economicName].filter(Boolean).join(' ');
  return `支出：${[fn, ec].filter(Boolean).join(' / ') || '未分类'}（${KIND_NAMES[l.kind]}）`;
}

const TP: [string, string][] = [
  ['total', '“三公”经费合计'],
  ['overseasTravel', '因公出国（境）费'],
  ['vehicleTotal', '公务用车购置及运行费'],
  ['vehiclePurchase', '公务用车购置费'],
  ['vehicleOperation', '公务用车运行费'],
  ['reception', '公务接待费'],
];

export function editorFields(b: Budget): FieldSpec[] {
  const f: FieldSpec[] = [
    { section: 'profile', pointer: '/fiscalYear', label: '预算年度', type: 'year' },
    { section: 'profile', pointer: '/department/name', label: '部门名称', type: 'text' },
    { section: 'profile', pointer: '/department/nature', label: '单位性质', type: 'text', optional: true },
    { section: 'profile', pointer: '/department/rank', label: '单位规格', type: 'text', optional: true },
    {
      section: 'profile',
      pointer: '/department/fundingForm',
      label: '经费保证形式',
      type: 'text',
      optional: true,
    },
    { section: 'profile', pointer: '/department/duties', label: '部门职责（每行一条）', type: 'lines' },
    {
      section: 'profile',
      pointer: '/department/internalBodies',
      label: '内设机构（每行一个）',
      type: 'lines',
    },
    { section: 'totals', pointer: '/stated/revenueTotal', label: '收入总额', type: 'amount', optional: true },
    {
      section: 'totals',
      pointer: '/stated/expenditureTotal',
      label: '支出总额',
      type: 'amount',
      optional: true,
    },
    {
      section: 'totals',
      pointer: '/stated/generalPublicBudget',
      label: '一般公共预算拨款',
      type: 'amount',
      optional: true,
    },
    {
      section: 'totals',
      pointer: '/stated/basicExpenditure',
      label: '基本支出',
      type: 'amount',
      optional: true,
    },
    { section: 'totals', pointer: '/stated/personnel', label: '人员经费', type: 'amount', optional: true },
    {
      section: 'totals',
      pointer: '/stated/publicExpenses',
      label: '公用经费',
      type: 'amount',
      optional: true,
    },
    {
      section: 'totals',
      pointer: '/stated/projectExpenditure',
      label: '项目支出',
      type: 'amount',
      optional: true,
    },
    ...b.revenue.map((r, i) => ({
      section: 'totals' as const,
      pointer: `/revenue/${i}/amount`,
      label: `收入：${REVENUE_SOURCE_NAMES[r.source]}`,
      type: 'amount' as const,
    })),
    ...b.expenditureLines.map((l, i) => ({
      section: 'totals' as const,
      pointer: `/expenditureLines/${i}/amount`,
      label: lineLabel(l),
      type: 'amount' as const,
    })),
    ...TP.flatMap(([k, name]) => [
      {
        section: 'threePublic' as const,
        pointer: `/threePublic/${k}/amount`,
        label: `${name}（本年）`,
        type: 'amount' as const,
        optional: true,
      },
      {
        section: 'threePublic' as const,
        pointer: `/threePublic/${k}/priorYear`,
        label: `${name}（上年）`,
        type: 'amount' as const,
        optional: true,
      },
    ]),
    {
      section: 'threePublic',
      pointer: '/threePublic/total/reason',
      label: '增减原因',
      type: 'text',
      optional: true,
    },
    {
      section: 'operating',
      pointer: '/operatingExpenses/total',
      label: '机关运行经费合计',
      type: 'amount',
      optional: true,
    },
    ...b.operatingExpenses.items.map((it, i) => ({
      section: 'operating' as const,
      pointer: `/operatingExpenses/items/${i}/amount`,
      label: it.name,
      type: 'amount' as const,
    })),
    ...b.changes.flatMap((c, i) => [
      {
        section: 'changes' as const,
        pointer: `/changes/${i}/comparedYear`,
        label: `${CHANGE_SUBJECT_NAMES[c.subject]}${c.word}：比较年度`,
        type: 'year' as const,
        optional: true,
      },
      {
        section: 'changes' as const,
        pointer: `/changes/${i}/amount`,
        label: `${CHANGE_SUBJECT_NAMES[c.subject]}${c.word}：金额`,
        type: 'amount' as const,
        optional: true,
      },
    ]),
    ...b.performance.activities.flatMap((a, i) => [
      {
        section: 'performance' as const,
        pointer: `/performance/activities/${i}/annualBudget`,
        label: `${a.name}：年度预算数`,
        type: 'amount' as const,
        optional: true,
      },
      ...a.indicators.flatMap((ind, j) => [
        {
          section: 'performance' as const,
          pointer: `/performance/activities/${i}/indicators/${j}/name`,
          label: `${a.name}：绩效指标`,
          type: 'text' as const,
        },
        ...GRADES.map(([key, name]) => ({
          section: 'performance' as const,
          pointer: `/performance/activities/${i}/indicators/${j}/${key}`,
          label: `${ind.name || a.name}：评价标准“${name}”`,
          type: 'grade' as const,
          optional: true,
        })),
      ]),
    ]),
    {
      section: 'procurementAssets',
      pointer: '/procurement/total',
      label: '政府采购预算合计',
      type: 'amount',
      optional: true,
    },
    {
      section: 'procurementAssets',
      pointer: '/assets/asOf',
      label: '资产数据截止日期',
      type: 'date',
      optional: true,
    },
    {
      section: 'procurementAssets',
      pointer: '/assets/total',
      label: '国有资产总额',
      type: 'amount',
      optional: true,
    },
    {
      section: 'procurementAssets',
      pointer: '/assets/fixed',
      label: '固定资产',
      type: 'amount',
      optional: true,
    },
    { section: 'other', pointer: '/dates/approved', label: '批复日期', type: 'date', optional: true },
    { section: 'other', pointer: '/dates/published', label: '公开日期', type: 'date', optional: true },
  ];
  return f;
}
