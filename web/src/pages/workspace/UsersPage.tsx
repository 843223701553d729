/** Users and roles (system administrators): list, create, change roles, disable. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { flatDepartments, useDepartments } from '../../api/portal.ts';
import { ROLE_NAMES } from '../../api/session.ts';
import type { AdminUser } from '../../api/types.ts';

const ROLE_OPTIONS = Object.entries(ROLE_NAMES).map(([value, label]) => ({ value, label }));

export default function UsersPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<AdminUser[]>('/api/users') });
  const departments = useDepartments();
  const deptOptions = flatDepartments(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const deptName = new Map(deptOptions.map((d) => [d.value, d.label]));
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      message.success(done);
      await client.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        用户与角色
      </Typography.Title>
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} />}
      <div className="table-scroll">
        <Table
          loading={users.isPending}
          rowKey="id"
          size="small"
          dataSource={users.data ?? []}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            {
              title: '部门',
              dataIndex: 'departmentId',
              render: (d: string | null) => (d ? (deptName.get(d) ?? d) : '—'),
            },
            {
              title: '角色',
              key: 'roles',
              render: (_: unknown, u) => (
                <Select
                  mode="multiple"
                  aria-label={`${u.username} 的角色`}
                  style={{ minWidth: 220 }}
                  value={u.roles}
                  options={ROLE_OPTIONS}
                  onChange={(roles) => act(() => api.patch(`/api/users/${u.id}`, { roles }), '角色已修改')}
                />
              ),
            },
            {
              title: '启用',
              key: 'disabled',
              render: (_: unknown, u) => (
                <Switch
                  aria-label={`${u.username} 是否启用`}
                  checked={!u.disabled}
                  onChange={(on) =>
                    act(() => api.patch(`/api/users/${u.id}`, { disabled: !on }), on ? '已启用' : '已停用')
                  }
                />
              ),
            },
          ]}
        />
      </div>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        新增用户
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 520 }}
        onFinish={(v: {
          username: string;
          displayName: string;
          password: string;
          departmentId?: string;
          roles?: string[];
        }) =>
          act(async () => {
            await api.post('/api/users', {
              ...v,
              departmentId: v.departmentId ?? null,
              roles: v.roles ?? [],
            });
            form.resetFields();
          }, '用户已创建')
        }
      >
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label="初始密码（不少于10个字符）"
          name="password"
          rules={[{ required: true, min: 10, message: '密码不少于10个字符' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="部门" name="departmentId">
          <Select allowClear options={deptOptions} />
        </Form.Item>
        <Form.Item label="角色" name="roles">
          <Select mode="multiple" options={ROLE_OPTIONS} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          创建
        </Button>
      </Form>
    </Card>
  );
}
