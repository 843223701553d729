/**
 * Import a published document: upload it (any supported format), review every figure read from it beside
 * its source sentence (the words marked) and the auditor's findings, correct, and save as a draft budget.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Space, Steps, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { flatDepartments, useDepartments } from '../../api/portal.ts';
import { useSession } from '../../api/session.ts';
import type { Budget, BudgetView, ImportedDocument } from '../../api/types.ts';
import { BudgetEditor, type EditorSource, useLiveAudit } from '../../editor/BudgetEditor.tsx';
import type { FieldSpec } from '../../editor/fields.ts';

export default function ImportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const departments = useDepartments();
  const [imported, setImported] = useState<ImportedDocument | null>(null);
  const [facts, setFacts] = useState<Budget | null>(null);
  const [departmentId, setDepartmentId] = useState<string | undefined>(
    session?.user?.departmentId ?? undefined,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const source: EditorSource | undefined = useMemo(
    () => (imported ? { provenance: imported.provenance, lines: imported.lines } : undefined),
    [imported],
  );
  const own = useMemo(() => {
    const all = flatDepartments(departments.data ?? []);
    const mine = session?.user?.departmentId;
    return all.filter((d) => !mine || d.id === mine || d.parentId === mine);
  }, [departments.data, session]);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const dept = departmentId ? `&departmentId=${departmentId}` : '';
      const r = await api.upload<ImportedDocument>(
        `/api/documents?fileName=${encodeURIComponent(file.name)}${dept}`,
        file,
      );
      setImported(r);
      setFacts(r.document.budget);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!facts || !departmentId) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<BudgetView>('/api/budgets', {
        departmentId,
        fiscalYear: facts.fiscalYear,
        kind: facts.kind,
        facts,
      });
      message.success('已保存为草稿');
      navigate(`/workspace/budgets/${created.id}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          导入公开文件
        </Typography.Title>
        <Steps
          size="small"
          current={facts ? 1 : 0}
          items={[{ title: '上传文件' }, { title: '核对读出的数字并更正' }, { title: '保存为草稿' }]}
        />
        {error && <Alert type="error" role="alert" title={error} style={{ marginTop: 16 }} />}
        {!facts && (
          <div style={{ marginTop: 16 }}>
            <Upload.Dragger
              accept=".txt,.md,.html,.htm,.pdf,.docx,.xlsx"
              showUploadList={false}
              disabled={busy}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p>点击或拖放文件到这里上传</p>
              <p style={{ color: 'rgba(0,0,0,.65)' }}>
                支持 TXT、Markdown、HTML、PDF、Word（DOCX）、Excel（XLSX），不超过 64 MB
              </p>
            </Upload.Dragger>
          </div>
        )}
      </Card>
      {imported && facts && (
        <ImportReview
          imported={imported}
          facts={facts}
          onChange={setFacts}
          source={source}
          departments={own.map((d) => ({ value: d.id, label: d.name }))}
          departmentId={departmentId}
          onDepartment={setDepartmentId}
          onSave={save}
          busy={busy}
        />
      )}
    </Space>
  );
}

function ImportReview(props: {
  imported: ImportedDocument;
  facts: Budget;
  onChange(b: Budget): void;
  source: EditorSource | undefined;
  departments: { value: string; label: string }[];
  departmentId: string | undefined;
  onDepartment(id: string): void;
  onSave(): void;
  busy: boolean;
}) {
  const report = useLiveAudit(props.facts, props.source);
  const read = props.imported.provenance;
  const filter = useMemo(() => (f: FieldSpec) => f.pointer in read || f.type === 'amount', [read]);
  return (
    <Card
      title={
        <h2 style={{ margin: 0, fontSize: 18 }}>核对“{props.imported.document.fileName}”中读出的数字</h2>
      }
      extra={
        <Space wrap>
          <label htmlFor="import-department">所属部门</label>
          <Select
            id="import-department"
            style={{ minWidth: 260 }}
            value={props.departmentId}
            onChange={props.onDepartment}
            options={props.departments}
            placeholder="选择部门或单位"
          />
          <Button type="primary" onClick={props.onSave} loading={props.busy} disabled={!props.departmentId}>
            保存为草稿
          </Button>
        </Space>
      }
    >
      <Alert
        type={report.counts.error ? 'warning' : 'success'}
        title={`审核结果：错误 ${report.counts.error} 项，警告 ${report.counts.warning} 项，提示 ${report.counts.info} 项。问题显示在相关数字旁，随输入即时更新。`}
        style={{ marginBottom: 16 }}
        aria-live="polite"
      />
      <BudgetEditor
        facts={props.facts}
        onChange={props.onChange}
        findings={report.findings}
        source={props.source}
        fieldFilter={filter}
      />
    </Card>
  );
}
