/**
 * The service hall (issue #6): service centers as a tree, stationed departments, windows and who staffs
 * them when; the service item catalogue; cases with their append-only history; supervision cards; joint
 * cases; archived reports; and the hall's settings.
 */
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './migration.ts';

export const hall: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('service_centers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('parent_id', 'text', (c) => c.references('service_centers.id'))
      .addColumn('region_id', 'text', (c) => c.references('regions.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('service_centers_parent_idx')
      .on('service_centers')
      .column('parent_id')
      .execute();

    await db.schema
      .createTable('stationed_departments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('center_id', 'text', (c) => c.notNull().references('service_centers.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.references('departments.id'))
      .addUniqueConstraint('stationed_departments_center_name_uq', ['center_id', 'name'])
      .execute();

    await db.schema
      .createTable('hall_windows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('center_id', 'text', (c) => c.notNull().references('service_centers.id'))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('hall_windows_center_number_uq', ['center_id', 'number'])
      .execute();

    await db.schema
      .createTable('window_staff')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('window_id', 'text', (c) => c.notNull().references('hall_windows.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text')
      .execute();
    await db.schema
      .createIndex('window_staff_user_idx')
      .on('window_staff')
      .columns(['user_id', 'from_date'])
      .execute();
    await db.schema.createIndex('window_staff_window_idx').on('window_staff').column('window_id').execute();

    await db.schema
      .createTable('service_items')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('hall_cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_number', 'text', (c) => c.notNull().unique())
      .addColumn('window_id', 'text', (c) => c.notNull().references('hall_windows.id'))
      .addColumn('item_code', 'text', (c) => c.notNull().references('service_items.code'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('handler_id', 'text')
      .addColumn('received_by', 'text', (c) => c.notNull())
      .addColumn('applicant_name', 'text', (c) => c.notNull())
      .addColumn('id_number_enc', 'text', (c) => c.notNull())
      .addColumn('phone_enc', 'text', (c) => c.notNull())
      .addColumn('phone_tail_hash', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('hall_cases_window_idx')
      .on('hall_cases')
      .columns(['window_id', 'received_at'])
      .execute();
    await db.schema.createIndex('hall_cases_received_idx').on('hall_cases').column('received_at').execute();
    await db.schema
      .createIndex('hall_cases_open_idx')
      .on('hall_cases')
      .columns(['closed_at', 'received_at'])
      .execute();
    await db.schema.createIndex('hall_cases_handler_idx').on('hall_cases').column('handler_id').execute();

    await db.schema
      .createTable('case_events')
      .addColumn('case_id', 'text', (c) => c.notNull().references('hall_cases.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('episode', 'integer')
      .addColumn('event', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'seq'])
      .execute();
    await db.schema.createIndex('case_events_at_idx').on('case_events').column('at').execute();

    await db.schema
      .createTable('supervision_cards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('hall_cases.id'))
      .addColumn('episode', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('deadline_kind', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('window_id', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('provisional', 'integer', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addUniqueConstraint('supervision_cards_uq', ['case_id', 'episode', 'kind', 'deadline_kind'])
      .execute();
    await db.schema
      .createIndex('supervision_cards_issued_idx')
      .on('supervision_cards')
      .columns(['issued_at', 'window_id'])
      .execute();

    await db.schema
      .createTable('joint_cases')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('hall_cases.id'))
      .addColumn('joint', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('hall_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('report', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('generated_at', 'text', (c) => c.notNull())
      .addColumn('generated_by', 'text')
      .addUniqueConstraint('hall_reports_kind_period_uq', ['kind', 'period'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of [
      'hall_reports',
      'joint_cases',
      'supervision_cards',
      'case_events',
      'hall_cases',
      'service_items',
      'window_staff',
      'hall_windows',
      'stationed_departments',
      'service_centers',
    ])
      await db.schema.dropTable(t).execute();
  },
});
