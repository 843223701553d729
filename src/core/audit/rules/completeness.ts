/**
 * Completeness: the sections and tables a disclosure must have
 * (财预〔2016〕143号《地方预决算公开操作规程》), each "三公" item stated, empty
 * tables stated as such, glossary, performance targets, procurement, assets.
 */
import type { SectionKind, TableKind } from '../../budget/budget.ts';
import { failed, notChecked, passed, type Rule, type RuleFinding } from '../rule.ts';

const SECTION_NAMES: Record<SectionKind, string> = {
  duties: '部门职责',
  structure: '机构设置',
  overview: '预算收支总体情况',
  operatingExpenses: '机关运行经费安排情况',
  threePublic: '“三公”经费预算情况',
  performance: '绩效预算信息',
  procurement: '政府采购预算情况',
  assets: '国有资产占有使用情况',
  glossary: '名词解释',
  other: '其他需要说明的事项',
  tables: '部门预算表',
};

export const TABLE_NAMES: Record<TableKind, string> = {
  incomeExpenditureSummary: '部门收支总表',
  revenueSummary: '部门收入总表',
  expenditureSummary: '部门支出总表',
  appropriationSummary: '财政拨款收支总表',
  generalBudgetByFunction: '一般公共预算支出表',
  generalBudgetBasicByEconomic: '一般公共预算基本支出表',
  threePublic: '一般公共预算“三公”经费支出表',
  governmentFund: '政府性基金预算支出表',
  stateCapital: '国有资本经营预算支出表',
  performance: '绩效目标表',
  procurement: '政府采购预算表',
  assets: '国有资产占用情况表',
  other: '其他表格',
};

/** Rules about a document's layout have nothing to check in structured facts. */
const FACTS_ONLY = '审核的是结构化数据，不是公开文件：文件的章节和表格在生成公开文件后审核';

function sectionRule(id: string, kind: SectionKind, alsoFoundIf?: RegExp): Rule {
  const name = SECTION_NAMES[kind];
  return {
    id,
    group: 'completeness',
    severity: 'error',
    title: `应公开“${name}”`,
    check(ctx) {
      if (!ctx.lines) return notChecked(FACTS_ONLY);
      if (ctx.budget.sections.some((s) => s.kind === kind)) return passed;
      // Without headings, the content may still be there in the text.
      if (alsoFoundIf && ctx.lines?.some((l) => alsoFoundIf.test(l))) return passed;
      return failed([
        {
          message: `未找到“${name}”部分。`,
          evidence: { detail: `已识别的部分：${ctx.budget.sections.map((s) => s.title).join('、') || '无'}` },
        },
      ]);
    },
  };
}

export const completenessRules: Rule[] = [
  sectionRule('completeness.section.duties', 'duties', /职责|主要职能/),
  sectionRule('completeness.section.structure', 'structure', /内设机构|机构设置|单位构成/),
  sectionRule('completeness.section.overview', 'overview'),
  sectionRule('completeness.section.operating-expenses', 'operatingExpenses', /机关运行经费/),
  sectionRule('completeness.section.three-public', 'threePublic', /三公/),
  sectionRule('completeness.section.performance', 'performance', /绩效/),
  sectionRule('completeness.section.procurement', 'procurement', /政府采购/),
  sectionRule('completeness.section.assets', 'assets', /国有资产|资产占/),
  sectionRule('completeness.section.glossary', 'glossary'),
  {
    id: 'completeness.standard-tables',
    group: 'completeness',
    severity: 'error',
    title: '应公开全部部门预算标准表格',
    check(ctx) {
      if (!ctx.lines) return notChecked(FACTS_ONLY);
      const present = new Set(ctx.budget.tables.map((t) => t.kind));
      const missing = ctx.config.requiredTables.filter((k) => !present.has(k as TableKind));
      if (!missing.length) return passed;
      const names = missing.map((k) => TABLE_NAMES[k as TableKind] ?? k);
      return failed([
        {
          message: `缺少${missing.length}张标准表格：${names.join('、')}。`,
          evidence: {
            detail: `应有：${ctx.config.requiredTables.map((k) => TABLE_NAMES[k as TableKind] ?? k).join('、')}；找到：${
              ctx.budget.tables.map((t) => t.title).join('、') || '无'
            }`,
          },
        },
      ]);
    },
  },
  {
    id: 'completeness.three-public.items',
    group: 'completeness',
    severity: 'error',
    title: '“三公”经费应分别说明因公出国（境）费、公务用车购置及运行费、公务接待费',
    check(ctx) {
      const tp = ctx.budget.threePublic;
      const t = ctx.tables;
      const hasSection =
        ctx.budget.sections.some((s) => s.kind === 'threePublic') || tp.total.amount !== null;
      if (!hasSection && !t.threePublicTotal) return notChecked('文件中没有“三公”经费的说明或表格');
      const items: [string, boolean][] = [
        ['因公出国（境）费', tp.overseasTravel.amount !== null || t.overseasTravel !== undefined],
        [
          '公务用车购置及运行费',
          tp.vehicleTotal.amount !== null ||
            (tp.vehiclePurchase.amount !== null && tp.vehicleOperation.amount !== null) ||
            t.vehicleTotal !== undefined,
        ],
        ['公务接待费', tp.reception.amount !== null || t.reception !== undefined],
      ];
      const missing = items.filter(([, ok]) => !ok).map(([n]) => n);
      return failed(
        missing.map((n) => ({
          message: `“三公”经费中未说明${n}的金额（为零也应写明“0万元”）。`,
          evidence: { sources: ctx.sources('/threePublic/total/amount'), detail: n },
        })),
      );
    },
  },
  {
    id: 'completeness.three-public.reason',
    group: 'completeness',
    severity: 'warning',
    title: '“三公”经费有增减的，应说明增减变化原因',
    check(ctx) {
      const changes = ctx.budget.changes
        .map((c, i) => ({ c, i }))
        .filter(
          ({ c }) =>
            /^(?:threePublicTotal|overseasTravel|vehicle|reception)/.test(c.subject) &&
            c.direction !== 'flat',
        );
      if (!changes.length) return notChecked('文件没有说明“三公”经费的增减');
      // A part of a change (其中…) is explained by its parent's reason.
      const explained = (c: (typeof changes)[number]['c']) =>
        c.reason !== null || (c.partOf !== null && ctx.budget.changes[c.partOf]?.reason != null);
      return failed(
        changes
          .filter(({ c }) => !explained(c))
          .map(({ i }) => ({
            message: '“三公”经费的增减未说明原因。',
            evidence: { sources: ctx.sources(`/changes/${i}`) },
          })),
      );
    },
  },
  {
    id: 'completeness.empty-table-statement',
    group: 'completeness',
    severity: 'warning',
    title: '没有数据的表格应保留并说明“空表列示”',
    check(ctx) {
      if (!ctx.budget.tables.length) return notChecked('文件中没有识别出表格');
      const empty = ctx.budget.tables.filter(
        (t) =>
          t.kind !== 'performance' && t.rows.every((r) => Object.values(r.cells).every((a) => a.fen === 0)),
      );
      return failed(
        empty
          .filter((t) => !t.emptyStatement)
          .map((t) => ({
            message: `表格“${t.title}”没有数据，但未说明为空表。`,
            evidence: { sources: [{ line: t.line, column: 1, text: t.title, sentence: t.title }] },
          })),
      );
    },
  },
  {
    id: 'completeness.performance-targets',
    group: 'completeness',
    severity: 'warning',
    title: '应公开绩效目标，并给出绩效指标和评价标准',
    check(ctx) {
      const p = ctx.budget.performance;
      const findings: RuleFinding[] = [];
      if (!p.activities.length && !p.overall.length && !p.dutyTargets.length && p.projectCount === null)
        return failed([{ message: '未找到绩效目标。', evidence: {} }]);
      p.activities.forEach((a, i) => {
        const ind = a.indicators[0];
        if (!ind?.name || !ind.excellent || !ind.poor)
          findings.push({
            message: `绩效活动“${a.name}”缺少绩效指标或评价标准。`,
            evidence: { sources: ctx.sources(`/performance/activities/${i}/annualBudget`) },
          });
      });
      return failed(findings);
    },
  },
  {
    id: 'completeness.procurement',
    group: 'completeness',
    severity: 'warning',
    title: '应说明政府采购预算（没有的也应说明）',
    check(ctx) {
      const p = ctx.budget.procurement;
      if (p.total !== null || p.statedNone || p.items.length || ctx.tables.procurementTotal) return passed;
      return failed([{ message: '未说明政府采购预算金额，也未说明没有政府采购。', evidence: {} }]);
    },
  },
  {
    id: 'completeness.assets',
    group: 'completeness',
    severity: 'warning',
    title: '应说明国有资产占有使用情况',
    check(ctx) {
      const a = ctx.budget.assets;
      if (
        a.total !== null ||
        a.vehicles !== null ||
        a.statedNone ||
        a.tableTotal !== null ||
        a.equipmentCount !== null
      )
        return passed;
      return failed([{ message: '未说明国有资产总额、车辆或大型设备的占有使用情况。', evidence: {} }]);
    },
  },
  {
    id: 'completeness.totals',
    group: 'completeness',
    severity: 'error',
    title: '应说明收入预算和支出预算总额',
    check(ctx) {
      const s = ctx.budget.stated;
      const findings: RuleFinding[] = [];
      if (!s.revenueTotal && !ctx.tables.revenueTotal)
        findings.push({ message: '未说明收入总额。', evidence: {} });
      if (!s.expenditureTotal && !ctx.tables.expenditureTotal)
        findings.push({ message: '未说明支出总额。', evidence: {} });
      return failed(findings);
    },
  },
  {
    id: 'completeness.change-explained',
    group: 'completeness',
    severity: 'warning',
    title: '应说明收支与上年相比的增减情况',
    check(ctx) {
      const total = ctx.budget.changes.filter(
        (c) => c.partOf === null && /^(?:total|revenue|expenditure|generalPublicBudget)$/.test(c.subject),
      );
      if (total.length) return passed;
      return failed([{ message: '未说明收入或支出与上年相比的增减情况。', evidence: {} }]);
    },
  },
];
