/**
 * Changes and their audit rows in one transaction. `withAudit` runs `work` in a transaction (or in the
 * caller's, when `db` already is one) and gives it `audit`, which writes an audit_log row in that same
 * transaction: if anything throws, neither the change nor its audit row is kept.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { toJsonOrNull } from './json.ts';
import type { Database } from './schema.ts';

export interface AuditEntry {
  /** What was done, `entity.verb`: budget.create, budget.updateFacts, publication.create … */
  action: string;
  /** The kind of thing changed: budget, publication, user, department, region, document. */
  entity: string;
  entityId: string;
  /** The state before (absent for creations) and after (absent for deletions), as JSON. */
  before?: unknown;
  after?: unknown;
}

export type Audit = (entry: AuditEntry) => Promise<void>;

export interface AuditContext {
  /** Who acts (null: the system itself, e.g. a migration or the demo data). */
  actorId: string | null;
  /** ISO time of the change, the same for every row the transaction writes. */
  at: string;
}

export async function withAudit<T>(
  db: Kysely<Database>,
  context: AuditContext,
  work: (trx: Kysely<Database>, audit: Audit) => Promise<T>,
): Promise<T> {
  const run = (trx: Kysely<Database>) =>
    work(trx, async (entry) => {
      await trx
        .insertInto('audit_log')
        .values({
          id: randomUUID(),
          at: context.at,
          actor_id: context.actorId,
          action: entry.action,
          entity: entry.entity,
          entity_id: entry.entityId,
          before: toJsonOrNull(entry.before),
          after: toJsonOrNull(entry.after),
        })
        .execute();
    });
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
