/**
 * 联办件: the joint cases among my cases, and one joint case's record: each department's sub-case, the
 * 联审会 (joint review meetings, absent invited departments deemed to agree) and 联合踏勘 (site surveys).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { CaseActions } from '../../hall/CaseActions.tsx';
import { FormDialog } from '../../hall/FormDialog.tsx';
import { SUB_CASE_STATUS_NAMES, subCaseMoves } from '../../hall/hall-logic.ts';
import { todayInShanghai, useWindows, windowLabel } from '../../hall/queries.ts';
import { StatusTag } from '../../hall/StatusTag.tsx';
import type { CaseHeader, JointRecord } from '../../hall/types.ts';
import { useCase } from './CasePage.tsx';

export default function JointPage() {
  const { id } = useParams();
  return id ? <JointCasePage id={id} /> : <JointList />;
}

function JointList() {
  const list = useQuery({
    queryKey: ['hall', 'cases', 'mine', ''],
    queryFn: () => api.get<CaseHeader[]>('/api/hall/cases/mine?limit=500'),
  });
  const joint = (list.data ?? []).filter((c) => c.kind === 'joint');
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        联办件
      </Typography.Title>
      <Typography.Paragraph>
        由牵头窗口受理、各部门分别办理子件的事项；联审会和联合踏勘的记录在办件的联办记录中。
      </Typography.Paragraph>
      <div className="table-scroll">
        <Table<CaseHeader>
          loading={list.isPending}
          rowKey="id"
          size="small"
          locale={{ emptyText: '没有联办件' }}
          dataSource={joint}
          columns={[
            {
              title: '办件编号',
              dataIndex: 'caseNumber',
              render: (n: string, c) => <Link to={`/workspace/hall/joint/${c.id}`}>{n}</Link>,
            },
            { title: '申请人', dataIndex: 'applicantName' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <StatusTag status={s} />,
            },
            { title: '收件日期', dataIndex: 'receivedAt', render: (t: string) => t.slice(0, 10) },
          ]}
        />
      </div>
    </Card>
  );
}

type Dialog =
  | { kind: 'move'; department: string; move: 'start' | 'complete' | 'return'; name: string }
  | { kind: 'review' }
  | { kind: 'survey' };

function JointCasePage({ id }: { id: string }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const lead = useCase(id);
  const windows = useWindows();
  const joint = useQuery({
    queryKey: ['hall', 'joint', id],
    queryFn: async () => {
      try {
        return await api.get<JointRecord>(`/api/hall/cases/${id}/joint`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (lead.isPending || joint.isPending) return <Spin aria-label="正在加载" />;
  if (lead.error) return <Alert type="error" title={lead.error.message} />;
  const c = lead.data;
  const j = joint.data;
  const start = async () => {
    try {
      await api.post(`/api/hall/cases/${id}/joint`);
      await client.invalidateQueries({ queryKey: ['hall', 'joint', id] });
      message.success('已开始联办，各部门子件已分送窗口');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          联办记录：{c.itemName}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <Link to={`/workspace/hall/cases/${c.id}`}>办件 {c.caseNumber}</Link>
          <StatusTag status={c.status} />
        </Space>
        <CaseActions view={c} />
      </Card>
      {!j ? (
        <Card>
          <Empty description="尚未开始联办">
            <Button type="primary" onClick={start} disabled={!['accepted', 'inProgress'].includes(c.status)}>
              开始联办
            </Button>
          </Empty>
        </Card>
      ) : (
        <>
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>各部门子件</h2>} size="small">
            <div className="table-scroll">
              <Table
                size="small"
                pagination={false}
                rowKey="department"
                dataSource={j.joint.subCases}
                columns={[
                  {
                    title: '部门',
                    dataIndex: 'department',
                    render: (d: string) => (d === j.joint.leadDepartment ? `${d}（牵头）` : d),
                  },
                  {
                    title: '窗口',
                    dataIndex: 'windowId',
                    render: (w: string) => windowLabel(windows.data, w),
                  },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    render: (s: string) => SUB_CASE_STATUS_NAMES[s] ?? s,
                  },
                  { title: '办理意见', dataIndex: 'opinion', render: (o: string | null) => o ?? '—' },
                  {
                    title: '操作',
                    key: 'op',
                    render: (_: unknown, s) => (
                      <Space wrap>
                        {subCaseMoves(s.status).map((m) => (
                          <Button
                            key={m.move}
                            size="small"
                            onClick={() => setDialog({ kind: 'move', department: s.department, ...m })}
                          >
                            {m.name}
                          </Button>
                        ))}
                      </Space>
                    ),
                  },
                ]}
              />
            </div>
          </Card>
          <Card
            title={<h2 style={{ margin: 0, fontSize: 16 }}>联审会</h2>}
            size="small"
            extra={<Button onClick={() => setDialog({ kind: 'review' })}>记录联审会</Button>}
          >
            {j.joint.reviews.length === 0 ? (
              <p>尚无联审会记录。</p>
            ) : (
              j.joint.reviews.map((r) => (
                <Descriptions
                  key={`${r.date}-${r.decisions.join()}-${r.attendees.map((a) => a.person).join()}`}
                  size="small"
                  bordered
                  column={1}
                  style={{ marginBottom: 12 }}
                >
                  <Descriptions.Item label="日期">{r.date}</Descriptions.Item>
                  <Descriptions.Item label="结论">
                    {r.outcome === 'agreed' ? '同意' : '不同意'}
                  </Descriptions.Item>
                  <Descriptions.Item label="出席">
                    {r.attendees.map((a) => `${a.department} ${a.person}`).join('；') || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label="各部门意见">
                    {Object.entries(r.positions)
                      .map(
                        ([d, p]) =>
                          `${d}：${p === 'agree' ? '同意' : p === 'disagree' ? '不同意' : '缺席，视为同意'}`,
                      )
                      .join('；')}
                  </Descriptions.Item>
                  <Descriptions.Item label="会议决定">{r.decisions.join('；') || '—'}</Descriptions.Item>
                </Descriptions>
              ))
            )}
          </Card>
          <Card
            title={<h2 style={{ margin: 0, fontSize: 16 }}>联合踏勘</h2>}
            size="small"
            extra={<Button onClick={() => setDialog({ kind: 'survey' })}>记录联合踏勘</Button>}
          >
            {j.joint.surveys.length === 0 ? (
              <p>尚无联合踏勘记录。</p>
            ) : (
              j.joint.surveys.map((s) => (
                <Descriptions
                  key={`${s.date}-${s.findings}`}
                  size="small"
                  bordered
                  column={1}
                  style={{ marginBottom: 12 }}
                >
                  <Descriptions.Item label="日期">{s.date}</Descriptions.Item>
                  <Descriptions.Item label="参加人员">
                    {s.participants.map((a) => `${a.department} ${a.person}`).join('；')}
                  </Descriptions.Item>
                  <Descriptions.Item label="踏勘意见">{s.findings}</Descriptions.Item>
                </Descriptions>
              ))
            )}
          </Card>
          {dialog && <JointDialog id={id} record={j} dialog={dialog} onClose={() => setDialog(null)} />}
        </>
      )}
    </Space>
  );
}

/** "部门 人员" per line → attendees. */
function people(text: string | undefined): { department: string; person: string }[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [department = '', ...rest] = l.split(/\s+/);
      return { department, person: rest.join(' ') || '—' };
    });
}
const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function JointDialog({
  id,
  record,
  dialog,
  onClose,
}: {
  id: string;
  record: JointRecord;
  dialog: Dialog;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const departments = record.joint.subCases.map((s) => s.department);
  const submit = async () => {
    const v = form.getFieldsValue();
    let change: unknown;
    if (dialog.kind === 'move')
      change = {
        type: 'subCase',
        department: dialog.department,
        move: dialog.move,
        opinion: v.opinion ?? null,
      };
    else if (dialog.kind === 'review') {
      const attendees = people(v.attendees);
      const positions: Record<string, 'agree' | 'disagree'> = {};
      for (const d of v.disagree ?? []) positions[d] = 'disagree';
      for (const a of attendees) positions[a.department] ??= 'agree';
      change = {
        type: 'review',
        review: {
          date: v.date?.format?.('YYYY-MM-DD') ?? todayInShanghai(),
          invited: v.invited ?? [],
          attendees,
          decisions: lines(v.decisions),
          positions,
        },
      };
    } else
      change = {
        type: 'survey',
        survey: {
          date: v.date?.format?.('YYYY-MM-DD') ?? todayInShanghai(),
          participants: people(v.participants),
          findings: (v.findings ?? '').trim(),
        },
      };
    try {
      await api.post(`/api/hall/cases/${id}/joint/changes`, { version: record.version, change });
      await client.invalidateQueries({ queryKey: ['hall', 'joint', id] });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const title =
    dialog.kind === 'move'
      ? `${dialog.department}：${dialog.name}`
      : dialog.kind === 'review'
        ? '记录联审会'
        : '记录联合踏勘';
  return (
    <FormDialog title={title} okText="保存" error={error} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ invited: departments }}>
        {dialog.kind === 'move' ? (
          dialog.move !== 'start' && (
            <Form.Item label={dialog.move === 'complete' ? '办理意见' : '退回理由'} name="opinion" required>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )
        ) : (
          <>
            <Form.Item label="日期" name="date">
              <DatePicker />
            </Form.Item>
            {dialog.kind === 'review' ? (
              <>
                <Form.Item label="邀请部门" name="invited">
                  <Select mode="multiple" options={departments.map((d) => ({ value: d, label: d }))} />
                </Form.Item>
                <Form.Item label="出席人员（每行：部门 姓名）" name="attendees">
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item label="不同意的部门" name="disagree">
                  <Select mode="multiple" options={departments.map((d) => ({ value: d, label: d }))} />
                </Form.Item>
                <Form.Item label="会议决定（每行一项）" name="decisions">
                  <Input.TextArea rows={3} />
                </Form.Item>
              </>
            ) : (
              <>
                <Form.Item label="参加人员（每行：部门 姓名）" name="participants">
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item label="踏勘意见" name="findings" required>
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
              </>
            )}
          </>
        )}
      </Form>
    </FormDialog>
  );
}
