/** 我的办件: the cases of the windows the user works today (all windows for hall managers), with deadlines and actions. */
import { useQueries, useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CASE_STATUSES } from '../../../../src/core/hall/case-status.ts';
import { api } from '../../api/client.ts';
import { CaseActions } from '../../hall/CaseActions.tsx';
import { DeadlineText } from '../../hall/DeadlineText.tsx';
import { ITEM_KIND_NAMES, statusName } from '../../hall/hall-logic.ts';
import { useItems, useWindows, windowLabel } from '../../hall/queries.ts';
import { StatusTag } from '../../hall/StatusTag.tsx';
import type { CaseHeader, CaseView } from '../../hall/types.ts';

const PAGE = 10;

export default function MyCasesPage() {
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['hall', 'cases', 'mine', status ?? ''],
    queryFn: () =>
      api.get<CaseHeader[]>(`/api/hall/cases/mine?limit=500${status ? `&status=${status}` : ''}`),
  });
  const items = useItems();
  const windows = useWindows();
  const rows = list.data ?? [];
  const visible = rows.slice((page - 1) * PAGE, page * PAGE);
  // The deadlines and the actions offered come with each case's view: read for the rows on screen.
  const views = useQueries({
    queries: visible.map((c) => ({
      queryKey: ['hall', 'case', c.id],
      queryFn: () => api.get<CaseView>(`/api/hall/cases/${c.id}`),
      staleTime: 5_000,
    })),
  });
  const viewOf = new Map(views.flatMap((v) => (v.data ? [[v.data.id, v.data] as const] : [])));
  const itemName = (code: string) => items.data?.find((i) => i.code === code)?.name ?? code;

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        我的办件
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="status-filter">状态</label>
        <Select
          id="status-filter"
          allowClear
          placeholder="全部状态"
          style={{ minWidth: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={CASE_STATUSES.map((s) => ({ value: s, label: statusName(s) }))}
        />
        <Link to="/workspace/hall/intake">窗口受理</Link>
      </Space>
      <div className="table-scroll">
        <Table<CaseHeader>
          loading={list.isPending}
          rowKey="id"
          size="small"
          scroll={{ x: 1000 }}
          locale={{ emptyText: '没有办件' }}
          dataSource={rows}
          pagination={{ current: page, pageSize: PAGE, onChange: setPage, showSizeChanger: false }}
          columns={[
            {
              title: '办件编号',
              dataIndex: 'caseNumber',
              render: (n: string, c) => <Link to={`/workspace/hall/cases/${c.id}`}>{n}</Link>,
            },
            {
              title: '事项',
              key: 'item',
              render: (_: unknown, c) => (
                <>
                  {itemName(c.itemCode)}
                  <br />
                  <small>{ITEM_KIND_NAMES[c.kind] ?? c.kind}</small>
                </>
              ),
            },
            { title: '申请人', dataIndex: 'applicantName' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <StatusTag status={s} />,
            },
            { title: '窗口', dataIndex: 'windowId', render: (w: string) => windowLabel(windows.data, w) },
            {
              title: '承诺期限',
              key: 'deadline',
              render: (_: unknown, c) => {
                const v = viewOf.get(c.id);
                if (!v) return '…';
                const closed = ['completed', 'rejected', 'withdrawn', 'returned'].includes(v.status);
                return v.deadlines ? (
                  <DeadlineText
                    deadline={v.deadlines.promised ?? v.deadlines.report}
                    suspended={v.deadlines.suspended}
                    closed={closed}
                  />
                ) : (
                  '未受理'
                );
              },
            },
            {
              title: '操作',
              key: 'actions',
              render: (_: unknown, c) => {
                const v = viewOf.get(c.id);
                return v ? <CaseActions view={v} size="small" /> : '…';
              },
            },
          ]}
        />
      </div>
    </Card>
  );
}
