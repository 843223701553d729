/**
 * The key figures the standard tables state (their 合计 rows), for comparing
 * with the text and for filling in what the text leaves out.
 */
import type { Amount } from '../kernel/money.ts';
import type { Budget, StatedTable, TableKind, TableRow } from './budget.ts';

export const FIGURE_KEYS = [
  'revenueTotal',
  'expenditureTotal',
  'generalPublicBudget',
  'basicExpenditure',
  'personnel',
  'publicExpenses',
  'projectExpenditure',
  'threePublicTotal',
  'overseasTravel',
  'vehicleTotal',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
  'operatingExpenses',
  'procurementTotal',
  'assetsTotal',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface TableFigure {
  amount: Amount;
  table: TableKind;
  title: string;
  line: number;
  label: string;
}

export type TableFigures = Partial<Record<FigureKey, TableFigure>>;

const TOTAL_ROW = /^(?:合\s*计|总\s*计|支出合计|收入合计)$/;

function rowWhere(t: StatedTable, re: RegExp): TableRow | undefined {
  return t.rows.find((r) =>
    re.test(r.label.replace(/\s+/g, '').replace(/^[一二三四五六七八九十\d]+[、.]/, '')),
  );
}

/**
 * The 合计 row's split columns, only when they add up to its total (one blank
 * column counts as zero): a misread column position must not pass for a figure.
 */
function consistentSplit(row: TableRow, a: string, b: string): TableRow | undefined {
  const total = row.cells.total;
  const x = row.cells[a];
  const y = row.cells[b];
  if (!total || (!x && !y)) return undefined;
  const slack = total.precision + (x?.precision ?? 0) + (y?.precision ?? 0);
  return Math.abs(total.fen - (x?.fen ?? 0) - (y?.fen ?? 0)) <= slack ? row : undefined;
}

export function tableFigures(budget: Pick<Budget, 'tables' | 'assets'>): TableFigures {
  const out: TableFigures = {};
  const put = (key: FigureKey, t: StatedTable, row: TableRow | undefined, cell: string) => {
    if (out[key] || !row) return;
    const amount = row.cells[cell];
    if (amount) out[key] = { amount, table: t.kind, title: t.title, line: row.line, label: row.label };
  };
  const of = (kind: TableKind) => budget.tables.filter((t) => t.kind === kind);
  for (const t of of('incomeExpenditureSummary')) {
    put('revenueTotal', t, rowWhere(t, /^本年收入合计$/) ?? rowWhere(t, /^收入(?:总计|合计)$/), 'total');
    put('expenditureTotal', t, rowWhere(t, /^本年支出合计$/) ?? rowWhere(t, /^支出(?:总计|合计)$/), 'total');
    put('generalPublicBudget', t, rowWhere(t, /^一般公共预算(?:财政)?(?:拨款|资金)?(?:收入)?$/), 'total');
  }
  for (const t of of('revenueSummary')) put('revenueTotal', t, rowWhere(t, TOTAL_ROW), 'total');
  for (const kind of ['expenditureSummary', 'generalBudgetByFunction'] as const) {
    for (const t of of(kind)) {
      const total = rowWhere(t, TOTAL_ROW);
      if (kind === 'expenditureSummary') put('expenditureTotal', t, total, 'total');
      const split = total && consistentSplit(total, 'basic', 'project');
      put('basicExpenditure', t, split, 'basic');
      put('projectExpenditure', t, split, 'project');
    }
  }
  for (const t of of('appropriationSummary')) {
    put('generalPublicBudget', t, rowWhere(t, /^一般公共预算(?:财政)?(?:拨款|资金)?(?:收入)?$/), 'total');
  }
  for (const t of of('generalBudgetBasicByEconomic')) {
    const row = rowWhere(t, TOTAL_ROW);
    const total = row && consistentSplit(row, 'personnel', 'publicExpenses');
    put('personnel', t, total ?? rowWhere(t, /^人员经费合计$/), 'personnel');
    put('publicExpenses', t, total ?? rowWhere(t, /^公用经费合计$/), 'publicExpenses');
    put('personnel', t, rowWhere(t, /^人员经费合计$/), 'total');
    put('publicExpenses', t, rowWhere(t, /^公用经费合计$/), 'total');
  }
  for (const t of of('threePublic')) {
    const row = t.rows.find((r) => r.label === '' || TOTAL_ROW.test(r.label.replace(/\s+/g, '')));
    put('threePublicTotal', t, row, 'total');
    put('overseasTravel', t, row, 'overseasTravel');
    put('vehicleTotal', t, row, 'vehicleTotal');
    put('vehiclePurchase', t, row, 'vehiclePurchase');
    put('vehicleOperation', t, row, 'vehicleOperation');
    put('reception', t, row, 'reception');
    put('operatingExpenses', t, row, 'operatingExpenses');
  }
  for (const t of of('procurement')) put('procurementTotal', t, rowWhere(t, TOTAL_ROW), 'total');
  for (const t of of('assets')) {
    const row = rowWhere(t, /^资产总(?:额|计)$/);
    put('assetsTotal', t, row, 'value');
    put('assetsTotal', t, row, 'total');
  }
  return out;
}
