/** The hall's trend (received, completed, newly overdue per day or month) as an ECharts line chart with a table view. */
import { Card, Segmented, Table } from 'antd';
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import type { TrendPoint } from '../../../src/core/hall/period-report.ts';
import { formatRate } from './hall-logic.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

const SERIES = [
  { key: 'received', name: '收件' },
  { key: 'completed', name: '办结' },
  { key: 'newlyOverdue', name: '新增超期' },
] as const;

export function TrendChart({ title, trend }: { title: string; trend: readonly TrendPoint[] }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (view !== 'chart' || !ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      color: ['#0958d9', '#389e0d', '#d4380d'],
      aria: { enabled: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}件` },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: trend.map((p) => p.period) },
      yAxis: { type: 'value', name: '件', minInterval: 1 },
      series: SERIES.map((s) => ({ type: 'line', name: s.name, data: trend.map((p) => p[s.key]) })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [trend, view]);
  const total = (k: (typeof SERIES)[number]['key']) => trend.reduce((s, p) => s + p[k], 0);
  const summary = `${title}：共${trend.length}期，收件${total('received')}件，办结${total('completed')}件，新增超期${total('newlyOverdue')}件。`;
  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{title}</h2>}
      extra={
        <Segmented
          aria-label={`${title}：图表或表格`}
          size="small"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { label: '图表', value: 'chart' },
            { label: '表格', value: 'table' },
          ]}
        />
      }
    >
      {trend.length === 0 ? (
        <p>这一期间还没有已结束的日子。</p>
      ) : view === 'chart' ? (
        <div ref={ref} className="chart" role="img" aria-label={summary} />
      ) : (
        <div className="table-scroll">
          <Table
            size="small"
            rowKey="period"
            pagination={false}
            dataSource={[...trend]}
            columns={[
              { title: '期间', dataIndex: 'period' },
              ...SERIES.map((s) => ({ title: s.name, dataIndex: s.key, align: 'right' as const })),
              {
                title: '按时办结率',
                dataIndex: 'completionRate',
                align: 'right' as const,
                render: (r: number | null) => formatRate(r),
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
