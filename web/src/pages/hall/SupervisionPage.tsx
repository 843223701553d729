/** 电子监察: warnings, yellow and red cards with window and staff responsible, newest first. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { beijingTime } from '../../format/time.ts';
import { actorLabel, CARD_KIND_NAMES, DEADLINE_KIND_NAMES } from '../../hall/hall-logic.ts';
import { usePeople, useWindows, windowLabel } from '../../hall/queries.ts';
import type { CardRecord, SupervisionBoard } from '../../hall/types.ts';

const CARD_COLORS: Record<string, string> = { warning: 'orange', yellow: 'gold', red: 'red' };

export default function SupervisionPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const me = useSession().data?.user?.id;
  const people = usePeople();
  const [kind, setKind] = useState<string | undefined>();
  const [windowId, setWindowId] = useState<string | undefined>();
  const windows = useWindows();
  const params = new URLSearchParams();
  if (kind) params.set('kind', kind);
  if (windowId) params.set('windowId', windowId);
  const board = useQuery({
    queryKey: ['hall', 'supervision', kind ?? '', windowId ?? ''],
    queryFn: () => api.get<SupervisionBoard>(`/api/hall/supervision?${params}`),
  });
  const sweep = async () => {
    try {
      const r = await api.post<{ cases: number; added: number; deemed: number }>(
        '/api/hall/supervision/sweep',
      );
      const deemed = r.deemed ? `，${r.deemed} 件逾期未作决定的办件记为视为受理` : '';
      message.success(`已检查在办办件 ${r.cases} 件，补记监察卡 ${r.added} 张${deemed}`);
      await client.invalidateQueries({ queryKey: ['hall', 'supervision'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const counts = board.data?.counts ?? { warning: 0, yellow: 0, red: 0 };
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        电子监察
      </Typography.Title>
      <Typography.Paragraph>
        预警：承诺期限前 1 个工作日仍未办结；黄牌：超过承诺期限；红牌：超过法定期限（上报件：受理后 3
        个工作日未上报）。
      </Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(['warning', 'yellow', 'red'] as const).map((k) => (
          <Col key={k} xs={8}>
            <Card size="small">
              <Statistic title={CARD_KIND_NAMES[k]} value={counts[k]} suffix="张" />
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="card-kind">监察卡</label>
        <Select
          id="card-kind"
          allowClear
          placeholder="全部"
          style={{ minWidth: 120 }}
          value={kind}
          onChange={setKind}
          options={Object.entries(CARD_KIND_NAMES).map(([value, label]) => ({ value, label }))}
        />
        <label htmlFor="card-window">窗口</label>
        <Select
          id="card-window"
          allowClear
          placeholder="全部窗口"
          style={{ minWidth: 200 }}
          value={windowId}
          onChange={setWindowId}
          options={(windows.data ?? []).map((w) => ({ value: w.id, label: `${w.number}号窗口 ${w.name}` }))}
        />
        <Button onClick={sweep}>立即巡检</Button>
      </Space>
      <div className="table-scroll">
        <Table<CardRecord>
          loading={board.isPending}
          rowKey="id"
          size="small"
          scroll={{ x: 900 }}
          locale={{ emptyText: '没有监察卡' }}
          dataSource={board.data?.cards ?? []}
          columns={[
            {
              title: '类别',
              dataIndex: 'kind',
              render: (k: string) => <Tag color={CARD_COLORS[k]}>{CARD_KIND_NAMES[k] ?? k}</Tag>,
            },
            { title: '签发时间', dataIndex: 'issuedAt', render: beijingTime },
            {
              title: '期限',
              key: 'deadline',
              render: (_: unknown, c) =>
                `${DEADLINE_KIND_NAMES[c.deadlineKind] ?? c.deadlineKind} ${c.deadline}`,
            },
            { title: '窗口', dataIndex: 'windowId', render: (w: string) => windowLabel(windows.data, w) },
            { title: '责任人', dataIndex: 'staffId', render: (s: string) => actorLabel(s, me, people) },
            { title: '说明', dataIndex: 'message' },
            {
              title: '办件',
              dataIndex: 'caseId',
              render: (id: string) => <Link to={`/workspace/hall/cases/${id}`}>查看办件</Link>,
            },
          ]}
        />
      </div>
    </Card>
  );
}
