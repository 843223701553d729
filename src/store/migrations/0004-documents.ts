/** Imported documents with what was read from them and their audit. */
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './migration.ts';

export const documents: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.references('departments.id'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('budget', 'text')
      .addColumn('audit', 'text')
      .execute();
    await db.schema
      .createIndex('documents_department_idx')
      .on('documents')
      .columns(['department_id', 'uploaded_at'])
      .execute();
    await db.schema.createIndex('documents_sha256_idx').on('documents').column('sha256').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('documents').execute();
  },
});
