import { describe, expect, it } from 'vitest';
import { fiscalDataPackage } from './fiscal-data-package.ts';
import { bulkReadme } from './readme.ts';
import { samplePublished } from './test-support.ts';

describe('bulkReadme', () => {
  const item = samplePublished();
  const pkg = fiscalDataPackage([item], { publisher: '秦皇岛市山海关区财政局' });
  const text = bulkReadme({
    descriptor: pkg.descriptor,
    budgets: [{ item, path: 'budgets/630-2018.json' }],
    rowCount: 63,
  });

  it('is UTF-8 text with a BOM and CRLF line ends', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('names the files, every budget, the source and the licence, in Chinese', () => {
    for (const s of [
      'datapackage.json',
      'data/line-items.csv',
      '共 63 行',
      '山海关区人民政府政务服务中心（秦皇岛市山海关区，编码 630）：2018 年部门预算，第 1 版',
      'budgets/630-2018.json',
      '数据发布：秦皇岛市山海关区财政局',
      '五、许可',
      pkg.descriptor.licenses[0]?.title ?? '?',
    ])
      expect(text).toContain(s);
  });
});
