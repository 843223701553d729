/**
 * Every migration, in order, under its permanent name. Add new ones at the end with the next number;
 * never rename, reorder or edit a released one.
 */
import type { Migration } from 'kysely';
import { organisation } from './0001-organisation.ts';
import { accounts } from './0002-accounts.ts';
import { budgets } from './0003-budgets.ts';
import { documents } from './0004-documents.ts';
import { publications } from './0005-publications.ts';
import { auditLog } from './0006-audit-log.ts';
import { hall } from './0007-hall.ts';
import { preApproval } from './0008-pre-approval.ts';
import type { MigrationContext, MigrationFactory } from './migration.ts';

export const MIGRATIONS: Readonly<Record<string, MigrationFactory>> = {
  '0001-organisation': organisation,
  '0002-accounts': accounts,
  '0003-budgets': budgets,
  '0004-documents': documents,
  '0005-publications': publications,
  '0006-audit-log': auditLog,
  '0007-hall': hall,
  '0008-pre-approval': preApproval,
};

export function buildMigrations(
  context: MigrationContext,
  factories: Readonly<Record<string, MigrationFactory>> = MIGRATIONS,
): Record<string, Migration> {
  return Object.fromEntries(Object.entries(factories).map(([name, make]) => [name, make(context)]));
}
