/**
 * Budget → disclosure document tree (部门预算公开): the nine sections in the standard order
 * (一、部门职责及机构设置情况 … 九、其他需要说明的事项), then 十、部门预算表 with the template's
 * standard tables. Pure: takes a budget (and optionally last year's) and returns data.
 *
 * Every sentence with a figure is generated from the facts: totals are sums of the expenditure and
 * revenue lines (facts.ts); year-on-year changes are computed against `prior` when it is given and
 * named by their sign (增加 / 减少 / 持平), else taken from the budget's stated changes.
 */

import type { Budget, ChangeSubject, StatedChange } from '../budget/budget.ts';
import { THREE_PUBLIC_SUBJECTS } from '../budget/budget.ts';
import { REVENUE_SOURCE_NAMES, CHANGE_SENTENCE_LABELS as SUBJECT_LABELS } from '../budget/names.ts';
import type { Fen } from '../kernel/money.ts';
import { functionCodeName } from './classification-names.ts';
import {
  type Block,
  type ChartBlock,
  chineseNumeral,
  type DisclosureDocument,
  type DocSection,
  type Paragraph,
} from './document.ts';
import { type BudgetFacts, budgetFacts, statedPriorThreePublic, type ThreePublicFacts } from './facts.ts';
import {
  assetsTable,
  organisationTable,
  performanceTable,
  procurementTable,
  standardTable,
  type TableContext,
  UNCLASSIFIED,
} from './standard-tables.ts';
import { type DisclosureTemplate, defaultTemplateId, type SectionKey, templateFor } from './templates.ts';
import {
  changeTail,
  comparedWith,
  DIRECTION_WORDS,
  type Direction,
  directionOf,
  isoToChinese,
  wan,
  withPeriod,
  yearText,
} from './wording.ts';

export interface BuildDocumentOptions {
  /** Template id (templates.ts); by default national-2016 before 2019, national-2019 from 2019. */
  template?: string;
  /** Last year's budget: year-on-year sentences and the "三公" comparison chart are computed from it. */
  prior?: Budget | null;
}

interface Ctx extends TableContext {
  prior: Budget | null;
  priorFacts: BudgetFacts | null;
  /** 预算 or 决算. */
  word: string;
  /** 2018年 or ''. */
  y: string;
}

const p = (text: string): Paragraph => ({ kind: 'paragraph', text });
const sub = (text: string): Paragraph => ({ kind: 'paragraph', text, role: 'subheading' });

// ---------------------------------------------------------------- year-on-year

/** 2017年预算 (the prior budget's year), or 上年预算. */
function priorBase(ctx: Ctx): string {
  const year = ctx.prior?.fiscalYear ?? null;
  return year === null ? `上年${ctx.word}` : `${year}年${ctx.word}`;
}

/** The reason a stated change of these subjects gives, when its direction is the computed one. */
function statedReason(ctx: Ctx, subjects: readonly ChangeSubject[], direction: Direction): string | null {
  const c = ctx.budget.changes.find(
    (x) => subjects.includes(x.subject) && x.direction === direction && x.reason,
  );
  return c?.reason ?? null;
}

/** A stated change as words: 增加0.5万元 / 减少1.58万元，下降1.87% / 持平 (the word follows the direction). */
function statedTail(c: StatedChange): string {
  if (c.direction === 'flat') return '持平';
  let s = DIRECTION_WORDS[c.direction];
  if (c.amount) s += wan(Math.abs(c.amount.fen));
  if (c.percent !== null) {
    const percent = `${Math.abs(c.percent)}%`;
    s += c.amount ? `，${c.direction === 'increase' ? '增长' : '下降'}${percent}` : percent;
  }
  return s;
}

function hasContent(c: StatedChange): boolean {
  return c.direction === 'flat' || c.amount !== null || c.percent !== null;
}

/** One sentence per stated top-level change of the subjects, with its breakdown (其中：…). */
function statedChangeSentences(ctx: Ctx, subjects: (s: ChangeSubject) => boolean): string[] {
  const out: string[] = [];
  const changes = ctx.budget.changes;
  changes.forEach((c, i) => {
    const label = SUBJECT_LABELS[c.subject];
    if (c.partOf !== null || !subjects(c.subject) || !hasContent(c) || !label) return;
    const base = c.comparedYear === null ? `上年${ctx.word}` : `${c.comparedYear}年${ctx.word}`;
    let s = `${label}${ctx.word}${c.direction === 'flat' ? `与${base}持平` : `较${base}${statedTail(c)}`}`;
    const parts = changes.filter((x) => x.partOf === i && hasContent(x) && SUBJECT_LABELS[x.subject]);
    if (parts.length > 0) {
      const texts = parts.map((x) => {
        const t = `${SUBJECT_LABELS[x.subject]}${statedTail(x)}`;
        return x.reason ? `${t}，主要为${x.reason}` : t;
      });
      s += `，其中：${texts.join('；')}`;
    }
    out.push(`${s}。${c.reason ? `主要原因是${withPeriod(c.reason)}` : ''}`);
  });
  return out;
}

/** The year-on-year sentence of the totals, computed from both budgets' lines. */
function totalChangeSentence(ctx: Ctx): string | null {
  const cur = ctx.facts.expenditure;
  const pri = ctx.priorFacts?.expenditure;
  if (!pri || cur.total === null || pri.total === null) return null;
  const diff = cur.total - pri.total;
  let s = `${ctx.y}${ctx.word}收支安排${wan(cur.total)}，${comparedWith(priorBase(ctx), diff)}`;
  const parts: [string, Fen, ChangeSubject][] = [];
  if (cur.basic !== null && pri.basic !== null)
    parts.push(['基本支出', cur.basic - pri.basic, 'basicExpenditure']);
  if (cur.project !== null && pri.project !== null)
    parts.push(['项目支出', cur.project - pri.project, 'projectExpenditure']);
  if (diff !== 0 && parts.length === 2) {
    const texts = parts.map(([label, d, subject]) => {
      const reason = d === 0 ? null : statedReason(ctx, [subject], directionOf(d));
      return `${label}${changeTail(d)}${reason ? `，主要为${reason}` : ''}`;
    });
    const sep = texts.some((t) => t.includes('，')) ? '；' : '，';
    s += `，其中：${texts.join(sep)}`;
  }
  const reason =
    diff === 0 ? null : statedReason(ctx, ['total', 'expenditure', 'revenue'], directionOf(diff));
  return `${s}。${reason ? `主要原因是${withPeriod(reason)}` : ''}`;
}

// ---------------------------------------------------------------- sections

function dutiesSection(ctx: Ctx): Block[] {
  const d = ctx.budget.department;
  const blocks: Block[] = [];
  if (d.duties.length > 0)
    blocks.push(p('部门职责：'), { kind: 'list', marker: 'chinese', items: d.duties.map(withPeriod) });
  blocks.push(p('机构设置：'), organisationTable(ctx));
  if (d.internalBodies.length > 0) blocks.push(p(`内设机构：${d.internalBodies.join('、')}。`));
  return blocks;
}

function functionClassLabel(ctx: Ctx, code: string): string {
  if (code === '') return UNCLASSIFIED;
  const own = ctx.budget.expenditureLines.find((l) => l.functionCode === code && l.functionName);
  return own?.functionName ?? functionCodeName(code) ?? code;
}

function overviewCharts(ctx: Ctx): {
  revenue: ChartBlock | null;
  kind: ChartBlock | null;
  fn: ChartBlock | null;
} {
  const f = ctx.facts;
  const sources = f.revenueBySource.filter(([, fen]) => fen > 0);
  const revenue: ChartBlock | null =
    sources.length > 0
      ? {
          kind: 'chart',
          key: 'revenueBySource',
          title: `${ctx.y}部门收入构成`,
          chartType: 'pie',
          unit: '万元',
          categories: sources.map(([s]) => REVENUE_SOURCE_NAMES[s]),
          series: [{ name: '收入', data: sources.map(([, fen]) => fen) }],
        }
      : null;
  const e = f.expenditure;
  const kinds: [string, Fen | null][] = [
    ['人员经费', e.personnel],
    ['公用经费', e.publicExpenses],
    ['项目支出', e.project],
  ];
  const known = kinds.every(([, v]) => v !== null) ? kinds.filter(([, v]) => (v ?? 0) > 0) : [];
  const kind: ChartBlock | null =
    known.length > 0
      ? {
          kind: 'chart',
          key: 'expenditureByKind',
          title: `${ctx.y}部门支出构成（按经费类型）`,
          chartType: 'pie',
          unit: '万元',
          categories: known.map(([n]) => n),
          series: [{ name: '支出', data: known.map(([, v]) => v ?? 0) }],
        }
      : null;
  const fn: ChartBlock | null =
    f.byFunctionClass.length > 0
      ? {
          kind: 'chart',
          key: 'expenditureByFunction',
          title: `${ctx.y}部门支出（按支出功能分类）`,
          chartType: 'bar',
          unit: '万元',
          categories: f.byFunctionClass.map((c) => functionClassLabel(ctx, c.code)),
          series: [{ name: '支出', data: f.byFunctionClass.map((c) => c.fen) }],
        }
      : null;
  return { revenue, kind, fn };
}

function overviewSection(ctx: Ctx): Block[] {
  const f = ctx.facts;
  const name = ctx.budget.department.name;
  const who = `我单位${ctx.y}部门${ctx.word}`;
  const charts = overviewCharts(ctx);
  const blocks: Block[] = [
    p(
      `按照预算管理有关规定，部门预算的编制实行综合预算制度，即全部收入和支出都反映在预算中。${name ? `${name}的收支包含在部门预算中。` : ''}`,
    ),
  ];
  let n = 0;
  // 收入
  if (f.revenueTotal !== null) {
    const sources = f.revenueBySource.filter(([, fen]) => fen !== 0);
    let s = `反映本部门当年全部收入。${who}收入为${wan(f.revenueTotal)}`;
    const [only] = sources;
    if (sources.length === 1 && only && only[1] === f.revenueTotal)
      s += `，全部为${REVENUE_SOURCE_NAMES[only[0]]}`;
    else if (sources.length > 0)
      s += `，其中：${sources.map(([src, fen]) => `${REVENUE_SOURCE_NAMES[src]}${wan(fen)}`).join('、')}`;
    blocks.push(sub(`${++n}、收入说明`), p(`${s}。`));
    if (charts.revenue) blocks.push(charts.revenue);
  }
  // 支出
  const e = f.expenditure;
  if (e.total !== null) {
    const parts: string[] = [];
    const inner: string[] = [];
    if (e.personnel !== null) inner.push(`人员经费${wan(e.personnel)}`);
    if (e.publicExpenses !== null) inner.push(`日常公用经费${wan(e.publicExpenses)}`);
    if (e.basic !== null)
      parts.push(`基本支出${wan(e.basic)}${inner.length ? `（${inner.join('，')}）` : ''}`);
    else parts.push(...inner);
    if (e.project !== null) parts.push(`项目支出${wan(e.project)}`);
    blocks.push(
      sub(`${++n}、支出说明`),
      p(`${who}支出为${wan(e.total)}${parts.length ? `，其中：${parts.join('；')}` : ''}。`),
    );
    if (f.byFunctionClass.length > 0) {
      const classes = f.byFunctionClass.map((c) => `${functionClassLabel(ctx, c.code)}${wan(c.fen)}`);
      blocks.push(p(`按支出功能分类：${classes.join('，')}。`));
    }
    for (const c of [charts.kind, charts.fn]) if (c) blocks.push(c);
  }
  // 比上年增减
  const computed = totalChangeSentence(ctx);
  // Computed against `prior` when both totals are known, else the changes the budget states.
  const changes = computed
    ? [computed]
    : statedChangeSentences(
        ctx,
        (s) => !THREE_PUBLIC_SUBJECTS.includes(s) && s !== 'operatingExpenses' && s !== 'other',
      );
  if (changes.length > 0) blocks.push(sub(`${++n}、比上年增减情况`), p(changes.join('')));
  return blocks;
}

function operatingSection(ctx: Ctx): Block[] {
  const op = ctx.facts.operatingExpenses;
  const out: string[] = [];
  if (op.total !== null) {
    const items = op.items.map((i) => `${i.name}${wan(i.fen)}`);
    out.push(
      `${ctx.y}部门${ctx.word}中，我单位机关运行经费为${wan(op.total)}${items.length ? `（${items.join('、')}）` : ''}。`,
    );
  }
  const prior = ctx.priorFacts?.operatingExpenses.total ?? null;
  if (ctx.prior && op.total !== null && prior !== null) {
    const diff = op.total - prior;
    const reason = diff === 0 ? null : statedReason(ctx, ['operatingExpenses'], directionOf(diff));
    out.push(
      `机关运行经费${comparedWith(priorBase(ctx), diff)}。${reason ? `主要原因是${withPeriod(reason)}` : ''}`,
    );
  } else out.push(...statedChangeSentences(ctx, (s) => s === 'operatingExpenses'));
  return out.length > 0 ? out.map(p) : [p('无。')];
}

const THREE_PUBLIC_PARTS: readonly [keyof ThreePublicFacts, string][] = [
  ['overseasTravel', '因公出国（境）费'],
  ['vehicleTotal', '公务用车购置及运行费'],
  ['reception', '公务接待费'],
];

/** The prior year's "三公" figures and how to name that year: from `prior`, else the 上年 figures stated. */
function priorThreePublic(ctx: Ctx): { facts: ThreePublicFacts; base: string; label: string } | null {
  if (ctx.priorFacts) {
    const year = ctx.prior?.fiscalYear ?? null;
    return {
      facts: ctx.priorFacts.threePublic,
      base: priorBase(ctx),
      label: year === null ? '上年' : `${year}年`,
    };
  }
  const stated = statedPriorThreePublic(ctx.budget);
  if (Object.values(stated).every((v) => v === null)) return null;
  const year = ctx.facts.year === null ? null : ctx.facts.year - 1;
  return {
    facts: stated,
    base: year === null ? `上年${ctx.word}` : `${year}年${ctx.word}`,
    label: year === null ? '上年' : `${year}年`,
  };
}

function threePublicSection(ctx: Ctx): Block[] {
  const tp = ctx.facts.threePublic;
  const raw = ctx.budget.threePublic;
  const blocks: Block[] = [];
  const items: string[] = [];
  if (tp.overseasTravel !== null) items.push(`因公出国（境）费${wan(tp.overseasTravel)}`);
  const vehicleParts: string[] = [];
  if (tp.vehiclePurchase !== null) vehicleParts.push(`公务用车购置费${wan(tp.vehiclePurchase)}`);
  if (tp.vehicleOperation !== null) vehicleParts.push(`公务用车运行费${wan(tp.vehicleOperation)}`);
  if (tp.vehicleTotal !== null) {
    let v = `公务用车购置及运行费${wan(tp.vehicleTotal)}`;
    if (vehicleParts.length) v += `（其中：${vehicleParts.join('，')}）`;
    if (raw.vehicleUse) v += `，用于${raw.vehicleUse}`;
    items.push(v);
  } else items.push(...vehicleParts);
  if (tp.reception !== null) items.push(`公务接待费${wan(tp.reception)}`);
  const lead = `${ctx.y ? `${ctx.y}，` : ''}我部门财政拨款“三公”经费${ctx.word}`;
  if (tp.total !== null)
    blocks.push(p(`${lead}安排${wan(tp.total)}${items.length ? `，其中：${items.join('；')}` : ''}。`));
  else if (items.length > 0) blocks.push(p(`${lead}中，${items.join('；')}。`));

  // Where the vehicle money comes from, when project funds pay part of it: the 机关运行经费 line shows only the basic part.
  const vehicleLines = ctx.budget.expenditureLines.filter((l) => l.economicCode === '30231');
  const fromProjects = vehicleLines
    .filter((l) => l.kind === 'project')
    .reduce((sum, l) => sum + l.amount.fen, 0);
  const fromBasic = vehicleLines
    .filter((l) => l.kind !== 'project')
    .reduce((sum, l) => sum + l.amount.fen, 0);
  if (fromProjects > 0 && tp.vehicleOperation !== null)
    blocks.push(
      p(
        `公务用车运行费${wan(tp.vehicleOperation)}中，${wan(fromBasic)}在基本支出（机关运行经费）中安排，${wan(fromProjects)}在项目支出中安排。`,
      ),
    );

  const prior = priorThreePublic(ctx);
  let compared = false;
  if (prior && tp.total !== null && prior.facts.total !== null) {
    compared = true;
    const diff = tp.total - prior.facts.total;
    let s = `“三公”经费${ctx.word}${comparedWith(prior.base, diff)}`;
    const parts = THREE_PUBLIC_PARTS.flatMap(([k, label]) => {
      const a = tp[k];
      const b = prior.facts[k];
      return a !== null && b !== null ? [`${label}${changeTail(a - b)}`] : [];
    });
    if (parts.length > 0 && diff !== 0) s += `，其中：${parts.join('，')}`;
    const reason =
      diff === 0
        ? null
        : (raw.total.reason ?? statedReason(ctx, ['threePublicTotal'], directionOf(diff)) ?? null);
    blocks.push(p(`${s}。${reason ? `主要原因是${withPeriod(reason)}` : ''}`));
  } else {
    const stated = statedChangeSentences(ctx, (s) => THREE_PUBLIC_SUBJECTS.includes(s));
    if (stated.length > 0) blocks.push(p(stated.join('')));
  }
  const reasons: [string, string | null][] = [
    ['“三公”经费', compared ? null : raw.total.reason],
    ['因公出国（境）费', raw.overseasTravel.reason],
    ['公务用车购置及运行费', raw.vehicleTotal.reason],
    ['公务用车购置费', raw.vehiclePurchase.reason],
    ['公务用车运行费', raw.vehicleOperation.reason],
    ['公务接待费', raw.reception.reason],
  ];
  for (const [label, reason] of reasons)
    if (reason) blocks.push(p(`${label}增减变化原因：${withPeriod(reason)}`));

  const chart = threePublicChart(ctx, prior);
  if (chart) blocks.push(chart);
  if (blocks.length === 0) blocks.push(p('无。'));
  return blocks;
}

function threePublicChart(
  ctx: Ctx,
  prior: { facts: ThreePublicFacts; label: string } | null,
): ChartBlock | null {
  if (!prior) return null;
  const cur = ctx.facts.threePublic;
  const known = (f: ThreePublicFacts) => THREE_PUBLIC_PARTS.every(([k]) => f[k] !== null);
  if (!known(cur) || !known(prior.facts)) return null;
  const values = (f: ThreePublicFacts) => THREE_PUBLIC_PARTS.map(([k]) => f[k] ?? 0);
  return {
    kind: 'chart',
    key: 'threePublicComparison',
    title: `“三公”经费${ctx.word}对比`,
    chartType: 'bar',
    unit: '万元',
    categories: THREE_PUBLIC_PARTS.map(([, label]) => label),
    series: [
      { name: `${prior.label}${ctx.word}`, data: values(prior.facts) },
      { name: `${ctx.y || '本年'}${ctx.word}`, data: values(cur) },
    ],
  };
}

function performanceSection(ctx: Ctx): Block[] {
  const perf = ctx.budget.performance;
  const blocks: Block[] = [];
  if (perf.overall.length > 0)
    blocks.push(p('总体绩效目标：'), {
      kind: 'list',
      marker: 'chinese',
      items: perf.overall.map(withPeriod),
    });
  if (perf.dutyTargets.length > 0) {
    blocks.push(p('部门职责及工作活动绩效目标指标：'));
    for (const d of perf.dutyTargets) {
      if (d.duty) blocks.push(p(`部门职责：${d.duty}`));
      if (d.target) blocks.push(p(`部门职责绩效目标：${withPeriod(d.target)}`));
      if (d.activityTarget) blocks.push(p(`工作活动绩效目标：${withPeriod(d.activityTarget)}`));
    }
  }
  if (perf.projectCount !== null) {
    const funds = perf.projectFunds ? `，涉及项目资金${wan(perf.projectFunds.fen)}` : '';
    blocks.push(p(`本部门纳入绩效目标管理的项目${perf.projectCount}个${funds}。`));
  }
  blocks.push(performanceTable(ctx));
  return blocks;
}

function procurementSection(ctx: Ctx): Block[] {
  const pr = ctx.facts.procurement;
  const items = ctx.budget.procurement.items;
  const lead = ctx.y ? `${ctx.y}，` : '';
  let text: string;
  if (!pr.none && pr.total !== null) {
    const list = items.map((i) => {
      const q = i.quantity !== null ? `${i.quantity}${i.quantityUnit ?? ''}` : '';
      return `${i.item}${q}${wan(i.amount.fen)}`;
    });
    text = `${lead}我部门安排政府采购${ctx.word}${wan(pr.total)}${list.length ? `，具体为：${list.join('、')}` : ''}。`;
  } else text = `${lead}本部门无政府采购${ctx.word}。`;
  return [p(text), procurementTable(ctx)];
}

function assetsSection(ctx: Ctx): Block[] {
  const a = ctx.budget.assets;
  const out: string[] = [];
  const asOf = a.asOf ? `截至${isoToChinese(a.asOf)}，` : '';
  const parts: string[] = [];
  if (a.total) parts.push(`我单位国有资产总额${wan(a.total.fen)}`);
  const composition: string[] = [];
  if (a.fixed) composition.push(`固定资产${wan(a.fixed.fen)}`);
  if (a.buildings) {
    const area = a.buildingArea !== null ? `（建筑面积${a.buildingArea}平方米）` : '';
    composition.push(`房屋${wan(a.buildings.fen)}${area}`);
  }
  if (a.vehicles !== null) {
    if (a.vehicles === 0) composition.push('无车辆');
    else composition.push(`车辆${a.vehicles}辆${a.vehicleValue ? `，价值${wan(a.vehicleValue.fen)}` : ''}`);
  }
  if (a.equipmentCount !== null && a.equipmentThreshold)
    composition.push(`单价${wan(a.equipmentThreshold.fen)}以上设备${a.equipmentCount}台`);
  if (composition.length) parts.push(`资产构成：${composition.join('，')}`);
  if (a.change) parts.push(`国有资产较上年${changeTail(a.change.fen)}`);
  if (parts.length) out.push(`${asOf}${parts.join('，')}。`);
  for (const c of a.changes) {
    const q = c.quantity !== null ? `${c.quantity}台` : '';
    const v = c.amount ? `价值${wan(c.amount.fen)}` : '';
    out.push(`${c.date ? isoToChinese(c.date) : ''}新增${c.item}${q}${v}。`);
  }
  if (a.statedNone) out.push(`${asOf}我单位无固定资产。`);
  return [...(out.length ? out.map(p) : [p('无。')]), assetsTable(ctx)];
}

function glossarySection(ctx: Ctx): Block[] {
  const g = ctx.budget.glossary;
  if (g.length === 0) return [p('无。')];
  return [{ kind: 'list', marker: 'arabic', items: g.map((e) => `${e.term}：${withPeriod(e.definition)}`) }];
}

function otherSection(ctx: Ctx): Block[] {
  const b = ctx.budget;
  const out = b.otherNotes.map(withPeriod);
  if (b.dates.approved) out.push(`批复日期：${isoToChinese(b.dates.approved)}。`);
  if (b.dates.published) out.push(`公开日期：${isoToChinese(b.dates.published)}。`);
  return out.length > 0 ? out.map(p) : [p('无。')];
}

function tablesSection(ctx: Ctx): Block[] {
  return ctx.template.tables.map((kind) => standardTable(kind, ctx));
}

const SECTION_BUILDERS: Record<SectionKey, (ctx: Ctx) => Block[]> = {
  duties: dutiesSection,
  overview: overviewSection,
  operatingExpenses: operatingSection,
  threePublic: threePublicSection,
  performance: performanceSection,
  procurement: procurementSection,
  assets: assetsSection,
  glossary: glossarySection,
  other: otherSection,
  tables: tablesSection,
};

const SECTION_ORDER: readonly SectionKey[] = [
  'duties',
  'overview',
  'operatingExpenses',
  'threePublic',
  'performance',
  'procurement',
  'assets',
  'glossary',
  'other',
  'tables',
];

/** The document tree of a budget's disclosure. */
export function buildDocument(budget: Budget, options: BuildDocumentOptions = {}): DisclosureDocument {
  const template: DisclosureTemplate = templateFor(options.template ?? defaultTemplateId(budget.fiscalYear));
  const prior = options.prior ?? null;
  const word = budget.kind === 'finalAccounts' ? '决算' : '预算';
  const ctx: Ctx = {
    budget,
    facts: budgetFacts(budget),
    template,
    prior,
    priorFacts: prior ? budgetFacts(prior) : null,
    word,
    y: yearText(budget.fiscalYear),
  };
  const name = budget.department.name;
  const sections: DocSection[] = SECTION_ORDER.map((key, i) => ({
    number: chineseNumeral(i + 1),
    title: template.sectionTitles[key],
    blocks: SECTION_BUILDERS[key](ctx),
  }));
  const published = budget.dates.published;
  return {
    title: `${name}${name && ctx.y ? ' ' : ''}${ctx.y}部门${word}公开说明`,
    ...(published ? { subtitle: `公开日期：${isoToChinese(published)}` } : {}),
    department: name,
    fiscalYear: budget.fiscalYear,
    templateId: template.id,
    preamble: [template.preamble(name, budget.fiscalYear)],
    sections,
  };
}
