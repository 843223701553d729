/** 报表: the daily report per window and for the center, monthly and annual analysis with the trend; XLSX downloads. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PeriodFigures } from '../../../../src/core/hall/period-report.ts';
import { api } from '../../api/client.ts';
import { formatRate } from '../../hall/hall-logic.ts';
import { todayInShanghai, useWindows, windowLabel } from '../../hall/queries.ts';
import { TrendChart } from '../../hall/TrendChart.tsx';
import type { DailyReportView, PeriodReport } from '../../hall/types.ts';

/** The figures a table row shows: a day's and a period's alike (the core's, less the counts by item kind). */
type Figures = Omit<PeriodFigures, 'receivedByKind'>;

type Row = Figures & { key: string; name: string };

const COLUMNS: { key: keyof Figures; title: string }[] = [
  { key: 'received', title: '收件' },
  { key: 'completedOnTime', title: '按时办结' },
  { key: 'completedLate', title: '超期办结' },
  { key: 'returned', title: '退回' },
  { key: 'inProgress', title: '在办' },
  { key: 'awaitingAcceptance', title: '待受理' },
  { key: 'overdue', title: '超期在办' },
  { key: 'newlyOverdue', title: '新增超期' },
  { key: 'completionRate', title: '按时办结率' },
];

function FiguresTable({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <div className="table-scroll">
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        title={() => caption}
        scroll={{ x: 900 }}
        locale={{ emptyText: '这一天没有办件' }}
        columns={[
          { title: '窗口', dataIndex: 'name', fixed: 'left' },
          ...COLUMNS.map((c) => ({
            title: c.title,
            dataIndex: c.key,
            align: 'right' as const,
            render: (v: number | null) => (c.key === 'completionRate' ? formatRate(v) : v),
          })),
        ]}
      />
    </div>
  );
}

function rowsOf(windows: Record<string, Figures>, center: Figures, label: (id: string) => string): Row[] {
  return [
    ...Object.entries(windows)
      .map(([id, f]) => ({ ...f, key: id, name: label(id) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true })),
    { ...center, key: 'center', name: '全中心' },
  ];
}

function Download({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} download className="ant-btn ant-btn-default" style={{ padding: '4px 12px' }}>
      {children}
    </a>
  );
}

export default function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const today = todayInShanghai();
  const tab = params.get('tab') ?? 'daily';
  const [date, setDate] = useState(params.get('date') ?? today);
  const [month, setMonth] = useState(today.slice(0, 7));
  const [year, setYear] = useState(today.slice(0, 4));
  const windows = useWindows();
  const label = (id: string) => windowLabel(windows.data, id);
  const valid = (re: RegExp, v: string) => re.test(v);
  const daily = useQuery({
    queryKey: ['hall', 'report', 'daily', date],
    queryFn: () => api.get<DailyReportView>(`/api/hall/reports/daily/${date}`),
    enabled: tab === 'daily' && valid(/^\d{4}-\d{2}-\d{2}$/, date),
  });
  const monthly = useQuery({
    queryKey: ['hall', 'report', 'monthly', month],
    queryFn: () => api.get<PeriodReport>(`/api/hall/reports/monthly/${month}`),
    enabled: tab === 'monthly' && valid(/^\d{4}-(0[1-9]|1[0-2])$/, month),
  });
  const annual = useQuery({
    queryKey: ['hall', 'report', 'annual', year],
    queryFn: () => api.get<PeriodReport>(`/api/hall/reports/annual/${year}`),
    enabled: tab === 'annual' && valid(/^\d{4}$/, year),
  });
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        报表
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          {
            key: 'daily',
            label: '日报表',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <label htmlFor="report-date">日期</label>
                  <Input
                    id="report-date"
                    type="date"
                    value={date}
                    onChange={(e) => setDate(e.target.value)}
                    style={{ width: 170 }}
                  />
                  <Download href={`/api/hall/reports/daily/${date}/xlsx`}>下载日报表（XLSX）</Download>
                </Space>
                {daily.error && <Alert type="error" title={daily.error.message} />}
                {daily.data && (
                  <>
                    <Typography.Text>
                      {daily.data.archived
                        ? `已归档（SHA-256：${daily.data.sha256?.slice(0, 16)}…），此后原样提供。`
                        : '当日尚未结束：数据为即时计算，未归档。'}
                    </Typography.Text>
                    <FiguresTable
                      caption={`${date} 日报表`}
                      rows={rowsOf(daily.data.report.windows, daily.data.report.center, label)}
                    />
                  </>
                )}
              </Space>
            ),
          },
          {
            key: 'monthly',
            label: '月报表',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <label htmlFor="report-month">月份</label>
                  <Input
                    id="report-month"
                    type="month"
                    value={month}
                    onChange={(e) => setMonth(e.target.value)}
                    style={{ width: 170 }}
                  />
                  <Download href={`/api/hall/reports/monthly/${month}/xlsx`}>下载月报表（XLSX）</Download>
                </Space>
                {monthly.error && <Alert type="error" title={monthly.error.message} />}
                {monthly.data && <Period report={monthly.data} label={label} unit="逐日趋势" />}
              </Space>
            ),
          },
          {
            key: 'annual',
            label: '年报表',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <label htmlFor="report-year">年度</label>
                  <Input
                    id="report-year"
                    inputMode="numeric"
                    value={year}
                    onChange={(e) => setYear(e.target.value.trim())}
                    style={{ width: 120 }}
                  />
                </Space>
                {annual.error && <Alert type="error" title={annual.error.message} />}
                {annual.data && <Period report={annual.data} label={label} unit="逐月趋势" />}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Period({
  report,
  label,
  unit,
}: {
  report: PeriodReport;
  label: (id: string) => string;
  unit: string;
}) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text>
        {report.from
          ? `${report.from} 至 ${report.to}，共 ${report.days} 天（只含已结束的日子）。`
          : '这一期间还没有已结束的日子。'}
      </Typography.Text>
      <TrendChart title={`${report.period} ${unit}`} trend={report.trend} />
      <FiguresTable caption={`${report.period} 各窗口`} rows={rowsOf(report.windows, report.center, label)} />
    </Space>
  );
}
