/**
 * Section headings of a disclosure, numbered in any of the usual ways (一、,
 * （一）, 第一部分, 1.) or not at all, classified by what they are about.
 * A table of contents is recognised and skipped.
 */
import type { Section, SectionKind } from '../../core/budget/budget.ts';
import type { SourceLine } from './source-lines.ts';
import { tableKindOfTitle } from './table-kinds.ts';

const NUMBERING =
  /^(?:[-*#>\s]*)(?:第[一二三四五六七八九十百]+(?:部分|章|节)|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[、.．](?!\d))\s*/;

/** Keywords of each section kind, most specific first. */
const KIND_PATTERNS: readonly [SectionKind, RegExp][] = [
  ['glossary', /名词解释|名词说明|术语解释/],
  ['threePublic', /三公/],
  ['operatingExpenses', /机关运行经费|机关运行费/],
  ['performance', /绩效/],
  ['procurement', /政府采购/],
  ['assets', /国有资产|资产占(?:有|用)|固定资产/],
  ['tables', /(?:预算|决算|公开)(?:报)?表$|部门预算表|部门决算表/],
  ['structure', /机构设置|单位构成|机构情况|内设机构|决算单位|预算单位构成|机构设置情况/],
  ['duties', /职责|职能|主要任务/],
  [
    'overview',
    /总体情况|编制说明|收支(?:预算|决算)?(?:情况|总体)|收入(?:预算|决算)?情况|支出(?:预算|决算)?情况|预算安排|增减情况|比上年|决算情况说明|预算情况说明|财政拨款收入支出|基本支出/,
  ],
  ['other', /其他(?:需要|相关|重要)?(?:说明)?(?:的)?(?:事项|情况)|其他说明|其它(?:需要)?说明/],
];

export function classifyHeading(title: string): SectionKind[] {
  const t = title.replace(/\s+/g, '');
  const kinds: SectionKind[] = [];
  for (const [kind, re] of KIND_PATTERNS) {
    if (re.test(t)) {
      kinds.push(kind);
      // 部门职责及机构设置情况 is both; otherwise the first match wins.
      if (!(kind === 'structure' && /职责|职能/.test(t))) break;
    }
  }
  return kinds;
}

export interface Heading {
  index: number;
  title: string;
  numbered: boolean;
  kinds: SectionKind[];
}

/** A line that is a heading: short, no sentence end, no money, numbered or naming a section. */
export function headingOf(line: SourceLine, index: number): Heading | null {
  const t = line.text.trim().replace(/^[-*#>\s]+/, '');
  if (t.length < 2 || t.length > 40) return null;
  if (/[。；]$/.test(t) || /\d[\d,.]*\s*(?:万元|元|亿元)/.test(t)) return null;
  if (/…{2,}|\.{4,}|·{4,}/.test(t)) return null; // table-of-contents leader
  if (/\d[\d,]*\.\d+|^\d{3,}\s/.test(t)) return null; // a table row: a code or an amount
  const numbered = NUMBERING.test(t);
  const title = t
    .replace(NUMBERING, '')
    .replace(/[:：]$/, '')
    .trim();
  if (title.length < 2) return null;
  const kinds = classifyHeading(title);
  if (!numbered && kinds.length === 0) return null;
  // "术语:定义" and "标签:内容" lines are entries, not headings.
  if (/[:：]./.test(title)) return null;
  if (!numbered && title.length > 24) return null;
  return { index, title: t, numbered, kinds };
}

/** Line indexes [start, end) of a table of contents, or null. */
export function findTableOfContents(lines: readonly SourceLine[]): [number, number] | null {
  const start = lines.findIndex((l, i) => i < 80 && /^目\s*录$/.test(l.text.trim()));
  if (start < 0) return null;
  const seen = new Set<string>();
  let first: string | null = null;
  let leaders = 0;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const raw = (lines[i] as SourceLine).text;
    const t = raw.replace(/[\s.…·]+\d*$/, '').replace(/\s+/g, '');
    if (t === '') continue;
    const hasLeader = /…{2,}|\.{4,}|·{4,}/.test(raw);
    if (hasLeader) leaders++;
    else if (leaders >= 2) break; // a TOC with leader dots ends at the first line without them
    if (first !== null && t === first) break; // the document proper repeats the first entry
    if (t.length > 45 && !/…|\.{4,}/.test((lines[i] as SourceLine).text)) break; // prose: the TOC has ended
    if (first === null) first = t;
    seen.add(t);
  }
  return [start, i];
}

/**
 * Sections in document order. Each heading that names a kind starts a section,
 * which runs until the next heading naming another kind.
 */
export function findSections(
  lines: readonly SourceLine[],
  skip: (index: number) => boolean = () => false,
): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  const closeAll = (endLine: number) => {
    for (const s of open) s.endLine = endLine;
    open.length = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    if (skip(i)) continue;
    const h = headingOf(lines[i] as SourceLine, i);
    if (!h || h.kinds.length === 0) continue;
    if (!h.numbered && tableKindOfTitle((lines[i] as SourceLine).text)) continue;
    const currentKinds = open.map((s) => s.kind);
    if (h.kinds.every((k) => currentKinds.includes(k))) continue;
    closeAll((lines[i] as SourceLine).no - 1);
    for (const kind of h.kinds) {
      const s: Section = { kind, title: h.title, line: (lines[i] as SourceLine).no, endLine: lines.length };
      sections.push(s);
      open.push(s);
    }
  }
  closeAll(lines.length);
  return sections;
}
