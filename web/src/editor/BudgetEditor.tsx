/**
 * The budget editor: a form per section; the auditor (core/audit, run here in the browser) checks the
 * facts as they are typed, and each finding appears beside the fields it concerns (audit/finding-fields.ts).
 * With a source document (an import), each figure shows the sentence it was read from, the words marked.
 */
import { Badge, Col, Input, Row, Tabs, Typography } from 'antd';
import { useDeferredValue, useMemo } from 'react';
import { type AuditReport, auditBudget } from '../../../src/core/audit/audit.ts';
import type { Amount } from '../../../src/core/kernel/money.ts';
import type { Budget, Finding, SourcePointer } from '../api/types.ts';
import { placeFindings, SECTIONS } from '../audit/finding-fields.ts';
import { AmountInput } from './AmountInput.tsx';
import { FindingNotes } from './FindingNotes.tsx';
import { editorFields, type FieldSpec } from './fields.ts';
import { type Grade, gradeOf } from './grade.ts';
import { getAt, setAt } from './pointer.ts';

export interface EditorSource {
  provenance: Record<string, SourcePointer>;
  lines: string[] | null;
}

/** The auditor's report on the facts, with the document's provenance and lines when there is a source. */
export function useLiveAudit(facts: Budget | null, source?: EditorSource): AuditReport {
  const deferred = useDeferredValue(facts);
  return useMemo(
    () =>
      deferred
        ? auditBudget({
            budget: deferred,
            provenance: source?.provenance ?? {},
            lines: source?.lines ?? null,
          })
        : NO_REPORT,
    [deferred, source],
  );
}

const NO_REPORT: AuditReport = {
  findings: [],
  counts: { error: 0, warning: 0, info: 0 },
  rules: { total: 0, run: 0, passed: 0, failed: 0, notChecked: 0, disabled: 0 },
  results: [],
};

export function SourceText({ source }: { source: SourcePointer }) {
  const at = source.sentence.indexOf(source.text);
  return (
    <div className="source-sentence">
      第{source.line}行：
      {at < 0 ? (
        source.sentence
      ) : (
        <>
          {source.sentence.slice(0, at)}
          <mark className="source-highlight">{source.text}</mark>
          {source.sentence.slice(at + source.text.length)}
        </>
      )}
    </div>
  );
}

function FieldInput({
  spec,
  facts,
  onChange,
  readOnly,
  invalid,
  describedBy,
}: {
  spec: FieldSpec;
  facts: Budget;
  onChange(next: Budget): void;
  readOnly: boolean;
  invalid: boolean;
  describedBy?: string;
}) {
  const id = `field-${spec.pointer.replace(/\//g, '-')}`;
  const value = getAt(facts, spec.pointer);
  const set = (v: unknown) => onChange(setAt(facts, spec.pointer, v));
  if (spec.type === 'amount')
    return (
      <AmountInput
        id={id}
        value={(value as Amount | null) ?? null}
        optional={spec.optional}
        invalid={invalid}
        describedBy={describedBy}
        onChange={readOnly ? () => {} : set}
      />
    );
  if (spec.type === 'lines')
    return (
      <Input.TextArea
        id={id}
        readOnly={readOnly}
        autoSize={{ minRows: 2, maxRows: 8 }}
        value={((value as string[] | undefined) ?? []).join('\n')}
        onChange={(e) => set(e.target.value.split('\n'))}
      />
    );
  if (spec.type === 'grade') {
    const grade = value as Grade | null | undefined;
    return (
      <Input
        id={id}
        readOnly={readOnly}
        placeholder="如 ≥98%"
        status={invalid ? 'error' : undefined}
        aria-describedby={describedBy}
        value={grade?.text ?? ''}
        onChange={(e) => set(gradeOf(e.target.value))}
      />
    );
  }
  if (spec.type === 'year')
    return (
      <Input
        id={id}
        readOnly={readOnly}
        inputMode="numeric"
        status={invalid ? 'error' : undefined}
        aria-describedby={describedBy}
        value={value === null || value === undefined ? '' : String(value)}
        onChange={(e) => {
          const t = e.target.value.trim();
          if (!t) return spec.optional ? set(null) : undefined;
          if (/^\d{4}$/.test(t)) set(Number(t));
        }}
      />
    );
  return (
    <Input
      id={id}
      readOnly={readOnly}
      placeholder={spec.type === 'date' ? 'YYYY-MM-DD' : undefined}
      status={invalid ? 'error' : undefined}
      aria-describedby={describedBy}
      value={(value as string | null) ?? ''}
      onChange={(e) => {
        const t = e.target.value;
        if (spec.type === 'date' && t && !/^\d{4}-\d{2}-\d{2}$/.test(t))
          return set(getAt(facts, spec.pointer));
        set(t === '' && spec.optional ? null : t);
      }}
    />
  );
}

export function BudgetEditor({
  facts,
  onChange,
  findings,
  source,
  readOnly = false,
  fieldFilter,
}: {
  facts: Budget;
  onChange(next: Budget): void;
  findings: readonly Finding[];
  source?: EditorSource;
  readOnly?: boolean;
  /** Only these fields (e.g. the figures read from a document). */
  fieldFilter?: (spec: FieldSpec) => boolean;
}) {
  const fields = useMemo(() => editorFields(facts).filter(fieldFilter ?? (() => true)), [facts, fieldFilter]);
  const placed = useMemo(
    () =>
      placeFindings(
        findings,
        fields.map((f) => f.pointer),
        source?.provenance,
      ),
    [findings, fields, source],
  );
  const items = SECTIONS.map((s) => {
    const sectionFields = fields.filter((f) => f.section === s.key);
    const sectionFindings = placed.bySection.get(s.key) ?? [];
    const count =
      sectionFindings.filter((f) => f.severity !== 'info').length +
      sectionFields.reduce(
        (n, f) => n + (placed.byField.get(f.pointer) ?? []).filter((x) => x.severity !== 'info').length,
        0,
      );
    return {
      key: s.key,
      label: (
        <span>
          {s.title} {count > 0 && <Badge count={count} size="small" title={`${count} 个问题`} />}
        </span>
      ),
      children: (
        <>
          {sectionFindings.length > 0 && (
            <div style={{ marginBottom: 12 }}>
              <Typography.Text strong>本部分的问题</Typography.Text>
              <FindingNotes findings={sectionFindings} />
            </div>
          )}
          {sectionFields.length === 0 && (
            <Typography.Paragraph>本部分没有可编辑的数字。</Typography.Paragraph>
          )}
          {sectionFields.map((spec) => {
            const here = placed.byField.get(spec.pointer) ?? [];
            const notesId = here.length ? `notes-${spec.pointer.replace(/\//g, '-')}` : undefined;
            const src = source?.provenance[spec.pointer];
            return (
              <Row key={spec.pointer} gutter={[16, 4]} style={{ marginBottom: 12 }} data-field={spec.pointer}>
                <Col xs={24} md={10}>
                  <label
                    htmlFor={`field-${spec.pointer.replace(/\//g, '-')}`}
                    style={{ display: 'block', fontWeight: 500 }}
                  >
                    {spec.label}
                  </label>
                  <FieldInput
                    spec={spec}
                    facts={facts}
                    onChange={onChange}
                    readOnly={readOnly}
                    invalid={here.some((f) => f.severity === 'error')}
                    describedBy={notesId}
                  />
                  {src && <SourceText source={src} />}
                </Col>
                <Col xs={24} md={14}>
                  <FindingNotes findings={here} id={notesId} />
                </Col>
              </Row>
            );
          })}
        </>
      ),
    };
  });
  return <Tabs items={items} />;
}
