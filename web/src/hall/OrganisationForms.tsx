/**
 * The dialogs of the 中心与窗口 page: a center under the one chosen, a stationed department, a window, a
 * person assigned to a window, and the end of an assignment. Each posts to the hall API, shows its refusal
 * in the dialog and refreshes what it changed.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { FormDialog } from './FormDialog.tsx';
import {
  CENTER_LEVEL_NAMES,
  CHILD_LEVEL,
  type OrganisationDialog,
  organisationRequest,
  WINDOW_KIND_NAMES,
} from './organisation-logic.ts';
import { todayInShanghai } from './queries.ts';

type Values = Record<string, string | undefined>;

const TITLES: Record<OrganisationDialog['kind'], string> = {
  center: '新增服务中心',
  department: '登记进驻部门',
  window: '新增窗口',
  assign: '安排人员到窗口',
  end: '结束人员安排',
};

function Fields({ dialog }: { dialog: OrganisationDialog }): ReactNode {
  switch (dialog.kind) {
    case 'center': {
      const level = dialog.parent ? CHILD_LEVEL[dialog.parent.level] : 'district';
      return (
        <>
          <p>
            {dialog.parent ? `上级：${dialog.parent.name}；` : ''}级别：
            {level ? CENTER_LEVEL_NAMES[level] : '—'}
          </p>
          <Form.Item label="中心名称" name="name" required>
            <Input maxLength={100} />
          </Form.Item>
        </>
      );
    }
    case 'department':
      return (
        <Form.Item label="部门名称" name="name" required>
          <Input maxLength={100} placeholder="如：山海关区市场监督管理局" />
        </Form.Item>
      );
    case 'window':
      return (
        <>
          <Form.Item label="窗口号" name="number" required>
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item label="窗口名称" name="name" required>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="所属部门" name="department" required>
            <Select
              placeholder={dialog.departments.length ? '选择进驻部门' : '请先登记进驻部门'}
              options={dialog.departments.map((d) => ({ value: d.name, label: d.name }))}
            />
          </Form.Item>
          <Form.Item label="窗口类型" name="kind" required>
            <Select options={Object.entries(WINDOW_KIND_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </>
      );
    case 'assign':
      return (
        <>
          <Form.Item label="窗口" name="windowId" required>
            <Select
              options={dialog.windows.map((w) => ({ value: w.id, label: `${w.number}号窗口 ${w.name}` }))}
            />
          </Form.Item>
          <Form.Item label="人员" name="userId" required>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={[...dialog.people].map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label="开始日期" name="fromDate" required>
            <Input type="date" />
          </Form.Item>
          <Form.Item label="结束日期（可不填）" name="toDate">
            <Input type="date" />
          </Form.Item>
        </>
      );
    case 'end':
      return (
        <>
          <p>{dialog.label}</p>
          <Form.Item label="最后一个工作日" name="toDate" required>
            <Input type="date" />
          </Form.Item>
        </>
      );
  }
}

export type { OrganisationDialog };

export function OrganisationDialogView({
  dialog,
  onClose,
  onCreated,
}: {
  dialog: OrganisationDialog;
  onClose: () => void;
  /** A new center: the page selects it. */
  onCreated?: (center: { id: string }) => void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const initial: Values =
    dialog.kind === 'assign'
      ? { fromDate: todayInShanghai() }
      : dialog.kind === 'end'
        ? { toDate: todayInShanghai() }
        : {};
  const submit = async () => {
    const r = organisationRequest(dialog, form.getFieldsValue());
    if (typeof r === 'string') {
      setError(r);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api.post<{ id: string }>(r.path, r.body);
      await client.invalidateQueries({ queryKey: ['hall'] });
      message.success(`${TITLES[dialog.kind]}：已保存`);
      if (dialog.kind === 'center') onCreated?.(saved);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog
      title={TITLES[dialog.kind]}
      okText="保存"
      busy={busy}
      error={error}
      onOk={submit}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Fields dialog={dialog} />
      </Form>
    </FormDialog>
  );
}
