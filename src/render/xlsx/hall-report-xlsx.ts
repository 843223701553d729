/** A hall report (daily, or a month's or year's figures) as an XLSX sheet: one row per window and the center. */
import ExcelJS from 'exceljs';
import { ITEM_KIND_NAMES, ITEM_KINDS, type ItemKind } from '../../core/hall/service-item.ts';

interface Figures {
  received: number;
  receivedByKind: Record<ItemKind, number>;
  completedOnTime: number;
  completedLate: number;
  returned: number;
  newlyOverdue: number;
  inProgress: number;
  awaitingAcceptance: number;
  overdue: number;
  completionRate: number | null;
}

const COLUMNS: [string, (f: Figures) => number | string][] = [
  ['收件', (f) => f.received],
  ...ITEM_KINDS.map((k): [string, (f: Figures) => number] => [
    `其中${ITEM_KIND_NAMES[k]}`,
    (f) => f.receivedByKind[k],
  ]),
  ['按时办结', (f) => f.completedOnTime],
  ['超时办结', (f) => f.completedLate],
  ['退回', (f) => f.returned],
  ['新增超期', (f) => f.newlyOverdue],
  ['在办', (f) => f.inProgress],
  ['待受理', (f) => f.awaitingAcceptance],
  ['超期在办', (f) => f.overdue],
  ['按时办结率', (f) => (f.completionRate === null ? '—' : `${(f.completionRate * 100).toFixed(1)}%`)],
];

export async function hallReportToXlsx(input: {
  title: string;
  windows: Record<string, Figures>;
  center: Figures;
  /** Window id → “01 号 综合窗口”. */
  windowNames: ReadonlyMap<string, string>;
  sha256?: string | null;
}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhengwu';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('报表');
  ws.addRow([input.title]).font = { bold: true, size: 14 };
  if (input.sha256) ws.addRow([`归档 SHA-256：${input.sha256}`]);
  const header = ws.addRow(['窗口', ...COLUMNS.map(([h]) => h)]);
  header.font = { bold: true };
  const rows = Object.entries(input.windows)
    .map(([id, f]) => [input.windowNames.get(id) ?? id, f] as const)
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN', { numeric: true }));
  for (const [name, f] of rows) ws.addRow([name, ...COLUMNS.map(([, v]) => v(f))]);
  ws.addRow(['全中心', ...COLUMNS.map(([, v]) => v(input.center))]).font = { bold: true };
  ws.getColumn(1).width = 24;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
