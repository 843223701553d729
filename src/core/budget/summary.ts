/**
 * The summary of a budget: the sixteen figures scripts depend on, each an
 * integer in 分 or null when the document does not state it. The text is
 * preferred; a table fills in what the text leaves out.
 */
import type { Budget } from './budget.ts';
import { FIGURE_KEYS, type FigureKey, tableFigures } from './table-figures.ts';

export type Summary = Record<FigureKey, number | null> & {
  fiscalYear: number | null;
  department: string | null;
};

export const SUMMARY_KEYS = [...FIGURE_KEYS, 'fiscalYear', 'department'] as const;

/** The figures the text states, by summary key. */
export function textFigures(b: Budget): Record<FigureKey, number | null> {
  const tp = b.threePublic;
  return {
    revenueTotal: b.stated.revenueTotal?.fen ?? null,
    expenditureTotal: b.stated.expenditureTotal?.fen ?? null,
    generalPublicBudget: b.stated.generalPublicBudget?.fen ?? null,
    basicExpenditure: b.stated.basicExpenditure?.fen ?? null,
    personnel: b.stated.personnel?.fen ?? null,
    publicExpenses: b.stated.publicExpenses?.fen ?? null,
    projectExpenditure: b.stated.projectExpenditure?.fen ?? null,
    threePublicTotal: tp.total.amount?.fen ?? null,
    overseasTravel: tp.overseasTravel.amount?.fen ?? null,
    vehicleTotal: tp.vehicleTotal.amount?.fen ?? null,
    vehiclePurchase: tp.vehiclePurchase.amount?.fen ?? null,
    vehicleOperation: tp.vehicleOperation.amount?.fen ?? null,
    reception: tp.reception.amount?.fen ?? null,
    operatingExpenses: b.operatingExpenses.total?.fen ?? null,
    procurementTotal: b.procurement.total?.fen ?? (b.procurement.statedNone ? 0 : null),
    assetsTotal: b.assets.total?.fen ?? null,
  };
}

export function summarize(b: Budget): Summary {
  const text = textFigures(b);
  const tables = tableFigures(b);
  const out = {} as Record<FigureKey, number | null>;
  for (const k of FIGURE_KEYS) out[k] = text[k] ?? tables[k]?.amount.fen ?? null;
  return { ...out, fiscalYear: b.fiscalYear, department: b.department.name || null };
}
