/**
 * The figures a disclosure states, computed from a budget's facts: totals are sums of the expenditure
 * lines and revenue lines; the stated totals are used only where there are no lines to add up.
 * Pure; every amount is integer 分, null when the budget does not give it.
 */
import {
  type Budget,
  type ExpenditureLine,
  REVENUE_SOURCES,
  type RevenueSource,
  type ThreePublicItem,
} from '../budget/budget.ts';
import type { Fen } from '../kernel/money.ts';

export interface ExpenditureFacts {
  total: Fen | null;
  basic: Fen | null;
  personnel: Fen | null;
  publicExpenses: Fen | null;
  project: Fen | null;
}

export interface ThreePublicFacts {
  total: Fen | null;
  overseasTravel: Fen | null;
  vehicleTotal: Fen | null;
  vehiclePurchase: Fen | null;
  vehicleOperation: Fen | null;
  reception: Fen | null;
}

export interface BudgetFacts {
  year: number | null;
  /** Whether the budget has expenditure lines (the tables are then built from them). */
  hasLines: boolean;
  expenditure: ExpenditureFacts;
  /** Revenue by source in REVENUE_SOURCES order (only the sources the budget gives). */
  revenueBySource: [RevenueSource, Fen][];
  revenueTotal: Fen | null;
  /** Expenditure by function class (类, 3 digits; '' for lines without a code), in code order. */
  byFunctionClass: { code: string; fen: Fen }[];
  operatingExpenses: { total: Fen | null; items: { name: string; fen: Fen }[] };
  threePublic: ThreePublicFacts;
  procurement: { total: Fen | null; none: boolean };
}

export function sumFen(xs: readonly Fen[]): Fen {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function sumLines(
  lines: readonly ExpenditureLine[],
  pred: (l: ExpenditureLine) => boolean = () => true,
) {
  return sumFen(lines.filter(pred).map((l) => l.amount.fen));
}

function expenditureFacts(b: Budget): ExpenditureFacts {
  const lines = b.expenditureLines;
  if (lines.length > 0) {
    const personnel = sumLines(lines, (l) => l.kind === 'personnel');
    const publicExpenses = sumLines(lines, (l) => l.kind === 'publicExpenses');
    const project = sumLines(lines, (l) => l.kind === 'project');
    return {
      total: personnel + publicExpenses + project,
      basic: personnel + publicExpenses,
      personnel,
      publicExpenses,
      project,
    };
  }
  const s = b.stated;
  const personnel = s.personnel?.fen ?? null;
  const publicExpenses = s.publicExpenses?.fen ?? null;
  const basic =
    s.basicExpenditure?.fen ??
    (personnel !== null && publicExpenses !== null ? personnel + publicExpenses : null);
  const project = s.projectExpenditure?.fen ?? null;
  const total = s.expenditureTotal?.fen ?? (basic !== null && project !== null ? basic + project : null);
  return { total, basic, personnel, publicExpenses, project };
}

/**
 * Revenue by source: a source's revenue lines where the budget has them, else what the expenditure
 * lines it funds add up to (a budget's revenue lines may list only some sources).
 */
function revenueBySource(b: Budget): [RevenueSource, Fen][] {
  const fromRevenue = new Map<RevenueSource, Fen>();
  for (const r of b.revenue) fromRevenue.set(r.source, (fromRevenue.get(r.source) ?? 0) + r.amount.fen);
  const fromLines = new Map<RevenueSource, Fen>();
  for (const l of b.expenditureLines)
    fromLines.set(l.fundingSource, (fromLines.get(l.fundingSource) ?? 0) + l.amount.fen);
  if (
    b.expenditureLines.length === 0 &&
    !fromRevenue.has('generalPublicBudget') &&
    b.stated.generalPublicBudget
  )
    fromRevenue.set('generalPublicBudget', b.stated.generalPublicBudget.fen);
  const out: [RevenueSource, Fen][] = [];
  for (const s of REVENUE_SOURCES) {
    const v = fromRevenue.get(s) ?? fromLines.get(s);
    if (v !== undefined) out.push([s, v]);
  }
  return out;
}

function byFunctionClass(lines: readonly ExpenditureLine[]): { code: string; fen: Fen }[] {
  const m = new Map<string, Fen>();
  for (const l of lines) {
    const c = l.functionCode?.slice(0, 3) ?? '';
    m.set(c, (m.get(c) ?? 0) + l.amount.fen);
  }
  return [...m.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([code, fen]) => ({ code, fen }));
}

/**
 * 机关运行经费: the sum of its stated items, else its stated total, else the public expenses
 * (日常公用经费) of the expenditure lines by economic item.
 */
function operatingFacts(b: Budget): BudgetFacts['operatingExpenses'] {
  const op = b.operatingExpenses;
  if (op.items.length > 0) {
    const items = op.items.map((i) => ({ name: i.name, fen: i.amount.fen }));
    return { total: sumFen(items.map((i) => i.fen)), items };
  }
  if (op.total) return { total: op.total.fen, items: [] };
  const publicLines = b.expenditureLines.filter((l) => l.kind === 'publicExpenses');
  if (publicLines.length === 0) return { total: null, items: [] };
  const byName = new Map<string, { code: string; fen: Fen }>();
  for (const l of publicLines) {
    const name = l.economicName ?? l.economicCode ?? '其他';
    const prev = byName.get(name);
    byName.set(name, { code: prev?.code ?? l.economicCode ?? '', fen: (prev?.fen ?? 0) + l.amount.fen });
  }
  const items = [...byName.entries()]
    .sort(([, a], [, b]) => a.code.localeCompare(b.code))
    .map(([name, v]) => ({ name, fen: v.fen }));
  return { total: sumFen(items.map((i) => i.fen)), items };
}

type ThreePublicSource = Record<keyof ThreePublicFacts, ThreePublicItem>;

/**
 * The "三公" figures: 公务用车购置及运行费 is 购置费 + 运行费 when both are given, the 合计 is
 * 出国 + 公务用车 + 接待 when all three are known; a stated total is used otherwise.
 */
export function resolveThreePublic(
  tp: ThreePublicSource,
  pick: (i: ThreePublicItem) => Fen | null = (i) => i.amount?.fen ?? null,
): ThreePublicFacts {
  const overseasTravel = pick(tp.overseasTravel);
  const vehiclePurchase = pick(tp.vehiclePurchase);
  const vehicleOperation = pick(tp.vehicleOperation);
  const reception = pick(tp.reception);
  const vehicleTotal =
    vehiclePurchase !== null && vehicleOperation !== null
      ? vehiclePurchase + vehicleOperation
      : pick(tp.vehicleTotal);
  const total =
    overseasTravel !== null && vehicleTotal !== null && reception !== null
      ? overseasTravel + vehicleTotal + reception
      : pick(tp.total);
  return { total, overseasTravel, vehicleTotal, vehiclePurchase, vehicleOperation, reception };
}

export function budgetFacts(b: Budget): BudgetFacts {
  const revenue = revenueBySource(b);
  const procurementTotal =
    b.procurement.items.length > 0
      ? sumFen(b.procurement.items.map((i) => i.amount.fen))
      : (b.procurement.total?.fen ?? null);
  return {
    year: b.fiscalYear,
    hasLines: b.expenditureLines.length > 0,
    expenditure: expenditureFacts(b),
    revenueBySource: revenue,
    revenueTotal:
      revenue.length > 0 ? sumFen(revenue.map(([, f]) => f)) : (b.stated.revenueTotal?.fen ?? null),
    byFunctionClass: byFunctionClass(b.expenditureLines),
    operatingExpenses: operatingFacts(b),
    threePublic: resolveThreePublic(b.threePublic),
    procurement: {
      total: procurementTotal,
      none: procurementTotal === null || (b.procurement.statedNone && procurementTotal === 0),
    },
  };
}

/** The prior year's "三公" figures a budget states itself (上年 figures beside this year's). */
export function statedPriorThreePublic(b: Budget): ThreePublicFacts {
  return resolveThreePublic(b.threePublic, (i) => i.priorYear?.fen ?? null);
}
