/**
 * Investment project pre-approval (项目预审, issue #6 item 7): the project and its cached status, with
 * `version` counting the events (optimistic lock), and the append-only history of who did what, when and
 * why. Total investment is integer 分 (int8 on PostgreSQL: a project may cost more than 2^31 分).
 */
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './migration.ts';

export const preApproval: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pre_approvals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('center_id', 'text', (c) => c.notNull().references('service_centers.id'))
      .addColumn('project_code', 'text', (c) => c.notNull())
      .addColumn('project_name', 'text', (c) => c.notNull())
      .addColumn('construction_unit', 'text', (c) => c.notNull())
      .addColumn('location', 'text', (c) => c.notNull())
      .addColumn('total_investment_fen', 'bigint', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('authority', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('pre_approvals_center_idx')
      .on('pre_approvals')
      .columns(['center_id', 'submitted_at'])
      .execute();
    await db.schema
      .createIndex('pre_approvals_status_idx')
      .on('pre_approvals')
      .columns(['status', 'submitted_at'])
      .execute();
    await db.schema
      .createIndex('pre_approvals_code_idx')
      .on('pre_approvals')
      .column('project_code')
      .execute();

    await db.schema
      .createTable('pre_approval_events')
      .addColumn('pre_approval_id', 'text', (c) => c.notNull().references('pre_approvals.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addPrimaryKeyConstraint('pre_approval_events_pk', ['pre_approval_id', 'seq'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('pre_approval_events').execute();
    await db.schema.dropTable('pre_approvals').execute();
  },
});
