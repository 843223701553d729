/** A department: profile, duties and internal bodies; the overview charts of a year; the trend over all years. */
import { Alert, Card, Col, Descriptions, Empty, List, Row, Segmented, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { usePortalBudgets, usePublication } from '../../api/portal.ts';
import { trend } from '../../charts/chart-data.ts';
import { ChartCard } from '../../charts/EChart.tsx';
import { formatMoney } from '../../format/amount.ts';
import { BudgetCharts, priorOf } from './BudgetCharts.tsx';
import { Timeliness } from './Timeliness.tsx';

export default function DepartmentPage() {
  const { id } = useParams();
  const { data = [], isPending } = usePortalBudgets();
  const budgets = useMemo(
    () =>
      data
        .filter((b) => b.departmentId === id && b.kind === 'budget')
        .sort((a, b) => b.fiscalYear - a.fiscalYear),
    [data, id],
  );
  const [year, setYear] = useState<number | null>(null);
  const current = budgets.find((b) => b.fiscalYear === year) ?? budgets[0];
  const publication = usePublication(current?.budgetId, current?.latestVersion);
  if (isPending) return <Spin aria-label="正在加载" />;
  if (!current) return <Empty description="该部门尚无公开的预算" />;
  const dept = publication.data?.facts.department;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {current.departmentName}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'r', label: '行政区划', children: current.regionName },
            { key: 'n', label: '单位性质', children: dept?.nature ?? '—' },
            { key: 'k', label: '单位规格', children: dept?.rank ?? '—' },
            { key: 'f', label: '经费保证形式', children: dept?.fundingForm ?? '—' },
            { key: 'y', label: '已公开年度', children: budgets.map((b) => `${b.fiscalYear}年`).join('、') },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={14}>
          <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>部门职责</h2>} loading={publication.isPending}>
            <ol style={{ paddingLeft: 20, margin: 0 }}>
              {(dept?.duties ?? []).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ol>
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>内设机构</h2>} loading={publication.isPending}>
            <ul style={{ paddingLeft: 20, margin: 0 }}>
              {(dept?.internalBodies ?? []).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
      <Card
        title={<h2 style={{ margin: 0, fontSize: 18 }}>预算概览</h2>}
        extra={
          <Segmented
            aria-label="选择年度"
            value={current.fiscalYear}
            onChange={(v) => setYear(Number(v))}
            options={budgets.map((b) => ({ label: `${b.fiscalYear}年`, value: b.fiscalYear }))}
          />
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text>
            收入总额 <strong>{formatMoney(current.revenueTotal)}</strong>
          </Typography.Text>
          <Typography.Text>
            支出总额 <strong>{formatMoney(current.expenditure.total)}</strong>
          </Typography.Text>
          <Typography.Text>
            “三公”经费 <strong>{formatMoney(current.threePublic.total)}</strong>
          </Typography.Text>
          <Timeliness status={current.timeliness} />
          <Link to={`/budgets/${current.budgetId}`}>阅读{current.fiscalYear}年预算公开文件并下载</Link>
        </Space>
        <BudgetCharts budget={current} prior={priorOf(data, current)} />
      </Card>
      {budgets.length > 1 ? (
        <ChartCard data={trend(budgets)} />
      ) : (
        <Alert type="info" title="只有一个年度的数据，暂无趋势。" />
      )}
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>历年预算公开文件</h2>}>
        <List
          dataSource={budgets}
          renderItem={(b) => (
            <List.Item>
              <Link to={`/budgets/${b.budgetId}`}>
                {b.fiscalYear}年部门预算（第{b.latestVersion}版，{b.latestPublishedAt.slice(0, 10)}公开）
              </Link>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
