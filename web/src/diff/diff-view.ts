/**
 * A diff between two versions of a budget's facts (core/publication/diff.ts) as rows people read: the
 * place in Chinese, before and after written out (amounts in 万元), biggest amount changes first.
 */

import type { Budget } from '../../../src/core/budget/budget.ts';
import { FIGURE_NAMES, REVENUE_SOURCE_NAMES } from '../../../src/core/budget/names.ts';
import { type DiffEntry, diffBudgets } from '../../../src/core/publication/diff.ts';
import { formatWan } from '../format/amount.ts';

export interface DiffRow {
  path: string;
  label: string;
  before: string;
  after: string;
  kind: DiffEntry['kind'];
  /** Size of an amount change in 分 (0 for other changes), for ordering. */
  magnitude: number;
}

const ROOT_NAMES: Record<string, string> = {
  department: '部门概况',
  stated: '收支总额',
  revenue: '收入',
  expenditureLines: '支出明细',
  operatingExpenses: '机关运行经费',
  threePublic: '“三公”经费',
  changes: '增减说明',
  performance: '绩效目标',
  procurement: '政府采购',
  assets: '国有资产',
  glossary: '名词解释',
  dates: '日期',
  tables: '表格',
  sections: '章节',
  fiscalYear: '预算年度',
  title: '标题',
  otherNotes: '其他说明',
};

const FIELD_NAMES: Record<string, string> = {
  ...FIGURE_NAMES,
  ...REVENUE_SOURCE_NAMES,
  revenueTotal: '收入总额',
  expenditureTotal: '支出总额',
  projectExpenditure: '项目支出',
  total: '合计',
  amount: '金额',
  priorYear: '上年数',
  reason: '原因',
  name: '名称',
  duties: '职责',
  internalBodies: '内设机构',
  nature: '单位性质',
  rank: '单位规格',
  fundingForm: '经费保证形式',
  approved: '批复日期',
  published: '公开日期',
  items: '明细',
  fixed: '固定资产',
};

const isAmount = (v: unknown): v is { fen: number; precision: number } =>
  typeof v === 'object' && v !== null && 'fen' in v && typeof (v as { fen: unknown }).fen === 'number';

export function showValue(v: unknown): string {
  if (v === undefined || v === null) return '（无）';
  if (isAmount(v)) return formatWan(v.fen);
  if (typeof v === 'string') return v || '（空）';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

export function pathLabel(path: string, key?: string): string {
  const segments = path.split('/').slice(1);
  const words = segments.map((s, i) => {
    if (i === 0) return ROOT_NAMES[s] ?? s;
    if (/^\d+$/.test(s)) return `第${Number(s) + 1}项`;
    return FIELD_NAMES[s] ?? s;
  });
  return `${words.join(' › ')}${key ? `（${key}）` : ''}`;
}

export function diffRows(entries: readonly DiffEntry[]): DiffRow[] {
  return entries
    .map((e) => ({
      path: e.path,
      label: pathLabel(e.path, e.key),
      before: showValue(e.before),
      after: showValue(e.after),
      kind: e.kind,
      magnitude:
        isAmount(e.before) || isAmount(e.after)
          ? Math.abs((isAmount(e.after) ? e.after.fen : 0) - (isAmount(e.before) ? e.before.fen : 0))
          : 0,
    }))
    .sort((a, b) => b.magnitude - a.magnitude);
}

export function diffFacts(before: Budget, after: Budget): DiffRow[] {
  return diffRows(diffBudgets(before, after));
}
