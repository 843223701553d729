/** Wording: misspelt standard terms and placeholders left in the text. */
import { failed, notChecked, type Rule, type RuleFinding } from '../rule.ts';
import { findMisspellings } from './misspellings.ts';

/** XX / ×× / 待填写 / 待补充 / a value that is only dots. */
const PLACEHOLDER =
  /(?<![A-Za-z])(?:X{2,}|x{2,}|×{2,}|○{2,}|＊{2,}|\*{3,})(?![A-Za-z])|待填写|待补充|待填报|(?:此处|这里)填写/;
/** A line (or table row) that holds nothing but dots after its number: "4、.....". */
const DOTS_ONLY = /^\s*(?:\d+[、.]|[一二三四五六七八九十]+、)?\s*(?:\.{3,}|…{2,}|。{3,}|·{3,})\s*$/;

export const wordingRules: Rule[] = [
  {
    id: 'wording.misspelt-terms',
    group: 'wording',
    severity: 'warning',
    title: '标准术语应书写正确（如“一般公共预算”不应写成“一般共预算”）',
    check(ctx) {
      if (!ctx.lines) return notChecked('没有原文');
      const findings: RuleFinding[] = [];
      ctx.lines.forEach((l, i) => {
        for (const m of findMisspellings(l)) {
          findings.push({
            message: `“${m.found}”应为“${m.term}”。`,
            evidence: {
              figures: { 原文: m.found, 标准术语: m.term },
              sources: [
                {
                  line: i + 1,
                  column: Math.max(1, l.indexOf(m.found.charAt(0)) + 1),
                  text: m.found,
                  sentence: l.trim(),
                },
              ],
            },
          });
        }
      });
      return failed(findings);
    },
  },
  {
    id: 'wording.placeholders',
    group: 'wording',
    severity: 'error',
    title: '不应留有占位符（XX、待填写、省略号行等）',
    check(ctx) {
      if (!ctx.lines) return notChecked('没有原文');
      const findings: RuleFinding[] = [];
      ctx.lines.forEach((l, i) => {
        // A table of contents line ends with leader dots after its title: not a placeholder.
        const dots = DOTS_ONLY.exec(l);
        if (dots) {
          findings.push({
            message: `第${i + 1}行只有省略号“${l.trim()}”，像是未填写的占位行。`,
            evidence: {
              sources: [{ line: i + 1, column: l.search(/\S/) + 1, text: l.trim(), sentence: l.trim() }],
            },
          });
          return;
        }
        for (const cell of l.split(/\t|\s{2,}/)) {
          const m = PLACEHOLDER.exec(cell);
          if (!m) continue;
          findings.push({
            message: `第${i + 1}行留有占位符“${m[0].trim()}”。`,
            evidence: {
              sources: [{ line: i + 1, column: l.indexOf(m[0]) + 1, text: m[0].trim(), sentence: l.trim() }],
            },
          });
          break;
        }
      });
      return failed(findings);
    },
  },
];
