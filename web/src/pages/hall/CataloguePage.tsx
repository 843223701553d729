/** 事项目录: the service items with their limits and materials; XLSX export, and import for hall managers. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { ITEM_KIND_NAMES } from '../../hall/hall-logic.ts';
import { useItems } from '../../hall/queries.ts';
import type { ServiceItem } from '../../hall/types.ts';

export default function CataloguePage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const roles = useSession().data?.user?.roles ?? [];
  const manager = roles.includes('hallManager') || roles.includes('admin');
  const items = useItems();
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const r = await api.upload<{ created: number; updated: number }>('/api/hall/catalogue.xlsx', file);
      message.success(`导入完成：新增 ${r.created} 项，更新 ${r.updated} 项`);
      await client.invalidateQueries({ queryKey: ['hall', 'items'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        事项目录
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <a
          href="/api/hall/catalogue.xlsx"
          download
          className="ant-btn ant-btn-default"
          style={{ padding: '4px 12px' }}
        >
          导出事项目录（XLSX）
        </a>
        {manager && (
          <>
            <label htmlFor="catalogue-file">导入事项目录（XLSX，全部有效才保存）：</label>
            <input
              id="catalogue-file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => upload(e.target.files?.[0])}
            />
          </>
        )}
      </Space>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12, whiteSpace: 'pre-wrap' }} />}
      <div className="table-scroll">
        <Table<ServiceItem>
          loading={items.isPending}
          rowKey="code"
          size="small"
          scroll={{ x: 760 }}
          dataSource={items.data ?? []}
          expandable={{
            expandedRowRender: (i) => (
              <div>
                <strong>申请材料：</strong>
                {i.materials.map((m) => `${m.name}${m.required ? '' : '（非必需）'}`).join('、') || '无'}
                <br />
                <strong>特别程序：</strong>
                {i.specialProcedures.map((p) => p.name).join('、') || '无'}
                <br />
                <strong>设定依据：</strong>
                {i.legalBasis.join('；') || '—'}
              </div>
            ),
          }}
          columns={[
            { title: '事项编码', dataIndex: 'code' },
            { title: '事项名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'kind', render: (k: string) => <Tag>{ITEM_KIND_NAMES[k] ?? k}</Tag> },
            { title: '实施部门', dataIndex: 'department' },
            {
              title: '承诺/法定时限',
              key: 'days',
              render: (_: unknown, i) => `${i.promisedDays} / ${i.legalDays} 个工作日`,
            },
          ]}
        />
      </div>
    </Card>
  );
}
