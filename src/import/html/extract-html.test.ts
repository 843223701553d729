import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS } from '../../core/budget/table-figures.ts';
import { importText } from '../text/import-text.ts';
import { decodeHtml, extractHtmlText } from './extract-html.ts';
import { decodeEntities, htmlToLines } from './html-lines.ts';

const corpusPage = new URL('../../../../shared/corpus/originals/001.html', import.meta.url);
const corpusText = new URL('../../../../shared/corpus/text/001.txt', import.meta.url);

/** A GBK encoder built from the platform's decoder: every two-byte GBK code, decoded once. */
function gbkEncoder(): (s: string) => Uint8Array {
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
  const decoded = new TextDecoder('gb18030').decode(Uint8Array.from(pairs));
  const table = new Map<string, [number, number]>();
  [...decoded].forEach((ch, i) => {
    if (!table.has(ch)) table.set(ch, [pairs[2 * i] as number, pairs[2 * i + 1] as number]);
  });
  return (s) => {
    const out: number[] = [];
    for (const ch of s) {
      const code = ch.codePointAt(0) as number;
      if (code < 0x80) out.push(code);
      else {
        const pair = table.get(ch);
        if (!pair) throw new Error(`not in GBK: ${ch}`);
        out.push(...pair);
      }
    }
    return Uint8Array.from(out);
  };
}

const PAGE = `<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某某县档案馆</title>
<style>.menu { color: red }</style>
<script>document.write("<p>脚本文字</p>");</script>
</head>
<body>
<div class="top-header"><a href="/">首页</a><a href="/zwgk">政务公开</a></div>
<nav><ul><li><a>机构概况</a></li><li><a>政策文件</a></li></ul></nav>
<div id="mainMenu"><a>部门预算</a> | <a>部门决算</a></div>
<div class="breadcrumb">当前位置：<a>首页</a> &gt; 财政预决算</div>
<div class="article">
<h1>某某县档案馆2024年部门预算</h1>
<h2>一、收支预算总体情况</h2>
<p>2024年收入预算120.00万元，支出预算120.00万元，
其中：基本支出100.00万元，项目支出20.00万元。</p>
<p align="center"><b>2024年部门支出总表</b></p>
<p align="right">单位：万元</p>
<table border="1">
<tr><td colspan="2">功能分类科目</td><td rowspan="2">合计</td><td rowspan="2">基本支出</td><td rowspan="2">项目支出</td></tr>
<tr><td>科目编码</td><td>科目名称</td></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>120.00</td><td>100.00</td><td>20.00</td></tr>
<tr><td colspan="2">合计</td><td>120.00</td><td>100.00</td><td>20.00</td></tr>
</table>
<p><img src="table2.gif" alt="图片"></p>
</div>
<div class="bdsharebuttonbox share">分享到：微信 微博</div>
<div id="footer">版权所有：某某县人民政府 &copy; 2024</div>
</body></html>`;

describe('extractHtmlText', () => {
  it('reads the corpus page like its text version: the same figures, year and department', ({ skip }) => {
    skip(
      !existsSync(corpusPage) || !existsSync(corpusText),
      `corpus absent: ${fileURLToPath(corpusPage)} (the shared corpus is not checked out)`,
    );
    const text = extractHtmlText(decodeHtml(readFileSync(corpusPage)));
    const fromHtml = importText(text).summary;
    const fromText = importText(readFileSync(corpusText, 'utf8')).summary;
    for (const key of [...FIGURE_KEYS, 'fiscalYear', 'department'] as const)
      expect({ key, value: fromHtml[key] }).toEqual({ key, value: fromText[key] });
    expect(fromHtml).toMatchObject({ fiscalYear: 2018, department: '重庆市交通委员会' });
    // The breadcrumb, the JSP directives and the page's <title> are gone; the heading and paragraphs stay.
    const lines = text.split('\n');
    expect(lines[0]).toBe('重庆市交通委员会2018年部门预算情况说明');
    expect(text).not.toMatch(/当前位置|<%|%>|taglib/);
    expect(lines).toContain('一、单位基本情况');
    expect(lines).toContain('三、“三公”经费情况说明');
  });

  it('decodes a GBK page and keeps the text and the table without the site around them', () => {
    const encode = gbkEncoder();
    const bytes = encode(PAGE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(PAGE); // the sample is real GBK
    const html = decodeHtml(bytes);
    expect(html).toBe(PAGE);

    const text = extractHtmlText(html);
    expect(text.split('\n')).toEqual([
      '某某县档案馆2024年部门预算',
      '一、收支预算总体情况',
      '2024年收入预算120.00万元，支出预算120.00万元，其中：基本支出100.00万元，项目支出20.00万元。',
      '2024年部门支出总表',
      '单位：万元',
      '功能分类科目\t\t合计\t基本支出\t项目支出',
      '科目编码\t科目名称\t\t\t',
      '201\t一般公共服务支出\t120.00\t100.00\t20.00',
      '合计\t\t120.00\t100.00\t20.00',
    ]);
    expect(text).not.toMatch(/首页|政务公开|机构概况|部门决算|当前位置|分享|版权|脚本|图片/);

    const r = importText(text);
    expect(r.summary).toMatchObject({
      fiscalYear: 2024,
      department: '某某县档案馆',
      revenueTotal: 120_000_000,
      basicExpenditure: 100_000_000,
      projectExpenditure: 20_000_000,
    });
    const table = r.budget.tables.find((t) => t.kind === 'expenditureSummary');
    expect(table?.rows.map((row) => [row.code, row.label, row.cells.basic?.fen])).toEqual([
      ['201', '一般公共服务支出', 100_000_000],
      [null, '合计', 100_000_000],
    ]);
  });

  it('keeps a page-wide form, a header inside the article and a document title inside removed chrome', () => {
    const page = `<body><form id="form1"><div class="nav"><a>首页</a></div>
      <div class="detail-header"><h2>某某局2024年部门预算公开</h2><span>来源：某某局</span></div>
      <article><header><h3>第一部分 部门概况</h3></header>
      <p>一、部门职责。负责本县档案工作。</p><p>二、机构设置。内设三个股室。</p><p>三、人员情况。编制十人。</p>
      <footer>附件：部门预算表</footer></article>
      <footer>版权所有</footer><input value="搜索"></form></body>`;
    expect(extractHtmlText(page).split('\n')).toEqual([
      '某某局2024年部门预算公开',
      '第一部分 部门概况',
      '一、部门职责。负责本县档案工作。',
      '二、机构设置。内设三个股室。',
      '三、人员情况。编制十人。',
      '附件：部门预算表',
    ]);
    expect(extractHtmlText('<p>正文</p><p style="display: none">隐藏</p><p hidden>也隐藏</p>')).toBe('正文');
  });
});

describe('decodeHtml', () => {
  const encode = gbkEncoder();
  it('reads <meta charset>, http-equiv and a BOM, and falls back to GB18030 for undeclared non-UTF-8', () => {
    const body = '<p>部门预算</p>';
    expect(decodeHtml(encode(`<meta charset="GBK">${body}`))).toBe(`<meta charset="GBK">${body}`);
    expect(
      decodeHtml(encode(`<meta content='text/html;charset=gb18030' http-equiv=Content-Type>${body}`)),
    ).toContain(body);
    expect(decodeHtml(encode(body))).toBe(body);
    const utf8 = new TextEncoder().encode(`<meta charset="utf-8">${body}`);
    expect(decodeHtml(utf8)).toBe(`<meta charset="utf-8">${body}`);
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]))).toBe(body);
  });
});

describe('htmlToLines', () => {
  it('decodes entities, breaks lines at blocks and <br>, and drops what is not text', () => {
    expect(
      decodeEntities(
        '&lt;&amp;&gt; &ldquo;三公&rdquo; &#20013;&#x6587; &nbsp; &amp &unknown; &toString; &#150;',
      ),
    ).toBe('<&> “三公” 中文 \u00a0 & &unknown; &toString; –');
    const html = `<%@ page contentType="text/html; charset=UTF-8"%><!-- 注释 <p>不是正文</p> -->
      <div>第一行<br>第二行<br><br>第四行</div><p>一般公共预算
      财政拨款 收入<p>下一段 <b>加粗</b><span>相连</span>
      <ul><li>甲<li>乙</ul><pre>a\tb
  c</pre><textarea>输入</textarea><c:import url="/x"></c:import>`;
    expect(htmlToLines(html)).toEqual([
      '第一行',
      '第二行',
      '',
      '第四行',
      '一般公共预算财政拨款 收入',
      '下一段 加粗相连',
      '甲',
      '乙',
      'a\tb',
      '  c',
    ]);
  });

  it('lays out tables by position: colspan, rowspan, header sections, title rows and layout tables', () => {
    const table = `<table><caption>2024年“三公”经费支出表</caption>
      <thead><tr><th colspan="6">单位：万元</th></tr>
      <tr><th rowspan="2">合计</th><th rowspan="2">因公出国（境）费</th><th colspan="3">公务用车购置及运行费</th><th rowspan="2">公务接待费</th>
      <tr><th>小计</th><th>购置费</th><th>运行费</th></thead>
      <tbody><tr><td>3.5</td><td>0</td><td>2.5</td><td>0</td><td>2.5</td><td>1.0</td></tbody></table>`;
    const lines = htmlToLines(table);
    expect(lines).toEqual([
      '2024年“三公”经费支出表',
      '单位：万元',
      '合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费',
      '\t\t小计\t购置费\t运行费\t',
      '3.5\t0\t2.5\t0\t2.5\t1.0',
    ]);
    expect(importText(lines.join('\n')).summary).toMatchObject({
      threePublicTotal: 3_500_000,
      vehicleOperation: 2_500_000,
      reception: 1_000_000,
    });
    // A layout table (holding another table) is read as blocks; the inner table as rows.
    const layout = `<table><tr><td><p>左栏正文。</p></td><td><table><tr><td>项目</td><td>金额</td></tr>
      <tr><td>合计</td><td>1.00</td></tr></table></td></tr></table>`;
    expect(htmlToLines(layout)).toEqual(['左栏正文。', '项目\t金额', '合计\t1.00']);
    // Thousands of unclosed tags do not nest without end.
    const deep = `${'<font><div>'.repeat(20_000)}深处的文字`;
    expect(htmlToLines(deep)).toEqual(['深处的文字']);
    // A one-column table is read as blocks too.
    expect(htmlToLines('<table><tr><td>第一段。</td></tr><tr><td>第二段。</td></tr></table>')).toEqual([
      '第一段。',
      '第二段。',
    ]);
  });

  it('never throws on malformed markup, and yields lines without line breaks', () => {
    const piece = fc.constantFrom(
      '<p>',
      '</p>',
      '<td>',
      '</td>',
      '<tr>',
      '</tr>',
      '<table>',
      '</table>',
      '<td colspan="3">',
      '<th rowspan=0>',
      '<br>',
      '<div class="nav">',
      '</div>',
      '<!--',
      '-->',
      '<%',
      '%>',
      '<script>',
      '</script>',
      '&amp',
      '&#x0;',
      '&#99999999;',
      '<',
      '>',
      '"',
      "'",
      '=',
      '/',
      ' ',
      '\n',
      '\t',
      '中',
      '1.5',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const html = pieces.join('');
        for (const line of [...htmlToLines(html), ...extractHtmlText(html).split('\n')])
          expect(line).not.toMatch(/[\n\r]/);
      }),
      { numRuns: 500 },
    );
  });
});
