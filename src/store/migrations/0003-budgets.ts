/** Budgets as facts (JSON of the Budget model), with an optimistic version, and their review comments. */
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './migration.ts';

export const budgets: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('budgets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('facts', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('approved_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('budgets_department_year_kind_uq', ['department_id', 'fiscal_year', 'kind'])
      .execute();
    // The unique constraint serves lookups by department (and year); these serve the lists by year and
    // by status (review queues, overdue publications).
    await db.schema
      .createIndex('budgets_year_status_idx')
      .on('budgets')
      .columns(['fiscal_year', 'status'])
      .execute();
    await db.schema.createIndex('budgets_status_idx').on('budgets').column('status').execute();

    await db.schema
      .createTable('budget_comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('rule', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('budget_comments_budget_idx')
      .on('budget_comments')
      .columns(['budget_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('budget_comments').execute();
    await db.schema.dropTable('budgets').execute();
  },
});
