/** One project pre-approval: the project's facts, the steps the user may take (with reasons) and the full history. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { formatWan } from '../../format/amount.ts';
import { beijingTime } from '../../format/time.ts';
import { FormDialog } from '../../hall/FormDialog.tsx';
import { HistoryCard } from '../../hall/HistoryCard.tsx';
import { actorLabel } from '../../hall/hall-logic.ts';
import { PreApprovalStatusTag } from '../../hall/PreApprovalStatusTag.tsx';
import {
  type PreApprovalActionType,
  type PreApprovalView,
  preApprovalActionName,
  preApprovalHistoryRows,
  preApprovalStatusName,
  reasonField,
  visiblePreApprovalActions,
} from '../../hall/pre-approval-logic.ts';
import { usePeople } from '../../hall/queries.ts';

const PRIMARY: readonly PreApprovalActionType[] = ['passPreliminary', 'approve', 'reportUp', 'resubmit'];
const DANGER: readonly PreApprovalActionType[] = ['reject'];

export default function PreApprovalPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const me = session.data?.user?.id;
  const roles = session.data?.user?.roles ?? [];
  const people = usePeople();
  const [open, setOpen] = useState<PreApprovalActionType | null>(null);
  const q = useQuery({
    queryKey: ['hall', 'pre-approval', id],
    queryFn: () => api.get<PreApprovalView>(`/api/hall/pre-approvals/${id}`),
    staleTime: 5_000,
  });
  if (q.isPending) return <Spin aria-label="正在加载" />;
  if (q.error)
    return (
      <Alert
        type="error"
        title={q.error instanceof ApiError ? q.error.message : '项目预审读取失败'}
        action={<Link to="/workspace/hall/pre-approvals">返回项目预审</Link>}
      />
    );
  const p = q.data;
  const actions = visiblePreApprovalActions(p.availableActions, roles);
  const last = p.history.at(-1);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {p.projectName}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <PreApprovalStatusTag status={p.status} />
          <span>投资项目代码 {p.projectCode}</span>
          <Link to="/workspace/hall/pre-approvals">返回项目预审</Link>
        </Space>
        {p.status === 'returned' && last?.reason && (
          <Alert
            type="warning"
            style={{ marginBottom: 12 }}
            title={`业务科于${beijingTime(last.at)}退回补充：${last.reason}。补充后由窗口重新申报。`}
          />
        )}
        {p.status === 'rejected' && last?.reason && (
          <Alert type="error" style={{ marginBottom: 12 }} title={`不予批准：${last.reason}`} />
        )}
        {p.status === 'reported' && last && (
          <Alert
            type="success"
            style={{ marginBottom: 12 }}
            title={`已于${beijingTime(last.at)}上报${p.authority}。`}
          />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 2 }}>
          <Descriptions.Item label="建设单位">{p.constructionUnit}</Descriptions.Item>
          <Descriptions.Item label="建设地点">{p.location}</Descriptions.Item>
          <Descriptions.Item label="总投资">{formatWan(p.totalInvestmentFen)}</Descriptions.Item>
          <Descriptions.Item label="所属服务中心">{p.centerName}</Descriptions.Item>
          <Descriptions.Item label="上报机关">{p.authority}</Descriptions.Item>
          <Descriptions.Item label="申报">
            {beijingTime(p.submittedAt)}，{actorLabel(p.submittedBy, me, people)}
          </Descriptions.Item>
          <Descriptions.Item label="建设内容及规模" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{p.content}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>办理</h2>} size="small">
        {actions.length === 0 ? (
          <p style={{ margin: 0 }}>
            该项目预审为“{preApprovalStatusName(p.status)}”，
            {p.availableActions.length === 0 ? '没有可办理的操作。' : '您没有可办理的操作。'}
          </p>
        ) : (
          <Space wrap size={[8, 8]}>
            {actions.map((a) => {
              const label = a === 'reportUp' ? `上报${p.authority}` : preApprovalActionName(a);
              return (
                <Button
                  key={a}
                  type={PRIMARY.includes(a) ? 'primary' : 'default'}
                  danger={DANGER.includes(a)}
                  onClick={() => setOpen(a)}
                  aria-label={`${label}（项目 ${p.projectCode}）`}
                >
                  {label}
                </Button>
              );
            })}
          </Space>
        )}
      </Card>
      <HistoryCard rows={preApprovalHistoryRows(p.history)} me={me} people={people} />
      {open && <ActionDialog view={p} action={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}

function ActionDialog({
  view,
  action,
  onClose,
}: {
  view: PreApprovalView;
  action: PreApprovalActionType;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = reasonField(action);
  const name = preApprovalActionName(action);

  const submit = async () => {
    let reason: string | undefined;
    try {
      reason = (await form.validateFields()).reason?.trim();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<PreApprovalView>(`/api/hall/pre-approvals/${view.id}/actions`, {
        version: view.version,
        action: { type: action, ...(reason ? { reason } : {}) },
      });
      client.setQueryData(['hall', 'pre-approval', view.id], next);
      await client.invalidateQueries({ queryKey: ['hall', 'pre-approvals'] });
      message.success(`${name}：项目预审现为“${next.statusName}”`);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.status === 409)
        await client.invalidateQueries({ queryKey: ['hall', 'pre-approval', view.id] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={`${name}：${view.projectName}`}
      busy={busy}
      danger={DANGER.includes(action)}
      error={error}
      onOk={submit}
      onClose={onClose}
    >
      {action === 'reportUp' && <p>上报至：{view.authority}</p>}
      <Form form={form} layout="vertical">
        <Form.Item
          label={field.label}
          name="reason"
          rules={field.required ? [{ required: true, whitespace: true, message: `${name}应写明理由` }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
