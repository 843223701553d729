/** 项目预审: the construction projects registered for pre-approval, with filters and the registration form. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { formatWan } from '../../format/amount.ts';
import { beijingTime } from '../../format/time.ts';
import { FormDialog } from '../../hall/FormDialog.tsx';
import { PreApprovalStatusTag } from '../../hall/PreApprovalStatusTag.tsx';
import {
  canRegister,
  compareProjectNames,
  filterPreApprovals,
  flattenCenters,
  PRE_APPROVAL_STATUSES,
  type PreApprovalSummary,
  type PreApprovalView,
  preApprovalStatusName,
  projectCodeProblem,
  wanToFen,
} from '../../hall/pre-approval-logic.ts';
import { useCenters } from '../../hall/queries.ts';

const DEFAULT_AUTHORITY = '秦皇岛市行政审批局';

export default function PreApprovalsPage() {
  const roles = useSession().data?.user?.roles ?? [];
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [centerId, setCenterId] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [registering, setRegistering] = useState(false);
  const centers = useCenters();
  const centerOptions = flattenCenters(centers.data ?? []);
  const list = useQuery({
    queryKey: ['hall', 'pre-approvals', status ?? '', centerId ?? ''],
    queryFn: () => {
      const q = new URLSearchParams({ limit: '500' });
      if (status) q.set('status', status);
      if (centerId) q.set('centerId', centerId);
      return api.get<PreApprovalSummary[]>(`/api/hall/pre-approvals?${q}`);
    },
  });
  const rows = filterPreApprovals(list.data ?? [], text);

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        项目预审
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        建设项目开工前，由窗口登记申报，业务科初审、批准后上报上级审批机关。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="pa-status-filter">状态</label>
        <Select
          id="pa-status-filter"
          allowClear
          placeholder="全部状态"
          style={{ minWidth: 140 }}
          value={status}
          onChange={setStatus}
          options={PRE_APPROVAL_STATUSES.map((s) => ({ value: s, label: preApprovalStatusName(s) }))}
        />
        <label htmlFor="pa-center-filter">服务中心</label>
        <Select
          id="pa-center-filter"
          allowClear
          placeholder="全部中心"
          style={{ minWidth: 200 }}
          value={centerId}
          onChange={setCenterId}
          options={centerOptions}
        />
        <Input.Search
          aria-label="搜索项目名称、投资项目代码或建设单位"
          placeholder="项目名称、代码或建设单位"
          allowClear
          style={{ width: 260 }}
          onSearch={setText}
          onChange={(e) => setText(e.target.value)}
        />
        {canRegister(roles) && (
          <Button type="primary" onClick={() => setRegistering(true)}>
            登记项目
          </Button>
        )}
      </Space>
      {list.error && (
        <Alert
          type="error"
          style={{ marginBottom: 12 }}
          title={list.error instanceof ApiError ? list.error.message : '项目预审读取失败'}
        />
      )}
      <div className="table-scroll">
        <Table<PreApprovalSummary>
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={rows}
          scroll={{ x: 980 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '没有项目预审' }}
          columns={[
            {
              title: '项目名称',
              dataIndex: 'projectName',
              width: 240,
              sorter: compareProjectNames,
              render: (name: string, r) => <Link to={`/workspace/hall/pre-approvals/${r.id}`}>{name}</Link>,
            },
            { title: '投资项目代码', dataIndex: 'projectCode', width: 210 },
            { title: '建设单位', dataIndex: 'constructionUnit' },
            {
              title: '总投资',
              dataIndex: 'totalInvestmentFen',
              align: 'right',
              width: 140,
              sorter: (a, b) => a.totalInvestmentFen - b.totalInvestmentFen,
              render: (fen: number) => formatWan(fen),
            },
            { title: '服务中心', dataIndex: 'centerName' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 110,
              render: (s: string) => <PreApprovalStatusTag status={s} />,
            },
            {
              title: '申报时间',
              dataIndex: 'submittedAt',
              width: 170,
              render: (t: string) => beijingTime(t),
            },
          ]}
        />
      </div>
      {registering && (
        <RegisterDialog
          centers={centerOptions}
          {...(centerId ? { centerId } : {})}
          onClose={() => setRegistering(false)}
        />
      )}
    </Card>
  );
}

interface Values {
  projectName?: string;
  projectCode?: string;
  constructionUnit?: string;
  location?: string;
  investment?: string;
  content?: string;
  centerId?: string;
  authority?: string;
}

const required = (what: string) => ({ required: true, whitespace: true, message: `请填写${what}` });

function RegisterDialog({
  centers,
  centerId,
  onClose,
}: {
  centers: { value: string; label: string }[];
  centerId?: string;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const amount = wanToFen(v.investment ?? '');
    if (!amount.ok) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<PreApprovalView>('/api/hall/pre-approvals', {
        projectName: v.projectName ?? '',
        projectCode: v.projectCode ?? '',
        constructionUnit: v.constructionUnit ?? '',
        location: v.location ?? '',
        totalInvestmentFen: amount.fen,
        content: v.content ?? '',
        centerId: v.centerId ?? '',
        authority: v.authority ?? '',
      });
      client.setQueryData(['hall', 'pre-approval', created.id], created);
      await client.invalidateQueries({ queryKey: ['hall', 'pre-approvals'] });
      message.success(`已登记：${created.projectName}（${created.projectCode}）`);
      onClose();
      navigate(`/workspace/hall/pre-approvals/${created.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title="登记项目预审"
      okText="申报"
      busy={busy}
      error={error}
      width={640}
      onOk={submit}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ centerId: centerId ?? centers[0]?.value, authority: DEFAULT_AUTHORITY }}
      >
        <Form.Item label="项目名称" name="projectName" rules={[required('项目名称')]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label="投资项目代码"
          name="projectCode"
          extra="年份-6位行政区划代码-2位行业代码-2位项目类型代码-6位流水号，如 2018-130303-47-01-000123"
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                const problem = projectCodeProblem(value ?? '');
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="建设单位" name="constructionUnit" rules={[required('建设单位')]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="建设地点" name="location" rules={[required('建设地点')]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label="总投资（万元）"
          name="investment"
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                const r = wanToFen(value ?? '');
                if (!r.ok) throw new Error(r.message);
              },
            },
          ]}
        >
          <Input inputMode="decimal" maxLength={30} />
        </Form.Item>
        <Form.Item label="建设内容及规模" name="content" rules={[required('建设内容及规模')]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          label="所属服务中心"
          name="centerId"
          rules={[{ required: true, message: '请选择服务中心' }]}
        >
          <Select options={centers} placeholder="选择服务中心" />
        </Form.Item>
        <Form.Item label="上报机关" name="authority" rules={[required('上报机关')]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
