/**
 * The browsable API documentation at /api/docs: the OpenAPI document rendered as one plain HTML page on the
 * server (no scripts, so it works under the strict CSP and without a network), grouped by tag.
 */
import { escapeHtml } from '../render/html/escape.ts';

type Json = Record<string, unknown>;

const METHOD_COLOURS: Record<string, string> = {
  get: '#1677ff',
  post: '#389e0d',
  put: '#d46b08',
  patch: '#d48806',
  delete: '#cf1322',
};

function schemaBlock(schema: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`;
}

function operationHtml(method: string, path: string, op: Json): string {
  const params = (op.parameters ?? []) as Json[];
  const body = op.requestBody as Json | undefined;
  const responses = (op.responses ?? {}) as Record<string, Json>;
  const colour = METHOD_COLOURS[method] ?? '#555';
  const id = String(op.operationId ?? `${method}${path}`);
  return `<section class="op" id="${escapeHtml(id)}">
<h3><span class="method" style="background:${colour}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code> ${escapeHtml(String(op.summary ?? ''))}${op.security ? ' <span class="login">需登录</span>' : ''}</h3>
${op.description ? `<p>${escapeHtml(String(op.description))}</p>` : ''}
${
  params.length
    ? `<table><caption>参数</caption><thead><tr><th>名称</th><th>位置</th><th>必填</th><th>类型</th></tr></thead><tbody>${params
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${p.in === 'path' ? '路径' : '查询'}</td><td>${p.required ? '是' : '否'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
}
${body ? `<details><summary>请求内容</summary>${schemaBlock(body.content)}</details>` : ''}
<details><summary>响应：${Object.keys(responses).map(escapeHtml).join('、')}</summary>${Object.entries(
    responses,
  )
    .map(
      ([status, r]) =>
        `<h4>${escapeHtml(status)} ${escapeHtml(String(r.description ?? ''))}</h4>${r.content ? schemaBlock(r.content) : ''}`,
    )
    .join('')}</details>
</section>`;
}

export function renderDocsPage(doc: Json): string {
  const info = doc.info as Json;
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = String((op.tags as string[] | undefined)?.[0] ?? '其他');
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
      toc.set(tag, [
        ...(toc.get(tag) ?? []),
        `<li><a href="#${escapeHtml(String(op.operationId))}">${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</a> ${escapeHtml(String(op.summary ?? ''))}</li>`,
      ]);
    }
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info.title))}</title>
<style>
body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;max-width:1100px;margin:0 auto;padding:1em;color:#1f1f1f;line-height:1.6}
h1{font-size:1.6em}h2{border-bottom:2px solid #1677ff;padding-bottom:.2em;margin-top:2em}
.op{border:1px solid #d9d9d9;border-radius:6px;padding:.5em 1em;margin:1em 0}
.op h3{font-size:1.05em;margin:.3em 0}.method{color:#fff;border-radius:4px;padding:0 .5em;font-family:monospace}
.login{font-size:.8em;color:#8c8c8c;border:1px solid #d9d9d9;border-radius:4px;padding:0 .3em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d9d9d9;padding:.2em .6em;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold}pre{background:#f5f5f5;padding:.5em;overflow:auto;max-height:30em;font-size:.85em}
a{color:#0958d9}
</style></head><body>
<h1>${escapeHtml(String(info.title))}</h1>
<p>${escapeHtml(String(info.description ?? ''))}</p>
<p>版本 ${escapeHtml(String(info.version))} · 机器可读：<a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI 3.1）</p>
<nav aria-label="目录">${[...toc].map(([tag, items]) => `<h2>${escapeHtml(tag)}</h2><ul>${items.join('')}</ul>`).join('')}</nav>
<main>${[...byTag].map(([tag, ops]) => `<h2>${escapeHtml(tag)}</h2>${ops.join('')}`).join('')}</main>
</body></html>`;
}
