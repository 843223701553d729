/** 办理记录: a history as a table (time, step, status after it, who, reason or details), for cases and pre-approvals. */
import { Card, Table } from 'antd';
import { beijingTime } from '../format/time.ts';
import { actorLabel } from './hall-logic.ts';
import type { HistoryRow } from './history.ts';

export function HistoryCard({
  rows,
  me,
  people,
}: {
  /** `to` already the status's name. */
  rows: readonly HistoryRow[];
  me: string | undefined;
  people: ReadonlyMap<string, string>;
}) {
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>办理记录</h2>} size="small">
      <div className="table-scroll">
        <Table<HistoryRow>
          size="small"
          pagination={false}
          rowKey="seq"
          scroll={{ x: 760 }}
          dataSource={[...rows]}
          columns={[
            { title: '时间', dataIndex: 'at', render: (at: string) => beijingTime(at), width: 170 },
            { title: '办理', dataIndex: 'action' },
            { title: '状态', dataIndex: 'to' },
            { title: '办理人', dataIndex: 'actorId', render: (a: string) => actorLabel(a, me, people) },
            { title: '理由与说明', dataIndex: 'details', render: (t: string) => t || '—' },
          ]}
        />
      </div>
    </Card>
  );
}
