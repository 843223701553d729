/**
 * The auditor: runs every enabled rule on a budget and reports what each found.
 * Every rule ends passed, failed or not checked (with the reason): silence is
 * never a pass. Pure: no I/O.
 */
import type { Budget } from '../budget/budget.ts';
import { tableFigures } from '../budget/table-figures.ts';
import { type AuditConfig, DEFAULT_AUDIT_CONFIG } from './config.ts';
import type { AuditContext, AuditInput, Finding, Rule, Severity, SourcePointer } from './rule.ts';
import { ALL_RULES } from './rules/index.ts';

export type RuleStatus = 'passed' | 'failed' | 'notChecked' | 'disabled';

export interface RuleResult {
  rule: string;
  title: string;
  group: Rule['group'];
  status: RuleStatus;
  /** Why the rule could not be checked, or was disabled. */
  reason?: string;
}

export interface AuditReport {
  findings: Finding[];
  counts: Record<Severity, number>;
  rules: { total: number; run: number; passed: number; failed: number; notChecked: number; disabled: number };
  results: RuleResult[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function auditBudget(
  input: AuditInput,
  config: AuditConfig = DEFAULT_AUDIT_CONFIG,
  rules: readonly Rule[] = ALL_RULES,
): AuditReport {
  const ctx: AuditContext = {
    ...input,
    config,
    tables: tableFigures(input.budget),
    sources: (...paths) =>
      paths.map((p) => input.provenance[p]).filter((s): s is SourcePointer => s !== undefined),
  };
  const findings: Finding[] = [];
  const results: RuleResult[] = [];
  for (const rule of rules) {
    const settings = config.rules[rule.id];
    const base = { rule: rule.id, title: rule.title, group: rule.group };
    if (settings?.enabled === false) {
      results.push({ ...base, status: 'disabled', reason: '配置中已关闭' });
      continue;
    }
    const outcome = rule.check(ctx);
    if (outcome.status === 'notChecked') {
      results.push({ ...base, status: 'notChecked', reason: outcome.reason });
      continue;
    }
    if (outcome.status === 'passed') {
      results.push({ ...base, status: 'passed' });
      continue;
    }
    const severity = settings?.severity ?? rule.severity;
    let serious = false;
    for (const f of outcome.findings) {
      // A configured severity replaces the rule's own; a finding's own (rounding → info) is kept below it.
      const own = f.severity ?? rule.severity;
      const sev = settings?.severity && own !== 'info' ? severity : own;
      if (sev !== 'info') serious = true;
      findings.push({ rule: rule.id, severity: sev, message: f.message, evidence: f.evidence });
    }
    // Only notes (e.g. rounding differences): the rule passed, and says so with its notes.
    results.push({ ...base, status: serious ? 'failed' : 'passed' });
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const count = (s: RuleStatus) => results.filter((r) => r.status === s).length;
  return {
    findings,
    counts,
    rules: {
      total: rules.length,
      run: results.length - count('disabled'),
      passed: count('passed'),
      failed: count('failed'),
      notChecked: count('notChecked'),
      disabled: count('disabled'),
    },
    results,
  };
}

/** Audits a budget held as facts (no source document): provenance and wording rules have nothing to read. */
export function auditFacts(budget: Budget, config?: AuditConfig): AuditReport {
  return auditBudget({ budget, provenance: {}, lines: null }, config);
}
