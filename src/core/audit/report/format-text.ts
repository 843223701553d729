/** The audit report as plain text for a terminal. */
import { type DocumentAudit, evidenceLines, rulesLine, SEVERITY_NAMES } from './document-report.ts';

export function formatText(docs: readonly DocumentAudit[]): string {
  const out: string[] = [];
  for (const d of docs) {
    out.push(`■ ${d.file}`);
    if (d.error || !d.report) {
      out.push(`  无法读取：${d.error ?? '未知原因'}`, '');
      continue;
    }
    const r = d.report;
    out.push(
      `  错误 ${r.counts.error} 项，警告 ${r.counts.warning} 项，提示 ${r.counts.info} 项。${rulesLine(r)}`,
    );
    r.findings.forEach((f, i) => {
      out.push(`  ${i + 1}. [${SEVERITY_NAMES[f.severity]}] ${f.message}  (${f.rule})`);
      for (const l of evidenceLines(f)) out.push(`     ${l}`);
    });
    const notChecked = r.results.filter((x) => x.status === 'notChecked');
    if (notChecked.length) {
      out.push('  无法检查的规则：');
      for (const x of notChecked) out.push(`   - ${x.rule}：${x.reason}`);
    }
    out.push('');
  }
  return out.join('\n');
}
