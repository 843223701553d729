/**
 * Archived hall reports: the JSON exactly as generated and its SHA-256. An archived period is never
 * replaced: archiving it again returns the copy already kept.
 */
import { sha256Hex } from '../sha256.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, newId, type RepositoryContext } from './context.ts';

export interface ArchivedReport {
  id: string;
  kind: string;
  period: string;
  /** The report's JSON text, byte for byte as archived. */
  json: string;
  sha256: string;
  generatedAt: string;
  generatedBy: string | null;
}

export class HallReportRepository {
  constructor(private readonly context: RepositoryContext) {}

  async get(kind: string, period: string): Promise<ArchivedReport | undefined> {
    const r = await this.context.db
      .selectFrom('hall_reports')
      .selectAll()
      .where('kind', '=', kind)
      .where('period', '=', period)
      .executeTakeFirst();
    return (
      r && {
        id: r.id,
        kind: r.kind,
        period: r.period,
        json: r.report,
        sha256: r.sha256,
        generatedAt: r.generated_at,
        generatedBy: r.generated_by,
      }
    );
  }

  /** Keeps `json` for the period, unless one is kept already: then that one is returned unchanged. */
  async archive(kind: string, period: string, json: string, actorId: string | null): Promise<ArchivedReport> {
    const at = isoNow(this.context);
    const row = {
      id: newId(),
      kind,
      period,
      report: json,
      sha256: sha256Hex(json),
      generated_at: at,
      generated_by: actorId,
    };
    const inserted = await withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const r = await trx
        .insertInto('hall_reports')
        .values(row)
        .onConflict((oc) => oc.columns(['kind', 'period']).doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      await audit({
        action: 'report.archive',
        entity: 'report',
        entityId: row.id,
        after: { kind, period, sha256: row.sha256 },
      });
      return true;
    });
    const kept = await this.get(kind, period);
    if (!kept) throw new Error(inserted ? '报表归档后未能读回' : '报表归档失败');
    return kept;
  }

  async list(kind: string, from: string, to: string): Promise<ArchivedReport[]> {
    const rows = await this.context.db
      .selectFrom('hall_reports')
      .selectAll()
      .where('kind', '=', kind)
      .where('period', '>=', from)
      .where('period', '<=', to)
      .orderBy('period')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      period: r.period,
      json: r.report,
      sha256: r.sha256,
      generatedAt: r.generated_at,
      generatedBy: r.generated_by,
    }));
  }
}
