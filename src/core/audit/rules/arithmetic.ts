/**
 * Arithmetic: totals equal the sum of their parts, with a tolerance derived from
 * the precision each figure was stated at (see ../sums.ts), so rounding is told
 * apart from a real difference.
 */
import type { ChangeSubject, StatedTable, TableRow } from '../../budget/budget.ts';
import { CHANGE_SUBJECT_NAMES, REVENUE_SOURCE_NAMES } from '../../budget/names.ts';
import type { Amount } from '../../kernel/money.ts';
import {
  type AuditContext,
  failed,
  notChecked,
  passed,
  type Rule,
  type RuleFinding,
  type Severity,
} from '../rule.ts';
import { checkSum, showDifference } from '../sums.ts';
import { type Figure, figure, figuresEvidence, sourcesOf, tableSource } from './helpers.ts';

/** One finding for a total against its parts, or none when they agree exactly. */
export function sumFinding(
  ctx: AuditContext,
  parts: readonly Figure[],
  total: Figure,
  what: string,
  severity: Severity = 'error',
): RuleFinding | null {
  const c = checkSum(
    parts.map((p) => p.amount),
    total.amount,
    ctx.config.tolerance,
  );
  if (c.verdict === 'exact') return null;
  const names =
    parts.length === 1 ? (parts[0] as Figure).label : `${parts.map((p) => p.label).join(' + ')} 之和`;
  const evidence = {
    figures: figuresEvidence(...parts, total),
    arithmetic: c.arithmetic,
    sources: sourcesOf(...parts, total),
  };
  const diff = showDifference(c, total.amount);
  if (c.verdict === 'rounding')
    return {
      severity: 'info',
      message: `${what}：${names} 与${total.label}相差${diff}，属于舍入误差，不是错误。`,
      evidence: { ...evidence, detail: '按合计数所述精度舍入后相等' },
    };
  if (c.verdict === 'withinPartsRounding')
    return {
      severity: severity === 'error' ? 'warning' : severity,
      message: `${what}：${names}与${total.label}不符，相差${diff}（按所写数字不相等；差额可能源于分项的舍入）。`,
      evidence: { ...evidence, detail: '按合计数所述精度不相等；分项所述精度较低' },
    };
  return {
    message: `${what}：${names}与${total.label}不符，相差${diff}。`,
    evidence,
  };
}

function sumRule(
  id: string,
  title: string,
  severity: Severity,
  pick: (ctx: AuditContext) => { parts: (Figure | null)[]; total: Figure | null; what: string } | string,
): Rule {
  return {
    id,
    group: 'arithmetic',
    severity,
    title,
    check(ctx) {
      const p = pick(ctx);
      if (typeof p === 'string') return notChecked(p);
      if (!p.total) return notChecked(`文件未说明${p.what}的合计数`);
      const parts = p.parts.filter((x): x is Figure => x !== null);
      if (parts.length < p.parts.length || parts.length === 0)
        return notChecked(`文件未说明${p.what}的全部分项`);
      const f = sumFinding(ctx, parts, p.total, p.what, severity);
      return f ? failed([f]) : passed;
    },
  };
}

const TOTAL_ROW = /^(?:合\s*计|总\s*计)$/;

/** Tables whose rows carry classification codes and split columns. */
const CLASSIFIED_TABLES = new Set<StatedTable['kind']>([
  'expenditureSummary',
  'generalBudgetByFunction',
  'generalBudgetBasicByEconomic',
  'governmentFund',
  'stateCapital',
]);

/** One check of a table: null when it holds, else the finding. */
type Check = RuleFinding | null;

function rowFigure(t: StatedTable, r: TableRow, column: string, label = `${r.code ?? ''}${r.label}`): Figure {
  return { label, amount: r.cells[column] as Amount, sources: [tableSource(t.title, r.line, r.label)] };
}

/** Class = Σ 款, 款 = Σ 项, 合计 = Σ 类. */
function hierarchyChecks(ctx: AuditContext, t: StatedTable, column: string): Check[] {
  // A row whose total column was misread still has its total: the largest of its amounts.
  const withTotal = (r: TableRow): TableRow => {
    if (r.cells[column] || column !== 'total') return r;
    const values = Object.values(r.cells);
    if (!values.length) return r;
    const largest = values.reduce((a, b) => (b.fen > a.fen ? b : a));
    return { ...r, cells: { ...r.cells, total: largest } };
  };
  const coded = t.rows.map(withTotal).filter((r) => r.code && r.cells[column]);
  const checks: Check[] = [];
  for (const parent of coded) {
    const code = parent.code as string;
    if (code.length >= 7) continue;
    const children = coded.filter((r) => r.code?.length === code.length + 2 && r.code.startsWith(code));
    if (!children.length) continue;
    checks.push(
      hierarchyCheck(
        ctx,
        children.map((r) => rowFigure(t, r, column)),
        rowFigure(t, parent, column),
        `“${t.title}”中${code}${parent.label}`,
      ),
    );
  }
  const total = t.rows.find((r) => TOTAL_ROW.test(r.label.replace(/\s+/g, '')) && r.cells[column]);
  const classes = coded.filter((r) => r.code?.length === 3);
  if (total && classes.length)
    checks.push(
      hierarchyCheck(
        ctx,
        classes.map((r) => rowFigure(t, r, column)),
        rowFigure(t, total, column, '合计'),
        `“${t.title}”的合计`,
      ),
    );
  return checks;
}

/** Parts short of their total may be rows this reading missed (page breaks): a warning, not an error. */
function hierarchyCheck(ctx: AuditContext, parts: Figure[], total: Figure, what: string): Check {
  const f = sumFinding(ctx, parts, total, what);
  const short = parts.reduce((sum, p) => sum + p.amount.fen, 0) < total.amount.fen;
  return f && short && f.severity === undefined
    ? { ...f, severity: 'warning', message: `${f.message}可能有下级科目未列出或未能识别。` }
    : f;
}

const COLUMN_NAMES: Record<string, string> = {
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  publicExpenses: '公用经费',
};

/** Each row's 合计 = basic + project (or personnel + public), where both parts are printed. */
function rowColumnChecks(ctx: AuditContext, t: StatedTable): Check[] {
  const checks: Check[] = [];
  for (const r of t.rows) {
    if (!r.cells.total || !(r.code || TOTAL_ROW.test(r.label.replace(/\s+/g, '')))) continue;
    for (const [a, b] of [
      ['basic', 'project'],
      ['personnel', 'publicExpenses'],
    ] as const) {
      if (!r.cells[a] || !r.cells[b]) continue;
      checks.push(
        sumFinding(
          ctx,
          [rowFigure(t, r, a, COLUMN_NAMES[a]), rowFigure(t, r, b, COLUMN_NAMES[b])],
          rowFigure(t, r, 'total', '本行合计'),
          `“${t.title}”第${r.line}行${r.code ?? ''}${r.label}`,
        ),
      );
    }
  }
  return checks;
}

/**
 * Table checks are only as good as the reading of the table's layout. When a
 * third or more of a table's checks fail, the layout was most likely misread:
 * say so once instead of reporting each row as the document's error.
 */
function trusted(t: StatedTable, checks: Check[]): RuleFinding[] {
  const failures = checks.filter((c): c is RuleFinding => c !== null && c.severity !== 'info');
  if (failures.length >= 2 && failures.length * 3 >= checks.length)
    return [
      {
        severity: 'info',
        message: `表格“${t.title}”的版式未能可靠识别（${checks.length}处核对中${failures.length}处不符），未逐行核对，请人工复核。`,
        evidence: { sources: [tableSource(t.title, t.line, t.title)] },
      },
    ];
  return failures;
}

export const arithmeticRules: Rule[] = [
  sumRule(
    'arithmetic.expenditure-parts',
    '支出总额应等于人员经费、公用经费与项目支出之和',
    'error',
    (ctx) => {
      const s = ctx.budget.stated;
      return {
        parts: [
          figure(ctx, '人员经费', s.personnel, '/stated/personnel'),
          figure(ctx, '公用经费', s.publicExpenses, '/stated/publicExpenses'),
          figure(ctx, '项目支出', s.projectExpenditure, '/stated/projectExpenditure'),
        ],
        total: figure(ctx, '支出总额', s.expenditureTotal, '/stated/expenditureTotal'),
        what: '支出构成',
      };
    },
  ),
  sumRule('arithmetic.basic-plus-project', '支出总额应等于基本支出与项目支出之和', 'error', (ctx) => {
    const s = ctx.budget.stated;
    return {
      parts: [
        figure(ctx, '基本支出', s.basicExpenditure, '/stated/basicExpenditure'),
        figure(ctx, '项目支出', s.projectExpenditure, '/stated/projectExpenditure'),
      ],
      total: figure(ctx, '支出总额', s.expenditureTotal, '/stated/expenditureTotal'),
      what: '基本支出与项目支出',
    };
  }),
  {
    id: 'arithmetic.revenue-equals-expenditure',
    group: 'arithmetic',
    severity: 'warning',
    title: '部门预算收支应平衡：收入总额等于支出总额',
    check(ctx) {
      if (ctx.budget.kind !== 'budget') return notChecked('决算不要求收支相等');
      const s = ctx.budget.stated;
      const rev = figure(ctx, '收入总额', s.revenueTotal, '/stated/revenueTotal');
      const exp = figure(ctx, '支出总额', s.expenditureTotal, '/stated/expenditureTotal');
      if (!rev || !exp) return notChecked('文件未同时说明收入总额和支出总额');
      const f = sumFinding(ctx, [exp], rev, '收支平衡', 'warning');
      return f ? failed([f]) : passed;
    },
  },
  sumRule('arithmetic.revenue-sources', '收入总额应等于各项收入之和', 'error', (ctx) => {
    const lines = ctx.budget.revenue;
    if (!lines.length) return '文件未分项说明收入来源';
    return {
      parts: lines.map((l, i) =>
        figure(ctx, REVENUE_SOURCE_NAMES[l.source], l.amount, `/revenue/${i}/amount`),
      ),
      total: figure(ctx, '收入总额', ctx.budget.stated.revenueTotal, '/stated/revenueTotal'),
      what: '收入构成',
    };
  }),
  sumRule('arithmetic.operating-expenses-items', '机关运行经费应等于其各明细之和', 'error', (ctx) => {
    const o = ctx.budget.operatingExpenses;
    if (!o.items.length) return '文件未列出机关运行经费的明细';
    return {
      parts: o.items.map((it, i) => figure(ctx, it.name, it.amount, `/operatingExpenses/items/${i}/amount`)),
      total: figure(ctx, '机关运行经费', o.total, '/operatingExpenses/total'),
      what: '机关运行经费明细',
    };
  }),
  sumRule('arithmetic.three-public-items', '“三公”经费合计应等于三项之和', 'error', (ctx) => {
    const tp = ctx.budget.threePublic;
    const vehicles =
      tp.vehicleTotal.amount ??
      (tp.vehiclePurchase.amount && tp.vehicleOperation.amount
        ? {
            fen: tp.vehiclePurchase.amount.fen + tp.vehicleOperation.amount.fen,
            precision: Math.max(tp.vehiclePurchase.amount.precision, tp.vehicleOperation.amount.precision),
          }
        : null);
    return {
      parts: [
        figure(ctx, '因公出国（境）费', tp.overseasTravel.amount, '/threePublic/overseasTravel/amount'),
        figure(ctx, '公务用车购置及运行费', vehicles, '/threePublic/vehicleTotal/amount'),
        figure(ctx, '公务接待费', tp.reception.amount, '/threePublic/reception/amount'),
      ],
      total: figure(ctx, '“三公”经费合计', tp.total.amount, '/threePublic/total/amount'),
      what: '“三公”经费',
    };
  }),
  sumRule('arithmetic.vehicle-items', '公务用车购置及运行费应等于购置费与运行费之和', 'error', (ctx) => {
    const tp = ctx.budget.threePublic;
    return {
      parts: [
        figure(ctx, '公务用车购置费', tp.vehiclePurchase.amount, '/threePublic/vehiclePurchase/amount'),
        figure(ctx, '公务用车运行费', tp.vehicleOperation.amount, '/threePublic/vehicleOperation/amount'),
      ],
      total: figure(ctx, '公务用车购置及运行费', tp.vehicleTotal.amount, '/threePublic/vehicleTotal/amount'),
      what: '公务用车购置及运行费',
    };
  }),
  {
    id: 'arithmetic.change-breakdown',
    group: 'arithmetic',
    severity: 'error',
    title: '增减额的分项（“其中”）之和应等于总增减额',
    check(ctx) {
      const parents = ctx.budget.changes
        .map((c, i) => ({ c, i }))
        .filter(({ i }) => ctx.budget.changes.some((x) => x.partOf === i));
      if (!parents.length) return notChecked('文件没有分项说明的增减额');
      const findings: RuleFinding[] = [];
      for (const { c, i } of parents) {
        const parts = ctx.budget.changes.map((x, j) => ({ x, j })).filter(({ x }) => x.partOf === i);
        if (!c.amount || parts.some(({ x }) => !x.amount)) continue;
        const signed = (a: Amount, dir: string): Amount => ({
          ...a,
          fen: dir === 'decrease' ? -a.fen : a.fen,
        });
        const total: Figure = {
          label: `总${c.direction === 'decrease' ? '减少' : '增加'}额`,
          amount: signed(c.amount, c.direction),
          sources: ctx.sources(`/changes/${i}`),
        };
        const figs: Figure[] = parts.map(({ x, j }) => ({
          label: `${subjectName(x.subject)}${x.word}`,
          amount: signed(x.amount as Amount, x.direction),
          sources: ctx.sources(`/changes/${j}`),
        }));
        const f = sumFinding(ctx, figs, total, '增减额分项');
        if (f) findings.push(f);
      }
      return failed(findings);
    },
  },
  {
    id: 'arithmetic.table-totals',
    group: 'arithmetic',
    severity: 'error',
    title: '表格中类、款、项逐级相加应等于上级数和合计数',
    check(ctx) {
      const tables = ctx.budget.tables.filter(
        (t) => CLASSIFIED_TABLES.has(t.kind) && t.rows.some((r) => r.code),
      );
      if (!tables.length) return notChecked('没有识别出带科目编码的功能分类或经济分类表格');
      return failed(tables.flatMap((t) => trusted(t, hierarchyChecks(ctx, t, 'total'))));
    },
  },
  {
    id: 'arithmetic.table-row-columns',
    group: 'arithmetic',
    severity: 'error',
    title: '表格每行合计应等于基本支出与项目支出（或人员经费与公用经费）之和',
    check(ctx) {
      const tables = ctx.budget.tables.filter((t) => CLASSIFIED_TABLES.has(t.kind));
      const results = tables.map((t) => ({ t, checks: rowColumnChecks(ctx, t) }));
      if (!results.some((r) => r.checks.length)) return notChecked('没有识别出分列合计的表格行');
      return failed(results.flatMap(({ t, checks }) => trusted(t, checks)));
    },
  },
];

export function subjectName(subject: ChangeSubject): string {
  return CHANGE_SUBJECT_NAMES[subject];
}
