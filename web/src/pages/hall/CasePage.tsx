/** One case: its applicant (masked), time limits in working days, supervision cards, the actions and the full history. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { beijingTime } from '../../format/time.ts';
import { CaseActions } from '../../hall/CaseActions.tsx';
import { DeadlineText } from '../../hall/DeadlineText.tsx';
import { HistoryCard } from '../../hall/HistoryCard.tsx';
import {
  CARD_KIND_NAMES,
  DEADLINE_KIND_NAMES,
  displayIdNumber,
  displayName,
  displayPhone,
  statusName,
} from '../../hall/hall-logic.ts';
import { historyRows } from '../../hall/history.ts';
import { usePeople, useWindows, windowLabel } from '../../hall/queries.ts';
import { StatusTag } from '../../hall/StatusTag.tsx';
import type { CaseView } from '../../hall/types.ts';

export function useCase(id: string) {
  return useQuery({
    queryKey: ['hall', 'case', id],
    queryFn: () => api.get<CaseView>(`/api/hall/cases/${id}`),
    staleTime: 5_000,
  });
}

export default function CasePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const missing = (location.state as { missing?: string[] } | null)?.missing;
  const session = useSession();
  const me = session.data?.user?.id;
  const q = useCase(id);
  const windows = useWindows();
  const people = usePeople();
  if (q.isPending) return <Spin aria-label="正在加载" />;
  if (q.error)
    return (
      <Alert
        type="error"
        title={q.error instanceof ApiError ? q.error.message : '办件读取失败'}
        action={<Link to="/workspace/hall/cases">返回我的办件</Link>}
      />
    );
  const c = q.data;
  const closed = ['completed', 'rejected', 'withdrawn', 'returned'].includes(c.status);
  // Back at the window after a correction notice: the materials came in with this resubmission.
  const last = c.history.at(-1);
  const corrected = last?.type === 'resubmitted' ? last : null;
  const d = c.deadlines;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          办件 {c.caseNumber}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <StatusTag status={c.status} />
          <span>
            {c.itemName}（{c.kindName}）
          </span>
          {c.kind === 'joint' && <Link to={`/workspace/hall/joint/${c.id}`}>联办记录</Link>}
        </Space>
        {corrected && c.status === 'submitted' && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={`申请人已于${beijingTime(corrected.at)}补齐补正材料${corrected.supplied.length ? `（${corrected.supplied.join('、')}）` : ''}。请受理，或写明理由不予受理。`}
          />
        )}
        {missing && missing.length > 0 && c.status === 'submitted' && !corrected && (
          <Alert
            type="warning"
            style={{ marginBottom: 12 }}
            title={`收件时未收到：${missing.join('、')}。请一次性告知补正，或材料齐全后受理。`}
          />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="申请人">{displayName(c.applicant.name)}</Descriptions.Item>
          <Descriptions.Item label="公民身份号码">{displayIdNumber(c.applicant.idNumber)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{displayPhone(c.applicant.phone)}</Descriptions.Item>
          <Descriptions.Item label="收件窗口">{windowLabel(windows.data, c.windowId)}</Descriptions.Item>
          <Descriptions.Item label="收件时间">{beijingTime(c.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="办结时间">{c.closedAt ? beijingTime(c.closedAt) : '—'}</Descriptions.Item>
          {d && (
            <>
              <Descriptions.Item label={`起算日（第${d.episode + 1}个受理周期）`}>
                {d.clockStart}
              </Descriptions.Item>
              {d.promised !== null || d.suspended ? (
                <Descriptions.Item label="承诺办结期限">
                  <DeadlineText deadline={d.promised} suspended={d.suspended} closed={closed} />
                </Descriptions.Item>
              ) : null}
              {d.legal && (
                <Descriptions.Item label="法定办结期限">
                  <DeadlineText deadline={d.legal} suspended={d.suspended} closed={closed} />
                </Descriptions.Item>
              )}
              {d.report && (
                <Descriptions.Item label="上报期限">
                  <DeadlineText
                    deadline={d.report}
                    suspended={false}
                    closed={closed || c.status === 'reported'}
                  />
                </Descriptions.Item>
              )}
            </>
          )}
        </Descriptions>
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>办理</h2>} size="small">
        {c.availableActions.length === 0 ? (
          <p style={{ margin: 0 }}>该办件为“{statusName(c.status)}”，没有可办理的操作。</p>
        ) : (
          <CaseActions view={c} {...(missing ? { missingAtIntake: missing } : {})} />
        )}
      </Card>
      {c.cards.length > 0 && (
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>监察卡</h2>} size="small">
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {c.cards.map((k) => (
              <li key={k.id}>
                <Tag color={k.kind === 'red' ? 'red' : k.kind === 'yellow' ? 'gold' : 'orange'}>
                  {CARD_KIND_NAMES[k.kind]}
                </Tag>
                {DEADLINE_KIND_NAMES[k.deadlineKind] ?? k.deadlineKind} {k.deadline}，
                {beijingTime(k.issuedAt)} 签发：
                {k.message}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <HistoryCard
        rows={historyRows(c.history).map((r) => ({ ...r, to: statusName(r.to) }))}
        me={me}
        people={people}
      />
    </Space>
  );
}
