/**
 * Year-on-year statements: "较2016年预算减少1.58万元，其中：基本支出减少1.5万元，
 * 主要为采暖补贴支出", "比上年增长5%", "与2024年预算持平". Each becomes a
 * StatedChange with its subject, the year compared with, the amount and reason.
 */
import type { ChangeSubject, StatedChange } from '../../core/budget/budget.ts';
import { AMOUNT_SOURCE, amountFromMatch } from './amounts.ts';
import { refFromFlow, type SourceRef } from './provenance.ts';
import type { Flow, SourceLine } from './source-lines.ts';

const WORDS = '基本持平|持平|增加|增长|减少|下降|减|增';
const CHANGE = new RegExp(
  String.raw`(?:比|较|与|同)\s*(上年|上一年|上年度|去年|(\d{4})\s*年度?)\s*(?:年初)?(?:部门)?(?:预算|决算|执行)?数?\s*(?:相比|比较)?\s*[，,]?\s*([^\d。；，,\n]{0,14}?)(` +
    WORDS +
    String.raw`)了?\s*(?:${AMOUNT_SOURCE})?(?:\s*[，,]?\s*(?:增长|下降|增幅|降幅|减幅|增|减)?\s*(\d+(?:\.\d+)?)\s*%)?`,
  'g',
);
const PART = new RegExp(
  String.raw`([^\d。；，,:\n]{2,16}?)(` +
    WORDS +
    String.raw`)了?\s*${AMOUNT_SOURCE}(?:\s*[，,]?\s*(?:增长|下降)?\s*(\d+(?:\.\d+)?)\s*%)?`,
  'g',
);
const REASON =
  /^[，,；;]?\s*(?:主要(?:原因)?(?:是|为|系|由于|用于|因)?|原因(?:是|为)|为|系|用于|因为?|由于)[:：]?\s*([^。；;\n]{2,80})/;

const NEXT_REASON =
  /^[。；]\s*(?:其?主要原因(?:是|为)|原因(?:是|为)|主要是|主要由于)[:：]?\s*([^。；;\n]{2,80})/;

const SUBJECTS: readonly [ChangeSubject, RegExp][] = [
  ['threePublicTotal', /三公/g],
  ['overseasTravel', /因公出国/g],
  ['vehicleTotal', /公务用车购置(?:及|和)运/g],
  ['vehiclePurchase', /购置费/g],
  ['vehicleOperation', /运(?:行|维)(?:维护)?费/g],
  ['reception', /公务接待/g],
  ['operatingExpenses', /机关运行/g],
  ['basicExpenditure', /基本支出/g],
  ['projectExpenditure', /项目支出/g],
  ['personnel', /人员经费|人员支出/g],
  ['publicExpenses', /公用经费|公用支出/g],
  ['generalPublicBudget', /一般公共预算/g],
  ['total', /收支|收入支出|收入和支出|预算总额|总预算/g],
  ['revenue', /收入/g],
  ['expenditure', /支出/g],
];

/** The subject named closest before `at` in `text`. */
export function subjectOf(text: string): ChangeSubject {
  let best: ChangeSubject = 'other';
  let bestEnd = -1;
  for (const [subject, re] of SUBJECTS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (end > bestEnd) {
        bestEnd = end;
        best = subject;
      }
    }
  }
  return best;
}

function directionOf(word: string): StatedChange['direction'] {
  if (/持平/.test(word)) return 'flat';
  return /增/.test(word) ? 'increase' : 'decrease';
}

export interface FoundChange {
  change: StatedChange;
  ref: SourceRef;
}

function sentenceStart(text: string, at: number): number {
  let a = at;
  while (a > 0 && !/[。；;\n]/.test(text[a - 1] as string)) a--;
  return a;
}

function sentenceEnd(text: string, at: number): number {
  let b = at;
  while (b < text.length && !/[。\n]/.test(text[b] as string)) b++;
  return b;
}

export function findChanges(lines: readonly SourceLine[], flow: Flow, startIndex = 0): FoundChange[] {
  const out: FoundChange[] = [];
  const text = flow.text;
  CHANGE.lastIndex = 0;
  for (let m = CHANGE.exec(text); m; m = CHANGE.exec(text)) {
    const yearWord = m[1] as string;
    const comparedYear = m[2] ? Number(m[2]) : null;
    const between = m[3] ?? '';
    const word = m[4] as string;
    const amount = m[5] ? amountFromMatch(m[5], m[6] as string) : null;
    const percent = m[7] ? Number(m[7]) : null;
    // "比上年增减情况" is a heading, not a change: a change has an amount, a percentage, or is 持平.
    if (!amount && percent === null && !/持平/.test(word)) continue;
    const before = text.slice(sentenceStart(text, m.index), m.index);
    const subject = between.trim() ? subjectOf(between) : subjectOf(before);
    const afterEnd = m.index + m[0].length;
    // The reason follows the change ("…增加0.5万元，为车保险费用") or opens the next sentence ("主要原因是…").
    const reasonMatch =
      REASON.exec(text.slice(afterEnd)) ??
      NEXT_REASON.exec(text.slice(sentenceEnd(text, afterEnd), sentenceEnd(text, afterEnd) + 120));
    const parentIndex = startIndex + out.length;
    out.push({
      change: {
        subject: subject === 'other' && between.trim() === '' ? subjectOf(before) : subject,
        comparedYear: comparedYear ?? (/上/.test(yearWord) || yearWord === '去年' ? null : null),
        direction: directionOf(word),
        word,
        amount,
        percent,
        reason: reasonMatch ? (reasonMatch[1] as string).trim() : null,
        partOf: null,
      },
      ref: refFromFlow(lines, flow, m.index, afterEnd),
    });
    // 其中：… the breakdown of this change, up to the end of the sentence.
    const end = sentenceEnd(text, afterEnd);
    const rest = text.slice(afterEnd, end);
    const q = rest.search(/其中/);
    if (q < 0) continue;
    PART.lastIndex = 0;
    const partsText = rest.slice(q + 2);
    for (const p of partsText.matchAll(PART)) {
      const partAmount = amountFromMatch(p[3] as string, p[4] as string);
      if (!partAmount) continue;
      const partSubject = subjectOf(p[1] as string);
      const absStart = afterEnd + q + 2 + p.index;
      const absEnd = absStart + p[0].length;
      const r = REASON.exec(text.slice(absEnd, end));
      out.push({
        change: {
          subject: partSubject,
          comparedYear,
          direction: directionOf(p[2] as string),
          word: p[2] as string,
          amount: partAmount,
          percent: p[5] ? Number(p[5]) : null,
          reason: r ? (r[1] as string).trim() : null,
          partOf: parentIndex,
        },
        ref: refFromFlow(lines, flow, absStart + (p[1] as string).search(/\S/), absEnd),
      });
    }
    CHANGE.lastIndex = Math.max(CHANGE.lastIndex, end);
  }
  return out;
}
