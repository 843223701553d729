import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useSetSession } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';

export default function LoginPage() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      setSession(await api.post<Session>('/api/auth/login', v));
      navigate(next?.startsWith('/workspace') ? next : '/workspace');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 420, margin: '32px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        登录工作台
      </Typography.Title>
      {next && <Alert type="info" title="请先登录。" style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          登录
        </Button>
      </Form>
    </Card>
  );
}
