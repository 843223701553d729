/** The audit report as a standalone HTML page (everything escaped). */

import { escapeHtml as h } from '../../text/escape-html.ts';
import { type DocumentAudit, evidenceLines, rulesLine, SEVERITY_NAMES } from './document-report.ts';

const STYLE = `body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1f1f1f;line-height:1.6}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #d9d9d9;padding:.4rem .6rem;vertical-align:top;text-align:left}
.error{color:#a8071a}.warning{color:#874d00}.info{color:#0958d9}.evidence{color:#595959;font-size:.9em;margin:.2rem 0 0;padding-left:1rem}
code{font-size:.85em}`;

export function formatHtml(docs: readonly DocumentAudit[]): string {
  const body: string[] = [];
  for (const d of docs) {
    body.push(`<section><h2>${h(d.file)}</h2>`);
    if (d.error || !d.report) {
      body.push(`<p class="error">无法读取：${h(d.error ?? '未知原因')}</p></section>`);
      continue;
    }
    const r = d.report;
    body.push(
      `<p>错误 <strong>${r.counts.error}</strong> 项，警告 <strong>${r.counts.warning}</strong> 项，提示 <strong>${r.counts.info}</strong> 项。${h(rulesLine(r))}</p>`,
    );
    if (r.findings.length) {
      body.push(
        '<table><thead><tr><th>#</th><th>级别</th><th>问题与依据</th><th>规则</th></tr></thead><tbody>',
      );
      r.findings.forEach((f, i) => {
        const ev = evidenceLines(f)
          .map((l) => `<li>${h(l)}</li>`)
          .join('');
        body.push(
          `<tr><td>${i + 1}</td><td class="${f.severity}">${SEVERITY_NAMES[f.severity]}</td><td>${h(f.message)}<ul class="evidence">${ev}</ul></td><td><code>${h(f.rule)}</code></td></tr>`,
        );
      });
      body.push('</tbody></table>');
    }
    const notChecked = r.results.filter((x) => x.status === 'notChecked');
    if (notChecked.length)
      body.push(
        `<h3>无法检查的规则</h3><ul>${notChecked.map((x) => `<li><code>${h(x.rule)}</code>：${h(x.reason ?? '')}</li>`).join('')}</ul>`,
      );
    body.push('</section>');
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>部门预算公开审核报告</title><style>${STYLE}</style></head>
<body><h1>部门预算公开审核报告</h1>
${body.join('\n')}
</body></html>
`;
}
