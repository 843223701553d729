/**
 * 中心与窗口: the service centers as a tree; for the chosen center its stationed departments, its windows,
 * and who works which window from when to when. Hall managers add centers, departments and windows, assign
 * people and end assignments; the others read.
 */
import { Alert, Button, Card, Col, Empty, Row, Space, Table, Tag, Tree, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../api/session.ts';
import { type OrganisationDialog, OrganisationDialogView } from '../../hall/OrganisationForms.tsx';
import {
  ASSIGNMENT_STATE_NAMES,
  allCenterIds,
  CENTER_LEVEL_NAMES,
  CHILD_LEVEL,
  centerAssignments,
  centerTreeData,
  findCenter,
  WINDOW_KIND_NAMES,
} from '../../hall/organisation-logic.ts';
import {
  todayInShanghai,
  useCenters,
  useDepartments,
  usePeople,
  useStaff,
  useWindows,
} from '../../hall/queries.ts';
import type { HallWindow } from '../../hall/types.ts';

const STATE_COLORS = { current: 'success', upcoming: 'processing', ended: 'default' } as const;

export default function OrganisationPage() {
  const roles = useSession().data?.user?.roles ?? [];
  const manager = roles.includes('hallManager') || roles.includes('admin');
  const centers = useCenters();
  const [chosen, setChosen] = useState<string | null>(null);
  const tree = centers.data ?? [];
  const center = findCenter(tree, chosen ?? '') ?? tree[0];
  const departments = useDepartments(center?.id);
  const windows = useWindows();
  const staff = useStaff();
  const people = usePeople();
  const [dialog, setDialog] = useState<OrganisationDialog | null>(null);
  const today = todayInShanghai();
  const centerWindows = (windows.data ?? []).filter((w) => w.centerId === center?.id);
  const assignments = centerAssignments(centerWindows, staff.data ?? [], today);
  const error = centers.error ?? windows.error ?? staff.error ?? departments.error;

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        中心与窗口
      </Typography.Title>
      {error && <Alert type="error" title={error.message} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>服务中心</h2>}>
            {tree.length ? (
              <Tree
                // A new center remounts the tree, so that it opens fully again.
                key={allCenterIds(tree).join()}
                defaultExpandAll
                selectedKeys={center ? [center.id] : []}
                treeData={centerTreeData(tree)}
                onSelect={(keys) => {
                  const key = keys[0];
                  if (key !== undefined) setChosen(String(key));
                }}
              />
            ) : (
              <Empty description={centers.isPending ? '正在加载' : '还没有服务中心'} />
            )}
            {manager && (
              <Space wrap style={{ marginTop: 12 }}>
                {!tree.length && (
                  <Button type="primary" onClick={() => setDialog({ kind: 'center', parent: null })}>
                    新增区政务服务中心
                  </Button>
                )}
                {center && CHILD_LEVEL[center.level] && (
                  <Button onClick={() => setDialog({ kind: 'center', parent: center })}>新增下级中心</Button>
                )}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} md={16}>
          {center ? (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                {center.name} <Tag>{CENTER_LEVEL_NAMES[center.level]}</Tag>
              </Typography.Title>
              <Card
                size="small"
                title={<h3 style={{ margin: 0, fontSize: 15 }}>进驻部门</h3>}
                extra={
                  manager && (
                    <Button size="small" onClick={() => setDialog({ kind: 'department', center })}>
                      登记进驻部门
                    </Button>
                  )
                }
              >
                {(departments.data ?? []).length ? (
                  <Space wrap>
                    {(departments.data ?? []).map((d) => (
                      <Tag key={d.id}>{d.name}</Tag>
                    ))}
                  </Space>
                ) : (
                  <span>尚未登记进驻部门</span>
                )}
              </Card>
              <Card
                size="small"
                title={<h3 style={{ margin: 0, fontSize: 15 }}>窗口</h3>}
                extra={
                  manager && (
                    <Button
                      size="small"
                      onClick={() =>
                        setDialog({ kind: 'window', center, departments: departments.data ?? [] })
                      }
                    >
                      新增窗口
                    </Button>
                  )
                }
              >
                <Table<HallWindow>
                  scroll={{ x: 520 }}
                  size="small"
                  rowKey="id"
                  pagination={false}
                  loading={windows.isPending}
                  dataSource={centerWindows}
                  locale={{ emptyText: '该中心还没有窗口' }}
                  columns={[
                    { title: '窗口号', dataIndex: 'number' },
                    { title: '窗口名称', dataIndex: 'name' },
                    { title: '部门', dataIndex: 'department' },
                    { title: '类型', dataIndex: 'kind', render: (k: string) => WINDOW_KIND_NAMES[k] ?? k },
                  ]}
                />
              </Card>
              <Card
                size="small"
                title={<h3 style={{ margin: 0, fontSize: 15 }}>人员安排</h3>}
                extra={
                  manager && (
                    <Button
                      size="small"
                      disabled={!centerWindows.length}
                      onClick={() => setDialog({ kind: 'assign', windows: centerWindows, people })}
                    >
                      安排人员
                    </Button>
                  )
                }
              >
                <Table
                  scroll={{ x: 640 }}
                  size="small"
                  rowKey="id"
                  pagination={false}
                  loading={staff.isPending}
                  dataSource={assignments}
                  locale={{ emptyText: '该中心的窗口还没有安排人员' }}
                  columns={[
                    {
                      title: '窗口',
                      key: 'window',
                      render: (_: unknown, a) => `${a.window.number}号窗口 ${a.window.name}`,
                    },
                    {
                      title: '人员',
                      dataIndex: 'userId',
                      render: (u: string) => people.get(u) ?? '（未知人员）',
                    },
                    { title: '开始', dataIndex: 'fromDate' },
                    { title: '结束', dataIndex: 'toDate', render: (d: string | null) => d ?? '—' },
                    {
                      title: '状态',
                      dataIndex: 'state',
                      render: (s: keyof typeof ASSIGNMENT_STATE_NAMES) => (
                        <Tag color={STATE_COLORS[s]}>{ASSIGNMENT_STATE_NAMES[s]}</Tag>
                      ),
                    },
                    ...(manager
                      ? [
                          {
                            title: '操作',
                            key: 'end',
                            render: (_: unknown, a: (typeof assignments)[number]) =>
                              a.state !== 'ended' && (
                                <Button
                                  size="small"
                                  aria-label={`结束安排（${people.get(a.userId) ?? ''}，${a.window.number}号窗口）`}
                                  onClick={() =>
                                    setDialog({
                                      kind: 'end',
                                      assignment: a,
                                      label: `${people.get(a.userId) ?? '该人员'}在${a.window.number}号窗口（自 ${a.fromDate} 起）`,
                                    })
                                  }
                                >
                                  结束
                                </Button>
                              ),
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
            </Space>
          ) : (
            <Empty description="请先新增服务中心" />
          )}
        </Col>
      </Row>
      {dialog && (
        <OrganisationDialogView
          dialog={dialog}
          onClose={() => setDialog(null)}
          onCreated={(c) => setChosen(c.id)}
        />
      )}
    </Card>
  );
}
