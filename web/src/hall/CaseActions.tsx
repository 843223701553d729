/**
 * The action buttons of one case: exactly the actions the API offers for its state (the review left to hall
 * managers), each with a dialog asking for what the action needs (reason, result, materials, procedure,
 * handler). Sends the version read; a conflict (someone acted first) reloads the case.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { CaseActionType } from '../../../src/core/hall/case-status.ts';
import { ApiError, api } from '../api/client.ts';
import { useSession } from '../api/session.ts';
import { FormDialog } from './FormDialog.tsx';
import { actionForm, actorLabel, buildAction, CASE_ACTION_NAMES, visibleActions } from './hall-logic.ts';
import { useItems, usePeople, useStaff } from './queries.ts';
import type { CaseView } from './types.ts';

export function CaseActions({
  view,
  missingAtIntake,
  size = 'middle',
}: {
  view: CaseView;
  missingAtIntake?: readonly string[];
  size?: 'small' | 'middle';
}) {
  const session = useSession();
  const user = session.data?.user;
  const actions = visibleActions(view.availableActions, user?.roles ?? []);
  const [open, setOpen] = useState<CaseActionType | null>(null);
  if (actions.length === 0) return <span>—</span>;
  return (
    <>
      <Space wrap size={[8, 8]}>
        {actions.map((a) => (
          <Button
            key={a}
            size={size}
            type={a === 'accept' || a === 'complete' || a === 'approveResubmission' ? 'primary' : 'default'}
            danger={actionForm(a).danger}
            onClick={() => setOpen(a)}
            aria-label={`${CASE_ACTION_NAMES[a]}（办件 ${view.caseNumber}）`}
          >
            {CASE_ACTION_NAMES[a]}
          </Button>
        ))}
      </Space>
      {open && (
        <ActionDialog
          view={view}
          action={open}
          missingAtIntake={missingAtIntake ?? []}
          onClose={() => setOpen(null)}
          userId={user?.id ?? ''}
        />
      )}
    </>
  );
}

interface Values {
  text?: string;
  note?: string;
  materials?: string[];
  other?: string;
  procedure?: string;
  handlerId?: string;
}

function ActionDialog({
  view,
  action,
  missingAtIntake,
  onClose,
  userId,
}: {
  view: CaseView;
  action: CaseActionType;
  missingAtIntake: readonly string[];
  onClose: () => void;
  userId: string;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const items = useItems();
  const staff = useStaff();
  const people = usePeople();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const spec = actionForm(action);
  const item = items.data?.find((i) => i.code === view.itemCode);
  const notice = [...view.history].reverse().find((e) => e.type === 'correctionRequested');
  const listed = notice && 'missing' in notice ? notice.missing : [];
  const materialOptions = [
    ...new Set([...(item?.materials.map((m) => m.name) ?? []), ...listed, ...missingAtIntake]),
  ];
  const initialMaterials = spec.materials === 'supplied' ? listed : [...missingAtIntake];
  const handlers = [
    ...new Set([
      userId,
      ...(staff.data ?? []).filter((s) => s.windowId === view.windowId).map((s) => s.userId),
    ]),
  ];
  const title = `${CASE_ACTION_NAMES[action]}：${view.itemName}（${view.caseNumber}）`;

  const submit = async () => {
    const v = form.getFieldsValue();
    const extra = (v.other ?? '')
      .split(/[\n，,；;、]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const built = buildAction(action, {
      ...(v.text !== undefined ? { text: v.text } : {}),
      ...(v.note !== undefined ? { note: v.note } : {}),
      materials: [...(v.materials ?? []), ...extra],
      ...(v.procedure ? { procedure: v.procedure } : {}),
      ...(v.handlerId ? { handlerId: v.handlerId } : {}),
    });
    if (!built.ok) {
      setError(built.message);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<CaseView>(`/api/hall/cases/${view.id}/actions`, {
        version: view.version,
        action: built.action,
      });
      client.setQueryData(['hall', 'case', view.id], next);
      await client.invalidateQueries({ queryKey: ['hall', 'cases'] });
      message.success(`${CASE_ACTION_NAMES[action]}：办件现为“${next.statusName}”`);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.status === 409)
        await client.invalidateQueries({ queryKey: ['hall', 'case', view.id] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog title={title} busy={busy} danger={spec.danger} error={error} onOk={submit} onClose={onClose}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ materials: initialMaterials, handlerId: userId }}
        onFinish={submit}
      >
        {spec.procedure && (
          <Form.Item label="特别程序" name="procedure" required>
            <Select
              placeholder="选择特别程序"
              options={(item?.specialProcedures ?? []).map((p) => ({ value: p.name, label: p.name }))}
            />
          </Form.Item>
        )}
        {spec.materials && (
          <>
            <Form.Item
              label={spec.materials === 'missing' ? '需补正的材料（一次性告知全部）' : '申请人补交的材料'}
              name="materials"
            >
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                {materialOptions.map((m) => (
                  <Checkbox key={m} value={m}>
                    {m}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Form.Item label="其他材料（每行一项）" name="other">
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {spec.handler && (
          <Form.Item label="承办人" name="handlerId" required>
            <Select
              options={handlers.map((h) => ({
                value: h,
                label: actorLabel(h, userId, people),
              }))}
            />
          </Form.Item>
        )}
        {spec.text && (
          <Form.Item label={spec.text.label} name="text" required>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
        {spec.note && (
          <Form.Item
            label={action === 'requestCorrection' ? '告知说明（可不填）' : '备注（可不填）'}
            name="note"
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {!spec.text && !spec.note && !spec.materials && !spec.handler && !spec.procedure && (
          <p>确定要{CASE_ACTION_NAMES[action]}吗？</p>
        )}
      </Form>
    </FormDialog>
  );
}
