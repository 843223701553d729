/**
 * Who and when: the title, fiscal year, kind (budget or final accounts) and the
 * department profile (name, nature, rank, funding form, internal bodies, duties).
 */
import type { Budget, Department, Section } from '../../core/budget/budget.ts';
import { type Token, tokenize } from './cells.ts';
import { refFromLine, type SourceRef } from './provenance.ts';
import { rawSlice, type SourceLine } from './source-lines.ts';

const TITLE = /(\d{4})\s*年\s*度?\s*(?:的)?\s*(?:区级|市级|县级|省级)?\s*(部门|单位)?\s*(预算|决算)/;

export interface TitleInfo {
  title: string | null;
  fiscalYear: number | null;
  kind: Budget['kind'];
  department: string | null;
  refs: Record<string, SourceRef>;
}

function cleanName(s: string): string {
  return s
    .replace(/^[#*\s:：、,，]+|[\s:：、,，]+$/g, '')
    .replace(/\s+/g, '')
    .replace(/^(?:第[一二三四五六七八九十]+部分|关于)/, '');
}

export function readTitle(lines: readonly SourceLine[]): TitleInfo {
  const refs: Record<string, SourceRef> = {};
  let title: string | null = null;
  let fiscalYear: number | null = null;
  let kind: Budget['kind'] = 'budget';
  let department: string | null = null;
  const head = lines.slice(0, 60);
  for (const l of head) {
    const m = TITLE.exec(l.text);
    if (!m || l.text.trim().length > 60) continue;
    title = l.text.trim();
    fiscalYear = Number(m[1]);
    kind = m[3] === '决算' ? 'finalAccounts' : 'budget';
    refs['/fiscalYear'] = refFromLine(l, m.index, m[0].length);
    const before = cleanName(rawSlice(l, 0, m.index));
    if (before.length >= 2) {
      department = before;
      refs['/department/name'] = refFromLine(l, l.text.search(/\S/), m.index);
    } else {
      // The name may be on the line above the year ("上海市普陀区财政局\n2024年度部门决算").
      // It may itself wrap over two lines ("上海市普陀区规划和自然\n资源局").
      const above = [lines[l.no - 3], lines[l.no - 2]].filter(
        (p): p is SourceLine =>
          p !== undefined &&
          p.text.trim().length >= 2 &&
          p.text.trim().length <= 40 &&
          !/[。；:：]|目\s*录/.test(p.text),
      );
      const name = cleanName(above.map((p) => p.raw).join(''));
      const first = above[0];
      if (first && name.length >= 3) {
        department = name;
        refs['/department/name'] = refFromLine(first, first.text.search(/\S/), first.text.trim().length);
      }
    }
    break;
  }
  // An explicit "预算主管部门：" / "编制部门：" / "部门名称：" names the department best.
  for (const l of lines.slice(0, 200)) {
    const m = /(?:预算主管部门|主管部门|部门名称|单位名称|编制(?:部门|单位))\s*[:：]\s*(\S{3,40})/.exec(
      l.text,
    );
    if (m && !/^(?:单位|金额)/.test(m[1] as string)) {
      const start = m.index + m[0].length - (m[1] as string).length;
      const name = cleanName(rawSlice(l, start, start + (m[1] as string).length).replace(/单位[:：].*$/, ''));
      if (name.length >= 3) {
        department = name;
        refs['/department/name'] = refFromLine(
          l,
          m.index + m[0].length - (m[1] as string).length,
          name.length,
        );
        break;
      }
    }
  }
  if (fiscalYear === null) {
    // No title: the year most often followed by 年预算/年部门.
    const counts = new Map<number, number>();
    for (const l of lines)
      for (const m of l.text.matchAll(
        /(20\d{2}|19\d{2})\s*年\s*(?:度)?\s*(?:部门|单位)?[^\n。，]{0,24}?(?:预算|决算|表)/g,
      ))
        counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    let best = 0;
    for (const [y, c] of counts) if (c > best) [best, fiscalYear] = [c, y];
  }
  return { title, fiscalYear, kind, department, refs };
}

interface OrgCell {
  header: string;
  value: string;
  /** Character index of the value in the row's text. */
  col: number;
}

/**
 * The organisation table's row under its header: by tab index, by position
 * under the header words (a blank cell stays blank), or word by word when the
 * table was flattened into single-spaced lines.
 */
export function orgTableCells(header: string, row: string): OrgCell[] {
  const at = (value: string, from: number) => row.indexOf(value, from);
  const out: OrgCell[] = [];
  if (header.includes('\t')) {
    const hs = header.split('\t').map((h) => h.replace(/\s+/g, ''));
    let from = 0;
    row.split('\t').forEach((cell, k) => {
      const value = cell.trim();
      if (value && hs[k]) out.push({ header: hs[k] as string, value, col: at(value, from) });
      from += cell.length + 1;
    });
    return out;
  }
  let hs = tokenize(header, false);
  let cells = tokenize(row, false);
  if (hs.length < 3) {
    // Flattened: single spaces between cells.
    hs = tokenize(header, true);
    cells = tokenize(row, true);
    let from = 0;
    cells.forEach((c, k) => {
      const h = hs[k];
      if (!h) return;
      const col = at(c.text, from);
      from = col + c.text.length;
      out.push({ header: h.text, value: c.text, col });
    });
    return out;
  }
  // Aligned: each cell belongs to the header word whose start is nearest its own.
  let from = 0;
  for (const c of cells) {
    let best = hs[0] as Token;
    for (const h of hs) if (Math.abs(h.start - c.start) < Math.abs(best.start - c.start)) best = h;
    const col = at(c.text, from);
    from = col + c.text.length;
    out.push({ header: best.text.replace(/\s+/g, ''), value: c.text, col });
  }
  return out;
}

/** The organisation table (单位名称 单位性质 单位规格 经费保证形式) and 内设机构. */
export function readProfile(
  lines: readonly SourceLine[],
  sections: readonly Section[],
  fallbackName: string | null,
): {
  department: Department;
  refs: Record<string, SourceRef>;
} {
  const refs: Record<string, SourceRef> = {};
  const department: Department = {
    name: fallbackName ?? '',
    code: null,
    nature: null,
    rank: null,
    fundingForm: null,
    internalBodies: [],
    duties: [],
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    if (!/单位名称/.test(l.text) || !/单位性质|单位规格|经费/.test(l.text)) continue;
    const row = lines.slice(i + 1, i + 4).find((r) => r.text.trim());
    if (!row) break;
    for (const { header: h, value, col } of orgTableCells(l.text, row.text)) {
      const v = rawSlice(row, col, col + value.length).trim();
      if (/单位名称/.test(h)) {
        // The full official name from the table wins when it contains the title's name.
        if (!department.name || v.includes(department.name) || v.length >= department.name.length) {
          department.name = v;
          refs['/department/name'] = refFromLine(row, col, value.length);
        }
      } else if (/性质/.test(h)) {
        department.nature = v;
        refs['/department/nature'] = refFromLine(row, col, value.length);
      } else if (/规格|级别/.test(h)) {
        department.rank = v;
        refs['/department/rank'] = refFromLine(row, col, value.length);
      } else if (/经费/.test(h)) {
        department.fundingForm = v;
        refs['/department/fundingForm'] = refFromLine(row, col, value.length);
      } else if (/编码|代码/.test(h)) department.code = v;
    }
    break;
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    const m = /内设机构\s*[:：]?\s*(.*)$/.exec(l.text.trim());
    if (!m) continue;
    let list = (m[1] ?? '').trim();
    if (!list)
      list =
        lines
          .slice(i + 1, i + 4)
          .find((r) => r.text.trim())
          ?.text.trim() ?? '';
    const bodies = list
      .replace(/[。.]$/, '')
      .split(/[、，,；;\s]+/)
      .filter((b) => /^[\u4e00-\u9fff（）()]{2,20}$/.test(b));
    if (bodies.length) {
      department.internalBodies = bodies;
      break;
    }
  }
  // The department's own duties: items numbered 一、二、… where there are such, else 1. 2. ….
  const items: { chinese: boolean; text: string }[] = [];
  for (const s of sections.filter((x) => x.kind === 'duties')) {
    for (const l of lines.slice(s.line, s.endLine)) {
      const t = l.text.trim().replace(/^[-*•·]\s*/, '');
      const m = /^(?:([一二三四五六七八九十]+[、.])|\(?\d{1,2}[)、.．]|[(（]\d{1,2}[)）])\s*(.{4,})$/.exec(t);
      if (m && !/职责$|职能$/.test(t)) items.push({ chinese: Boolean(m[1]), text: (m[2] as string).trim() });
    }
  }
  const chinese = items.filter((x) => x.chinese);
  department.duties = (chinese.length > 0 ? chinese : items).map((x) => x.text);
  return { department, refs };
}
