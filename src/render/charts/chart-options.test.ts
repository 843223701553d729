import { describe, expect, it } from 'vitest';
import { barOption, pieOption, wanLabel } from './chart-options.ts';

/** The option survives JSON: no functions, so it can be sent into a page or to a browser. */
function viaJson<T>(option: T): T {
  return JSON.parse(JSON.stringify(option)) as T;
}

describe('wanLabel', () => {
  it('formats 分 in 万元 with two decimals, trailing zeros kept, rounding half away from zero', () => {
    expect(wanLabel(82_900_000)).toBe('82.90');
    expect(wanLabel(980_000)).toBe('0.98');
    expect(wanLabel(0)).toBe('0.00');
    expect(wanLabel(12_345)).toBe('0.01');
    expect(wanLabel(5_000)).toBe('0.01');
    expect(wanLabel(4_999)).toBe('0.00');
    expect(wanLabel(-1_505_000)).toBe('-1.51');
    expect(wanLabel(123_456_789_000)).toBe('123456.79');
  });
});

describe('pieOption', () => {
  const option = pieOption('2018年支出构成', [
    { name: '办公费', fen: 980_000 },
    { name: '印刷费', fen: 200_000 },
    { name: '未安排', fen: 0 },
  ]);

  it('is plain JSON without animation', () => {
    expect(viaJson(option)).toEqual(option);
    expect(option.animation).toBe(false);
  });

  it('plots values in 万元 and labels them with two decimals; slices of zero are left out', () => {
    const series = option.series as {
      type: string;
      data: { name: string; value: number; label: { formatter: string } }[];
    }[];
    expect(series[0]?.type).toBe('pie');
    expect(series[0]?.data.map((d) => [d.name, d.value, d.label.formatter])).toEqual([
      ['办公费', 0.98, '{b}\n0.98万元（{d}%）'],
      ['印刷费', 0.2, '{b}\n0.20万元（{d}%）'],
    ]);
    expect(option.title).toMatchObject({ text: '2018年支出构成', subtext: '单位：万元' });
  });

  it('says 暂无数据 when nothing can be drawn', () => {
    expect(pieOption('空', []).title).toMatchObject({ subtext: '暂无数据' });
  });

  it('keeps braces in names from being read as template placeholders in tooltips', () => {
    const o = pieOption('t', [{ name: '{a}项目', fen: 1_000_000 }]);
    const data = (o.series as { data: { tooltip: { formatter: string } }[] }[])[0]?.data;
    expect(data?.[0]?.tooltip.formatter).toBe('｛a｝项目：1.00万元（{d}%）');
  });
});

describe('barOption', () => {
  const option = barOption(
    '收支对比',
    ['收入', '支出'],
    [
      { name: '2017年', fen: [90_000_000, 88_000_000] },
      { name: '2018年', fen: [98_400_000] },
    ],
  );

  it('is plain JSON without animation, with a 万元 value axis and a legend for two series', () => {
    expect(viaJson(option)).toEqual(option);
    expect(option.animation).toBe(false);
    expect(option.yAxis).toMatchObject({ type: 'value', name: '万元' });
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['收入', '支出'] });
    expect(option.legend).toBeDefined();
    expect(barOption('t', ['a'], [{ name: 's', fen: [1] }]).legend).toBeUndefined();
  });

  it('labels each bar with its amount; a missing value is an empty bar', () => {
    type Bar = { name: string; data: ({ value: number; label: { formatter: string } } | { value: '-' })[] };
    const series = option.series as Bar[];
    expect(series.map((s) => s.name)).toEqual(['2017年', '2018年']);
    expect(series[0]?.data).toMatchObject([
      { value: 90, label: { formatter: '90.00' } },
      { value: 88, label: { formatter: '88.00' } },
    ]);
    expect(series[1]?.data).toMatchObject([{ value: 98.4, label: { formatter: '98.40' } }, { value: '-' }]);
  });
});
