/**
 * One budget in the workspace: the editor (saved with its version), the workflow actions the user may
 * take now (submit with written justifications, return with comments, approve, publish, correct with a
 * reason), the review record, and the history of saved versions with diffs.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  List,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { auditFacts } from '../../../../src/core/audit/audit.ts';
import { findingKey, MIN_REASON_LENGTH, reasonLength } from '../../../../src/core/workflow/budget-status.ts';
import { ApiError, api } from '../../api/client.ts';
import type { Budget, BudgetView, Finding, ReviewRecord, Revision } from '../../api/types.ts';
import { diffFacts } from '../../diff/diff-view.ts';
import { BudgetEditor, useLiveAudit } from '../../editor/BudgetEditor.tsx';
import { STATUS_COLORS, statusName } from './status.ts';

const ACTION_NAMES: Record<string, string> = {
  'budget.create': '新建',
  'budget.edit': '保存',
  'budget.updateFacts': '保存',
  'budget.submit': '提交',
  'budget.return': '退回',
  'budget.approve': '批复',
  'budget.publish': '公开',
  'budget.correct': '更正',
  'budget.setStatus': '状态变更',
};

function JustifyModal({
  open,
  facts,
  onCancel,
  onSubmit,
  busy,
}: {
  open: boolean;
  facts: Budget;
  onCancel(): void;
  onSubmit(j: Record<string, string>): void;
  busy: boolean;
}) {
  const errors = useMemo(() => auditFacts(facts).findings.filter((f) => f.severity === 'error'), [facts]);
  const [text, setText] = useState<Record<string, string>>({});
  const missing = errors.filter((f) => reasonLength(text[findingKey(f)] ?? '') < MIN_REASON_LENGTH);
  return (
    <Modal
      open={open}
      title="提交审核"
      onCancel={onCancel}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: missing.length > 0 }}
      onOk={() => onSubmit(Object.fromEntries(errors.map((f) => [findingKey(f), text[findingKey(f)] ?? ''])))}
      width={720}
    >
      {errors.length === 0 ? (
        <p>审核未发现错误，可以直接提交。</p>
      ) : (
        <>
          <p>
            审核发现 {errors.length} 个错误。请逐一书面说明理由（每条不少于 {MIN_REASON_LENGTH}{' '}
            个字），或取消后修改数据。
          </p>
          {errors.map((f, i) => {
            const key = findingKey(f);
            return (
              <div key={key} style={{ marginBottom: 12 }}>
                <label htmlFor={`justify-${i}`} style={{ display: 'block' }}>
                  <Tag color="red">错误</Tag>
                  {f.message}
                </label>
                <Input.TextArea
                  id={`justify-${i}`}
                  rows={2}
                  value={text[key] ?? ''}
                  onChange={(e) => setText({ ...text, [key]: e.target.value })}
                  placeholder="说明理由"
                />
              </div>
            );
          })}
        </>
      )}
    </Modal>
  );
}

function TextModal({
  open,
  title,
  label,
  min,
  onCancel,
  onOk,
  busy,
}: {
  open: boolean;
  title: string;
  label: string;
  min: number;
  onCancel(): void;
  onOk(text: string): void;
  busy: boolean;
}) {
  const [text, setText] = useState('');
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: reasonLength(text) < min }}
      onOk={() => onOk(text)}
    >
      <label htmlFor="modal-text" style={{ display: 'block', marginBottom: 4 }}>
        {label}
        {min > 1 ? `（不少于 ${min} 个字）` : ''}
      </label>
      <Input.TextArea id="modal-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
    </Modal>
  );
}

function History({ id }: { id: string }) {
  const revisions = useQuery({
    queryKey: ['revisions', id],
    queryFn: () => api.get<Revision[]>(`/api/budgets/${id}/revisions`),
  });
  const list = revisions.data ?? [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = list[from ?? Math.max(0, list.length - 2)];
  const b = list[to ?? list.length - 1];
  const rows = a && b ? diffFacts(a.facts, b.facts) : [];
  const options = list.map((r, i) => ({
    value: i,
    label: `第${r.version}版 · ${ACTION_NAMES[r.action] ?? r.action} · ${r.actorName} · ${r.at.slice(0, 16).replace('T', ' ')}`,
  }));
  if (revisions.isPending) return <Spin aria-label="正在加载" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="diff-from">比较</label>
        <Select
          id="diff-from"
          style={{ minWidth: 300 }}
          value={from ?? Math.max(0, list.length - 2)}
          onChange={setFrom}
          options={options}
        />
        <label htmlFor="diff-to">与</label>
        <Select
          id="diff-to"
          style={{ minWidth: 300 }}
          value={to ?? list.length - 1}
          onChange={setTo}
          options={options}
        />
      </Space>
      <div className="table-scroll">
        <Table
          size="small"
          rowKey={(r) => r.path}
          dataSource={rows}
          locale={{ emptyText: '两个版本的数据相同' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '修改之处', dataIndex: 'label' },
            {
              title: '修改前',
              dataIndex: 'before',
              render: (v: string, r) => (r.kind === 'added' ? '—' : <del>{v}</del>),
            },
            {
              title: '修改后',
              dataIndex: 'after',
              render: (v: string, r) => (r.kind === 'removed' ? '（删除）' : <ins>{v}</ins>),
            },
          ]}
        />
      </div>
    </Space>
  );
}

export default function BudgetPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const client = useQueryClient();
  const budget = useQuery({
    queryKey: ['budget', id],
    queryFn: () => api.get<BudgetView>(`/api/budgets/${id}`),
  });
  const record = useQuery({
    queryKey: ['review-record', id],
    queryFn: () => api.get<ReviewRecord>(`/api/budgets/${id}/review-record`),
  });
  const [facts, setFacts] = useState<Budget | null>(null);
  const [modal, setModal] = useState<null | 'submit' | 'return' | 'correct'>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; details?: unknown } | null>(null);
  useEffect(() => {
    if (budget.data) setFacts(budget.data.facts);
  }, [budget.data]);
  const current = facts ?? budget.data?.facts;
  const report = useLiveAudit(current ?? null);

  if (budget.error) return <Alert type="error" title={budget.error.message} />;
  if (!budget.data || !current) return <Spin aria-label="正在加载" />;
  const b = budget.data;
  const can = (a: string) => b.allowedActions.includes(a);
  const dirty = JSON.stringify(current) !== JSON.stringify(b.facts);
  const editable = can('budget.edit');

  const run = async (label: string, work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      message.success(label);
      setModal(null);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['budget', id] }),
        client.invalidateQueries({ queryKey: ['review-record', id] }),
        client.invalidateQueries({ queryKey: ['revisions', id] }),
        client.invalidateQueries({ queryKey: ['budgets'] }),
        client.invalidateQueries({ queryKey: ['portal-budgets'] }),
      ]);
    } catch (e) {
      setError({ message: (e as Error).message, details: e instanceof ApiError ? e.details : undefined });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run('已保存', () => api.put(`/api/budgets/${id}`, { version: b.version, facts: current }));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {b.departmentName} {b.fiscalYear}年部门预算
          </Typography.Title>
          <Tag color={STATUS_COLORS[b.status]} style={{ fontSize: 14 }}>
            {statusName(b.status)}
          </Tag>
        </Space>
        <Descriptions
          size="small"
          style={{ marginTop: 8 }}
          column={{ xs: 1, sm: 2, md: 4 }}
          items={[
            { key: 'v', label: '数据版本', children: b.version },
            { key: 'u', label: '更新时间', children: b.updatedAt.slice(0, 16).replace('T', ' ') },
            {
              key: 'p',
              label: '已公开版本',
              children: b.publications.length
                ? b.publications.map((p) => `第${p.version}版`).join('、')
                : '—',
            },
            {
              key: 'l',
              label: '公开页面',
              children: b.status === 'published' ? <Link to={`/budgets/${b.id}`}>在门户中查看</Link> : '—',
            },
          ]}
        />
        <Space wrap style={{ marginTop: 12 }}>
          {editable && (
            <Button onClick={save} disabled={!dirty} loading={busy}>
              保存
            </Button>
          )}
          {can('budget.submit') && (
            <Button type="primary" disabled={dirty} onClick={() => setModal('submit')}>
              提交审核
            </Button>
          )}
          {can('budget.return') && (
            <Button danger onClick={() => setModal('return')}>
              退回
            </Button>
          )}
          {can('budget.approve') && (
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                run('已批复', () => api.post(`/api/budgets/${id}/approve`, { version: b.version }))
              }
            >
              批复
            </Button>
          )}
          {can('budget.publish') && (
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                run('已公开', () => api.post(`/api/budgets/${id}/publish`, { version: b.version }))
              }
            >
              公开
            </Button>
          )}
          {can('budget.correct') && (
            <Button disabled={!dirty} onClick={() => setModal('correct')}>
              以修改后的数据更正
            </Button>
          )}
          {dirty && editable && (
            <Typography.Text type="warning">有未保存的修改（提交前请先保存）</Typography.Text>
          )}
        </Space>
        {error && (
          <Alert
            type="error"
            role="alert"
            style={{ marginTop: 12 }}
            title={error.message}
            description={
              Array.isArray(error.details) ? (
                <ul>
                  {(error.details as { message?: string }[]).slice(0, 10).map((d, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: details are positional.
                    <li key={i}>{d.message ?? JSON.stringify(d)}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {record.data?.comments
          .filter((c) => c.kind === 'return')
          .slice(-1)
          .map((c) => (
            <Alert
              key={c.id}
              type="warning"
              style={{ marginTop: 12 }}
              title={`退回意见（${c.authorName}，${c.createdAt.slice(0, 10)}）`}
              description={c.body}
            />
          ))}
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'edit',
              label: editable ? '编辑' : '数据',
              children: (
                <>
                  <Alert
                    type={report.counts.error ? 'warning' : 'success'}
                    aria-live="polite"
                    style={{ marginBottom: 12 }}
                    title={`审核：错误 ${report.counts.error} 项，警告 ${report.counts.warning} 项，提示 ${report.counts.info} 项${editable ? '（随输入即时更新）' : ''}`}
                  />
                  <BudgetEditor
                    key={`${b.id}-${b.version}`}
                    facts={current}
                    onChange={setFacts}
                    findings={report.findings as Finding[]}
                    readOnly={!editable && !can('budget.correct')}
                  />
                </>
              ),
            },
            {
              key: 'record',
              label: '审核意见与记录',
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <List
                    header={<strong>意见与说明</strong>}
                    dataSource={record.data?.comments ?? []}
                    locale={{ emptyText: '暂无' }}
                    renderItem={(c) => (
                      <List.Item>
                        <div>
                          <Tag>
                            {c.kind === 'return'
                              ? '退回意见'
                              : c.kind === 'justification'
                                ? '问题说明'
                                : c.kind}
                          </Tag>
                          {c.authorName} · {c.createdAt.slice(0, 16).replace('T', ' ')}
                          <div style={{ whiteSpace: 'pre-wrap' }}>{c.body}</div>
                        </div>
                      </List.Item>
                    )}
                  />
                  <Timeline
                    items={(record.data?.history ?? []).map((h) => ({
                      content: `${h.at.slice(0, 16).replace('T', ' ')} ${h.actorName} ${ACTION_NAMES[h.action] ?? h.action}${h.status ? ` → ${statusName(h.status)}` : ''}`,
                    }))}
                  />
                </Space>
              ),
            },
            { key: 'history', label: '版本差异', children: <History id={id} /> },
          ]}
        />
      </Card>
      {modal === 'submit' && (
        <JustifyModal
          open
          facts={b.facts}
          busy={busy}
          onCancel={() => setModal(null)}
          onSubmit={(justifications) =>
            run('已提交审核', () =>
              api.post(`/api/budgets/${id}/submit`, { version: b.version, justifications }),
            )
          }
        />
      )}
      {modal === 'return' && (
        <TextModal
          open
          title="退回预算"
          label="退回意见"
          min={1}
          busy={busy}
          onCancel={() => setModal(null)}
          onOk={(comments) =>
            run('已退回', () => api.post(`/api/budgets/${id}/return`, { version: b.version, comments }))
          }
        />
      )}
      {modal === 'correct' && (
        <TextModal
          open
          title="更正已公开的预算"
          label="更正理由"
          min={MIN_REASON_LENGTH}
          busy={busy}
          onCancel={() => setModal(null)}
          onOk={(reason) =>
            run('已公开更正版本', () =>
              api.post(`/api/budgets/${id}/correct`, { version: b.version, facts: current, reason }),
            )
          }
        />
      )}
    </Space>
  );
}
