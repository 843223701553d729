/**
 * Cross-section: what one part of a disclosure says against another: text
 * against tables, basic = personnel + public, performance budgets against
 * project expenditure, "三公" vehicle operation against the 机关运行经费 line,
 * assets in the text against the asset table.
 */

import { FIGURE_NAMES } from '../../budget/names.ts';
import { textFigures } from '../../budget/summary.ts';
import type { FigureKey } from '../../budget/table-figures.ts';
import { type Amount, roundingError } from '../../kernel/money.ts';
import { failed, notChecked, passed, type Rule, type RuleFinding } from '../rule.ts';
import { checkSum, show } from '../sums.ts';
import { sumFinding } from './arithmetic.ts';
import { type Figure, figure, figuresEvidence, sourcesOf, tableSource } from './helpers.ts';

const TEXT_PATHS: Partial<Record<FigureKey, string>> = {
  revenueTotal: '/stated/revenueTotal',
  expenditureTotal: '/stated/expenditureTotal',
  generalPublicBudget: '/stated/generalPublicBudget',
  basicExpenditure: '/stated/basicExpenditure',
  personnel: '/stated/personnel',
  publicExpenses: '/stated/publicExpenses',
  projectExpenditure: '/stated/projectExpenditure',
  threePublicTotal: '/threePublic/total/amount',
  overseasTravel: '/threePublic/overseasTravel/amount',
  vehicleTotal: '/threePublic/vehicleTotal/amount',
  vehiclePurchase: '/threePublic/vehiclePurchase/amount',
  vehicleOperation: '/threePublic/vehicleOperation/amount',
  reception: '/threePublic/reception/amount',
  operatingExpenses: '/operatingExpenses/total',
  procurementTotal: '/procurement/total',
};

/** A no-greater-than check with rounding tolerance: is `part` ≤ `whole`? */
function exceeds(part: Amount, whole: Amount, absoluteFen: number): boolean {
  return part.fen - whole.fen > roundingError(part) + roundingError(whole) + absoluteFen;
}

export const crossSectionRules: Rule[] = [
  {
    id: 'cross.text-vs-tables',
    group: 'crossSection',
    severity: 'error',
    title: '正文所述金额应与表格一致',
    check(ctx) {
      const text = textFigures(ctx.budget);
      const findings: RuleFinding[] = [];
      let compared = 0;
      for (const key of Object.keys(TEXT_PATHS) as FigureKey[]) {
        const t = ctx.tables[key];
        const path = TEXT_PATHS[key] as string;
        const amount = text[key] === null ? null : amountAt(ctx.budget, key);
        if (!t || !amount) continue;
        compared++;
        const f = sumFinding(
          ctx,
          [
            {
              label: `表格“${t.title}”中的${FIGURE_NAMES[key]}`,
              amount: t.amount,
              sources: [tableSource(t.title, t.line, t.label)],
            },
          ],
          { label: `正文中的${FIGURE_NAMES[key]}`, amount, sources: ctx.sources(path) },
          `${FIGURE_NAMES[key]}`,
        );
        if (f && f.severity !== 'info') findings.push(f);
      }
      if (!compared) return notChecked('正文和表格没有可以相互核对的金额（可能缺少标准表格）');
      return failed(findings);
    },
  },
  {
    id: 'cross.basic-equals-personnel-plus-public',
    group: 'crossSection',
    severity: 'error',
    title: '基本支出应等于人员经费与公用经费之和',
    check(ctx) {
      const s = ctx.budget.stated;
      const t = ctx.tables;
      const pick = (label: string, text: Amount | null, path: string, key: FigureKey): Figure | null =>
        figure(ctx, label, text, path) ??
        (t[key]
          ? {
              label,
              amount: (t[key] as { amount: Amount }).amount,
              sources: [tableSource(t[key]?.title ?? '', t[key]?.line ?? 0, t[key]?.label ?? '')],
            }
          : null);
      const basic = pick('基本支出', s.basicExpenditure, '/stated/basicExpenditure', 'basicExpenditure');
      const personnel = pick('人员经费', s.personnel, '/stated/personnel', 'personnel');
      const pub = pick('公用经费', s.publicExpenses, '/stated/publicExpenses', 'publicExpenses');
      if (!basic) return notChecked('文件未说明基本支出');
      if (!personnel || !pub) return notChecked('文件未同时说明人员经费和公用经费');
      const f = sumFinding(ctx, [personnel, pub], basic, '基本支出构成');
      return f ? failed([f]) : passed;
    },
  },
  {
    id: 'cross.performance-within-project',
    group: 'crossSection',
    severity: 'error',
    title: '绩效目标表中各活动的年度预算之和不应超过项目支出',
    check(ctx) {
      const acts = ctx.budget.performance.activities.filter((a) => a.annualBudget);
      if (!acts.length) return notChecked('绩效目标表没有列出年度预算数');
      const project =
        figure(ctx, '项目支出', ctx.budget.stated.projectExpenditure, '/stated/projectExpenditure') ??
        (ctx.tables.projectExpenditure
          ? { label: '项目支出', amount: ctx.tables.projectExpenditure.amount, sources: [] }
          : null);
      if (!project) return notChecked('文件未说明项目支出');
      const parts: Figure[] = acts.map((a) => ({
        label: a.name,
        amount: a.annualBudget as Amount,
        sources: ctx.sources(
          `/performance/activities/${ctx.budget.performance.activities.indexOf(a)}/annualBudget`,
        ),
      }));
      const c = checkSum(
        parts.map((p) => p.amount),
        project.amount,
        ctx.config.tolerance,
      );
      if (c.sum - project.amount.fen <= c.tolerance) return passed;
      return failed([
        {
          message: `绩效目标表中各活动的年度预算合计${show({ fen: c.sum, precision: project.amount.precision })}，超过项目支出${show(project.amount)}。`,
          evidence: {
            figures: figuresEvidence(...parts, project),
            arithmetic: `${c.arithmetic.replace(/[=≈≠] [^=≈≠]*$/, '')}> ${show(project.amount)}`,
            sources: sourcesOf(...parts, project),
          },
        },
      ]);
    },
  },
  {
    id: 'cross.vehicle-operation-vs-operating-expenses',
    group: 'crossSection',
    severity: 'warning',
    title: '“三公”经费中的公务用车运行费应与机关运行经费中的公务用车运行维护费相符',
    check(ctx) {
      const items = ctx.budget.operatingExpenses.items;
      const idx = items.findIndex((i) => /公务用车运[行维]|车辆运行/.test(i.name));
      if (idx < 0) return notChecked('机关运行经费未列出公务用车运行维护费');
      // With expenditure lines, the vehicle money from basic and project funds together is known.
      const vehicleLines = ctx.budget.expenditureLines.filter((l) => l.economicCode === '30231');
      const fromLines = vehicleLines.some((l) => l.kind === 'project')
        ? vehicleLines.reduce((s, l) => s + l.amount.fen, 0)
        : null;
      const line = figure(
        ctx,
        `机关运行经费中的${(items[idx] as { name: string }).name}`,
        (items[idx] as { amount: Amount }).amount,
        `/operatingExpenses/items/${idx}/amount`,
      ) as Figure;
      const tp = ctx.budget.threePublic;
      let op = figure(
        ctx,
        '“三公”经费中的公务用车运行费',
        tp.vehicleOperation.amount,
        '/threePublic/vehicleOperation/amount',
      );
      let how = '';
      if (!op && tp.vehicleTotal.amount && tp.vehiclePurchase.amount) {
        op = figure(
          ctx,
          '“三公”经费中的公务用车运行费（购置及运行费减购置费）',
          {
            fen: tp.vehicleTotal.amount.fen - tp.vehiclePurchase.amount.fen,
            precision: Math.max(tp.vehicleTotal.amount.precision, tp.vehiclePurchase.amount.precision),
          },
          '/threePublic/vehicleTotal/amount',
          '/threePublic/vehiclePurchase/amount',
        );
      }
      if (
        !op &&
        tp.vehicleTotal.amount &&
        tp.vehicleUse &&
        /运/.test(tp.vehicleUse) &&
        !/购置/.test(tp.vehicleUse)
      ) {
        op = figure(
          ctx,
          '“三公”经费中的公务用车购置及运行费（文件称用于运行）',
          tp.vehicleTotal.amount,
          '/threePublic/vehicleTotal/amount',
        );
        how = `文件称公务用车经费“用于${tp.vehicleUse}”。`;
      }
      if (!op) return notChecked('“三公”经费未说明公务用车运行费');
      const c = checkSum([line.amount], op.amount, ctx.config.tolerance);
      if (c.verdict === 'exact' || c.verdict === 'rounding') return passed;
      if (fromLines !== null && fromLines === op.amount.fen) return passed;
      // The document may say the difference is paid from project funds ("0.5万元在项目支出中安排").
      const difference = op.amount.fen - line.amount.fen;
      // Lines joined, as the sentence may wrap (PDF text).
      const text = (ctx.lines ?? []).map((l) => l.trim()).join('');
      const stated = [...text.matchAll(/(\d+(?:\.\d+)?)\s*万元\s*(?:在|由)项目支出(?:中)?安排/g)].some(
        (m) => Math.abs(Math.round(Number(m[1]) * 1_000_000) - difference) <= 5_000,
      );
      if (difference > 0 && stated) return passed;
      const lower = op.amount.fen < line.amount.fen;
      return failed([
        {
          severity: lower ? 'error' : 'warning',
          message: lower
            ? `“三公”经费中的公务用车运行费${show(op.amount)}少于机关运行经费中的${show(line.amount)}，前者应包含后者。`
            : `“三公”经费中的公务用车运行费${show(op.amount)}与机关运行经费中的公务用车运行维护费${show(line.amount)}不一致；如差额由项目支出安排，应在文中说明。${how}`,
          evidence: {
            figures: figuresEvidence(op, line),
            arithmetic: `${show(op.amount)} ≠ ${show(line.amount)}`,
            sources: sourcesOf(op, line),
          },
        },
      ]);
    },
  },
  {
    id: 'cross.assets-text-vs-table',
    group: 'crossSection',
    severity: 'error',
    title: '正文所述国有资产总额应与资产占用情况表一致',
    check(ctx) {
      const a = ctx.budget.assets;
      const text = figure(ctx, '正文中的国有资产总额', a.total, '/assets/total');
      if (!text) return notChecked('正文未说明国有资产总额');
      const findings: RuleFinding[] = [];
      const table = ctx.budget.tables.find((t) => t.kind === 'assets');
      if (a.tableTotal && table) {
        const f = sumFinding(
          ctx,
          [
            {
              label: `“${table.title}”的资产总额`,
              amount: a.tableTotal,
              sources: [{ line: table.line, column: 1, text: table.title, sentence: table.title }],
            },
          ],
          text,
          '国有资产总额',
        );
        if (f && f.severity !== 'info') findings.push(f);
      }
      if (a.statedNone && text.amount.fen > 0)
        findings.push({
          message: `正文称国有资产总额${show(text.amount)}，但又称无固定资产占用情况（空表列示）。`,
          evidence: {
            figures: figuresEvidence(text),
            sources: text.sources,
            detail: '“无固定资产”与资产总额大于零相矛盾',
          },
        });
      if (!table && !a.statedNone) return notChecked('没有资产占用情况表可供核对');
      return failed(findings);
    },
  },
  {
    id: 'cross.operating-within-public-expenses',
    group: 'crossSection',
    severity: 'warning',
    title: '机关运行经费不应超过基本支出中的公用经费',
    check(ctx) {
      const op = figure(ctx, '机关运行经费', ctx.budget.operatingExpenses.total, '/operatingExpenses/total');
      const pub =
        figure(ctx, '公用经费', ctx.budget.stated.publicExpenses, '/stated/publicExpenses') ??
        (ctx.tables.publicExpenses
          ? { label: '公用经费', amount: ctx.tables.publicExpenses.amount, sources: [] }
          : null);
      if (!op || !pub) return notChecked('文件未同时说明机关运行经费和公用经费');
      if (!exceeds(op.amount, pub.amount, ctx.config.tolerance.absoluteFen)) return passed;
      return failed([
        {
          message: `机关运行经费${show(op.amount)}超过公用经费${show(pub.amount)}。`,
          evidence: {
            figures: figuresEvidence(op, pub),
            arithmetic: `${show(op.amount)} > ${show(pub.amount)}`,
            sources: sourcesOf(op, pub),
          },
        },
      ]);
    },
  },
  {
    id: 'cross.general-budget-within-revenue',
    group: 'crossSection',
    severity: 'error',
    title: '一般公共预算拨款不应超过收入总额',
    check(ctx) {
      const g = figure(
        ctx,
        '一般公共预算拨款',
        ctx.budget.stated.generalPublicBudget,
        '/stated/generalPublicBudget',
      );
      const r = figure(ctx, '收入总额', ctx.budget.stated.revenueTotal, '/stated/revenueTotal');
      if (!g || !r) return notChecked('文件未同时说明一般公共预算拨款和收入总额');
      if (!exceeds(g.amount, r.amount, ctx.config.tolerance.absoluteFen)) return passed;
      return failed([
        {
          message: `一般公共预算拨款${show(g.amount)}超过收入总额${show(r.amount)}。`,
          evidence: {
            figures: figuresEvidence(g, r),
            arithmetic: `${show(g.amount)} > ${show(r.amount)}`,
            sources: sourcesOf(g, r),
          },
        },
      ]);
    },
  },
  {
    id: 'cross.asset-changes',
    group: 'crossSection',
    severity: 'warning',
    title: '资产增加额应等于所列新增资产价值之和，固定资产不应超过资产总额',
    check(ctx) {
      const a = ctx.budget.assets;
      const findings: RuleFinding[] = [];
      let checked = false;
      const total = figure(ctx, '国有资产总额', a.total, '/assets/total');
      const fixed = figure(ctx, '固定资产', a.fixed, '/assets/fixed');
      if (total && fixed) {
        checked = true;
        if (exceeds(fixed.amount, total.amount, 0))
          findings.push({
            severity: 'error',
            message: `固定资产${show(fixed.amount)}超过国有资产总额${show(total.amount)}。`,
            evidence: { figures: figuresEvidence(fixed, total), sources: sourcesOf(fixed, total) },
          });
      }
      const change = a.change
        ? { label: '资产增加额', amount: a.change, sources: [] as Figure['sources'] }
        : null;
      const items = a.changes.filter((c) => c.amount);
      if (change && items.length) {
        checked = true;
        const f = sumFinding(
          ctx,
          items.map((c, i) => ({
            label: c.item,
            amount: c.amount as Amount,
            sources: ctx.sources(`/assets/changes/${i}/amount`),
          })),
          change,
          '新增资产',
          'warning',
        );
        if (f && f.severity !== 'info') findings.push(f);
      }
      if (!checked) return notChecked('文件未同时说明资产总额与固定资产，或资产增加额与明细');
      return failed(findings);
    },
  },
];

function amountAt(b: Parameters<typeof textFigures>[0], key: FigureKey): Amount | null {
  const tp = b.threePublic;
  const map: Partial<Record<FigureKey, Amount | null>> = {
    revenueTotal: b.stated.revenueTotal,
    expenditureTotal: b.stated.expenditureTotal,
    generalPublicBudget: b.stated.generalPublicBudget,
    basicExpenditure: b.stated.basicExpenditure,
    personnel: b.stated.personnel,
    publicExpenses: b.stated.publicExpenses,
    projectExpenditure: b.stated.projectExpenditure,
    threePublicTotal: tp.total.amount,
    overseasTravel: tp.overseasTravel.amount,
    vehicleTotal: tp.vehicleTotal.amount,
    vehiclePurchase: tp.vehiclePurchase.amount,
    vehicleOperation: tp.vehicleOperation.amount,
    reception: tp.reception.amount,
    operatingExpenses: b.operatingExpenses.total,
    procurementTotal: b.procurement.total,
  };
  return map[key] ?? null;
}
