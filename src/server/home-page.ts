/**
 * The server's front page until the portal (issue #5) replaces it: what is published, with download links,
 * and where the API is described. Plain HTML, every value escaped.
 */
import { escapeHtml } from '../render/html/escape.ts';
import type { Services } from '../services/services.ts';

const FORMAT_NAMES: Record<string, string> = {
  pdf: 'PDF',
  docx: 'Word',
  xlsx: 'Excel',
  html: '网页',
  json: 'JSON',
  md: 'Markdown',
};

export async function homePage(services: Services): Promise<string> {
  const entries = await services.openData.catalogue();
  const collator = new Intl.Collator('zh-CN');
  entries.sort((a, b) => b.fiscalYear - a.fiscalYear || collator.compare(a.departmentName, b.departmentName));
  const rows = entries
    .map((e) => {
      const links = e.files
        .map(
          (f) =>
            `<a href="/api/open-data/budgets/${escapeHtml(e.budgetId)}/files/${escapeHtml(f.format)}">${escapeHtml(FORMAT_NAMES[f.format] ?? f.format)}</a>`,
        )
        .join(' · ');
      return `<tr><td>${escapeHtml(e.regionName)}</td><td>${escapeHtml(e.departmentName)}</td><td>${e.fiscalYear}</td><td>${e.kind === 'budget' ? '部门预算' : '部门决算'}</td><td>第 ${e.latestVersion} 版</td><td>${escapeHtml(e.latestPublishedAt.slice(0, 10))}</td><td>${links}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>政务服务中心 · 部门预算公开</title>
<style>body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;max-width:1100px;margin:0 auto;padding:1em;line-height:1.6;color:#1f1f1f}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #d9d9d9;padding:.3em .6em;text-align:left}a{color:#0958d9}</style></head>
<body><h1>部门预算公开</h1>
<table><caption>已公开的预算（${entries.length} 份）</caption>
<thead><tr><th>区划</th><th>部门</th><th>年度</th><th>类型</th><th>版本</th><th>公开日期</th><th>下载</th></tr></thead>
<tbody>${rows || '<tr><td colspan="7">尚无公开的预算。</td></tr>'}</tbody></table>
<p>接口说明：<a href="/api/docs">/api/docs</a> · OpenAPI：<a href="/api/openapi.json">/api/openapi.json</a> · 公开数据目录：<a href="/api/open-data/budgets">/api/open-data/budgets</a></p>
</body></html>`;
}
