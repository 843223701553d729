import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { OverdueItem } from '../../api/types.ts';

export default function OverduePage() {
  const q = useQuery({ queryKey: ['overdue'], queryFn: () => api.get<OverdueItem[]>('/api/overdue') });
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        逾期未公开的预算
      </Typography.Title>
      <Typography.Paragraph>已批复、超过 20 日仍未公开的预算，逾期最久的在前。</Typography.Paragraph>
      <Table
        loading={q.isPending}
        rowKey={(o) => o.budget.id}
        size="small"
        locale={{ emptyText: '没有逾期未公开的预算' }}
        dataSource={q.data ?? []}
        columns={[
          {
            title: '部门',
            key: 'd',
            render: (_: unknown, o) => (
              <Link to={`/workspace/budgets/${o.budget.id}`}>{o.budget.departmentName}</Link>
            ),
          },
          { title: '年度', key: 'y', render: (_: unknown, o) => o.budget.fiscalYear },
          { title: '公开期限', dataIndex: 'deadline' },
          { title: '逾期天数', dataIndex: 'daysOverdue', render: (d: number) => `${d} 日` },
        ]}
      />
    </Card>
  );
}
