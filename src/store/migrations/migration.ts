/**
 * A migration is frozen in time: once released it never changes, and it does not import the application's
 * types (the tables it sees are those of its own day, hence `Kysely<unknown>`). A factory receives the
 * dialect, for the few column types that differ (binary data); everything else is Kysely's schema builder,
 * the same on SQLite and PostgreSQL.
 */
import type { Migration } from 'kysely';
import type { StoreDialect } from '../database.ts';

export interface MigrationContext {
  dialect: StoreDialect;
}

export type MigrationFactory = (context: MigrationContext) => Migration;
