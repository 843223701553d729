/**
 * The disclosure reader: one published budget (any version), its audit badge and findings, downloads in
 * every format, the overview charts, links to compare, and the document itself.
 */
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Card,
  Collapse,
  Descriptions,
  List,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useBudgetAudit, usePortalBudgets, usePublication, useVersions } from '../../api/portal.ts';
import type { AuditReport } from '../../api/types.ts';
import { BudgetCharts, priorOf } from './BudgetCharts.tsx';
import { DocumentView } from './DocumentView.tsx';
import { Timeliness } from './Timeliness.tsx';

const FORMAT_NAMES: Record<string, string> = {
  pdf: 'PDF',
  docx: 'Word（DOCX）',
  xlsx: 'Excel（XLSX）',
  html: '网页（HTML）',
  json: 'JSON',
};
const SEVERITY = { error: ['错误', 'red'], warning: ['警告', 'orange'], info: ['提示', 'blue'] } as const;

function AuditBadge({ audit }: { audit: AuditReport }) {
  const { error, warning, info } = audit.counts;
  const clean = error === 0 && warning === 0;
  return (
    <Space wrap aria-label="审核结果">
      <Badge status={clean ? 'success' : error ? 'error' : 'warning'} />
      <Typography.Text strong>{clean ? '审核通过' : '审核发现问题'}</Typography.Text>
      <Tag color="red">错误 {error}</Tag>
      <Tag color="orange">警告 {warning}</Tag>
      <Tag color="blue">提示 {info}</Tag>
      <Typography.Text type="secondary">
        审核规则 {audit.rules.run} 条：通过 {audit.rules.passed}，未通过 {audit.rules.failed}，无法检查{' '}
        {audit.rules.notChecked}
      </Typography.Text>
    </Space>
  );
}

export default function ReaderPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const versions = useVersions(id);
  const latest = versions.data?.at(-1)?.version;
  const version = Number(params.get('version')) || latest;
  const publication = usePublication(id, version);
  const portal = usePortalBudgets();
  const audit = useBudgetAudit(id);
  const entry = portal.data?.find((b) => b.budgetId === id);
  const prior = entry && portal.data ? priorOf(portal.data, entry) : null;
  const priorPublication = usePublication(prior?.budgetId, prior?.latestVersion);
  const others = (portal.data ?? []).filter(
    (b) => entry && b.kind === entry.kind && b.budgetId !== entry.budgetId,
  );

  if (versions.error) return <Alert type="error" title="该预算不存在或尚未公开。" />;
  if (!publication.data || !entry) return <Spin aria-label="正在加载" />;
  const p = publication.data;
  const isLatest = p.version === latest;
  const q = isLatest ? '' : `?version=${p.version}`;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {entry.departmentName} {entry.fiscalYear}年部门预算
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            {
              key: 'd',
              label: '部门',
              children: <Link to={`/departments/${entry.departmentId}`}>{entry.departmentName}</Link>,
            },
            { key: 'v', label: '版本', children: `第${p.version}版${isLatest ? '（最新）' : ''}` },
            { key: 'p', label: '公开时间', children: p.publishedAt.slice(0, 10) },
            { key: 't', label: '及时性', children: <Timeliness status={entry.timeliness} /> },
          ]}
        />
        {p.reason && <Alert type="warning" title={`更正理由：${p.reason}`} style={{ marginTop: 8 }} />}
        {!isLatest && (
          <Alert
            type="info"
            style={{ marginTop: 8 }}
            title={
              <span>
                您正在查看旧版本。<Link to={`/budgets/${id}`}>查看最新版本（第{latest}版）</Link>
              </span>
            }
          />
        )}
        <Space wrap style={{ marginTop: 12 }}>
          <label htmlFor="version-select">版本</label>
          <Select
            id="version-select"
            value={p.version}
            style={{ minWidth: 220 }}
            onChange={(v) => setParams(v === latest ? {} : { version: String(v) })}
            options={(versions.data ?? []).map((v) => ({
              value: v.version,
              label: `第${v.version}版 ${v.publishedAt.slice(0, 10)}${v.reason ? '（更正）' : ''}`,
            }))}
          />
          {prior && (
            <Link to={`/compare?a=${prior.budgetId}&b=${entry.budgetId}`}>
              <Button>与{prior.fiscalYear}年比较</Button>
            </Link>
          )}
          <Link to={`/compare?a=${entry.budgetId}${others[0] ? `&b=${others[0].budgetId}` : ''}`}>
            <Button>与其他部门比较</Button>
          </Link>
        </Space>
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>审核结果</h2>} loading={audit.isPending}>
        {audit.data && (
          <>
            <AuditBadge audit={audit.data} />
            {audit.data.findings.length > 0 && (
              <Collapse
                style={{ marginTop: 12 }}
                items={[
                  {
                    key: 'f',
                    label: `查看审核发现的问题（${audit.data.findings.length}）`,
                    children: (
                      <List
                        size="small"
                        dataSource={audit.data.findings}
                        renderItem={(f) => (
                          <List.Item>
                            <Space align="start">
                              <Tag color={SEVERITY[f.severity][1]}>{SEVERITY[f.severity][0]}</Tag>
                              <span>
                                {f.message}
                                {f.evidence.arithmetic && (
                                  <Typography.Text type="secondary">
                                    （{f.evidence.arithmetic}）
                                  </Typography.Text>
                                )}
                              </span>
                            </Space>
                          </List.Item>
                        )}
                      />
                    ),
                  },
                ]}
              />
            )}
          </>
        )}
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>下载</h2>}>
        <Space wrap>
          {p.files.map((f) => (
            <Button
              key={f.format}
              href={`/api/open-data/budgets/${id}/files/${f.format}${q}`}
              icon={<DownloadOutlined />}
              aria-label={`下载${FORMAT_NAMES[f.format] ?? f.format}文件`}
            >
              {FORMAT_NAMES[f.format] ?? f.format}
            </Button>
          ))}
          <Button
            href={`/api/open-data/budgets/${id}/line-items.csv${q}`}
            icon={<DownloadOutlined />}
            aria-label="下载明细数据（CSV）"
          >
            明细数据（CSV）
          </Button>
        </Space>
      </Card>

      {isLatest ? (
        <BudgetCharts budget={entry} prior={prior} />
      ) : (
        <Alert type="info" title="图表显示最新版本的数据。" />
      )}

      <DocumentView facts={p.facts} prior={priorPublication.data?.facts ?? null} />
    </Space>
  );
}
