/**
 * ECharts options for the charts of a budget disclosure: a pie (composition) and a bar chart
 * (comparison), in 万元.
 *
 * The options are plain JSON (no formatter functions), so they can be passed into a page
 * (render-chart.ts `renderChartsPng`), rendered in Node (`svgChart`) or sent to a browser as they are.
 * Label texts are made here from integer 分 with kernel/money.ts `formatFen` (two decimals, trailing
 * zeros kept: 0.98, 82.90); the plotted values are fen / 1 000 000 (万元), which only positions marks.
 */

import type { BarSeriesOption, EChartsOption, PieSeriesOption } from 'echarts';
import type { ChartBlock } from '../../core/disclosure/document.ts';
import { type Fen, formatFen } from '../../core/kernel/money.ts';

/** An amount in 万元 with two decimals, without the unit: 82_900_000 → '82.90'. */
export function wanLabel(fen: Fen): string {
  return formatFen(fen, '万元', 2).replace(/万元$/, '');
}

/** The plotted value in 万元. */
function wan(fen: Fen): number {
  return fen / 1_000_000;
}

/** ECharts' label templates treat `{…}` as placeholders: keep names from being read as one. */
function literal(text: string): string {
  return text.replace(/[{}]/g, (c) => (c === '{' ? '｛' : '｝'));
}

const TITLE: EChartsOption['title'] = {
  left: 'center',
  top: 12,
  textStyle: { fontSize: 16, fontWeight: 'bold' },
};

/**
 * A pie of the items' shares. Labels read "办公费\n0.98万元（83.05%）". Items of zero or less cannot
 * be drawn as slices and are left out; an empty pie says 暂无数据.
 */
export function pieOption(title: string, items: readonly { name: string; fen: Fen }[]): EChartsOption {
  const drawn = items.filter((item) => item.fen > 0);
  const data: NonNullable<PieSeriesOption['data']> = drawn.map((item) => {
    const amount = `${wanLabel(item.fen)}万元`;
    return {
      name: item.name,
      value: wan(item.fen),
      label: { formatter: `{b}\n${amount}（{d}%）` },
      tooltip: { formatter: `${literal(item.name)}：${amount}（{d}%）` },
    };
  });
  return {
    animation: false,
    title: {
      ...TITLE,
      text: title,
      subtext: drawn.length === 0 ? '暂无数据' : '单位：万元',
      left: 'center',
    },
    tooltip: { trigger: 'item' },
    legend: { type: 'plain', bottom: 8, left: 'center' },
    series: [
      {
        type: 'pie',
        name: title,
        radius: ['0%', '45%'],
        center: ['50%', '52%'],
        avoidLabelOverlap: true,
        label: { show: true, lineHeight: 18, overflow: 'none' },
        labelLine: { show: true },
        data,
      },
    ],
  };
}

/**
 * Bars per category, one series per `series` entry (legend when more than one). Each bar is labelled
 * with its amount ("82.90"); the value axis is named 万元. A series shorter than `categories` leaves the
 * remaining bars empty.
 */
export function barOption(
  title: string,
  categories: readonly string[],
  series: readonly { name: string; fen: readonly Fen[] }[],
): EChartsOption {
  const bars: BarSeriesOption[] = series.map((s) => ({
    type: 'bar',
    name: s.name,
    barMaxWidth: 48,
    label: { show: true, position: 'top' },
    data: categories.map((_, i) => {
      const fen = s.fen[i];
      if (fen === undefined) return { value: '-' };
      return {
        value: wan(fen),
        label: { formatter: wanLabel(fen) },
        tooltip: { formatter: `${literal(s.name)}<br/>{b}：${wanLabel(fen)}万元` },
      };
    }),
  }));
  const withLegend = series.length > 1;
  return {
    animation: false,
    title: { ...TITLE, text: title, subtext: '单位：万元' },
    tooltip: { trigger: 'item' },
    ...(withLegend ? { legend: { type: 'plain', top: 56, left: 'center' } } : {}),
    grid: { left: 24, right: 24, top: withLegend ? 96 : 76, bottom: 16, outerBoundsMode: 'same' },
    xAxis: {
      type: 'category',
      data: [...categories],
      axisTick: { alignWithLabel: true },
      axisLabel: { interval: 0, width: 88, overflow: 'break', lineHeight: 16 },
    },
    yAxis: { type: 'value', name: '万元', nameTextStyle: { align: 'right' } },
    series: bars,
  };
}

/** The ECharts option of a chart block of the disclosure document (values in 万元). */
export function chartBlockOption(c: ChartBlock): object {
  if (c.chartType === 'pie')
    return pieOption(
      c.title,
      c.categories.map((name, i) => ({ name, fen: c.series[0]?.data[i] ?? 0 })),
    );
  return barOption(
    c.title,
    c.categories,
    c.series.map((s) => ({ name: s.name, fen: s.data })),
  );
}
