/**
 * Plausibility: 优 > 良 > 中 > 差 strictly; percentages in range; a stated
 * change whose percentage only fits the opposite direction; parts that exceed
 * the whole; negative amounts.
 */
import type { ChangeSubject, Grade } from '../../budget/budget.ts';
import type { Amount } from '../../kernel/money.ts';
import { type AuditContext, failed, notChecked, type Rule, type RuleFinding } from '../rule.ts';
import { show } from '../sums.ts';
import { subjectName } from './arithmetic.ts';

const GRADE_NAMES = ['优', '良', '中', '差'] as const;

function currentAmount(ctx: AuditContext, subject: ChangeSubject): Amount | null {
  const s = ctx.budget.stated;
  const tp = ctx.budget.threePublic;
  const map: Partial<Record<ChangeSubject, Amount | null>> = {
    total: s.expenditureTotal ?? s.revenueTotal,
    revenue: s.revenueTotal,
    expenditure: s.expenditureTotal,
    basicExpenditure: s.basicExpenditure,
    projectExpenditure: s.projectExpenditure,
    personnel: s.personnel,
    publicExpenses: s.publicExpenses,
    generalPublicBudget: s.generalPublicBudget,
    threePublicTotal: tp.total.amount,
    overseasTravel: tp.overseasTravel.amount,
    vehicleTotal: tp.vehicleTotal.amount,
    reception: tp.reception.amount,
    operatingExpenses: ctx.budget.operatingExpenses.total,
  };
  return map[subject] ?? null;
}

type Comparison = 'ge' | 'gt' | 'le' | 'lt';

/** The comparison a grade's text states: ≥98%, 不低于95%, <90%, 3天以内 … (null when it states none). */
export function comparison(text: string | undefined): Comparison | null {
  if (!text) return null;
  if (/≤|<=|以下|以内|不超过|不高于|不多于/.test(text)) return 'le';
  if (/≥|>=|以上|不低于|不少于/.test(text)) return 'ge';
  if (/<|低于|少于/.test(text)) return 'lt';
  if (/>|高于|超过|多于/.test(text)) return 'gt';
  return null;
}

/** ≥90 and <90 (or ≤ and >) meet at one boundary: equal values there are a proper split, not a tie. */
function complementary(a: Comparison | null, b: Comparison | null): boolean {
  return (
    (a === 'ge' && b === 'lt') ||
    (a === 'gt' && b === 'le') ||
    (a === 'le' && b === 'gt') ||
    (a === 'lt' && b === 'ge')
  );
}

/**
 * Whether smaller is better (a repair time, a complaint rate): read from the best grade that states a
 * comparison (差 is the complement of the others and says nothing of the direction), else from the values.
 */
export function isLowerBetter(grades: readonly (Grade | null)[]): boolean {
  for (const g of grades.slice(0, 3)) {
    const c = comparison(g?.text);
    if (c === 'le' || c === 'lt') return true;
    if (c === 'ge' || c === 'gt') return false;
  }
  const values = grades.map((g) => g?.value).filter((v): v is number => typeof v === 'number');
  const first = values[0];
  const last = values.at(-1);
  return first !== undefined && last !== undefined && first < last;
}

export const plausibilityRules: Rule[] = [
  {
    id: 'plausibility.grade-order',
    group: 'plausibility',
    severity: 'error',
    title: '绩效评价标准应严格分级：优 > 良 > 中 > 差',
    check(ctx) {
      const rows = ctx.budget.performance.activities.flatMap((a, i) =>
        a.indicators.map((ind) => ({ a, i, ind })),
      );
      const graded = rows.filter(
        ({ ind }) =>
          [ind.excellent, ind.good, ind.fair, ind.poor].filter((g) => g?.value != null).length >= 2,
      );
      if (!graded.length) return notChecked('没有带数值评价标准的绩效指标');
      const findings: RuleFinding[] = [];
      for (const { a, i, ind } of graded) {
        const grades: (Grade | null)[] = [ind.excellent, ind.good, ind.fair, ind.poor];
        const vals = grades.map((g) => g?.value ?? null);
        const lowerIsBetter = isLowerBetter(grades);
        for (let k = 0; k + 1 < vals.length; k++) {
          const x = vals[k];
          const y = vals[k + 1];
          if (x === null || x === undefined || y === null || y === undefined) continue;
          const ok =
            (lowerIsBetter ? x < y : x > y) ||
            (x === y && complementary(comparison(grades[k]?.text), comparison(grades[k + 1]?.text)));
          if (ok) continue;
          findings.push({
            message: `绩效指标“${ind.name || a.name}”的评价标准“${GRADE_NAMES[k]}”${grades[k]?.text}与“${GRADE_NAMES[k + 1]}”${grades[k + 1]?.text}${x === y ? '相同，无法区分等级' : '顺序颠倒'}。`,
            evidence: {
              figures: Object.fromEntries(GRADE_NAMES.map((n, j) => [n, grades[j]?.text ?? '未写'])),
              arithmetic: `${GRADE_NAMES[k]} ${x} ${lowerIsBetter ? '<' : '>'} ${GRADE_NAMES[k + 1]} ${y} 不成立`,
              sources: ctx.sources(`/performance/activities/${i}/indicators/0`),
            },
          });
        }
      }
      return failed(findings);
    },
  },
  {
    id: 'plausibility.percentages',
    group: 'plausibility',
    severity: 'error',
    title: '百分比应在合理范围内（比率不超过100%，下降幅度不超过100%）',
    check(ctx) {
      const findings: RuleFinding[] = [];
      let seen = 0;
      ctx.budget.performance.activities.forEach((a, i) => {
        for (const ind of a.indicators) {
          for (const g of [ind.excellent, ind.good, ind.fair, ind.poor]) {
            if (!g || g.value === null || !/%/.test(g.text)) continue;
            seen++;
            if (g.value < 0 || (g.value > 100 && /率|比例|覆盖|满意/.test(ind.name)))
              findings.push({
                message: `绩效指标“${ind.name}”的评价标准${g.text}超出0%～100%。`,
                evidence: { sources: ctx.sources(`/performance/activities/${i}/indicators/0`) },
              });
          }
        }
      });
      ctx.budget.changes.forEach((c, i) => {
        if (c.percent === null) return;
        seen++;
        if (c.direction === 'decrease' && c.percent > 100)
          findings.push({
            message: `${subjectName(c.subject)}${c.word}${c.percent}%：下降幅度不可能超过100%。`,
            evidence: { sources: ctx.sources(`/changes/${i}`) },
          });
      });
      if (!seen) return notChecked('文件中没有可核对的百分比');
      return failed(findings);
    },
  },
  {
    id: 'plausibility.change-direction',
    group: 'plausibility',
    severity: 'error',
    title: '增减方向应与增减额、增减幅度相符（减少不应写成增长）',
    check(ctx) {
      const findings: RuleFinding[] = [];
      let checked = 0;
      ctx.budget.changes.forEach((c, i) => {
        if (c.direction === 'flat') {
          if (c.amount && c.amount.fen !== 0) {
            checked++;
            findings.push({
              message: `${subjectName(c.subject)}写为“${c.word}”，却有增减额${show(c.amount)}。`,
              evidence: { sources: ctx.sources(`/changes/${i}`) },
            });
          }
          return;
        }
        if (c.amount && c.amount.fen < 0) {
          checked++;
          findings.push({
            message: `${subjectName(c.subject)}“${c.word}”${show(c.amount)}：增减额为负数，方向写反了。`,
            evidence: { sources: ctx.sources(`/changes/${i}`) },
          });
          return;
        }
        const current = c.partOf === null ? currentAmount(ctx, c.subject) : null;
        if (!c.amount || c.percent === null || !current || c.amount.fen === 0) return;
        checked++;
        const up = (c.amount.fen / (current.fen - c.amount.fen)) * 100;
        const down = (c.amount.fen / (current.fen + c.amount.fen)) * 100;
        const stated = c.direction === 'increase' ? up : down;
        const other = c.direction === 'increase' ? down : up;
        // Within the rounding of the stated percentage, or 1% of it.
        const near = (x: number) =>
          Math.abs(x - (c.percent as number)) <= Math.max(0.006, (c.percent as number) * 0.01);
        if (!near(stated) && near(other))
          findings.push({
            message: `${subjectName(c.subject)}写为“${c.word}${show(c.amount)}，${c.percent}%”，但按本年数${show(current)}计算，只有${c.direction === 'increase' ? '减少' : '增加'}才得到${c.percent}%。`,
            evidence: {
              arithmetic: `${c.direction === 'increase' ? '增长' : '下降'}：${show(c.amount)} ÷ 上年数 = ${stated.toFixed(2)}%；反向：${other.toFixed(2)}%`,
              sources: ctx.sources(`/changes/${i}`),
            },
          });
      });
      if (!checked) return notChecked('没有可以核对方向的增减说明（需要增减额、幅度和本年数）');
      return failed(findings);
    },
  },
  {
    id: 'plausibility.parts-within-total',
    group: 'plausibility',
    severity: 'error',
    title: '各项支出（人员、公用、项目、“三公”、机关运行经费、政府采购）不应超过支出总额',
    check(ctx) {
      const s = ctx.budget.stated;
      const total = s.expenditureTotal ?? ctx.tables.expenditureTotal?.amount ?? null;
      if (!total) return notChecked('文件未说明支出总额');
      const parts: [string, Amount | null, string][] = [
        ['人员经费', s.personnel, '/stated/personnel'],
        ['公用经费', s.publicExpenses, '/stated/publicExpenses'],
        ['项目支出', s.projectExpenditure, '/stated/projectExpenditure'],
        ['基本支出', s.basicExpenditure, '/stated/basicExpenditure'],
        ['“三公”经费', ctx.budget.threePublic.total.amount, '/threePublic/total/amount'],
        ['机关运行经费', ctx.budget.operatingExpenses.total, '/operatingExpenses/total'],
        ['政府采购预算', ctx.budget.procurement.total, '/procurement/total'],
      ];
      return failed(
        parts
          .filter(([, a]) => a && a.fen - total.fen > a.precision / 2 + total.precision / 2)
          .map(([name, a, path]) => ({
            message: `${name}${show(a as Amount)}超过支出总额${show(total)}。`,
            evidence: {
              arithmetic: `${show(a as Amount)} > ${show(total)}`,
              sources: ctx.sources(path, '/stated/expenditureTotal'),
            },
          })),
      );
    },
  },
  {
    id: 'plausibility.negative-amounts',
    group: 'plausibility',
    severity: 'warning',
    title: '预算金额不应为负数',
    check(ctx) {
      const findings: RuleFinding[] = [];
      for (const [k, v] of Object.entries(ctx.budget.stated))
        if (v && v.fen < 0)
          findings.push({
            message: `${k}为负数：${show(v)}。`,
            evidence: { sources: ctx.sources(`/stated/${k}`) },
          });
      for (const t of ctx.budget.tables)
        for (const r of t.rows)
          for (const [col, v] of Object.entries(r.cells))
            if (v.fen < 0)
              findings.push({
                message: `表格“${t.title}”第${r.line}行${r.label}的${col}为负数：${show(v)}。`,
                evidence: { sources: [{ line: r.line, column: 1, text: r.label, sentence: t.title }] },
              });
      return failed(findings);
    },
  },
];
