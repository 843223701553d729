/**
 * The difference between two budget snapshots (facts), for corrections of a publication: every changed
 * leaf with its JSON pointer, and a short summary in Chinese of the biggest changes.
 *
 * - An amount ({ fen, precision }) is one leaf: 82.9万元 → 83.1万元 is one change, not two.
 * - Arrays of lines with a stable key (expenditure lines by functionCode + economicCode + kind +
 *   fundingSource, revenue by source, …: KEYED_ARRAYS) are matched by key, so inserting a line does not
 *   show every later line as changed, and reordering them is no change. Other arrays compare by index.
 * - Paths point into `after` for changes and additions and into `before` for removals; a keyed element
 *   that moved also gives `beforePath`.
 *
 * Pure: no I/O.
 */
import type { Budget, ExpenditureKind, ThreePublicKey } from '../budget/budget.ts';
import { FIGURE_NAMES, REVENUE_SOURCE_NAMES, THREE_PUBLIC_FIGURE } from '../budget/names.ts';
import { summarize } from '../budget/summary.ts';
import { FIGURE_KEYS } from '../budget/table-figures.ts';
import { type Amount, formatFen } from '../kernel/money.ts';

export interface DiffEntry {
  /** JSON pointer (RFC 6901) of the leaf or element: into `after`, or into `before` for removals. */
  path: string;
  kind: 'changed' | 'added' | 'removed';
  /** Absent for additions. */
  before?: unknown;
  /** Absent for removals. */
  after?: unknown;
  /** The stable key of the array element this change is in, when it was matched by key. */
  key?: string;
  /** The path in `before`, when it differs (a keyed element that moved). */
  beforePath?: string;
}

/** Arrays matched by key (path pattern, * for an index) → the fields that make the key. */
export const KEYED_ARRAYS: Readonly<Record<string, readonly string[]>> = {
  '/expenditureLines': ['functionCode', 'economicCode', 'kind', 'fundingSource'],
  '/revenue': ['source'],
  '/operatingExpenses/items': ['name'],
  '/procurement/items': ['project', 'item', 'catalogueNo'],
  '/performance/activities': ['name'],
  '/performance/activities/*/indicators': ['name'],
  '/glossary': ['term'],
};

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isAmount(v: unknown): v is Amount {
  return (
    isObject(v) && Object.keys(v).length === 2 && typeof v.fen === 'number' && typeof v.precision === 'number'
  );
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (isAmount(a) && isAmount(b)) return a.fen === b.fen && a.precision === b.precision;
  return Object.is(a, b);
}

function pointer(segments: readonly string[]): string {
  return segments.map((s) => `/${s.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function pattern(segments: readonly string[]): string {
  return segments.map((s) => `/${/^\d+$/.test(s) ? '*' : s}`).join('');
}

function elementKey(item: unknown, fields: readonly string[]): string {
  if (!isObject(item)) return JSON.stringify(item) ?? '';
  return fields.map((f) => (item[f] === null || item[f] === undefined ? '' : String(item[f]))).join('|');
}

/** Keys for an array's elements, a repeated key numbered (#2, #3 …) in order so every key is unique. */
function keysOf(items: readonly unknown[], fields: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const k = elementKey(item, fields);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}#${n}`;
  });
}

interface Walk {
  out: DiffEntry[];
}

function walk(
  a: unknown,
  b: unknown,
  pa: readonly string[],
  pb: readonly string[],
  w: Walk,
  key: string | undefined,
): void {
  const entry = (e: DiffEntry) => {
    const withKey = key === undefined ? e : { ...e, key };
    w.out.push(withKey);
  };
  const changed = () => {
    const path = pointer(pb);
    const beforePath = pointer(pa);
    entry({ path, kind: 'changed', before: a, after: b, ...(beforePath !== path ? { beforePath } : {}) });
  };
  if (Array.isArray(a) && Array.isArray(b)) {
    const fields = KEYED_ARRAYS[pattern(pb)];
    if (fields) {
      const ka = keysOf(a, fields);
      const kb = keysOf(b, fields);
      const indexA = new Map(ka.map((k, i) => [k, i]));
      const inB = new Set(kb);
      kb.forEach((k, j) => {
        const i = indexA.get(k);
        if (i === undefined) {
          w.out.push({ path: pointer([...pb, String(j)]), kind: 'added', after: b[j], key: k });
        } else {
          walk(a[i], b[j], [...pa, String(i)], [...pb, String(j)], w, k);
        }
      });
      ka.forEach((k, i) => {
        if (!inB.has(k))
          w.out.push({ path: pointer([...pa, String(i)]), kind: 'removed', before: a[i], key: k });
      });
      return;
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length) entry({ path: pointer([...pb, String(i)]), kind: 'added', after: b[i] });
      else if (i >= b.length) entry({ path: pointer([...pa, String(i)]), kind: 'removed', before: a[i] });
      else walk(a[i], b[i], [...pa, String(i)], [...pb, String(i)], w, key);
    }
    return;
  }
  if (isObject(a) && isObject(b) && !isAmount(a) && !isAmount(b)) {
    for (const k of Object.keys(a)) {
      if (!Object.hasOwn(b, k)) entry({ path: pointer([...pa, k]), kind: 'removed', before: a[k] });
      else walk(a[k], b[k], [...pa, k], [...pb, k], w, key);
    }
    for (const k of Object.keys(b)) {
      if (!Object.hasOwn(a, k)) entry({ path: pointer([...pb, k]), kind: 'added', after: b[k] });
    }
    return;
  }
  const structured = (v: unknown) => (Array.isArray(v) || isObject(v)) && !isAmount(v);
  if (structured(a) || structured(b)) {
    // A shape change (null → object, object → array): the whole value changed.
    if (JSON.stringify(a) !== JSON.stringify(b)) changed();
    return;
  }
  if (!sameLeaf(a, b)) changed();
}

/** Every changed leaf between two snapshots, in document order (removals of keyed lines after the rest). */
export function diffBudgets(before: Budget, after: Budget): DiffEntry[] {
  const w: Walk = { out: [] };
  walk(before, after, [], [], w, undefined);
  return w.out;
}

// ————— The summary —————

const KIND_NAMES: Record<ExpenditureKind, string> = {
  personnel: FIGURE_NAMES.personnel,
  publicExpenses: FIGURE_NAMES.publicExpenses,
  project: FIGURE_NAMES.projectExpenditure,
};

/** Names of the fields people read in the summary (path pattern → name). */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  '/kind': '文件类型',
  '/fiscalYear': '预算年度',
  '/title': '标题',
  '/department': '部门情况',
  '/department/name': '部门名称',
  '/department/code': '部门编码',
  '/department/nature': '单位性质',
  '/department/rank': '单位规格',
  '/department/fundingForm': '经费保证形式',
  '/department/internalBodies': '内设机构',
  '/department/duties': '部门职责',
  '/revenue': '收入明细',
  '/expenditureLines': '支出明细',
  '/operatingExpenses/items': '机关运行经费明细',
  '/threePublic/vehicleUse': '公务用车经费用途',
  '/changes': '增减说明',
  '/performance/overall': '整体绩效目标',
  '/performance/dutyTargets': '职责目标',
  '/performance/activities': '项目绩效目标',
  '/performance/projectCount': '绩效目标项目个数',
  '/performance/projectFunds': '绩效目标项目资金',
  '/procurement/items': '政府采购明细',
  '/procurement/statedNone': '无政府采购预算的说明',
  '/assets': '国有资产占用情况',
  '/assets/asOf': '资产数据截止日期',
  '/assets/fixed': '固定资产',
  '/assets/buildings': '房屋',
  '/assets/buildingArea': '房屋面积',
  '/assets/vehicles': '车辆数',
  '/assets/vehicleValue': '车辆价值',
  '/assets/changes': '资产变动',
  '/assets/statedNone': '无国有资产的说明',
  '/glossary': '名词解释',
  '/otherNotes': '其他说明',
  '/dates/approved': '批复日期',
  '/dates/published': '公开日期',
};

/** Paths whose amounts the summary figures already report. */
const FIGURE_PATHS =
  /^\/(?:stated\/\w+|threePublic\/\w+\/amount|operatingExpenses\/total|procurement\/total|assets\/total)$/;

function segmentsOf(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let v: unknown = root;
  for (const s of segments) {
    if (Array.isArray(v)) v = v[Number(s)];
    else if (isObject(v)) v = v[s];
    else return undefined;
  }
  return v;
}

/** A field's name for people: the longest known prefix, with the item (第3项, or its name) after it. */
function fieldName(segments: readonly string[], root: unknown): string {
  if (segments[0] === 'threePublic' && segments.length === 3) {
    const key = segments[1] ?? '';
    const fig = Object.hasOwn(THREE_PUBLIC_FIGURE, key)
      ? THREE_PUBLIC_FIGURE[key as ThreePublicKey]
      : undefined;
    const what = segments[2] === 'priorYear' ? '上年数' : segments[2] === 'reason' ? '增减原因' : '';
    if (fig && what) return `${FIGURE_NAMES[fig]}${what}`;
  }
  for (let n = segments.length; n > 0; n--) {
    const name = FIELD_NAMES[pattern(segments.slice(0, n))];
    if (name === undefined) continue;
    const index = segments[n];
    if (index === undefined || !/^\d+$/.test(index)) return name;
    const fields = KEYED_ARRAYS[pattern(segments.slice(0, n))];
    const item = valueAt(root, segments.slice(0, n + 1));
    const named = fields && isObject(item) ? item[fields[0] ?? ''] : undefined;
    return typeof named === 'string' && named ? `${name}“${named}”` : `${name}第${Number(index) + 1}项`;
  }
  return pointer(segments);
}

function money(v: unknown): string {
  return isAmount(v) ? formatFen(v.fen) : '未列示';
}

function fenOf(v: unknown): number {
  return isAmount(v) ? v.fen : 0;
}

const SHORT_TEXT = 40;

function shown(v: unknown): string | null {
  if (v === null || v === undefined) return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return [...v].length <= SHORT_TEXT ? `“${v}”` : null;
  return null;
}

function lineLabel(v: unknown): string {
  if (!isObject(v)) return '';
  const part = (code: unknown, name: unknown) =>
    [code, name].filter((x) => typeof x === 'string' && x).join(' ');
  const fn = part(v.functionCode, v.functionName) || '（无功能分类）';
  const ec = part(v.economicCode, v.economicName) || '（无经济分类）';
  const kind = KIND_NAMES[v.kind as ExpenditureKind] ?? String(v.kind);
  const source =
    REVENUE_SOURCE_NAMES[v.fundingSource as keyof typeof REVENUE_SOURCE_NAMES] ?? String(v.fundingSource);
  return `${fn}／${ec}（${kind}，${source}）`;
}

function revenueLabel(v: unknown): string {
  const source = isObject(v) ? v.source : undefined;
  return REVENUE_SOURCE_NAMES[source as keyof typeof REVENUE_SOURCE_NAMES] ?? String(source);
}

export interface DiffSummaryOptions {
  /** At most this many lines, then one saying how many more (default 10). */
  limit?: number;
  /** The entries, when already computed. */
  entries?: readonly DiffEntry[];
}

/**
 * The changes in Chinese, biggest first: the summary figures and every amount by the size of the change
 * ("支出总额：82.90万元 → 83.10万元"), then the other fields in document order. The layout of the source
 * document (sections) is left out; a changed printed table is one line.
 */
export function summarizeDiff(before: Budget, after: Budget, options: DiffSummaryOptions = {}): string[] {
  const entries = options.entries ?? diffBudgets(before, after);
  const limit = options.limit ?? 10;
  const amounts: { weight: number; text: string }[] = [];
  const others: string[] = [];

  const sb = summarize(before);
  const sa = summarize(after);
  for (const k of FIGURE_KEYS) {
    const x = sb[k];
    const y = sa[k];
    if (x === y) continue;
    const fmt = (f: number | null) => (f === null ? '未列示' : formatFen(f));
    amounts.push({
      weight: Math.abs((y ?? 0) - (x ?? 0)),
      text: `${FIGURE_NAMES[k]}：${fmt(x)} → ${fmt(y)}`,
    });
  }

  const tableChanges = new Map<string, number>();
  for (const e of entries) {
    const segs = segmentsOf(e.path);
    const root = e.kind === 'removed' ? before : after;
    const [top] = segs;
    if (top === 'sections') continue;
    if (top === 'tables') {
      const title = valueAt(root, [...segs.slice(0, 2), 'title']);
      const name =
        typeof title === 'string' && title ? `公开表格“${title}”` : `公开表格第${Number(segs[1]) + 1}张`;
      tableChanges.set(name, (tableChanges.get(name) ?? 0) + 1);
      continue;
    }
    if ((top === 'expenditureLines' || top === 'revenue') && segs.length >= 2) {
      const element = valueAt(root, segs.slice(0, 2));
      const label =
        top === 'expenditureLines' ? `支出明细 ${lineLabel(element)}` : `收入明细 ${revenueLabel(element)}`;
      if (segs.length === 2 && e.kind === 'added') {
        const fen = isObject(e.after) ? fenOf(e.after.amount) : 0;
        amounts.push({
          weight: Math.abs(fen),
          text: `新增${label}：${money(isObject(e.after) ? e.after.amount : null)}`,
        });
        continue;
      }
      if (segs.length === 2 && e.kind === 'removed') {
        const fen = isObject(e.before) ? fenOf(e.before.amount) : 0;
        amounts.push({
          weight: Math.abs(fen),
          text: `删除${label}：${money(isObject(e.before) ? e.before.amount : null)}`,
        });
        continue;
      }
      if (segs[2] === 'amount') {
        amounts.push({
          weight: Math.abs(fenOf(e.after) - fenOf(e.before)),
          text: `${label}：${money(e.before)} → ${money(e.after)}`,
        });
        continue;
      }
    }
    if (isAmount(e.before) || isAmount(e.after)) {
      if (FIGURE_PATHS.test(e.path)) continue;
      const text = `${fieldName(segs, root)}：${money(e.before)} → ${money(e.after)}`;
      amounts.push({ weight: Math.abs(fenOf(e.after) - fenOf(e.before)), text });
      continue;
    }
    const name = fieldName(segs, root);
    if (e.kind === 'added') {
      const v = shown(e.after);
      others.push(`${name}：新增${typeof e.after === 'string' && v ? v : ''}`);
    } else if (e.kind === 'removed') {
      const v = shown(e.before);
      others.push(`${name}：删除${typeof e.before === 'string' && v ? v : ''}`);
    } else {
      const x = shown(e.before);
      const y = shown(e.after);
      others.push(x !== null && y !== null ? `${name}：${x} → ${y}` : `${name}已修改`);
    }
  }
  for (const [name, n] of tableChanges) others.push(`${name}：${n}处修改`);

  amounts.sort((a, b) => b.weight - a.weight);
  const lines = [...new Set([...amounts.map((a) => a.text), ...others])];
  if (lines.length <= limit) return lines;
  return [...lines.slice(0, limit), `另有${lines.length - limit}处修改`];
}
