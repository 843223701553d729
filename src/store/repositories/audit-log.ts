/** Reading the audit log, and appending to it outside a change (e.g. a login refused). */
import type { Selectable } from 'kysely';
import { parseUnknownJson } from '../json.ts';
import type { AuditLogTable } from '../schema.ts';
import { type AuditEntry, withAudit } from '../with-audit.ts';
import { isoNow, type RepositoryContext } from './context.ts';

export interface AuditRecord {
  /** Write order: larger is later. */
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

const toRecord = (r: Selectable<AuditLogTable>): AuditRecord => ({
  seq: r.seq,
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before === null ? null : parseUnknownJson(r.before, '审计日志'),
  after: r.after === null ? null : parseUnknownJson(r.after, '审计日志'),
});

export interface AuditLogFilter {
  actorId?: string;
  /** Only entries at or after this ISO time. */
  since?: string;
  /** At most this many, newest first (default 100). */
  limit?: number;
}

export class AuditLogRepository {
  constructor(private readonly context: RepositoryContext) {}

  async append(entry: AuditEntry, actorId: string | null): Promise<void> {
    await withAudit(this.context.db, { actorId, at: isoNow(this.context) }, (_trx, audit) => audit(entry));
  }

  /** One entity's history, in the order it was written. */
  async listByEntity(entity: string, entityId: string): Promise<AuditRecord[]> {
    const rows = await this.context.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();
    return rows.map(toRecord);
  }

  /** The latest entries, newest first. */
  async list(filter: AuditLogFilter = {}): Promise<AuditRecord[]> {
    let q = this.context.db.selectFrom('audit_log').selectAll();
    if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
    if (filter.since !== undefined) q = q.where('at', '>=', filter.since);
    const rows = await q
      .orderBy('seq', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(toRecord);
  }
}
