/** 办件查询 (the hall's query kiosk, public): case number + the phone's last four digits → status and deadline only. */
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { queryProblems } from '../../hall/hall-logic.ts';
import { StatusTag } from '../../hall/StatusTag.tsx';
import type { PublicCaseStatus } from '../../hall/types.ts';

export default function QueryPage() {
  const [form] = Form.useForm<{ caseNumber: string; phoneTail: string }>();
  const [result, setResult] = useState<PublicCaseStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { caseNumber: string; phoneTail: string }) => {
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      const q = new URLSearchParams({ caseNumber: v.caseNumber.trim(), phoneTail: v.phoneTail.trim() });
      setResult(await api.get<PublicCaseStatus>(`/api/hall/query?${q}`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '查询失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };
  const rule = (field: 'caseNumber' | 'phoneTail') => ({
    validator: async (_: unknown, value: string) => {
      const p = queryProblems(
        field === 'caseNumber' ? (value ?? '') : '000000',
        field === 'phoneTail' ? (value ?? '') : '0000',
      )[field];
      if (p) throw new Error(p);
    },
  });
  return (
    <div className="kiosk">
      <Card>
        <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
          办件进度查询
        </Typography.Title>
        <Typography.Paragraph>请输入受理时告知的办件编号和申请时登记的手机号后四位。</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} size="large">
          <Form.Item label="办件编号" name="caseNumber" rules={[rule('caseNumber')]}>
            <Input inputMode="numeric" autoComplete="off" maxLength={40} />
          </Form.Item>
          <Form.Item label="手机号后四位" name="phoneTail" rules={[rule('phoneTail')]}>
            <Input inputMode="numeric" autoComplete="off" maxLength={4} style={{ maxWidth: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            查询
          </Button>
        </Form>
      </Card>
      <div aria-live="polite">
        {error && <Alert type="warning" title={error} style={{ marginTop: 16 }} />}
        {result && (
          <Card style={{ marginTop: 16 }}>
            <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
              查询结果
            </Typography.Title>
            <Descriptions column={1} bordered size="middle">
              <Descriptions.Item label="办件编号">{result.caseNumber}</Descriptions.Item>
              <Descriptions.Item label="办理事项">{result.itemName}</Descriptions.Item>
              <Descriptions.Item label="办理状态">
                <StatusTag status={result.status} large />
              </Descriptions.Item>
              <Descriptions.Item label="收件日期">{result.receivedDate}</Descriptions.Item>
              <Descriptions.Item label="承诺办结日期">
                {result.suspended ? '特别程序中，暂停计时' : (result.deadline ?? '—')}
              </Descriptions.Item>
              {result.closedDate && (
                <Descriptions.Item label="办结（结束）日期">{result.closedDate}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        )}
      </div>
    </div>
  );
}
