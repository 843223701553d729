/** Publications: immutable snapshots of the facts, one version per publication or correction, and files. */
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './migration.ts';

export const publications: MigrationFactory = ({ dialect }) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('publications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('reason', 'text')
      .addColumn('facts', 'text', (c) => c.notNull())
      .addColumn('diff', 'text')
      .addUniqueConstraint('publications_budget_version_uq', ['budget_id', 'version'])
      .execute();
    await db.schema
      .createIndex('publications_published_at_idx')
      .on('publications')
      .column('published_at')
      .execute();

    await db.schema
      .createTable('publication_files')
      .addColumn('publication_id', 'text', (c) => c.notNull().references('publications.id'))
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      // The one type that differs: SQLite's blob is PostgreSQL's bytea (both read back as a Buffer).
      .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addPrimaryKeyConstraint('publication_files_pk', ['publication_id', 'format'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('publication_files').execute();
    await db.schema.dropTable('publications').execute();
  },
});
