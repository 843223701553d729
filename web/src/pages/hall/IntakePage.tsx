/** 窗口受理: receive an application at one of the windows the user works today. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { ITEM_KIND_NAMES, intakeProblems, windowsToday } from '../../hall/hall-logic.ts';
import { todayInShanghai, useItems, useStaff, useWindows } from '../../hall/queries.ts';
import type { CaseView } from '../../hall/types.ts';

interface Values {
  windowId?: string;
  itemCode?: string;
  name: string;
  idNumber: string;
  phone: string;
  received: string[];
}

export default function IntakePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const session = useSession();
  const user = session.data?.user;
  const manager = user?.roles.includes('hallManager') ?? false;
  const windows = useWindows();
  const staff = useStaff();
  const items = useItems();
  const [form] = Form.useForm<Values>();
  const itemCode = Form.useWatch('itemCode', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = todayInShanghai();

  const myWindows = useMemo(() => {
    const all = windows.data ?? [];
    if (manager) return all;
    const ids = new Set(windowsToday(staff.data ?? [], user?.id ?? '', today));
    return all.filter((w) => ids.has(w.id));
  }, [windows.data, staff.data, manager, user?.id, today]);
  const item = items.data?.find((i) => i.code === itemCode);

  const submit = async (v: Values) => {
    setError(null);
    if (!v.windowId || !v.itemCode || !item) return;
    setBusy(true);
    try {
      const c = await api.post<CaseView>('/api/hall/cases', {
        windowId: v.windowId,
        itemCode: v.itemCode,
        applicant: { name: v.name.trim(), idNumber: v.idNumber.trim(), phone: v.phone.trim() },
      });
      const received = new Set(v.received ?? []);
      const missing = item.materials.filter((m) => m.required && !received.has(m.name)).map((m) => m.name);
      await client.invalidateQueries({ queryKey: ['hall', 'cases'] });
      message.success(`已收件，办件编号 ${c.caseNumber}`);
      navigate(`/workspace/hall/cases/${c.id}`, { state: { missing } });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const check = (field: 'name' | 'idNumber' | 'phone') => ({
    validator: async (_: unknown, value: string) => {
      const all = form.getFieldsValue();
      const fields = { name: all.name ?? '', idNumber: all.idNumber ?? '', phone: all.phone ?? '' };
      const p = intakeProblems({ ...fields, [field]: value ?? '' }, today)[field];
      if (p) throw new Error(p);
    },
  });

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        窗口受理
      </Typography.Title>
      <Typography.Paragraph>
        登记申请人和所办事项后收件；材料不全的，在办件页一次性告知需补正的全部材料。身份号码和电话加密保存，页面只显示掩码。
      </Typography.Paragraph>
      {!windows.isPending && !staff.isPending && myWindows.length === 0 && (
        <Alert type="warning" title="您今天没有安排在任何窗口，不能收件。请联系大厅管理人员安排窗口。" />
      )}
      {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: '', idNumber: '', phone: '', received: [] }}
        style={{ maxWidth: 640 }}
        requiredMark
      >
        <Form.Item
          label="收件窗口"
          name="windowId"
          rules={[{ required: true, message: '请选择收件窗口' }]}
          initialValue={myWindows.length === 1 ? myWindows[0]?.id : undefined}
          key={myWindows.map((w) => w.id).join()}
        >
          <Select
            placeholder="选择窗口"
            options={myWindows.map((w) => ({ value: w.id, label: `${w.number}号窗口 ${w.name}` }))}
          />
        </Form.Item>
        <Form.Item
          label="办理事项"
          name="itemCode"
          rules={[{ required: true, message: '请从事项目录中选择事项' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="输入事项名称或编码查找"
            loading={items.isPending}
            options={(items.data ?? []).map((i) => ({
              value: i.code,
              label: `${i.name}（${ITEM_KIND_NAMES[i.kind] ?? i.kind}，${i.code}）`,
            }))}
            onChange={(code: string) => {
              const it = items.data?.find((i) => i.code === code);
              form.setFieldValue('received', it?.materials.map((m) => m.name) ?? []);
            }}
          />
        </Form.Item>
        {item && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title={`${ITEM_KIND_NAMES[item.kind]}：承诺${item.promisedDays}个工作日办结，法定${item.legalDays}个工作日；${item.department}`}
          />
        )}
        <Form.Item label="申请人姓名" name="name" rules={[check('name')]} validateFirst>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item
          label="公民身份号码"
          name="idNumber"
          rules={[check('idNumber')]}
          extra="18位，按 GB 11643 校验"
        >
          <Input autoComplete="off" maxLength={18} inputMode="text" />
        </Form.Item>
        <Form.Item
          label="联系电话"
          name="phone"
          rules={[check('phone')]}
          extra="申请人凭手机号后四位在查询机查询进度"
        >
          <Input autoComplete="off" maxLength={20} inputMode="tel" />
        </Form.Item>
        {item && item.materials.length > 0 && (
          <Form.Item label="已收材料" name="received" extra="未勾选的必需材料将列入一次性补正告知">
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              {item.materials.map((m) => (
                <Checkbox key={m.name} value={m.name}>
                  {m.name}
                  {m.required ? '' : '（非必需）'}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={myWindows.length === 0}>
            收件
          </Button>
          <Button onClick={() => form.resetFields()}>清空</Button>
        </Space>
      </Form>
    </Card>
  );
}
