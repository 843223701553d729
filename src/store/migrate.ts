/**
 * Runs the migrations with Kysely's Migrator and a static provider (the imported migrations, no folder
 * scan). On both dialects a run is one transaction: a failure keeps none of that run.
 */
import { type MigrationProvider, Migrator } from 'kysely';
import type { Store } from './database.ts';
import { StoreError } from './errors.ts';
import { buildMigrations, MIGRATIONS } from './migrations/index.ts';
import type { MigrationFactory } from './migrations/migration.ts';

export interface MigrateResult {
  /** Names of the migrations this run applied, in order (empty when the database was up to date). */
  ran: string[];
  /** Names of all known migrations. */
  known: string[];
}

export async function migrateToLatest(
  store: Store,
  factories: Readonly<Record<string, MigrationFactory>> = MIGRATIONS,
): Promise<MigrateResult> {
  const migrations = buildMigrations({ dialect: store.dialect }, factories);
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db: store.db, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const why = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      'MIGRATION_FAILED',
      failed
        ? `数据库迁移“${failed}”失败：${why}。本次迁移已全部撤销，数据库保持迁移前的状态。`
        : `数据库迁移失败：${why}。`,
      { cause: error },
    );
  }
  return {
    ran: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
    known: Object.keys(migrations).sort(),
  };
}
