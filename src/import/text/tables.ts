/**
 * Tables in a text document: laid out with tabs, with runs of spaces
 * (pdftotext -layout), or flattened into one line. Rows are rebuilt as groups of
 * classification code, label and amounts; amounts are put in columns by their
 * position under the header words, or in the standard column order when the
 * header cannot be read.
 */
import type { StatedTable, TableKind, TableRow } from '../../core/budget/budget.ts';
import { type Amount, FEN_PER_UNIT, type MoneyUnit } from '../../core/kernel/money.ts';
import { parseCellNumber } from './amounts.ts';
import { type Token, tokenize } from './cells.ts';
import { headingOf } from './sections.ts';
import type { SourceLine } from './source-lines.ts';
import {
  ALLOWED_COLUMNS,
  COLUMN_KEYWORDS,
  columnKeyOf,
  DEFAULT_COLUMNS,
  tableKindOfTitle,
} from './table-kinds.ts';

interface HeaderColumn {
  key: string;
  center: number;
  /** Cell index, for tab-separated tables. */
  index: number;
}

const UNIT_RE = /(?:金额)?单位\s*[:：]?\s*(亿元|万元|元)/;
const EMPTY_RE =
  /空表|本表无|为空表|无(?:相关)?数据|无.{0,20}(?:预算|决算|情况)[,，]?(?:故)?(?:此|本)?表(?:为空|无数据)?/;
const NUMBER_TOKEN = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const PLACEHOLDER_ROW = /^(?:\d+[、.])?\s*(?:[.…。·]{3,}|X{2,}|x{2,}|×{2,})\s*$/;

function isNumberToken(t: string): boolean {
  return NUMBER_TOKEN.test(t);
}

function isCjk(s: string): boolean {
  return /[\u3400-\u9fff]/.test(s);
}

interface Group {
  codeParts: string[];
  label: string;
  labelStart: number;
  nums: { amount: Amount; center: number; end: number; index: number }[];
}

/** Splits one line into code/label/amount groups. */
function groupsOf(line: string, unit: MoneyUnit, tabbed: boolean): Group[] {
  const tokens: (Token & { index: number })[] = [];
  if (tabbed) {
    let pos = 0;
    line.split('\t').forEach((cell, index) => {
      const trimmed = cell.trim();
      if (trimmed) tokens.push({ text: trimmed, start: pos, end: pos + cell.length, index });
      pos += cell.length + 1;
    });
  } else {
    tokenize(line, true).forEach((t, index) => {
      tokens.push({ ...t, index });
    });
  }
  const groups: Group[] = [];
  let g: Group | null = null;
  const flush = () => {
    if (g && (g.label || g.nums.length || g.codeParts.length)) groups.push(g);
    g = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token & { index: number };
    const next = tokens[i + 1];
    if (isNumberToken(t.text)) {
      const startsCode =
        /^\d{3}(?:\d{2}){0,2}$/.test(t.text) &&
        (!g || g.nums.length > 0 || (!g.label && g.codeParts.length === 0));
      if (startsCode) {
        // A code is followed by 2-digit parts and then a label.
        let j = i + 1;
        const parts = [t.text];
        while (j < tokens.length && /^\d{2}$/.test((tokens[j] as Token).text) && parts.join('').length < 7) {
          parts.push((tokens[j] as Token).text);
          j++;
        }
        const after = tokens[j];
        if (after && !isNumberToken(after.text) && isCjk(after.text)) {
          flush();
          g = { codeParts: parts, label: '', labelStart: after.start, nums: [] };
          i = j - 1;
          continue;
        }
      }
      const amount = parseCellNumber(t.text, unit);
      if (!amount) continue;
      if (!g) g = { codeParts: [], label: '', labelStart: t.start, nums: [] };
      g.nums.push({ amount, center: (t.start + t.end) / 2, end: t.end, index: t.index });
      continue;
    }
    // Text: a label, unless it follows amounts, which makes it the next group's label.
    if (g && g.nums.length > 0) flush();
    if (!g) g = { codeParts: [], label: '', labelStart: t.start, nums: [] };
    const sep = g.label && !(isCjk(g.label.slice(-1)) && isCjk(t.text[0] ?? '')) ? ' ' : '';
    g.label += sep + t.text;
    void next;
  }
  flush();
  return groups;
}

function headerColumns(lines: readonly string[], tabbed: boolean, kind: TableKind): HeaderColumn[] {
  const allowed = ALLOWED_COLUMNS[kind];
  const found = collectHeaderColumns(lines, tabbed);
  return allowed ? found.filter((c) => allowed.includes(c.key)) : found;
}

function collectHeaderColumns(lines: readonly string[], tabbed: boolean): HeaderColumn[] {
  const cols: HeaderColumn[] = [];
  for (const text of lines) {
    if (tabbed) {
      text.split('\t').forEach((cell, index) => {
        const key = columnKeyOf(cell);
        if (key) cols.push({ key, center: index, index });
      });
      continue;
    }
    for (const t of tokenize(text, false)) {
      // Several header words in one token, separated by single spaces (a flattened header)?
      const words = tokenize(t.text, true)
        .map((w) => ({ key: columnKeyOf(w.text), center: t.start + (w.start + w.end) / 2 }))
        .filter((w): w is { key: string; center: number } => w.key !== null);
      if (words.length >= 2) {
        for (const w of words) cols.push({ key: w.key, center: w.center, index: -1 });
        continue;
      }
      const key = columnKeyOf(t.text) ?? words[0]?.key ?? null;
      if (key) cols.push({ key, center: words[0]?.center ?? (t.start + t.end) / 2, index: -1 });
    }
  }
  // Keep the lowest (nearest the data) of duplicate keys at the same place.
  return cols.sort((a, b) => a.center - b.center);
}

function assignColumns(
  nums: Group['nums'],
  header: readonly HeaderColumn[],
  kind: TableKind,
  tabbed: boolean,
  edges: readonly number[] | null,
  aligned: boolean,
): Record<string, Amount> {
  const cells: Record<string, Amount> = {};
  if (ORDER_ONLY.has(kind)) {
    // Two-sided summary tables: the first amount after a label is its total.
    nums.forEach((n, i) => {
      cells[i === 0 ? 'total' : `c${i + 1}`] = n.amount;
    });
    return cells;
  }
  if (!tabbed && !aligned) {
    // A flattened row: positions mean nothing; a lone amount is the table's main one, else standard order.
    const main = MAIN_COLUMN[kind];
    if (nums.length === 1 && main && header.some((h) => h.key === main))
      return { [main]: (nums[0] as Group['nums'][number]).amount };
    const order = header.length >= nums.length ? header.map((h) => h.key) : (DEFAULT_COLUMNS[kind] ?? []);
    nums.forEach((n, i) => {
      cells[order[i] ?? `c${i + 1}`] = n.amount;
    });
    return cells;
  }
  if (!tabbed && edges && edges.length === header.length) {
    // Numbers are right-aligned: each goes to the column whose right edge is nearest, left to right.
    let from = 0;
    nums.forEach((n, i) => {
      const remaining = nums.length - i - 1;
      let best = -1;
      let bestDist = Number.POSITIVE_INFINITY;
      for (let c = from; c < edges.length - remaining; c++) {
        const d = Math.abs((edges[c] as number) - n.end);
        if (d < bestDist) {
          bestDist = d;
          best = c;
        }
      }
      if (best < 0) return;
      cells[(header[best] as HeaderColumn).key] = n.amount;
      from = best + 1;
    });
    return cells;
  }
  if (tabbed && header.length > 0) {
    for (const n of nums) {
      const h = header.find((c) => c.index === n.index);
      cells[h ? h.key : `c${n.index}`] = n.amount;
    }
    return cells;
  }
  if (header.length > 0) {
    // Greedy, left to right, each number to the nearest header column right of the last one used.
    let from = 0;
    nums.forEach((n, i) => {
      const remaining = nums.length - i - 1;
      let best = -1;
      let bestDist = Number.POSITIVE_INFINITY;
      for (let c = from; c < header.length - remaining; c++) {
        const d = Math.abs((header[c] as HeaderColumn).center - n.center);
        if (d < bestDist) {
          bestDist = d;
          best = c;
        }
      }
      if (best < 0) return;
      const key = (header[best] as HeaderColumn).key;
      if (!(key in cells)) cells[key] = n.amount;
      from = best + 1;
    });
    return cells;
  }
  const order = DEFAULT_COLUMNS[kind] ?? [];
  nums.forEach((n, i) => {
    cells[order[i] ?? `c${i + 1}`] = n.amount;
  });
  return cells;
}

/** 1 2 3 … or 4 5 6 11 13: small whole numbers, rising, printed without decimals. */
function isColumnNumberRow(g: Group, unit: MoneyUnit): boolean {
  const per = FEN_PER_UNIT[unit];
  const values = g.nums.map((n) => (n.amount.precision === per ? n.amount.fen / per : Number.NaN));
  return (
    values.length >= 3 &&
    values.every((v, i) => Number.isInteger(v) && v < 100 && (i === 0 || v > (values[i - 1] as number)))
  );
}

/** The amount a one-amount row of a flattened table holds. */
const MAIN_COLUMN: Partial<Record<TableKind, string>> = { assets: 'value', procurement: 'total' };

/** Tables whose rows pair a label with its total (收支总表): read in order, not by position. */
const ORDER_ONLY = new Set<TableKind>(['incomeExpenditureSummary', 'appropriationSummary']);

/**
 * The right edges of the amount columns, from the rows that fill every column:
 * the median edge of each column. Null when no row fills them all.
 */
function columnEdges(groupsByLine: readonly Group[][], columns: number): number[] | null {
  if (columns < 2) return null;
  const full = groupsByLine.flat().filter((g) => g.nums.length === columns);
  if (!full.length) return null;
  const edges: number[] = [];
  for (let k = 0; k < columns; k++) {
    const xs = full.map((g) => (g.nums[k] as Group['nums'][number]).end).sort((a, b) => a - b);
    edges.push(xs[Math.floor(xs.length / 2)] as number);
  }
  return edges;
}

function isTitleLine(line: SourceLine, lines: readonly SourceLine[], i: number): TableKind | null {
  const kind = tableKindOfTitle(line.text);
  if (kind) return kind;
  // A short line naming a table, followed closely by its unit line.
  const t = line.text.replace(/\s+/g, '');
  const numbered =
    /^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/.test(
      t,
    );
  if (!numbered && t.length >= 4 && t.length <= 30 && !/[。；，:：]/.test(t)) {
    for (let j = i + 1; j <= i + 4 && j < lines.length; j++) {
      const next = (lines[j] as SourceLine).text;
      if (UNIT_RE.test(next) && next.replace(/\s+/g, '').length < 40) {
        if (/政府采购/.test(t)) return 'procurement';
        if (/绩效/.test(t)) return 'performance';
        if (/资产/.test(t)) return 'assets';
        if (/三公/.test(t)) return 'threePublic';
      }
      if (next.trim() && !/^编制(?:部门|单位)|^截[止至]/.test(next.trim())) break;
    }
  }
  return null;
}

/**
 * A "三公" table row read by column position is only trusted when it adds up
 * (合计 = 出国 + 车辆 + 接待, 车辆 = 购置 + 运行): the multi-level header makes
 * positions easy to misread, and a misread row must not pass for the document's figures.
 */
function threePublicRowAddsUp(cells: Record<string, Amount>): boolean {
  const v = (k: string) => cells[k]?.fen ?? 0;
  const has = (k: string) => k in cells;
  const slack = (...ks: string[]) => ks.reduce((s, k) => s + (cells[k]?.precision ?? 1), 0);
  if (has('vehiclePurchase') || has('vehicleOperation')) {
    if (
      has('vehicleTotal') &&
      Math.abs(v('vehicleTotal') - v('vehiclePurchase') - v('vehicleOperation')) >
        slack('vehicleTotal', 'vehiclePurchase', 'vehicleOperation')
    )
      return false;
  }
  if (!has('total')) return true;
  const vehicles = has('vehicleTotal') ? v('vehicleTotal') : v('vehiclePurchase') + v('vehicleOperation');
  return (
    Math.abs(v('total') - v('overseasTravel') - vehicles - v('reception')) <=
    slack('total', 'overseasTravel', 'vehicleTotal', 'reception')
  );
}

export function findTables(lines: readonly SourceLine[], skip: (index: number) => boolean): StatedTable[] {
  const starts: { index: number; kind: TableKind }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (skip(i)) continue;
    const kind = isTitleLine(lines[i] as SourceLine, lines, i);
    if (!kind) continue;
    // The same title repeated on the next page continues the table.
    const prev = starts[starts.length - 1];
    const sameAsPrev =
      prev && (lines[prev.index] as SourceLine).text.trim() === (lines[i] as SourceLine).text.trim();
    if (sameAsPrev && i - prev.index < 6) continue;
    starts.push({ index: i, kind });
  }
  const tables: StatedTable[] = [];
  starts.forEach((s, n) => {
    let end = n + 1 < starts.length ? (starts[n + 1] as { index: number }).index : lines.length;
    let seenData = false;
    for (let i = s.index + 1; i < end; i++) {
      const line = lines[i] as SourceLine;
      const h = headingOf(line, i);
      const major = h && /^(?:[一二三四五六七八九十]+[、.]|第[一二三四五六七八九十]+部分)/.test(h.title);
      // After the data, an unnumbered section title (not a header cell) also ends the table.
      const sectionTitle = h && !h.numbered && seenData && !/\t|\S {2,}\S/.test(line.text.trim());
      if ((major || sectionTitle) && h.kinds.length > 0 && !skip(i)) {
        end = i;
        break;
      }
      if (/\d,\d{3}|\d\.\d/.test(line.text)) seenData = true;
    }
    tables.push(parseTable(lines, s.index, end, s.kind));
  });
  return tables;
}

export function parseTable(
  lines: readonly SourceLine[],
  titleIndex: number,
  end: number,
  kind: TableKind,
): StatedTable {
  const body = lines.slice(titleIndex + 1, end);
  let unit: MoneyUnit | null = null;
  for (const l of body.slice(0, 12)) {
    const m = UNIT_RE.exec(l.text);
    if (m) {
      unit = m[1] as MoneyUnit;
      break;
    }
  }
  const numberUnit: MoneyUnit = unit ?? (kind === 'performance' || kind === 'threePublic' ? '万元' : '元');
  const tabbed = body.some((l) => l.text.includes('\t'));
  const headerLines: string[] = [];
  const rows: TableRow[] = [];
  let seenData = false;
  let emptyStatement = false;
  const parsed = body.map((l) => ({ l, groups: l.text.trim() ? groupsOf(l.text, numberUnit, tabbed) : [] }));
  let edges: number[] | null | undefined;
  // The header is read once, when the first data row is reached.
  let header: HeaderColumn[] | undefined;
  for (const { l, groups } of parsed) {
    const text = l.text;
    if (EMPTY_RE.test(text.replace(/\s+/g, ''))) emptyStatement = true;
    if (!text.trim()) continue;
    const numbersOnly = groups.length === 1 && !groups[0]?.label && (groups[0]?.nums.length ?? 0) >= 2;
    // A row of column numbers (1 2 3 … under the header) is not data.
    if (numbersOnly && isColumnNumberRow(groups[0] as Group, numberUnit)) {
      if (!seenData) headerLines.push(text);
      continue;
    }
    const hasData =
      numbersOnly || groups.some((g) => g.nums.length > 0 && (g.label || g.codeParts.length > 0));
    const labelOnlyRow = groups.length > 0 && groups.every((g) => g.nums.length === 0);
    if (!seenData && !hasData) {
      headerLines.push(text);
      continue;
    }
    if (header === undefined) header = headerColumns(headerLines, tabbed, kind);
    if (edges === undefined)
      edges = columnEdges(
        parsed.map((p) => p.groups),
        header.length,
      );
    if (hasData || groups.some((g) => g.nums.length > 0)) seenData = true;
    const budgetAndActual =
      kind === 'threePublic' && headerLines.some((h) => /预算数/.test(h) && /决算数/.test(h));
    for (const g of groups) {
      if (budgetAndActual) {
        // Final accounts: each item has 预算数 and 决算数 side by side; keep the 决算数.
        const order = DEFAULT_COLUMNS.threePublic ?? [];
        const cells: Record<string, Amount> = {};
        if (g.nums.length === order.length * 2)
          order.forEach((k, i) => {
            cells[k] = (g.nums[i * 2 + 1] as Group['nums'][number]).amount;
          });
        rows.push({ line: l.no, code: null, label: g.label.trim(), cells, placeholder: false });
        continue;
      }
      const trimmedLabel = g.label.trim();
      const placeholder = PLACEHOLDER_ROW.test(trimmedLabel);
      if (g.nums.length === 0 && !placeholder && !labelOnlyRow) continue;
      if (g.nums.length === 0 && !placeholder && !/^(?:\d+[、.])/.test(trimmedLabel)) continue;
      rows.push({
        line: l.no,
        code: g.codeParts.length ? g.codeParts.join('') : null,
        label: trimmedLabel,
        cells: assignColumns(g.nums, header, kind, tabbed, edges ?? null, /\S {2,}\S/.test(text.trim())),
        placeholder,
      });
    }
  }
  if (kind === 'threePublic') for (const r of rows) if (!threePublicRowAddsUp(r.cells)) r.cells = {};
  header ??= headerColumns(headerLines, tabbed, kind);
  const first = lines[titleIndex] as SourceLine;
  return {
    kind,
    title: first.text.trim(),
    unit,
    line: first.no,
    endLine: end > titleIndex + 1 ? (lines[end - 1] as SourceLine).no : first.no,
    columns: [...new Set(header.map((h) => h.key))],
    rows,
    emptyStatement,
  };
}

/** Keys the header vocabulary knows, for tests and documentation. */
export const KNOWN_COLUMN_KEYS = COLUMN_KEYWORDS.map(([k]) => k);
