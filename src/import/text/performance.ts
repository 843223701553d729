/**
 * Performance information: overall targets, per-duty targets, and the activity
 * table (职责活动, 年度预算数, 内容描述, 绩效目标, 绩效指标, 优/良/中/差).
 */
import type {
  Grade,
  Indicator,
  Performance,
  PerformanceActivity,
  Section,
  StatedTable,
} from '../../core/budget/budget.ts';
import type { MoneyUnit } from '../../core/kernel/money.ts';
import { parseCellNumber } from './amounts.ts';
import { refFromLine, type SourceRef } from './provenance.ts';
import type { SourceLine } from './source-lines.ts';

const GRADE_TOKEN = /^(?:[≥≤><=]*\s*-?\d+(?:\.\d+)?\s*%?|优|良|中|差|好|较好|一般|较差|[≥≤><]\s*\d+.*)$/;

export function gradeOf(text: string): Grade {
  const m = /(-?\d+(?:\.\d+)?)/.exec(text);
  return { text, value: m ? Number(m[1]) : null };
}

function cellsOf(line: string): string[] {
  const t = line.replace(/\s+$/, '');
  return (t.includes('\t') ? t.split('\t') : t.trim().split(/\s{2,}/)).map((c) => c.trim());
}

export function readPerformanceTable(
  lines: readonly SourceLine[],
  table: StatedTable,
): { activities: PerformanceActivity[]; refs: Record<string, SourceRef> } {
  const unit: MoneyUnit = table.unit ?? '万元';
  const activities: PerformanceActivity[] = [];
  const refs: Record<string, SourceRef> = {};
  for (const l of lines.slice(table.line, table.endLine)) {
    const cells = cellsOf(l.text).filter((c) => c !== '');
    if (cells.length < 3) continue;
    // Grades: the trailing run of up to four threshold-like cells.
    let g = cells.length;
    while (g > 0 && cells.length - g < 4 && GRADE_TOKEN.test(cells[g - 1] as string)) g--;
    const grades = cells.slice(g);
    const rest = cells.slice(0, g);
    const budgetAt = rest.findIndex((c, i) => i > 0 && parseCellNumber(c, unit) !== null);
    const name = rest[0] ?? '';
    if (!/[\u4e00-\u9fff]/.test(name) || /职责活动|项目名称|年度预算|评价标准|单位[:：]/.test(name)) continue;
    // Thresholds are numbers (95%); a header row of 优 良 中 差 is not an activity.
    const numericGrades = grades.filter((g) => /\d/.test(g)).length;
    if (budgetAt < 0 && numericGrades < 2) continue;
    if (numericGrades === 0 && grades.length > 0) continue;
    const annualBudget = budgetAt >= 0 ? parseCellNumber(rest[budgetAt] as string, unit) : null;
    const after = budgetAt >= 0 ? rest.slice(budgetAt + 1) : rest.slice(1);
    const indicatorName = after.length >= 1 ? (after[after.length - 1] as string) : '';
    const goal = after.length >= 2 ? (after[after.length - 2] as string) : '';
    const description = after.slice(0, Math.max(0, after.length - 2)).join(' ');
    const indicator: Indicator = {
      name: indicatorName,
      excellent: grades[0] !== undefined ? gradeOf(grades[0]) : null,
      good: grades[1] !== undefined ? gradeOf(grades[1]) : null,
      fair: grades[2] !== undefined ? gradeOf(grades[2]) : null,
      poor: grades[3] !== undefined ? gradeOf(grades[3]) : null,
    };
    const index = activities.length;
    activities.push({
      name: name.replace(/\s+/g, ''),
      annualBudget,
      description,
      goal,
      indicators: [indicator],
    });
    const budgetCell = budgetAt >= 0 ? (rest[budgetAt] as string) : null;
    if (budgetCell) {
      const col = l.text.indexOf(budgetCell, l.text.indexOf(rest[0] as string) + (rest[0] as string).length);
      refs[`/performance/activities/${index}/annualBudget`] = refFromLine(
        l,
        Math.max(0, col),
        budgetCell.length,
      );
    }
    if (grades.length) {
      const col = l.text.lastIndexOf(grades[0] as string);
      refs[`/performance/activities/${index}/indicators/0`] = refFromLine(
        l,
        Math.max(0, col),
        l.text.length - col,
      );
    }
  }
  return { activities, refs };
}

/** Overall and per-duty targets from the performance section's text. */
export function readPerformanceText(
  lines: readonly SourceLine[],
  sections: readonly Section[],
): Pick<Performance, 'overall' | 'dutyTargets'> {
  const overall: string[] = [];
  const dutyTargets: Performance['dutyTargets'] = [];
  for (const s of sections.filter((x) => x.kind === 'performance')) {
    let inOverall = false;
    for (const l of lines.slice(s.line, s.endLine)) {
      const t = l.text.trim().replace(/^[-*•·]\s*/, '');
      if (!t) continue;
      if (/^总体绩效目标/.test(t)) {
        inOverall = true;
        const after = t.replace(/^总体绩效目标\s*[:：]?\s*/, '');
        if (after) overall.push(after);
        continue;
      }
      let m = /^部门职责\s*[:：]\s*(.+)$/.exec(t);
      if (m) {
        inOverall = false;
        dutyTargets.push({ duty: (m[1] as string).trim(), target: '', activityTarget: '' });
        continue;
      }
      m = /^部门职责绩效目标\s*[:：]\s*(.+)$/.exec(t);
      if (m) {
        inOverall = false;
        const last = dutyTargets[dutyTargets.length - 1];
        if (last && !last.target) last.target = (m[1] as string).trim();
        else dutyTargets.push({ duty: '', target: (m[1] as string).trim(), activityTarget: '' });
        continue;
      }
      m = /^工作活动绩效目标\s*[:：]\s*(.+)$/.exec(t);
      if (m) {
        const last = dutyTargets[dutyTargets.length - 1];
        if (last) last.activityTarget = (m[1] as string).trim();
        continue;
      }
      if (/^部门职责/.test(t)) inOverall = false;
      if (inOverall && /^(?:[一二三四五六七八九十]+[、.]|\d+[、.])/.test(t)) overall.push(t);
    }
  }
  return { overall, dutyTargets };
}
