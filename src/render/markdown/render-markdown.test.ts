import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../core/disclosure/build-document.ts';
import { documentOutline } from '../../core/disclosure/document.ts';
import { testBudget, testPriorBudget } from '../../core/disclosure/test-budget.ts';
import { escapeMarkdown, renderMarkdown } from './render-markdown.ts';

describe('renderMarkdown', () => {
  const doc = buildDocument(testBudget(), { prior: testPriorBudget() });
  const md = renderMarkdown(doc);
  const lines = md.split('\n');

  it('has the title and every section heading as headings, sub-headings below them', () => {
    expect(lines[0]).toBe('# 山海关区人民政府政务服务中心 2018年部门预算公开说明');
    const { headings } = documentOutline(doc);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(headings.map((h) => `## ${h}`));
    expect(lines).toContain('### 1、收入说明');
    expect(lines).toContain('### 3、比上年增减情况');
  });

  it('writes paragraphs and lists with their markers', () => {
    expect(md).toContain(
      '2018年预算收支安排82.89万元，较2017年预算减少1.58万元，其中：基本支出减少1.49万元，主要为人员调整；项目支出减少0.09万元。',
    );
    expect(lines).toContain('- 一、规范窗口服务，提高审批效率。');
    expect(lines).toContain('- 1、一般公共预算拨款收入：指区级财政当年拨付的资金。');
  });

  it('writes every table as a pipe table with a flattened header and amounts as text', () => {
    for (const t of documentOutline(doc).tables) expect(lines).toContain(`**${t}**`);
    const at = lines.indexOf('**2018年一般公共预算“三公”经费支出表**');
    expect(lines.slice(at, at + 7)).toEqual([
      '**2018年一般公共预算“三公”经费支出表**',
      '',
      '单位：万元',
      '',
      '| 合计 | 因公出国（境）费 | 公务用车购置及运行费/小计 | 公务用车购置及运行费/购置费 | 公务用车购置及运行费/运行费 | 公务接待费 |',
      '| ---: | ---: | ---: | ---: | ---: | ---: |',
      '| 0.80 | 0.00 | 0.60 | 0.00 | 0.60 | 0.20 |',
    ]);
    expect(md).toContain('| 功能分类科目/科目编码 | 功能分类科目/科目名称 | 合计 | 基本支出 | 项目支出 |');
    expect(md).toContain('|  | 合计 | 82.89 | 67.39 | 15.50 |');
    expect(md).toContain('本部门2018年无政府性基金预算支出，故本表为空表。');
    // Every row of a pipe table has as many cells as its header.
    const cells = (l: string) => l.split(/(?<!\\)\|/).length - 2;
    let width = 0;
    for (const [i, l] of lines.entries()) {
      if (!l.startsWith('| ')) continue;
      if (!lines[i - 1]?.startsWith('| ')) width = cells(l);
      expect(cells(l), l).toBe(width);
    }
  });

  it('writes charts as data tables', () => {
    expect(md).toContain('**图：“三公”经费预算对比**');
    expect(md).toContain('| 项目 | 2017年预算 | 2018年预算 |');
    expect(md).toContain('| 公务接待费 | 0.00 | 0.20 |');
  });

  it('escapes Markdown and HTML in the text', () => {
    const b = testBudget();
    b.department.name = '<script>alert(1)</script>';
    b.otherNotes = ['1. *not a list* | [link](x)'];
    const out = renderMarkdown(buildDocument(b));
    expect(out).not.toContain('<script>');
    expect(out).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(out).toContain('1\\. \\*not a list\\* \\| \\[link\\](x)');
    expect(escapeMarkdown('- item')).toBe('\\- item');
  });
});
