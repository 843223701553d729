/** Glossary entries ("1、基本支出：指…") and the notes of the 其他 section. */
import type { Budget, Section } from '../../core/budget/budget.ts';
import type { SourceLine } from './source-lines.ts';

const ENTRY =
  /^(?:[-*•·]\s*)?(?:\d{1,2}[、.．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.])?\s*([^:：。，]{2,30}?)\s*[:：]\s*(.+)$/;

export function readGlossary(lines: readonly SourceLine[], sections: readonly Section[]): Budget['glossary'] {
  const out: Budget['glossary'] = [];
  for (const s of sections.filter((x) => x.kind === 'glossary')) {
    for (const l of lines.slice(s.line, s.endLine)) {
      const m = ENTRY.exec(l.text.trim());
      if (m) out.push({ term: (m[1] as string).trim(), definition: (m[2] as string).trim() });
      else if (out.length && l.text.trim() && !/^[-*•·]/.test(l.text.trim())) {
        const last = out[out.length - 1] as { term: string; definition: string };
        last.definition += l.text.trim();
      }
    }
  }
  return out;
}

export function readOtherNotes(lines: readonly SourceLine[], sections: readonly Section[]): string[] {
  const out: string[] = [];
  for (const s of sections.filter((x) => x.kind === 'other')) {
    for (const l of lines.slice(s.line, s.endLine)) if (l.text.trim()) out.push(l.text.trim());
  }
  return out;
}
