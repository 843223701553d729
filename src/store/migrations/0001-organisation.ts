/** Administrative regions and departments: district → department → unit. */
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './migration.ts';

export const organisation: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('regions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('parent_id', 'text', (c) => c.references('regions.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.unique())
      .execute();
    await db.schema.createIndex('regions_parent_id_idx').on('regions').column('parent_id').execute();

    await db.schema
      .createTable('departments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('parent_id', 'text', (c) => c.references('departments.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('departments_region_id_idx').on('departments').column('region_id').execute();
    await db.schema.createIndex('departments_parent_id_idx').on('departments').column('parent_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('departments').execute();
    await db.schema.dropTable('regions').execute();
  },
});
