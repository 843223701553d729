/**
 * One chart drawn by ECharts (only the chart types and components used here are bundled), with a table
 * view of the same numbers and a download of them as CSV. The canvas is an image with a text summary; the
 * table is the accessible view.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table } from 'antd';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { fenToWan, formatWan } from '../format/amount.ts';
import { type ChartData, chartCsv, chartTable } from './chart-data.ts';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  CanvasRenderer,
]);

const COLORS = ['#0958d9', '#d4380d', '#389e0d', '#d48806', '#531dab', '#08979c', '#c41d7f', '#595959'];

function option(c: ChartData): echarts.EChartsCoreOption {
  const wan = (v: number | null | undefined) => (v === null || v === undefined ? null : fenToWan(v));
  const tooltip = {
    valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toLocaleString('zh-CN')}万元` : '—'),
  };
  if (c.type === 'pie') {
    const s = c.series[0];
    return {
      color: COLORS,
      aria: { enabled: true },
      tooltip: { trigger: 'item', ...tooltip },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          label: { formatter: '{b}\n{d}%' },
          data: c.categories.map((name, i) => ({ name, value: wan(s?.values[i]) })),
        },
      ],
    };
  }
  return {
    color: COLORS,
    aria: { enabled: true },
    tooltip: { trigger: 'axis', ...tooltip },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: {
      type: 'category',
      data: c.categories,
      axisLabel: { interval: 0, width: 90, overflow: 'truncate' },
    },
    yAxis: { type: 'value', name: '万元' },
    series: c.series.map((s) => ({ type: c.type, name: s.name, data: s.values.map(wan), smooth: false })),
  };
}

function summary(c: ChartData): string {
  const parts = c.categories
    .slice(0, 8)
    .map(
      (cat, i) =>
        `${cat}${c.series.map((s) => `${c.series.length > 1 ? s.name : ''}${formatWan(s.values[i] ?? null)}`).join('，')}`,
    );
  return `${c.title}：${parts.join('；')}${c.categories.length > 8 ? '等' : ''}。`;
}

export function EChart({ data }: { data: ChartData }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption(option(data));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data]);
  return <div ref={ref} className="chart" role="img" aria-label={summary(data)} />;
}

export function download(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ChartCard({ data, extra }: { data: ChartData; extra?: React.ReactNode }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const t = chartTable(data);
  const empty = data.categories.length === 0;
  return (
    <Card
      title={<h3 style={{ margin: 0, fontSize: 16 }}>{data.title}</h3>}
      size="small"
      extra={
        <Space wrap>
          {extra}
          <Segmented
            aria-label={`${data.title}：图表或表格`}
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { label: '图表', value: 'chart' },
              { label: '表格', value: 'table' },
            ]}
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => download(`${data.title}.csv`, chartCsv(data))}
            aria-label={`下载“${data.title}”的数据（CSV）`}
          >
            数据
          </Button>
        </Space>
      }
    >
      {empty ? (
        <p>本预算没有这方面的数据。</p>
      ) : view === 'chart' ? (
        <EChart data={data} />
      ) : (
        <div className="table-scroll">
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => String(r[0])}
            dataSource={t.rows}
            columns={t.header.map((h, i) => ({
              title: h,
              key: h,
              align: i === 0 ? ('left' as const) : ('right' as const),
              render: (_: unknown, r: (string | number | null)[]) => {
                const v = r[i];
                return v === null || v === undefined
                  ? '—'
                  : typeof v === 'number'
                    ? v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 4 })
                    : v;
              },
            }))}
          />
        </div>
      )}
    </Card>
  );
}
