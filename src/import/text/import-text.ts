/**
 * Text importer: a plain-text or Markdown disclosure → the budget model, with
 * provenance for every figure and the list of what was looked for and not found.
 * Pure: takes a string, returns data.
 */
import {
  type Budget,
  BudgetSchema,
  type ExpenditureLine,
  type RevenueSource,
  type StatedChange,
  type ThreePublicKey,
} from '../../core/budget/budget.ts';
import { emptyBudget } from '../../core/budget/empty-budget.ts';
import { type Summary, summarize } from '../../core/budget/summary.ts';
import { FIGURE_KEYS } from '../../core/budget/table-figures.ts';
import { AMOUNT_SOURCE, amountFromMatch } from './amounts.ts';
import { readAssets } from './assets.ts';
import { findChanges } from './changes.ts';
import { readDates } from './dates.ts';
import { readGlossary, readOtherNotes } from './glossary.ts';
import { findNarrative, NARRATIVE_KEYS } from './narrative.ts';
import { readPerformanceTable, readPerformanceText } from './performance.ts';
import { readProfile, readTitle } from './profile.ts';
import { type Missing, type Provenance, refFromFlow } from './provenance.ts';
import { buildScopes, flowsOf } from './scopes.ts';
import { findSections, findTableOfContents } from './sections.ts';
import { toSourceLines } from './source-lines.ts';
import { findTables } from './tables.ts';

export interface ImportResult {
  summary: Summary;
  budget: Budget;
  provenance: Provenance;
  missing: Missing[];
  /** The document's normalised lines (for the wording rules). */
  lines: string[];
}

const FIGURE_LABELS: Record<string, string> = Object.fromEntries(
  NARRATIVE_KEYS.map((k) => [k.key, k.description]),
);

const SECTION_LABELS: Record<string, string> = {
  duties: '部门职责',
  structure: '机构设置',
  overview: '预算收支总体情况',
  operatingExpenses: '机关运行经费',
  threePublic: '“三公”经费',
  performance: '绩效信息',
  procurement: '政府采购',
  assets: '国有资产',
  glossary: '名词解释',
  other: '其他需要说明的事项',
};

const REVENUE_KEYS: [string, RevenueSource][] = [
  ['generalPublicBudget', 'generalPublicBudget'],
  ['governmentFund', 'governmentFund'],
  ['stateCapitalBudget', 'stateCapitalBudget'],
  ['businessIncome', 'businessIncome'],
  ['otherIncome', 'otherIncome'],
];

export function importText(text: string): ImportResult {
  const lines = toSourceLines(text);
  const toc = findTableOfContents(lines);
  const inToc = (i: number) => toc !== null && i >= toc[0] && i < toc[1];
  const tables = findTables(lines, inToc);
  // Lines inside a table (after its title), marked once: a document may hold thousands of tables.
  const tableLine = new Uint8Array(lines.length);
  for (const t of tables) tableLine.fill(1, t.line, t.endLine);
  const inTable = (i: number) => tableLine[i] === 1;
  const sections = findSections(lines, (i) => inToc(i) || inTable(i));
  const scopes = buildScopes(lines, sections, inToc);

  const info = readTitle(lines);
  const budget = emptyBudget(info.kind);
  const provenance: Provenance = { ...info.refs };
  budget.title = info.title;
  budget.fiscalYear = info.fiscalYear;
  budget.sections = sections;
  budget.tables = tables;
  const profile = readProfile(lines, sections, info.department);
  budget.department = profile.department;
  Object.assign(provenance, profile.refs);

  const finalAccounts = info.kind === 'finalAccounts';
  const found = new Map<string, ReturnType<typeof findNarrative>>();
  for (const key of NARRATIVE_KEYS) found.set(key.key, findNarrative(scopes, key, finalAccounts));
  const take = (key: string, path: string) => {
    const f = found.get(key);
    if (!f) return null;
    provenance[path] = f.ref;
    return f.amount;
  };
  for (const k of [
    'revenueTotal',
    'expenditureTotal',
    'generalPublicBudget',
    'basicExpenditure',
    'personnel',
    'publicExpenses',
    'projectExpenditure',
  ] as const) {
    budget.stated[k] = take(k, `/stated/${k}`);
  }
  // "全部为一般公共预算安排": the whole revenue is general public budget.
  const all = /全部(?:为|是|来源于|来自)一般公共预算/.exec(scopes.document.text);
  if (all && budget.stated.generalPublicBudget === null && budget.stated.revenueTotal) {
    budget.stated.generalPublicBudget = budget.stated.revenueTotal;
    provenance['/stated/generalPublicBudget'] = refFromFlow(
      lines,
      scopes.document,
      all.index,
      all.index + all[0].length,
    );
  }
  for (const [key, source] of REVENUE_KEYS) {
    const amount =
      key === 'generalPublicBudget'
        ? budget.stated.generalPublicBudget
        : take(key, `/revenue/${budget.revenue.length}/amount`);
    if (amount) {
      if (key === 'generalPublicBudget' && provenance['/stated/generalPublicBudget'])
        provenance[`/revenue/${budget.revenue.length}/amount`] = provenance['/stated/generalPublicBudget'];
      budget.revenue.push({ source, amount });
    }
  }

  const tp = budget.threePublic;
  tp.total.amount = take('threePublicTotal', '/threePublic/total/amount');
  tp.overseasTravel.amount = take('overseasTravel', '/threePublic/overseasTravel/amount');
  tp.vehicleTotal.amount = take('vehicleTotal', '/threePublic/vehicleTotal/amount');
  tp.vehiclePurchase.amount = take('vehiclePurchase', '/threePublic/vehiclePurchase/amount');
  tp.vehicleOperation.amount = take('vehicleOperation', '/threePublic/vehicleOperation/amount');
  tp.reception.amount = take('reception', '/threePublic/reception/amount');
  for (const flow of flowsOf(scopes, ['threePublic'])) {
    const use = /公务用车[^。；]{0,20}?用于([^。；，,]*运[行维][^。；，,]*)/.exec(flow.text);
    if (use) {
      tp.vehicleUse = (use[1] as string).trim();
      break;
    }
  }

  budget.operatingExpenses.total = take('operatingExpenses', '/operatingExpenses/total');
  const noOperating = /(?:无|没有|未安排)机关运行经费/.exec(scopes.document.text);
  if (!budget.operatingExpenses.total && noOperating) {
    budget.operatingExpenses.total = { fen: 0, precision: 1 };
    provenance['/operatingExpenses/total'] = refFromFlow(
      lines,
      scopes.document,
      noOperating.index,
      noOperating.index + noOperating[0].length,
    );
  }
  const op = found.get('operatingExpenses');
  if (op) {
    // The items follow the total: "3.38万元（办公费0.98万元、印刷费0.2万元…）" or "其中：…".
    let end = op.end;
    while (end < op.flow.text.length && op.flow.text[end] !== '。' && op.flow.text[end] !== '\n') end++;
    const rest = op.flow.text.slice(op.end, end);
    const item = new RegExp(
      String.raw`([\u4e00-\u9fff()]{1,14}?(?:费用|费|金|支出|经费))\s*(?:为|是)?\s*${AMOUNT_SOURCE}`,
      'g',
    );
    for (const m of rest.matchAll(item)) {
      const amount = amountFromMatch(m[2] as string, m[3] as string);
      if (!amount) continue;
      const name = (m[1] as string).replace(/^[()]+|^(?:其中|包括|主要|和|及)/g, '');
      provenance[`/operatingExpenses/items/${budget.operatingExpenses.items.length}/amount`] = refFromFlow(
        lines,
        op.flow,
        op.end + m.index,
        op.end + m.index + m[0].length,
      );
      budget.operatingExpenses.items.push({ name, amount });
    }
  }

  const changes = findChanges(lines, scopes.document);
  changes.forEach((c, i) => {
    budget.changes.push(c.change);
    provenance[`/changes/${i}`] = c.ref;
  });

  // "三公" items: the stated reason of their change, and the prior-year amount the change implies.
  const itemOf: Partial<Record<StatedChange['subject'], ThreePublicKey>> = {
    threePublicTotal: 'total',
    overseasTravel: 'overseasTravel',
    vehicleTotal: 'vehicleTotal',
    vehiclePurchase: 'vehiclePurchase',
    vehicleOperation: 'vehicleOperation',
    reception: 'reception',
  };
  budget.changes.forEach((c, i) => {
    const key = itemOf[c.subject];
    if (!key) return;
    const item = budget.threePublic[key];
    item.reason ??= c.reason;
    if (item.amount && item.priorYear === null && (c.amount || c.direction === 'flat')) {
      const delta = c.direction === 'flat' ? 0 : (c.direction === 'increase' ? 1 : -1) * (c.amount?.fen ?? 0);
      item.priorYear = {
        fen: item.amount.fen - delta,
        precision: Math.max(item.amount.precision, c.amount?.precision ?? 1),
      };
      const ref = provenance[`/changes/${i}`];
      if (ref) provenance[`/threePublic/${key}/priorYear`] = ref;
    }
  });

  // Performance.
  const perfText = readPerformanceText(lines, sections);
  budget.performance.overall = perfText.overall;
  budget.performance.dutyTargets = perfText.dutyTargets;
  for (const t of tables.filter((x) => x.kind === 'performance')) {
    const p = readPerformanceTable(lines, t);
    const offset = budget.performance.activities.length;
    budget.performance.activities.push(...p.activities);
    for (const [k, v] of Object.entries(p.refs))
      provenance[
        k.replace(
          /^\/performance\/activities\/(\d+)/,
          (_, n) => `/performance/activities/${Number(n) + offset}`,
        )
      ] = v;
  }
  for (const flow of flowsOf(scopes, ['performance'])) {
    const m = new RegExp(
      String.raw`项目(?:共|数)?\s*(\d+)\s*个[^。]{0,20}?(?:项目)?(?:预算)?资金\s*${AMOUNT_SOURCE}`,
    ).exec(flow.text);
    if (m) {
      budget.performance.projectCount = Number(m[1]);
      budget.performance.projectFunds = amountFromMatch(m[2] as string, m[3] as string);
      provenance['/performance/projectFunds'] = refFromFlow(lines, flow, m.index, m.index + m[0].length);
    }
  }

  // Procurement.
  budget.procurement.total = take('procurementTotal', '/procurement/total');
  const none =
    /(?:无|没有|未安排|不涉及)(?:[^。，；\n]{0,6})政府采购|政府采购[^。，；\n]{0,6}(?:为空|空表)/.exec(
      scopes.document.text,
    );
  if (none) {
    budget.procurement.statedNone = true;
    if (!budget.procurement.total)
      provenance['/procurement/total'] = refFromFlow(
        lines,
        scopes.document,
        none.index,
        none.index + none[0].length,
      );
  }
  for (const t of tables.filter((x) => x.kind === 'procurement')) {
    for (const r of t.rows) {
      const amount = r.cells.total ?? r.cells.value ?? Object.values(r.cells).at(-1);
      if (!amount || /合计|总计/.test(r.label)) continue;
      budget.procurement.items.push({
        project: r.label,
        item: r.label,
        catalogueNo: null,
        quantity: null,
        quantityUnit: null,
        amount,
      });
    }
  }

  // Assets.
  budget.assets.total = take('assetsTotal', '/assets/total');
  budget.assets.fixed = take('fixedAssets', '/assets/fixed');
  Object.assign(provenance, readAssets(lines, flowsOf(scopes, ['assets']), tables, budget.assets));
  const assetChange = budget.changes.findIndex((c, i) => {
    const ref = provenance[`/changes/${i}`];
    return ref !== undefined && /资产/.test(ref.sentence) && c.partOf === null;
  });
  if (assetChange >= 0) budget.assets.change = budget.changes[assetChange]?.amount ?? null;

  budget.glossary = readGlossary(lines, sections);
  budget.otherNotes = readOtherNotes(lines, sections);
  const d = readDates(lines, scopes.document);
  budget.dates = d.dates;
  Object.assign(provenance, d.refs);
  budget.expenditureLines = expenditureLinesFrom(budget);

  const summary = summarize(budget);
  const missing: Missing[] = [];
  for (const k of FIGURE_KEYS)
    if (summary[k] === null) missing.push({ key: k, label: FIGURE_LABELS[k] ?? k });
  if (summary.fiscalYear === null) missing.push({ key: 'fiscalYear', label: '预算年度' });
  if (summary.department === null) missing.push({ key: 'department', label: '部门名称' });
  for (const [kind, label] of Object.entries(SECTION_LABELS))
    if (!sections.some((s) => s.kind === kind))
      missing.push({ key: `section:${kind}`, label: `“${label}”部分` });
  return { summary, budget, provenance, missing, lines: lines.map((l) => l.text) };
}

/** Facts from the tables: economic rows (款) by personnel/public, function rows (项) for projects. */
function expenditureLinesFrom(b: Budget): ExpenditureLine[] {
  const out: ExpenditureLine[] = [];
  const econ = b.tables.find((t) => t.kind === 'generalBudgetBasicByEconomic');
  for (const r of econ?.rows ?? []) {
    if (r.code?.length !== 5) continue;
    for (const kind of ['personnel', 'publicExpenses'] as const) {
      const amount = r.cells[kind];
      if (amount && amount.fen !== 0)
        out.push({
          functionCode: null,
          functionName: null,
          economicCode: r.code,
          economicName: r.label,
          kind,
          fundingSource: 'generalPublicBudget',
          amount,
        });
    }
  }
  const fn =
    b.tables.find((t) => t.kind === 'generalBudgetByFunction') ??
    b.tables.find((t) => t.kind === 'expenditureSummary');
  for (const r of fn?.rows ?? []) {
    const amount = r.cells.project;
    if (r.code?.length !== 7 || !amount || amount.fen === 0) continue;
    out.push({
      functionCode: r.code,
      functionName: r.label,
      economicCode: null,
      economicName: null,
      kind: 'project',
      fundingSource: 'generalPublicBudget',
      amount,
    });
  }
  return out;
}

/** Validates a budget against the schema (for tests and the JSON round trip). */
export function checkBudget(b: unknown): Budget {
  return BudgetSchema.parse(b);
}
