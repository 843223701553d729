/** The region rollup: totals across departments for a year, drilled down by function class. */
import { Breadcrumb, Card, Col, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePortalBudgets } from '../../api/portal.ts';
import { rollup } from '../../charts/chart-data.ts';
import { ChartCard } from '../../charts/EChart.tsx';
import { formatMoney } from '../../format/amount.ts';

export default function RegionPage() {
  const { data = [], isPending } = usePortalBudgets();
  const [params, setParams] = useSearchParams();
  const years = [...new Set(data.map((b) => b.fiscalYear))].sort((a, b) => b - a);
  const year = Number(params.get('year')) || years[0];
  const cls = params.get('class') ?? undefined;
  const budgets = useMemo(
    () => data.filter((b) => b.fiscalYear === year && b.kind === 'budget'),
    [data, year],
  );
  const chart = useMemo(() => rollup(budgets, cls), [budgets, cls]);
  const classes = useMemo(() => rollup(budgets), [budgets]);
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    setParams(p);
  };
  if (isPending) return <Spin aria-label="正在加载" />;
  const sum = (f: (b: (typeof budgets)[number]) => number | null) =>
    budgets.reduce((s, b) => s + (f(b) ?? 0), 0);
  const byDepartment = budgets
    .map((b) => ({
      key: b.budgetId,
      name: b.departmentName,
      budgetId: b.budgetId,
      fen: cls ? (b.functions.find((f) => f.code === cls)?.fen ?? 0) : (b.expenditure.total ?? 0),
    }))
    .filter((r) => r.fen !== 0)
    .sort((a, b) => b.fen - a.fen);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          区域汇总
        </Typography.Title>
        <Space wrap>
          <label htmlFor="region-year">年度</label>
          <Select
            id="region-year"
            value={year}
            onChange={(v) => set({ year: String(v), class: undefined })}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 120 }}
          />
          <label htmlFor="region-class">功能分类</label>
          <Select
            id="region-class"
            allowClear
            placeholder="全部（按类汇总）"
            value={cls}
            onChange={(v) => set({ class: v })}
            style={{ minWidth: 240 }}
            options={classes.categories.map((c) => ({ value: c.split(' ')[0] ?? c, label: c }))}
          />
        </Space>
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title="部门数" value={budgets.length} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="收入合计" value={formatMoney(sum((b) => b.revenueTotal))} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="支出合计" value={formatMoney(sum((b) => b.expenditure.total))} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="“三公”经费合计" value={formatMoney(sum((b) => b.threePublic.total))} />
          </Col>
        </Row>
      </Card>
      <Breadcrumb
        items={[
          { title: cls ? <Link to={`/region?year=${year}`}>全部功能分类</Link> : '全部功能分类' },
          ...(cls ? [{ title: classes.categories.find((c) => c.startsWith(cls)) ?? cls }] : []),
        ]}
      />
      <ChartCard data={chart} />
      {!cls && (
        <Card size="small" title="按功能分类查看（选择一类查看其下各款和各部门）">
          <Space wrap>
            {classes.categories.map((c) => (
              <Link key={c} to={`/region?year=${year}&class=${c.split(' ')[0]}`}>
                {c}
              </Link>
            ))}
          </Space>
        </Card>
      )}
      <Card
        title={
          <h2 style={{ margin: 0, fontSize: 18 }}>{cls ? `各部门在 ${cls} 类的支出` : '各部门支出总额'}</h2>
        }
      >
        <Table
          size="small"
          pagination={false}
          dataSource={byDepartment}
          columns={[
            {
              title: '部门',
              dataIndex: 'name',
              render: (v: string, r) => <Link to={`/budgets/${r.budgetId}`}>{v}</Link>,
            },
            { title: '支出', dataIndex: 'fen', align: 'right', render: (v: number) => formatMoney(v) },
          ]}
        />
      </Card>
    </Space>
  );
}
