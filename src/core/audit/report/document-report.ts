/** One document's audit as the reports show it. */
import type { AuditReport } from '../audit.ts';
import type { Finding, Severity } from '../rule.ts';

export interface DocumentAudit {
  file: string;
  /** Set when the document could not be read; then there is no report. */
  error?: string;
  report?: AuditReport;
}

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export function evidenceLines(f: Finding): string[] {
  const out: string[] = [];
  const e = f.evidence;
  if (e.arithmetic) out.push(`算式：${e.arithmetic}`);
  if (e.figures && Object.keys(e.figures).length)
    out.push(
      `数据：${Object.entries(e.figures)
        .map(([k, v]) => `${k} ${v}`)
        .join('；')}`,
    );
  if (e.detail) out.push(`说明：${e.detail}`);
  for (const s of e.sources ?? []) {
    const sentence = s.sentence.length > 90 ? `${s.sentence.slice(0, 88)}……` : s.sentence;
    out.push(
      `出处：第${s.line}行第${s.column}列 “${s.text}”${sentence && s.sentence !== s.text ? `（${sentence}）` : ''}`,
    );
  }
  return out;
}

export function rulesLine(r: AuditReport): string {
  const x = r.rules;
  return `规则共${x.total}条：运行${x.run}条，通过${x.passed}条，未通过${x.failed}条，无法检查${x.notChecked}条${x.disabled ? `，已关闭${x.disabled}条` : ''}。`;
}
