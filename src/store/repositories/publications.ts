/**
 * Publications: what was made public, kept for good. Publishing writes, in ONE transaction, the budget
 * (status published, facts = the snapshot, version + 1), the publication (the next version number, the
 * snapshot, for a correction its reason and diff), its files with their SHA-256 (computed here from the
 * bytes), and the audit rows. Nothing here updates or deletes a publication.
 */

import type { Selectable } from 'kysely';
import { z } from 'zod';
import { type Budget, BudgetSchema } from '../../core/budget/budget.ts';
import type { DiffEntry } from '../../core/publication/diff.ts';
import { parseJson, toJson, toJsonOrNull, validated } from '../json.ts';
import type { PublicationsTable } from '../schema.ts';
import { sha256Hex } from '../sha256.ts';
import { withAudit } from '../with-audit.ts';
import { auditedBudget, type Conflict } from './budgets.ts';
import { isoNow, newId, notFound, type RepositoryContext } from './context.ts';

/** The shape of core/publication/diff.ts's DiffEntry, to check the JSON column. */
const DiffSchema = z.array(
  z.object({
    path: z.string(),
    kind: z.enum(['changed', 'added', 'removed']),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    key: z.string().optional(),
    beforePath: z.string().optional(),
  }),
);

export interface FileInfo {
  format: string;
  sha256: string;
  size: number;
}

export interface PublicationFile extends FileInfo {
  bytes: Buffer;
}

export interface PublicationHeader {
  id: string;
  budgetId: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  reason: string | null;
  files: FileInfo[];
}

export interface PublicationRecord extends PublicationHeader {
  facts: Budget;
  diff: DiffEntry[] | null;
}

export interface PublishInput {
  budgetId: string;
  /** The facts as published. */
  snapshot: Budget;
  /** The rendered files, one per format. */
  files: readonly { format: string; bytes: Uint8Array }[];
  actorId: string;
  /** Why a correction is made (null for the first publication). */
  reason?: string | null;
  /** The diff against the previous version (null for the first publication). */
  diff?: readonly DiffEntry[] | null;
  /** When given: 'conflict' unless the budget is still at this version. */
  expectedVersion?: number;
  /**
   * The publication time (default: now). Given when the files were rendered with it (the open JSON
   * states when it was published), so that the record and the files agree.
   */
  at?: string;
}

const HEADER_COLUMNS = ['id', 'budget_id', 'version', 'published_at', 'published_by', 'reason'] as const;

const toHeader = (
  r: Pick<Selectable<PublicationsTable>, (typeof HEADER_COLUMNS)[number]>,
  files: FileInfo[],
): PublicationHeader => ({
  id: r.id,
  budgetId: r.budget_id,
  version: r.version,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  reason: r.reason,
  files,
});

export class PublicationRepository {
  constructor(private readonly context: RepositoryContext) {}

  async publish(input: PublishInput): Promise<PublicationRecord | Conflict> {
    const snapshot = validated(BudgetSchema, input.snapshot, '公开的预算数据');
    const diff = input.diff == null ? null : validated(DiffSchema, input.diff, '更正差异');
    const files = input.files.map((f) => {
      const bytes = Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
      return { format: f.format, sha256: sha256Hex(bytes), size: bytes.byteLength, bytes };
    });
    const at = input.at ?? isoNow(this.context);
    const { budgetId } = input;
    return withAudit(this.context.db, { actorId: input.actorId, at }, async (trx, audit) => {
      // Write first: on PostgreSQL this locks the budget's row, so publications of one budget queue up and
      // each sees the version the previous one wrote (SQLite's `begin immediate` already serialises).
      let lock = trx.updateTable('budgets').set({ updated_at: at }).where('id', '=', budgetId);
      if (input.expectedVersion !== undefined) lock = lock.where('version', '=', input.expectedVersion);
      if (!(await lock.returning('id').executeTakeFirst())) {
        const exists = await trx
          .selectFrom('budgets')
          .select('id')
          .where('id', '=', budgetId)
          .executeTakeFirst();
        if (!exists) throw notFound('预算', budgetId);
        return 'conflict';
      }
      const before = await trx
        .selectFrom('budgets')
        .selectAll()
        .where('id', '=', budgetId)
        .executeTakeFirstOrThrow();
      const last = await trx
        .selectFrom('publications')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('budget_id', '=', budgetId)
        .executeTakeFirst();
      const version = (last?.version ?? 0) + 1;

      const after = await trx
        .updateTable('budgets')
        .set({ status: 'published', version: before.version + 1, facts: toJson(snapshot), updated_at: at })
        .where('id', '=', budgetId)
        .returningAll()
        .executeTakeFirstOrThrow();

      const row: Selectable<PublicationsTable> = {
        id: newId(),
        budget_id: budgetId,
        version,
        published_at: at,
        published_by: input.actorId,
        reason: input.reason ?? null,
        facts: toJson(snapshot),
        diff: toJsonOrNull(diff),
      };
      await trx.insertInto('publications').values(row).execute();
      if (files.length)
        await trx
          .insertInto('publication_files')
          .values(files.map((f) => ({ publication_id: row.id, ...f })))
          .execute();

      const infos = files.map(({ format, sha256, size }) => ({ format, sha256, size }));
      await audit({
        action: version === 1 ? 'budget.publish' : 'budget.correct',
        entity: 'budget',
        entityId: budgetId,
        before: auditedBudget(before),
        after: auditedBudget(after),
      });
      await audit({
        action: 'publication.create',
        entity: 'publication',
        entityId: row.id,
        after: { budgetId, version, reason: row.reason, diff, files: infos },
      });
      return { ...toHeader(row, infos), facts: snapshot, diff };
    });
  }

  /** Every published version of a budget, oldest first (no facts, no bytes). */
  async listVersions(budgetId: string): Promise<PublicationHeader[]> {
    const rows = await this.context.db
      .selectFrom('publications')
      .select(HEADER_COLUMNS)
      .where('budget_id', '=', budgetId)
      .orderBy('version')
      .execute();
    const files = await this.fileInfos(rows.map((r) => r.id));
    return rows.map((r) => toHeader(r, files.get(r.id) ?? []));
  }

  /** The versions of many budgets at once (two queries, for lists), oldest first per budget. */
  async listVersionsOf(budgetIds: readonly string[]): Promise<Map<string, PublicationHeader[]>> {
    const out = new Map<string, PublicationHeader[]>();
    if (!budgetIds.length) return out;
    const rows = await this.context.db
      .selectFrom('publications')
      .select(HEADER_COLUMNS)
      .where('budget_id', 'in', budgetIds)
      .orderBy('budget_id')
      .orderBy('version')
      .execute();
    const files = await this.fileInfos(rows.map((r) => r.id));
    for (const r of rows)
      out.set(r.budget_id, [...(out.get(r.budget_id) ?? []), toHeader(r, files.get(r.id) ?? [])]);
    return out;
  }

  async get(budgetId: string, version: number): Promise<PublicationRecord | undefined> {
    const r = await this.context.db
      .selectFrom('publications')
      .selectAll()
      .where('budget_id', '=', budgetId)
      .where('version', '=', version)
      .executeTakeFirst();
    return r && this.toRecord(r);
  }

  async getById(id: string): Promise<PublicationRecord | undefined> {
    const r = await this.context.db
      .selectFrom('publications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && this.toRecord(r);
  }

  /** The latest version of a budget's publication. */
  async latest(budgetId: string): Promise<PublicationRecord | undefined> {
    const r = await this.context.db
      .selectFrom('publications')
      .selectAll()
      .where('budget_id', '=', budgetId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r && this.toRecord(r);
  }

  /** A published file's bytes, exactly as published. */
  async getFile(publicationId: string, format: string): Promise<PublicationFile | undefined> {
    const r = await this.context.db
      .selectFrom('publication_files')
      .select(['format', 'sha256', 'size', 'bytes'])
      .where('publication_id', '=', publicationId)
      .where('format', '=', format)
      .executeTakeFirst();
    return r && { format: r.format, sha256: r.sha256, size: r.size, bytes: Buffer.from(r.bytes) };
  }

  /**
   * A published file of a budget's version (the latest when `version` is absent), with that version, in
   * one query: the download path reads nothing else.
   */
  async fileOf(
    budgetId: string,
    format: string,
    version?: number,
  ): Promise<(PublicationFile & { version: number }) | undefined> {
    const r = await this.context.db
      .selectFrom('publication_files as f')
      .innerJoin('publications as p', 'p.id', 'f.publication_id')
      .select(['p.version', 'f.format', 'f.sha256', 'f.size', 'f.bytes'])
      .where('p.budget_id', '=', budgetId)
      .where('f.format', '=', format)
      .where((eb) =>
        version === undefined
          ? eb(
              'p.version',
              '=',
              eb
                .selectFrom('publications as q')
                .select((q) => q.fn.max('q.version').as('v'))
                .where('q.budget_id', '=', budgetId),
            )
          : eb('p.version', '=', version),
      )
      .executeTakeFirst();
    return (
      r && {
        version: r.version,
        format: r.format,
        sha256: r.sha256,
        size: r.size,
        bytes: Buffer.from(r.bytes),
      }
    );
  }

  private async toRecord(r: Selectable<PublicationsTable>): Promise<PublicationRecord> {
    const files = await this.fileInfos([r.id]);
    return {
      ...toHeader(r, files.get(r.id) ?? []),
      facts: parseJson(BudgetSchema, r.facts, `公开版本（${r.id}）的预算数据`),
      diff: r.diff === null ? null : parseJson(DiffSchema, r.diff, `公开版本（${r.id}）的更正差异`),
    };
  }

  private async fileInfos(publicationIds: readonly string[]): Promise<Map<string, FileInfo[]>> {
    const out = new Map<string, FileInfo[]>();
    if (!publicationIds.length) return out;
    const rows = await this.context.db
      .selectFrom('publication_files')
      .select(['publication_id', 'format', 'sha256', 'size'])
      .where('publication_id', 'in', publicationIds)
      .orderBy('format')
      .execute();
    for (const r of rows)
      out.set(r.publication_id, [
        ...(out.get(r.publication_id) ?? []),
        { format: r.format, sha256: r.sha256, size: r.size },
      ]);
    return out;
  }
}
