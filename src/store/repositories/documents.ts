/**
 * Imported documents: the file's identity (name, format, SHA-256, size), the budget read from it, its
 * summary and its audit report. The bytes themselves are not kept.
 */
import type { Selectable } from 'kysely';
import type { AuditReport } from '../../core/audit/audit.ts';
import { type Budget, BudgetSchema } from '../../core/budget/budget.ts';
import type { Summary } from '../../core/budget/summary.ts';
import { parseJson, parseUnknownJson, toJsonOrNull, validated } from '../json.ts';
import type { DocumentsTable } from '../schema.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, newId, type RepositoryContext } from './context.ts';

export interface DocumentHeader {
  id: string;
  departmentId: string | null;
  fileName: string;
  format: string;
  sha256: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
  summary: Summary | null;
}

export interface DocumentRecord extends DocumentHeader {
  budget: Budget | null;
  audit: AuditReport | null;
}

export interface NewDocument {
  departmentId?: string | null;
  fileName: string;
  format: string;
  sha256: string;
  size: number;
  uploadedBy: string;
  summary: Summary | null;
  budget: Budget | null;
  audit: AuditReport | null;
}

const HEADER_COLUMNS = [
  'id',
  'department_id',
  'file_name',
  'format',
  'sha256',
  'size',
  'uploaded_by',
  'uploaded_at',
  'summary',
] as const;

const toHeader = (r: Pick<Selectable<DocumentsTable>, (typeof HEADER_COLUMNS)[number]>): DocumentHeader => ({
  id: r.id,
  departmentId: r.department_id,
  fileName: r.file_name,
  format: r.format,
  sha256: r.sha256,
  size: r.size,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
  // No schema for the summary and the audit report: they are what the importer and the auditor wrote.
  summary: r.summary === null ? null : (parseUnknownJson(r.summary, '文件摘要') as Summary),
});

const toRecord = (r: Selectable<DocumentsTable>): DocumentRecord => ({
  ...toHeader(r),
  budget: r.budget === null ? null : parseJson(BudgetSchema, r.budget, `文件（${r.id}）读出的预算`),
  audit: r.audit === null ? null : (parseUnknownJson(r.audit, '审核结果') as AuditReport),
});

export class DocumentRepository {
  constructor(private readonly context: RepositoryContext) {}

  async create(input: NewDocument): Promise<DocumentRecord> {
    const budget = input.budget === null ? null : validated(BudgetSchema, input.budget, '文件读出的预算');
    const at = isoNow(this.context);
    const row: Selectable<DocumentsTable> = {
      id: newId(),
      department_id: input.departmentId ?? null,
      file_name: input.fileName,
      format: input.format,
      sha256: input.sha256,
      size: input.size,
      uploaded_by: input.uploadedBy,
      uploaded_at: at,
      summary: toJsonOrNull(input.summary),
      budget: toJsonOrNull(budget),
      audit: toJsonOrNull(input.audit),
    };
    return withAudit(this.context.db, { actorId: input.uploadedBy, at }, async (trx, audit) => {
      await trx.insertInto('documents').values(row).execute();
      const header = toHeader(row);
      await audit({ action: 'document.import', entity: 'document', entityId: row.id, after: header });
      return { ...header, budget, audit: input.audit };
    });
  }

  async get(id: string): Promise<DocumentRecord | undefined> {
    const r = await this.context.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toRecord(r);
  }

  /** Headers, newest first (of one department, when given). */
  async list(departmentId?: string): Promise<DocumentHeader[]> {
    let q = this.context.db.selectFrom('documents').select(HEADER_COLUMNS);
    if (departmentId !== undefined) q = q.where('department_id', '=', departmentId);
    const rows = await q.orderBy('uploaded_at', 'desc').orderBy('id').execute();
    return rows.map(toHeader);
  }

  /** Earlier imports of the same bytes. */
  async findBySha256(sha256: string): Promise<DocumentHeader[]> {
    const rows = await this.context.db
      .selectFrom('documents')
      .select(HEADER_COLUMNS)
      .where('sha256', '=', sha256)
      .orderBy('uploaded_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toHeader);
  }
}
