/**
 * Budget → plain-text disclosure (部门预算公开说明) in the standard layout: nine
 * numbered sections, the performance table, and the standard tables the budget
 * holds. Pure: takes a budget and options, returns a string.
 *
 * The renderer states only what the budget holds: a null amount is left out (an
 * amount of 0 is printed as 0), and no figure is derived from others. Amounts are
 * printed from integer 分 at the precision they were stated with (kernel/money.ts).
 *
 * The options give the variety real disclosures show (units, full-width digits,
 * numbering, table layouts, wording, Word debris), so importers can be tested
 * against many layouts of the same facts.
 */

import type {
  Budget,
  ChangeSubject,
  StatedChange,
  StatedTable,
  TableKind,
  TableRow,
  ThreePublicItem,
} from '../../core/budget/budget.ts';
import { THREE_PUBLIC_SUBJECTS } from '../../core/budget/budget.ts';
import { REVENUE_SOURCE_NAMES, CHANGE_SENTENCE_LABELS as SUBJECT_LABELS } from '../../core/budget/names.ts';

import { type Amount, formatAmount, type MoneyUnit } from '../../core/kernel/money.ts';

export type TableLayout = 'tabs' | 'spaces' | 'flat';
export type Numbering = 'chinese' | 'part';
/** 较上年 / 比上年 / 与上年相比. */
export type CompareWord = '较' | '比' | '与…相比';
export type IncreaseWord = '增加' | '增长';
export type DecreaseWord = '减少' | '下降';

export interface ChangeWording {
  compare: CompareWord;
  increase: IncreaseWord;
  decrease: DecreaseWord;
}

export interface RenderTextOptions {
  /** Unit of the amounts in the narrative (tables use their own unit). Default 万元. */
  unit?: MoneyUnit;
  /** Write digits (and decimal points and %) full-width: ２０１８年, ８２．９万元. */
  fullWidthDigits?: boolean;
  /** Section numbering: 一、 (chinese) or 第一部分 (part). Default chinese. */
  numbering?: Numbering;
  /** Tables laid out with tabs, aligned with runs of spaces, or flattened (single spaces). */
  tableLayout?: TableLayout;
  /** Wording of year-on-year changes; by default each change's own word (or 较 / 增加 / 减少). */
  changeWording?: Partial<ChangeWording>;
  /** Word's list debris (<!--[if !supportLists]--> … <!--[endif]-->) before list numbers. */
  wordDebris?: boolean;
  /** Thousands separators in amounts: 1,234.56万元. */
  thousandsSeparator?: boolean;
  /** Spaces around numbers in the narrative, as PDF text extraction leaves them: 2018 年, 82.9 万元. */
  spacedNumbers?: boolean;
}

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The heading of each section, without its number. */
export const SECTION_TITLES = {
  duties: '部门职责及机构设置情况',
  overview: '部门预算安排的总体情况',
  operatingExpenses: '机关运行经费安排情况',
  threePublic: '财政拨款“三公”经费预算情况及增减变化原因',
  performance: '绩效预算信息',
  procurement: '政府采购预算情况',
  assets: '国有资产信息',
  glossary: '名词解释',
  other: '其他需要说明的事项',
  tables: '部门预算表',
} as const;

/** Header words of table columns, by column key (words an importer maps back to the same key). */
export const COLUMN_HEADERS: Record<string, string> = {
  total: '合计',
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  publicExpenses: '公用经费',
  overseasTravel: '因公出国（境）费',
  vehicleTotal: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行费',
  reception: '公务接待费',
  operatingExpenses: '机关运行经费',
  generalPublicBudget: '一般公共预算拨款',
  governmentFund: '政府性基金预算拨款',
  stateCapital: '国有资本经营预算拨款',
  appropriation: '财政拨款',
  businessIncome: '事业收入',
  otherIncome: '其他收入',
  quantity: '数量',
  value: '价值',
  annualBudget: '年度预算数',
  budgetAmount: '预算数',
  actualAmount: '决算数',
};

const FIRST_COLUMN: Partial<Record<TableKind, string>> = {
  procurement: '采购项目',
  assets: '项目',
  threePublic: '项目',
};

interface Ctx {
  unit: MoneyUnit;
  numbering: Numbering;
  layout: TableLayout;
  wording: Partial<ChangeWording>;
  debris: boolean;
  separator: boolean;
  spaced: boolean;
  /** 预算 or 决算. */
  word: string;
  year: number | null;
}

/** Inserts thousands separators into the integer part of a decimal string. */
function groupThousands(s: string): string {
  const m = /^(-?)(\d+)(.*)$/.exec(s);
  if (!m) return s;
  return `${m[1]}${(m[2] as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3]}`;
}

/** An amount as a bare number in `unit`, at its stated precision ("82.9"). */
export function amountNumber(a: Amount, unit: MoneyUnit, separator = false): string {
  const s = formatAmount(a, unit).slice(0, -unit.length);
  return separator ? groupThousands(s) : s;
}

function money(ctx: Ctx, a: Amount): string {
  const n = amountNumber(a, ctx.unit, ctx.separator);
  return ctx.spaced ? ` ${n} ${ctx.unit}` : `${n}${ctx.unit}`;
}

function yearText(ctx: Ctx, y: number): string {
  return ctx.spaced ? ` ${y} 年` : `${y}年`;
}

function listMark(ctx: Ctx, mark: string): string {
  return ctx.debris ? `<!--[if !supportLists]-->${mark}<!--[endif]-->` : mark;
}

function sectionHeading(ctx: Ctx, n: number, title: string): string {
  const num = CHINESE_NUMBERS[n - 1] ?? String(n);
  return ctx.numbering === 'part'
    ? `${listMark(ctx, `第${num}部分`)} ${title}`
    : `${listMark(ctx, `${num}、`)}${title}`;
}

function subHeading(ctx: Ctx, n: number, title: string): string {
  const mark = ctx.numbering === 'part' ? `（${CHINESE_NUMBERS[n - 1] ?? n}）` : `${n}、`;
  return `${listMark(ctx, mark)}${title}`;
}

function item(ctx: Ctx, mark: string, text: string): string {
  return `- ${listMark(ctx, mark)}${text}`;
}

function withPeriod(s: string): string {
  return /[。！？.!?]$/.test(s) ? s : `${s}。`;
}

function isoToChinese(ctx: Ctx, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return ctx.spaced ? ` ${y} 年 ${m} 月 ${d} 日` : `${y}年${m}月${d}日`;
}

// ---------------------------------------------------------------- changes

/** 较上年 / 比2016年预算 / 与上年相比，… */
function comparePhrase(ctx: Ctx, c: StatedChange): string {
  const base = c.comparedYear === null ? '上年' : `${yearText(ctx, c.comparedYear)}${ctx.word}`;
  const compare = ctx.wording.compare ?? '较';
  return compare === '与…相比' ? `与${base}相比，` : `${compare}${base}`;
}

function directionWord(ctx: Ctx, c: StatedChange): string {
  if (c.direction === 'flat') return '持平';
  if (c.direction === 'increase') {
    if (ctx.wording.increase) return ctx.wording.increase;
    return /增/.test(c.word) && !/减|降/.test(c.word) ? c.word : '增加';
  }
  if (ctx.wording.decrease) return ctx.wording.decrease;
  return /减|降/.test(c.word) && !/增/.test(c.word) ? c.word : '减少';
}

function changeTail(ctx: Ctx, c: StatedChange): string {
  const word = directionWord(ctx, c);
  let s = word;
  if (c.direction !== 'flat' && c.amount) s += money(ctx, { ...c.amount, fen: Math.abs(c.amount.fen) });
  if (c.percent !== null && c.direction !== 'flat') {
    const p = `${Math.abs(c.percent)}%`;
    s += c.amount ? `，${c.direction === 'increase' ? '增长' : '下降'}${p}` : p;
  }
  return s;
}

function hasContent(c: StatedChange): boolean {
  return c.direction === 'flat' || c.amount !== null || c.percent !== null;
}

/** One sentence per top-level change of the given subjects, with its breakdown (其中：…). */
function changeSentences(ctx: Ctx, b: Budget, subjects: (s: ChangeSubject) => boolean): string[] {
  const out: string[] = [];
  b.changes.forEach((c, i) => {
    if (c.partOf !== null || !subjects(c.subject) || !hasContent(c)) return;
    const label = SUBJECT_LABELS[c.subject];
    if (!label) return;
    let s = `${label}${ctx.word}${comparePhrase(ctx, c)}${changeTail(ctx, c)}`;
    if (c.reason) s += `，主要原因是${c.reason}`;
    const parts = b.changes.filter((p) => p.partOf === i && hasContent(p) && SUBJECT_LABELS[p.subject]);
    if (parts.length > 0) {
      const texts = parts.map((p) => {
        const t = `${SUBJECT_LABELS[p.subject]}${changeTail(ctx, p)}`;
        return p.reason ? `${t}，主要为${p.reason}` : t;
      });
      s += `${c.reason ? '；' : '，'}其中：${texts.join('；')}`;
    }
    out.push(`${s}。`);
  });
  return out;
}

// ---------------------------------------------------------------- sections

function dutiesSection(ctx: Ctx, b: Budget): string[] {
  const d = b.department;
  const out: string[] = [];
  if (d.duties.length > 0) {
    out.push('部门职责：', '');
    d.duties.forEach((duty, i) => {
      out.push(item(ctx, `${CHINESE_NUMBERS[i] ?? i + 1}、`, withPeriod(duty)));
    });
    out.push('');
  }
  const headers = ['单位名称', '单位性质', '单位规格', '经费保证形式'];
  const cells = [d.name, d.nature ?? '', d.rank ?? '', d.fundingForm ?? ''];
  if (cells.some((c) => c !== '')) {
    out.push('机构设置：', '', ...tableLines(ctx, [headers, cells], [false, false, false, false]), '');
  }
  if (d.internalBodies.length > 0) out.push('内设机构：', '', d.internalBodies.join('、'), '');
  return out;
}

function overviewSection(ctx: Ctx, b: Budget): string[] {
  const out: string[] = [];
  const s = b.stated;
  const y = ctx.year === null ? '' : yearText(ctx, ctx.year);
  const who = `我单位${y}部门${ctx.word}`;
  // 收入
  const sources: string[] = [];
  let gpbDone = false;
  for (const line of b.revenue) {
    if (line.source === 'generalPublicBudget') {
      if (gpbDone) continue;
      gpbDone = true;
      const a = s.generalPublicBudget ?? line.amount;
      sources.push(`${REVENUE_SOURCE_NAMES.generalPublicBudget}${money(ctx, a)}`);
    } else sources.push(`${REVENUE_SOURCE_NAMES[line.source]}${money(ctx, line.amount)}`);
  }
  if (!gpbDone && s.generalPublicBudget)
    sources.unshift(`${REVENUE_SOURCE_NAMES.generalPublicBudget}${money(ctx, s.generalPublicBudget)}`);
  if (s.revenueTotal || sources.length > 0) {
    out.push(subHeading(ctx, 1, '收入说明'), '');
    const head = s.revenueTotal ? `${who}收入为${money(ctx, s.revenueTotal)}` : `${who}收入中`;
    const tail = sources.length ? `${s.revenueTotal ? '，其中' : '，'}${sources.join('、')}` : '';
    out.push(`反映本部门当年全部收入。${head}${tail}。`, '');
  }
  // 支出
  const basicParts: string[] = [];
  if (s.personnel) basicParts.push(`人员经费支出为${money(ctx, s.personnel)}`);
  if (s.publicExpenses) basicParts.push(`日常公用经费支出${money(ctx, s.publicExpenses)}`);
  const parts: string[] = [];
  if (s.basicExpenditure) {
    const inner = basicParts.length ? `（${basicParts.join('；')}）` : '';
    parts.push(`基本支出${money(ctx, s.basicExpenditure)}${inner}`);
  } else parts.push(...basicParts);
  if (s.projectExpenditure) parts.push(`项目支出${money(ctx, s.projectExpenditure)}`);
  if (s.expenditureTotal || parts.length > 0) {
    out.push(subHeading(ctx, 2, '支出说明'), '');
    const head = s.expenditureTotal ? `${who}支出为${money(ctx, s.expenditureTotal)}` : `${who}支出中`;
    const tail = parts.length ? `${s.expenditureTotal ? '，其中：' : '，'}${parts.join('；')}` : '';
    out.push(`${head}${tail}。`, '');
  }
  // 比上年增减
  const changes = changeSentences(
    ctx,
    b,
    (subject) => !THREE_PUBLIC_SUBJECTS.includes(subject) && subject !== 'operatingExpenses',
  );
  if (changes.length) out.push(subHeading(ctx, 3, '比上年增减情况'), '', changes.join(''), '');
  return out;
}

function operatingSection(ctx: Ctx, b: Budget): string[] {
  const op = b.operatingExpenses;
  const out: string[] = [];
  const y = ctx.year === null ? '' : yearText(ctx, ctx.year).trimStart();
  if (op.total) {
    const items = op.items.map((it) => `${it.name}${money(ctx, it.amount)}`);
    const list = items.length ? `（${items.join('、')}）` : '';
    out.push(`${y}部门${ctx.word}中，我单位机关运行经费为${money(ctx, op.total)}${list}。`);
  } else if (op.items.length) {
    out.push(
      `${y}部门${ctx.word}中，我单位机关运行经费包括${op.items.map((it) => `${it.name}${money(ctx, it.amount)}`).join('、')}。`,
    );
  }
  const changes = changeSentences(ctx, b, (subject) => subject === 'operatingExpenses');
  if (changes.length) out.push(changes.join(''));
  return out.length ? [...out, ''] : [];
}

function threePublicItem(ctx: Ctx, label: string, it: ThreePublicItem): string | null {
  if (!it.amount) return null;
  const prior = it.priorYear ? `（上年${money(ctx, it.priorYear)}）` : '';
  return `${label}${money(ctx, it.amount)}${prior}`;
}

function threePublicSection(ctx: Ctx, b: Budget): string[] {
  const tp = b.threePublic;
  const out: string[] = [];
  const y = ctx.year === null ? '' : `${yearText(ctx, ctx.year).trimStart()}，`;
  const purchase = threePublicItem(ctx, '公务用车购置费', tp.vehiclePurchase);
  const operation = threePublicItem(ctx, '公务用车运行费', tp.vehicleOperation);
  const vehicleParts = [purchase, operation].filter((x): x is string => x !== null);
  const items: string[] = [];
  const overseas = threePublicItem(ctx, '因公出国（境）费', tp.overseasTravel);
  if (overseas) items.push(overseas);
  const vehicle = threePublicItem(ctx, '公务用车购置及运行费', tp.vehicleTotal);
  if (vehicle) {
    let v = vehicle;
    if (vehicleParts.length) v += `（其中：${vehicleParts.join('，')}）`;
    if (tp.vehicleUse) v += `，用于${tp.vehicleUse}`;
    items.push(v);
  } else items.push(...vehicleParts);
  const reception = threePublicItem(ctx, '公务接待费', tp.reception);
  if (reception) items.push(reception);
  const head = tp.total.amount
    ? `${y}我部门财政拨款“三公”经费${ctx.word}安排${money(ctx, tp.total.amount)}${tp.total.priorYear ? `（上年${money(ctx, tp.total.priorYear)}）` : ''}`
    : `${y}我部门财政拨款“三公”经费${ctx.word}中`;
  if (tp.total.amount || items.length) {
    const list = items.length ? `${tp.total.amount ? '，其中' : '，'}${items.join('；')}` : '';
    out.push(`${head}${list}。`);
  }
  if (!tp.vehicleTotal.amount && tp.vehicleUse) out.push(`公务用车经费用于${tp.vehicleUse}。`);
  const reasons: [string, ThreePublicItem][] = [
    ['“三公”经费', tp.total],
    ['因公出国（境）费', tp.overseasTravel],
    ['公务用车购置及运行费', tp.vehicleTotal],
    ['公务用车购置费', tp.vehiclePurchase],
    ['公务用车运行费', tp.vehicleOperation],
    ['公务接待费', tp.reception],
  ];
  for (const [label, it] of reasons)
    if (it.reason) out.push(`${label}增减变化原因：${withPeriod(it.reason)}`);
  const changes = changeSentences(ctx, b, (subject) => THREE_PUBLIC_SUBJECTS.includes(subject));
  if (changes.length) out.push(changes.join(''));
  return out.length ? [out.join(''), ''] : [];
}

function performanceSection(ctx: Ctx, b: Budget): string[] {
  const p = b.performance;
  const out: string[] = [];
  if (p.overall.length) {
    out.push('总体绩效目标：', '');
    p.overall.forEach((o, i) => {
      out.push(item(ctx, `${CHINESE_NUMBERS[i] ?? i + 1}、`, withPeriod(o)));
    });
    out.push('');
  }
  if (p.dutyTargets.length) {
    out.push('部门职责及工作活动绩效目标指标：', '');
    for (const d of p.dutyTargets) {
      if (d.duty) out.push(`部门职责：${d.duty}`, '');
      if (d.target) out.push(`部门职责绩效目标：${withPeriod(d.target)}`, '');
      if (d.activityTarget) out.push(`工作活动绩效目标：${withPeriod(d.activityTarget)}`, '');
    }
  }
  if (p.projectCount !== null && p.projectFunds) {
    out.push(
      `本部门纳入绩效目标管理的项目${p.projectCount}个，涉及项目资金${money(ctx, p.projectFunds)}。`,
      '',
    );
  }
  if (p.activities.length) {
    const rows: string[][] = [
      ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', '优', '良', '中', '差'],
    ];
    const numeric = [false, true, false, false, false, false, false, false, false];
    for (const a of p.activities) {
      const budget = a.annualBudget ? amountNumber(a.annualBudget, '万元', ctx.separator) : '';
      const indicators = a.indicators.length ? a.indicators : [null];
      indicators.forEach((ind, k) => {
        const head = k === 0 ? [a.name, budget, a.description, a.goal] : ['', '', '', ''];
        rows.push([
          ...head,
          ind?.name ?? '',
          ind?.excellent?.text ?? '',
          ind?.good?.text ?? '',
          ind?.fair?.text ?? '',
          ind?.poor?.text ?? '',
        ]);
      });
    }
    out.push('部门职责—工作活动绩效目标', '', '单位：万元', '', ...tableLines(ctx, rows, numeric), '');
  }
  if (!out.length) out.push('暂无绩效预算信息。', '');
  return out;
}

function procurementSection(ctx: Ctx, b: Budget): string[] {
  const pr = b.procurement;
  const y = ctx.year === null ? '' : `${yearText(ctx, ctx.year).trimStart()}，`;
  if (pr.total) {
    const items = pr.items.map((it) => {
      const q = it.quantity !== null ? `${it.quantity}${it.quantityUnit ?? ''}` : '';
      return `${it.item}${q}${money(ctx, it.amount)}`;
    });
    const list = items.length ? `，具体为：${items.join('、')}` : '';
    return [`${y}我部门安排政府采购${ctx.word}${money(ctx, pr.total)}${list}。`, ''];
  }
  if (pr.statedNone) return [`无政府采购${ctx.word}，空表列示。`, ''];
  return [];
}

function assetsSection(ctx: Ctx, b: Budget): string[] {
  const a = b.assets;
  const out: string[] = [];
  const asOf = a.asOf ? `截至${isoToChinese(ctx, a.asOf)}，` : '';
  const parts: string[] = [];
  if (a.total) parts.push(`我单位国有资产总额${money(ctx, a.total)}`);
  const composition: string[] = [];
  if (a.fixed) composition.push(`固定资产${money(ctx, a.fixed)}`);
  if (a.buildings) {
    const area = a.buildingArea !== null ? `（建筑面积${a.buildingArea}平方米）` : '';
    composition.push(`房屋${money(ctx, a.buildings)}${area}`);
  }
  if (a.vehicles !== null) {
    if (a.vehicles === 0) composition.push('无车辆');
    else {
      const value = a.vehicleValue ? `，价值${money(ctx, a.vehicleValue)}` : '';
      composition.push(`车辆${a.vehicles}辆${value}`);
    }
  }
  if (a.equipmentCount !== null && a.equipmentThreshold) {
    composition.push(`单价${amountNumber(a.equipmentThreshold, '万元')}万元以上设备${a.equipmentCount}台`);
  }
  if (composition.length) parts.push(`资产构成：${composition.join('，')}`);
  if (a.change) {
    const word = a.change.fen < 0 ? '减少' : '增加';
    parts.push(`国有资产较上年${word}${money(ctx, { ...a.change, fen: Math.abs(a.change.fen) })}`);
  }
  if (parts.length) out.push(`${asOf}${parts.join('，')}。`);
  for (const c of a.changes) {
    const q = c.quantity !== null ? `${c.quantity}台` : '';
    const v = c.amount ? `价值${money(ctx, c.amount)}` : '';
    const when = c.date ? `${isoToChinese(ctx, c.date)}` : '';
    out.push(`${when}新增${c.item}${q}${v}。`);
  }
  if (a.statedNone) out.push(`${asOf}我单位无固定资产。`);
  return out.length ? [out.join(''), ''] : [];
}

function glossarySection(ctx: Ctx, b: Budget): string[] {
  if (!b.glossary.length) return ['无。', ''];
  return [...b.glossary.map((g, i) => item(ctx, `${i + 1}、`, `${g.term}：${withPeriod(g.definition)}`)), ''];
}

function otherSection(ctx: Ctx, b: Budget): string[] {
  const out = b.otherNotes.map(withPeriod);
  if (b.dates.approved) out.push(`批复日期：${isoToChinese(ctx, b.dates.approved).trimStart()}。`);
  if (b.dates.published) out.push(`公开日期：${isoToChinese(ctx, b.dates.published).trimStart()}。`);
  if (!out.length) out.push('无。');
  return out.flatMap((l) => [l, '']);
}

// ---------------------------------------------------------------- tables

/**
 * Lays out rows of cells. Spaces: columns aligned as `pdftotext -layout` does
 * (headers centred, numbers right-aligned, text left-aligned), with widths in
 * string positions so that an importer measuring positions sees the alignment.
 */
function tableLines(ctx: Ctx, rows: readonly (readonly string[])[], numeric: readonly boolean[]): string[] {
  if (ctx.layout === 'tabs') return rows.map((r) => r.join('\t').replace(/\t+$/, ''));
  if (ctx.layout === 'flat') return rows.map((r) => r.filter((c) => c !== '').join(' '));
  const n = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < n; c++) widths.push(Math.max(2, ...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r, ri) =>
    r
      .map((cell, c) => {
        const w = widths[c] as number;
        const pad = w - cell.length;
        if (ri === 0) {
          const left = Math.floor(pad / 2);
          return ' '.repeat(left) + cell + ' '.repeat(pad - left);
        }
        return numeric[c] ? ' '.repeat(pad) + cell : cell + ' '.repeat(pad);
      })
      .join('    ')
      .trimEnd(),
  );
}

function renderTable(ctx: Ctx, t: StatedTable): string[] {
  const unit = t.unit ?? '万元';
  // The declared columns, then any a row fills without declaring (read by position, say).
  const columns = [...new Set([...t.columns, ...t.rows.flatMap((r) => Object.keys(r.cells))])];
  const coded = t.rows.some((r) => r.code !== null);
  const lead = coded ? ['科目编码', '科目名称'] : [FIRST_COLUMN[t.kind] ?? '项目'];
  const header = [...lead, ...columns.map((k) => COLUMN_HEADERS[k] ?? k)];
  const numeric = [...lead.map(() => false), ...columns.map(() => true)];
  const body = t.rows.map((r: TableRow) => {
    const leadCells = coded ? [r.code ?? '', r.label] : [r.label];
    return [
      ...leadCells,
      ...columns.map((k) => {
        const a = r.cells[k];
        return a ? amountNumber(a, unit, ctx.separator) : '';
      }),
    ];
  });
  const out = [t.title, '', `单位：${unit}`, ''];
  out.push(...tableLines(ctx, [header, ...body], numeric));
  if (t.emptyStatement) out.push('', '本表无数据，空表列示。');
  out.push('');
  return out;
}

// ---------------------------------------------------------------- document

function toFullWidth(text: string): string {
  return text
    .replace(/(?<=\d)\.(?=\d)/g, '．')
    .replace(/%/g, '％')
    .replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

/** Writes a budget as a plain-text disclosure. */
export function renderText(budget: Budget, options: RenderTextOptions = {}): string {
  const ctx: Ctx = {
    unit: options.unit ?? '万元',
    numbering: options.numbering ?? 'chinese',
    layout: options.tableLayout ?? 'tabs',
    wording: options.changeWording ?? {},
    debris: options.wordDebris ?? false,
    separator: options.thousandsSeparator ?? false,
    spaced: options.spacedNumbers ?? false,
    word: budget.kind === 'finalAccounts' ? '决算' : '预算',
    year: budget.fiscalYear,
  };
  const name = budget.department.name;
  const y = budget.fiscalYear === null ? '' : yearText(ctx, budget.fiscalYear).trimStart();
  const title = `${name}${name && y ? ' ' : ''}${y}部门${ctx.word}公开说明`;
  const out: string[] = [title, ''];
  out.push(
    `按照《中华人民共和国预算法》和《地方预决算公开操作规程》规定，现将${name}${y}部门${ctx.word}公开如下：`,
    '',
  );
  const sections: [string, string[]][] = [
    [SECTION_TITLES.duties, dutiesSection(ctx, budget)],
    [SECTION_TITLES.overview, overviewSection(ctx, budget)],
    [SECTION_TITLES.operatingExpenses, operatingSection(ctx, budget)],
    [SECTION_TITLES.threePublic, threePublicSection(ctx, budget)],
    [SECTION_TITLES.performance, performanceSection(ctx, budget)],
    [SECTION_TITLES.procurement, procurementSection(ctx, budget)],
    [SECTION_TITLES.assets, assetsSection(ctx, budget)],
    [SECTION_TITLES.glossary, glossarySection(ctx, budget)],
    [SECTION_TITLES.other, otherSection(ctx, budget)],
  ];
  if (budget.tables.length)
    sections.push([SECTION_TITLES.tables, budget.tables.flatMap((t) => renderTable(ctx, t))]);
  sections.forEach(([heading, body], i) => {
    const kindTitle = budget.kind === 'finalAccounts' ? heading.replaceAll('预算', '决算') : heading;
    out.push(sectionHeading(ctx, i + 1, kindTitle), '', ...body);
  });
  const text = `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
  return options.fullWidthDigits ? toFullWidth(text) : text;
}
