/** Two budgets side by side: two departments, or two years of one department. */
import { Alert, Card, Col, Row, Select, Space, Spin, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { budgetLabel, usePortalBudgets } from '../../api/portal.ts';
import type { PortalBudget } from '../../api/types.ts';
import { comparison } from '../../charts/chart-data.ts';
import { ChartCard } from '../../charts/EChart.tsx';
import { formatChange, formatMoney } from '../../format/amount.ts';

const ROWS: [string, (b: PortalBudget) => number | null][] = [
  ['收入总额', (b) => b.revenueTotal],
  ['支出总额', (b) => b.expenditure.total],
  ['基本支出', (b) => b.expenditure.basic],
  ['人员经费', (b) => b.expenditure.personnel],
  ['公用经费', (b) => b.expenditure.publicExpenses],
  ['项目支出', (b) => b.expenditure.project],
  ['“三公”经费', (b) => b.threePublic.total],
  ['因公出国（境）费', (b) => b.threePublic.overseasTravel],
  ['公务用车购置及运行费', (b) => b.threePublic.vehicleTotal],
  ['公务接待费', (b) => b.threePublic.reception],
  ['机关运行经费', (b) => b.operatingExpenses],
];

export default function ComparePage() {
  const { data = [], isPending } = usePortalBudgets();
  const [params, setParams] = useSearchParams();
  const a = data.find((b) => b.budgetId === params.get('a'));
  const b = data.find((x) => x.budgetId === params.get('b'));
  const options = data.map((x) => ({ value: x.budgetId, label: budgetLabel(x) }));
  const pick = (key: 'a' | 'b') => (v: string) => {
    const p = new URLSearchParams(params);
    p.set(key, v);
    setParams(p);
  };
  if (isPending) return <Spin aria-label="正在加载" />;
  const sameDepartment = a && b && a.departmentId === b.departmentId;
  const label = (x: PortalBudget) => (sameDepartment ? `${x.fiscalYear}年` : budgetLabel(x));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          预算对比
        </Typography.Title>
        <Row gutter={[16, 8]}>
          <Col xs={24} md={12}>
            <label htmlFor="compare-a">对比对象一</label>
            <Select
              id="compare-a"
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              value={a?.budgetId}
              onChange={pick('a')}
              options={options}
              placeholder="选择部门和年度"
            />
          </Col>
          <Col xs={24} md={12}>
            <label htmlFor="compare-b">对比对象二</label>
            <Select
              id="compare-b"
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              value={b?.budgetId}
              onChange={pick('b')}
              options={options}
              placeholder="选择部门和年度"
            />
          </Col>
        </Row>
      </Card>
      {a && b ? (
        <>
          <Card
            title={
              <h2 style={{ margin: 0, fontSize: 18 }}>
                {label(a)} 与 {label(b)}
              </h2>
            }
          >
            <div className="table-scroll">
              <Table
                size="small"
                pagination={false}
                rowKey={([n]) => n}
                dataSource={ROWS}
                columns={[
                  { title: '项目', key: 'n', render: (_: unknown, [n]) => n },
                  {
                    title: <Link to={`/budgets/${a.budgetId}`}>{label(a)}</Link>,
                    key: 'a',
                    align: 'right',
                    render: (_: unknown, [, f]) => formatMoney(f(a)),
                  },
                  {
                    title: <Link to={`/budgets/${b.budgetId}`}>{label(b)}</Link>,
                    key: 'b',
                    align: 'right',
                    render: (_: unknown, [, f]) => formatMoney(f(b)),
                  },
                  {
                    title: '增减（二比一）',
                    key: 'd',
                    align: 'right',
                    render: (_: unknown, [, f]) => formatChange(f(b), f(a)),
                  },
                ]}
              />
            </div>
          </Card>
          <ChartCard data={comparison(a, b, label)} />
        </>
      ) : (
        <Alert type="info" title="请选择两份预算进行对比。" />
      )}
    </Space>
  );
}
