/**
 * Where to look for a figure: the flows (joined sentences) of the sections of a
 * given kind, or the whole document.
 */
import type { Section, SectionKind } from '../../core/budget/budget.ts';
import { buildFlow, type Flow, type SourceLine } from './source-lines.ts';

export interface ScopedFlow {
  kind: SectionKind | 'document';
  flow: Flow;
}

export interface DocumentScopes {
  lines: readonly SourceLine[];
  /** Flows of each section, in document order. */
  sections: ScopedFlow[];
  /** The whole document outside the table of contents and the glossary. */
  document: Flow;
}

export function buildScopes(
  lines: readonly SourceLine[],
  sections: readonly Section[],
  skip: (index: number) => boolean,
): DocumentScopes {
  const scoped: ScopedFlow[] = sections.map((s) => ({
    kind: s.kind,
    flow: buildFlow(lines, s.line - 1, s.endLine),
  }));
  // The document flow blanks out skipped lines and the glossary, which defines terms without figures.
  const glossary = sections.filter((s) => s.kind === 'glossary');
  const kept = lines.map((l, i) =>
    skip(i) || glossary.some((g) => l.no >= g.line && l.no <= g.endLine) ? { ...l, text: '' } : l,
  );
  return { lines, sections: scoped, document: buildFlow(kept) };
}

export function flowsOf(scopes: DocumentScopes, kinds: readonly SectionKind[]): Flow[] {
  return scopes.sections.filter((s) => kinds.includes(s.kind as SectionKind)).map((s) => s.flow);
}
