/** The budgets the user may see, newest first, with their status and deadline. */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import type { BudgetListItem } from '../../api/types.ts';
import { STATUS_COLORS, statusName } from './status.ts';

export default function BudgetListPage() {
  const { data: session } = useSession();
  const budgets = useQuery({
    queryKey: ['budgets'],
    queryFn: () => api.get<BudgetListItem[]>('/api/budgets'),
  });
  const mine = (budgets.data ?? []).slice().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const roles = session?.user?.roles ?? [];
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          预算
        </Typography.Title>
        {roles.includes('editor') && (
          <Link to="/workspace/import">
            <Button type="primary">导入公开文件，新建预算</Button>
          </Link>
        )}
      </Space>
      <div className="table-scroll" style={{ marginTop: 16 }}>
        <Table
          loading={budgets.isPending}
          rowKey="id"
          size="small"
          dataSource={mine}
          columns={[
            {
              title: '部门',
              dataIndex: 'departmentName',
              render: (v: string, b) => <Link to={`/workspace/budgets/${b.id}`}>{v}</Link>,
            },
            { title: '年度', dataIndex: 'fiscalYear' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusName(s)}</Tag>,
            },
            { title: '版本', dataIndex: 'version' },
            {
              title: '更新时间',
              dataIndex: 'updatedAt',
              render: (v: string) => v.slice(0, 16).replace('T', ' '),
            },
          ]}
        />
      </div>
    </Card>
  );
}
