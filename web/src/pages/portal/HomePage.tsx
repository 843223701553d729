/** Home: search by department, function class or keyword; departments by category; latest publications; timeliness. */
import {
  Alert,
  Card,
  Col,
  Empty,
  Input,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePortalBudgets } from '../../api/portal.ts';
import type { PortalBudget } from '../../api/types.ts';
import { formatMoney } from '../../format/amount.ts';
import { Timeliness } from './Timeliness.tsx';

function matches(b: PortalBudget, q: string, fn: string | undefined): boolean {
  if (fn && !b.functions.some((f) => f.code === fn)) return false;
  if (!q) return true;
  const text = [
    b.departmentName,
    b.regionName,
    b.nature ?? '',
    ...b.duties,
    ...b.functions.map((f) => `${f.code} ${f.name}`),
  ].join(' ');
  return q.split(/\s+/).every((w) => text.includes(w));
}

export default function HomePage() {
  const { data = [], isPending, error } = usePortalBudgets();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const fn = params.get('fn') ?? undefined;
  const [text, setText] = useState(q);

  const classes = useMemo(() => {
    const m = new Map<string, string>();
    for (const b of data) for (const f of b.functions) if (f.code.length === 3) m.set(f.code, f.name);
    return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  }, [data]);
  const results = useMemo(() => data.filter((b) => matches(b, q.trim(), fn)), [data, q, fn]);
  const departments = useMemo(() => {
    const byCategory = new Map<string, Map<string, string>>();
    for (const b of data) {
      const cat = b.nature ? `${b.nature}单位` : '其他';
      const m = byCategory.get(cat) ?? new Map<string, string>();
      m.set(b.departmentId, b.departmentName);
      byCategory.set(cat, m);
    }
    return [...byCategory.entries()];
  }, [data]);
  const searching = q !== '' || fn !== undefined;
  const update = (next: { q?: string; fn?: string | undefined }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    setParams(p);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          部门预算公开
        </Typography.Title>
        <Typography.Paragraph>
          查询各部门的预算，一目了然地查看收支构成，与上年和其他部门对比，并下载公开文件。
        </Typography.Paragraph>
        <search>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              update({ q: text.trim() });
            }}
          >
            <Space.Compact
              style={{ width: '100%', maxWidth: 720, display: 'flex', flexWrap: 'wrap', gap: 8 }}
            >
              <Input.Search
                aria-label="搜索部门名称、功能分类或关键词"
                placeholder="部门名称、功能分类或关键词，如“政务服务中心”"
                value={text}
                onChange={(e) => setText(e.target.value)}
                onSearch={(v) => update({ q: v.trim() })}
                enterButton="搜索"
                allowClear
                style={{ flex: '1 1 320px' }}
              />
              <Select
                aria-label="按支出功能分类筛选"
                placeholder="支出功能分类"
                allowClear
                value={fn}
                onChange={(v) => update({ fn: v })}
                style={{ flex: '0 1 240px', minWidth: 200 }}
                options={classes.map(([code, name]) => ({ value: code, label: `${code} ${name}` }))}
              />
            </Space.Compact>
          </form>
        </search>
      </Card>
      {error && <Alert type="error" title="加载失败" description={error.message} />}
      {searching && (
        <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>搜索结果（{results.length}）</h2>}>
          {results.length === 0 ? (
            <Empty description="没有找到相符的预算" />
          ) : (
            <List
              dataSource={results}
              renderItem={(b) => (
                <List.Item
                  actions={[
                    <Link key="open" to={`/budgets/${b.budgetId}`}>
                      查看{b.fiscalYear}年预算
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={<Link to={`/departments/${b.departmentId}`}>{b.departmentName}</Link>}
                    description={`${b.regionName} · ${b.fiscalYear}年部门预算 · 支出总额 ${formatMoney(b.expenditure.total)}`}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>按类别浏览部门</h2>} loading={isPending}>
            {departments.length === 0 && <Empty description="尚无公开的预算" />}
            {departments.map(([cat, m]) => (
              <div key={cat} style={{ marginBottom: 12 }}>
                <Typography.Text strong>{cat}</Typography.Text>
                <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
                  {[...m.entries()].map(([id, name]) => (
                    <li key={id}>
                      <Link to={`/departments/${id}`}>{name}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>最新公开</h2>} loading={isPending}>
            <List
              size="small"
              dataSource={data.slice(0, 8)}
              renderItem={(b) => (
                <List.Item>
                  <Link to={`/budgets/${b.budgetId}`}>
                    {b.departmentName} {b.fiscalYear}年部门预算
                  </Link>
                  <span>
                    {b.latestVersion > 1 && <Tag color="orange">第{b.latestVersion}版（更正）</Tag>}
                    {b.latestPublishedAt.slice(0, 10)}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={<h2 style={{ margin: 0, fontSize: 18 }}>公开及时性（批复后20日内公开）</h2>}
        loading={isPending}
      >
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={8}>
            <Statistic title="已公开" value={data.length} suffix="份" />
          </Col>
          <Col xs={8}>
            <Statistic
              title="按时公开"
              value={
                data.filter((b) => b.timeliness.state === 'published' && b.timeliness.daysLate === 0).length
              }
              suffix="份"
            />
          </Col>
          <Col xs={8}>
            <Statistic
              title="逾期公开"
              value={
                data.filter((b) => b.timeliness.state === 'published' && b.timeliness.daysLate > 0).length
              }
              suffix="份"
            />
          </Col>
        </Row>
        <div className="table-scroll">
          <Table
            size="small"
            rowKey="budgetId"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={data}
            columns={[
              {
                title: '部门',
                dataIndex: 'departmentName',
                render: (v: string, b) => <Link to={`/budgets/${b.budgetId}`}>{v}</Link>,
              },
              { title: '年度', dataIndex: 'fiscalYear' },
              { title: '首次公开', dataIndex: 'firstPublishedAt', render: (v: string) => v.slice(0, 10) },
              {
                title: '是否及时',
                key: 't',
                render: (_: unknown, b) => <Timeliness status={b.timeliness} />,
              },
            ]}
          />
        </div>
      </Card>
    </Space>
  );
}
