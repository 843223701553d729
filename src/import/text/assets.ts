/** State-owned assets as the text states them: snapshot date, totals, vehicles, changes. */
import type { Assets, StatedTable } from '../../core/budget/budget.ts';
import { AMOUNT_SOURCE, amountFromMatch } from './amounts.ts';
import { refFromFlow, type SourceRef } from './provenance.ts';
import type { Flow, SourceLine } from './source-lines.ts';

export const DATE_SOURCE = String.raw`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`;

export function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function readAssets(
  lines: readonly SourceLine[],
  flows: readonly Flow[],
  tables: readonly StatedTable[],
  assets: Assets,
): Record<string, SourceRef> {
  const refs: Record<string, SourceRef> = {};
  for (const flow of flows) {
    const text = flow.text;
    if (assets.asOf === null) {
      const m = new RegExp(String.raw`(?:截[至止]|截止到|截至到)\s*(?:时间)?[:：]?\s*${DATE_SOURCE}`).exec(
        text,
      );
      if (m) {
        assets.asOf = isoDate(m[1] as string, m[2] as string, m[3] as string);
        refs['/assets/asOf'] = refFromFlow(lines, flow, m.index, m.index + m[0].length);
      }
    }
    if (assets.vehicles === null) {
      const m = /(?:共有|拥有|有)?(?:车辆|汽车|公务用车)\s*(\d+)\s*(?:辆|台)/.exec(text);
      if (m) {
        assets.vehicles = Number(m[1]);
        refs['/assets/vehicles'] = refFromFlow(lines, flow, m.index, m.index + m[0].length);
      } else if (/无(?:[^。，,；]{0,6}[、和])?(?:汽车|车辆)/.test(text)) assets.vehicles = 0;
    }
    const equip =
      /单价\s*(\d+)\s*万元\s*(?:\(含\))?以上(?:的)?(?:通用|专用)?设备[^。；\d]{0,12}?(\d+)\s*(?:台|套)/.exec(
        text,
      );
    if (equip && assets.equipmentCount === null) {
      assets.equipmentCount = Number(equip[2]);
      assets.equipmentThreshold = { fen: Number(equip[1]) * 1_000_000, precision: 1_000_000 };
    }
    if (/无(?:固定)?资产|无[^。]{0,10}资产占用|不存在[^。]{0,6}资产/.test(text.replace(/\s+/g, '')))
      assets.statedNone = true;
    // Changes: "为新购置的联想电脑 1 台价值 0.42 万元".
    const item = new RegExp(
      String.raw`([\u4e00-\u9fffA-Za-z]{2,12}?)\s*(\d+)\s*(?:台|辆|套|件|个|部)\s*(?:[,，]?\s*(?:价值|金额|计))?\s*${AMOUNT_SOURCE}`,
      'g',
    );
    for (const m of text.matchAll(item)) {
      const amount = amountFromMatch(m[3] as string, m[4] as string);
      if (!amount) continue;
      const index = assets.changes.length;
      assets.changes.push({
        item: (m[1] as string).replace(/^(?:新购置的?|购置的?|为|新增的?|的)/, ''),
        quantity: Number(m[2]),
        amount,
        date: null,
      });
      refs[`/assets/changes/${index}/amount`] = refFromFlow(lines, flow, m.index, m.index + m[0].length);
    }
  }
  for (const t of tables.filter((x) => x.kind === 'assets')) {
    const totalRow = t.rows.find((r) => /资产总额|资产总计|合计/.test(r.label));
    if (totalRow) {
      const v = totalRow.cells.value ?? totalRow.cells.total ?? Object.values(totalRow.cells)[0];
      if (v) assets.tableTotal = v;
    }
    if (t.emptyStatement) assets.statedNone = true;
  }
  return refs;
}
