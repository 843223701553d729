import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../core/disclosure/build-document.ts';
import { type DisclosureDocument, type DocTable, documentOutline } from '../../core/disclosure/document.ts';
import { testBudget, testPriorBudget } from '../../core/disclosure/test-budget.ts';
import { escapeHtml, scriptJson } from './escape.ts';
import { PRINT_FONT_STACK, renderHtml } from './render-html.ts';

const VOID = new Set(['meta', 'img', 'br', 'hr', 'link', 'input', 'col', 'source', 'wbr']);

/**
 * A tiny tag-balance checker: every opened element is closed, in order (void elements excepted).
 * Script and style contents are skipped as raw text. Returns the problems found.
 */
function tagProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const text = html.replace(/<!DOCTYPE[^>]*>/i, '');
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*?)(\/?)>|<|>/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[2] === undefined) {
      problems.push(`stray ${m[0]} at ${m.index}: ${text.slice(Math.max(0, m.index - 30), m.index + 30)}`);
      continue;
    }
    const name = m[2].toLowerCase();
    if (m[1]) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${m.index}`);
    } else if (!VOID.has(name) && !m[4]) {
      stack.push(name);
      if (name === 'script' || name === 'style') {
        const end = text.indexOf(`</${name}>`, re.lastIndex);
        if (end < 0) problems.push(`<${name}> never closed`);
        else re.lastIndex = end;
      }
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' ')}`);
  return problems;
}

function tablesOf(doc: DisclosureDocument): DocTable[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
}

/** Text as it appears in the page: entities decoded (the five escapeHtml writes). */
function decoded(html: string): string {
  return html
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

describe('renderHtml', () => {
  const doc = buildDocument(testBudget(), { prior: testPriorBudget() });
  const html = renderHtml(doc);

  it('the checker finds unbalanced tags', () => {
    expect(tagProblems('<p><b>x</p>')).not.toEqual([]);
    expect(tagProblems('<p>1 < 2</p>')).not.toEqual([]);
    expect(tagProblems('<div><img src="a"><br></div>')).toEqual([]);
  });

  it('is a complete page in zh-CN with every tag closed', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(tagProblems(html)).toEqual([]);
    expect(tagProblems(renderHtml(doc, { print: true, charts: {} }))).toEqual([]);
  });

  it('contains every section heading and table title', () => {
    const { headings, tables } = documentOutline(doc);
    expect(headings).toHaveLength(10);
    for (const h of headings) expect(html).toContain(`<h2>${escapeHtml(h)}</h2>`);
    for (const t of tables) expect(html).toContain(`<p class="table-title">${escapeHtml(t)}</p>`);
  });

  it('writes tables with thead, merged header cells, data keys and right-aligned amounts in the unit', () => {
    for (const t of tablesOf(doc))
      expect(html).toContain(`<table class="budget-table" data-table-key="${t.key}"`);
    expect(html).toContain(
      '<tr><th scope="col" rowspan="2">合计</th><th scope="col" rowspan="2">因公出国（境）费</th><th scope="col" colspan="3">公务用车购置及运行费</th><th scope="col" rowspan="2">公务接待费</th></tr>',
    );
    expect(html).toContain(
      '<tr class="row-total"><td></td><td>合计</td><td class="amount">82.89</td><td class="amount">67.39</td><td class="amount">15.50</td></tr>',
    );
    expect(html).toMatch(/<thead>\n<tr>/);
    expect(html).toContain('<p class="empty-statement">本部门2018年无政府性基金预算支出，故本表为空表。</p>');
    const sh = renderHtml(buildDocument(testBudget(), { template: 'shanghai-2024' }));
    expect(sh).toContain('<td class="amount">828,900.00</td>');
  });

  it('has screen and print CSS: A4, repeated header rows, 公文 fonts with WenQuanYi first in print', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain(
      'font-family: "FangSong", "仿宋", "SimSun", "宋体", "WenQuanYi Micro Hei", "Noto Serif CJK SC", serif',
    );
    expect(html).toMatch(/@media print \{[\s\S]*font-family: "WenQuanYi Micro Hei"/);
    expect(PRINT_FONT_STACK.startsWith('"WenQuanYi Micro Hei"')).toBe(true);
    expect(renderHtml(doc, { print: true })).toContain(`body { font-family: ${PRINT_FONT_STACK};`);
  });

  it('escapes a hostile department name everywhere', () => {
    const b = testBudget();
    b.department.name = '<script>alert(1)</script>';
    b.otherNotes = ['"quoted" & <b>bold</b>'];
    const page = renderHtml(buildDocument(b, { prior: testPriorBudget() }));
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).not.toContain('<b>bold</b>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(tagProblems(page)).toEqual([]);
    expect(decoded(page)).toContain('<script>alert(1)</script> 2018年部门预算公开说明');
  });

  it('interactive charts: a div per chart and one loader with escaped JSON', () => {
    const page = renderHtml(doc, { charts: 'interactive', echartsSrc: 'echarts.min.js' });
    const keys = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.key] : [])));
    expect(keys).toHaveLength(4);
    for (const k of keys) expect(page).toContain(`<figure class="chart" data-chart-key="${k}">`);
    expect(page.match(/<div class="chart-canvas" id="chart-\d+"/g)).toHaveLength(4);
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page).toContain('"src":"echarts.min.js"');
    const script = page.slice(page.indexOf('<script>') + 8, page.indexOf('</script>'));
    expect(script).not.toContain('<');
    expect(renderHtml(doc)).toContain('"src":"/assets/echarts.min.js"');
  });

  it('a chart title cannot break out of the script', () => {
    const d = buildDocument(testBudget());
    const c = d.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'chart');
    if (c?.kind === 'chart') c.title = '</script><script>alert(1)</script>';
    const page = renderHtml(d);
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page).toContain('\\u003c/script\\u003e');
    expect(tagProblems(page)).toEqual([]);
    expect(scriptJson({ a: '<!-- & \u2028' })).toBe('{"a":"\\u003c!-- \\u0026 \\u2028"}');
  });

  it('image charts: <img alt> from PNG data: URIs, a data table when there is no image, no script', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const page = renderHtml(doc, {
      charts: { revenueBySource: png, expenditureByKind: 'javascript:alert(1)' },
    });
    expect(page).toContain(`<img alt="2018年部门收入构成" src="${png}">`);
    expect(page).not.toContain('javascript:');
    expect(page).not.toContain('<script');
    expect(page).toContain('<table class="budget-table chart-data">');
    expect(tagProblems(page)).toEqual([]);
  });
});
