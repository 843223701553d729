/** The audit report as Markdown. */
import { type DocumentAudit, evidenceLines, rulesLine, SEVERITY_NAMES } from './document-report.ts';

function md(s: string): string {
  return s.replace(/([\\`*_[\]|<>])/g, '\\$1');
}

export function formatMarkdown(docs: readonly DocumentAudit[]): string {
  const out: string[] = ['# 部门预算公开审核报告', ''];
  for (const d of docs) {
    out.push(`## ${md(d.file)}`, '');
    if (d.error || !d.report) {
      out.push(`无法读取：${md(d.error ?? '未知原因')}`, '');
      continue;
    }
    const r = d.report;
    out.push(
      `错误 **${r.counts.error}** 项，警告 **${r.counts.warning}** 项，提示 **${r.counts.info}** 项。${rulesLine(r)}`,
      '',
    );
    if (r.findings.length) {
      out.push('| # | 级别 | 问题 | 规则 |', '|---|---|---|---|');
      r.findings.forEach((f, i) => {
        out.push(
          `| ${i + 1} | ${SEVERITY_NAMES[f.severity]} | ${md(f.message)}<br>${evidenceLines(f).map(md).join('<br>')} | \`${f.rule}\` |`,
        );
      });
      out.push('');
    }
    const notChecked = r.results.filter((x) => x.status === 'notChecked');
    if (notChecked.length) {
      out.push('无法检查的规则：', '');
      for (const x of notChecked) out.push(`- \`${x.rule}\`：${md(x.reason ?? '')}`);
      out.push('');
    }
  }
  return out.join('\n');
}
