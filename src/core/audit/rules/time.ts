/**
 * Time: the year compared with is the prior fiscal year, and the same one
 * throughout; asset snapshots predate the budget year; publication within the
 * allowed days of approval; years in the text are plausible for the document.
 */
import { failed, notChecked, passed, type Rule, type RuleFinding } from '../rule.ts';
import { subjectName } from './arithmetic.ts';

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export const timeRules: Rule[] = [
  {
    id: 'time.fiscal-year',
    group: 'time',
    severity: 'error',
    title: '文件应写明所属的预算年度',
    check(ctx) {
      if (ctx.budget.fiscalYear !== null) return passed;
      return failed([{ message: '无法从文件中确定预算年度（标题中应有“××××年部门预算”）。', evidence: {} }]);
    },
  },
  {
    id: 'time.compared-year',
    group: 'time',
    severity: 'error',
    title: '与上年比较时，比较的年度应为预算年度的上一年',
    check(ctx) {
      const fy = ctx.budget.fiscalYear;
      if (fy === null) return notChecked('无法确定预算年度');
      const withYear = ctx.budget.changes
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.comparedYear !== null && c.partOf === null);
      if (!withYear.length) return notChecked('文件中的增减说明没有写明比较年度');
      return failed(
        withYear
          .filter(({ c }) => c.comparedYear !== fy - 1)
          .map(({ c, i }) => ({
            message: `${fy}年的${ctx.budget.kind === 'budget' ? '预算' : '决算'}中，${subjectName(c.subject)}与${c.comparedYear}年比较，应与${fy - 1}年比较。`,
            evidence: {
              figures: { 预算年度: String(fy), 比较年度: String(c.comparedYear) },
              arithmetic: `${fy} − 1 = ${fy - 1} ≠ ${c.comparedYear}`,
              sources: ctx.sources(`/changes/${i}`),
            },
          })),
      );
    },
  },
  {
    id: 'time.compared-years-consistent',
    group: 'time',
    severity: 'warning',
    title: '文件各处与上年比较时应使用同一比较年度',
    check(ctx) {
      const withYear = ctx.budget.changes
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.comparedYear !== null && c.partOf === null);
      if (withYear.length < 2) return notChecked('写明比较年度的增减说明少于两处');
      const years = [...new Set(withYear.map(({ c }) => c.comparedYear))];
      if (years.length === 1) return passed;
      return failed([
        {
          message: `文件中与上年比较时使用了不同的年度：${years.join('、')}。`,
          evidence: {
            detail: withYear
              .map(({ c }) => `${subjectName(c.subject)}：与${c.comparedYear}年比较`)
              .join('；'),
            sources: withYear.flatMap(({ i }) => ctx.sources(`/changes/${i}`)),
          },
        },
      ]);
    },
  },
  {
    id: 'time.asset-snapshot',
    group: 'time',
    severity: 'error',
    title: '预算中的资产数据应截至预算年度开始之前',
    check(ctx) {
      const { asOf } = ctx.budget.assets;
      const fy = ctx.budget.fiscalYear;
      if (!asOf) return notChecked('文件未写明资产数据的截止日期');
      if (fy === null) return notChecked('无法确定预算年度');
      const limit = ctx.budget.kind === 'budget' ? `${fy}-01-01` : `${fy + 1}-01-01`;
      if (asOf < limit) return passed;
      return failed([
        {
          message:
            ctx.budget.kind === 'budget'
              ? `${fy}年预算中的资产数据截至${asOf}，在预算编制时尚未到来；应为${fy - 1}年年末或更早的数据。`
              : `${fy}年决算中的资产数据截至${asOf}，晚于决算年度末。`,
          evidence: {
            figures: { 截止日期: asOf, 预算年度: String(fy) },
            arithmetic: `${asOf} ≥ ${limit}`,
            sources: ctx.sources('/assets/asOf'),
          },
        },
      ]);
    },
  },
  {
    id: 'time.publication-deadline',
    group: 'time',
    severity: 'error',
    title: '部门预算应在批复后规定天数内公开',
    check(ctx) {
      const { approved, published } = ctx.budget.dates;
      if (!approved || !published) return notChecked('文件未同时写明批复日期和公开日期');
      const days = daysBetween(approved, published);
      const limit = ctx.config.publicationDays;
      if (days < 0)
        return failed([
          {
            message: `公开日期${published}早于批复日期${approved}。`,
            evidence: { sources: ctx.sources('/dates/approved', '/dates/published') },
          },
        ]);
      if (days <= limit) return passed;
      return failed([
        {
          message: `批复后${days}天才公开，超过规定的${limit}天。`,
          evidence: {
            figures: { 批复日期: approved, 公开日期: published },
            arithmetic: `${published} − ${approved} = ${days}天 > ${limit}天`,
            sources: ctx.sources('/dates/approved', '/dates/published'),
          },
        },
      ]);
    },
  },
  {
    id: 'time.year-mentions',
    group: 'time',
    severity: 'warning',
    title: '文中提到的预算年度应与文件年度相符',
    check(ctx) {
      const fy = ctx.budget.fiscalYear;
      if (fy === null || !ctx.lines) return notChecked('无法确定预算年度或没有原文');
      const findings: RuleFinding[] = [];
      ctx.lines.forEach((l, i) => {
        for (const m of l.matchAll(/(\d{4})\s*年\s*(?:部门|单位)?\s*(?:预算|决算)(?:收入|支出|收支|安排)/g)) {
          const y = Number(m[1]);
          if (y === fy || y === fy - 1) continue;
          findings.push({
            message: `${fy}年的文件中出现“${m[0]}”，年度可能写错。`,
            evidence: { sources: [{ line: i + 1, column: m.index + 1, text: m[0], sentence: l.trim() }] },
          });
        }
      });
      return failed(findings);
    },
  },
];
