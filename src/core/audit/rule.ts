/**
 * An audit rule: a general statement about any disclosure, with a stable id, a
 * default severity and a check that ends in one of three outcomes: passed,
 * failed (with findings and their evidence) or not checked (with the reason).
 */
import type { Budget } from '../budget/budget.ts';
import type { TableFigures } from '../budget/table-figures.ts';
import type { AuditConfig } from './config.ts';

export type Severity = 'error' | 'warning' | 'info';

export const RULE_GROUPS = [
  'completeness',
  'arithmetic',
  'crossSection',
  'time',
  'plausibility',
  'wording',
] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

/** Where a figure came from: 1-based line and column, and the words. */
export interface SourcePointer {
  line: number;
  column: number;
  text: string;
  sentence: string;
}

export interface Evidence {
  /** The figures compared, as stated ("82.9万元"). */
  figures?: Record<string, string>;
  /** The arithmetic, written out ("64.01 + 3.38 + 15.5 = 82.89 ≠ 82.9"). */
  arithmetic?: string;
  /** The source lines the figures came from. */
  sources?: SourcePointer[];
  /** Anything else worth showing (a table title, a date, a word). */
  detail?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  evidence: Evidence;
}

/** A finding as a rule reports it; the auditor adds the rule id and applies the configured severity. */
export interface RuleFinding {
  message: string;
  evidence: Evidence;
  /** Overrides the rule's severity for this finding (e.g. a rounding difference is info). */
  severity?: Severity;
}

export type RuleOutcome =
  | { status: 'passed' }
  | { status: 'failed'; findings: RuleFinding[] }
  | { status: 'notChecked'; reason: string };

export interface AuditInput {
  budget: Budget;
  /** JSON pointer → where the figure was read, when the budget came from a document. */
  provenance: Record<string, SourcePointer>;
  /** The document's normalised text, one string per line, when there is one (wording rules need it). */
  lines: readonly string[] | null;
}

export interface AuditContext extends AuditInput {
  config: AuditConfig;
  tables: TableFigures;
  /** Looks up provenance: source pointers for these JSON pointers, skipping unknown ones. */
  sources(...paths: string[]): SourcePointer[];
}

export interface Rule {
  id: string;
  group: RuleGroup;
  severity: Severity;
  /** What the rule requires, in Chinese. */
  title: string;
  check(ctx: AuditContext): RuleOutcome;
}

export const passed: RuleOutcome = { status: 'passed' };
export function notChecked(reason: string): RuleOutcome {
  return { status: 'notChecked', reason };
}
export function failed(findings: RuleFinding[]): RuleOutcome {
  return findings.length ? { status: 'failed', findings } : passed;
}
