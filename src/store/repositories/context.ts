/** What every repository holds: the database (or a transaction) and the clock. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ZhengwuError } from '../../core/errors.ts';
import type { Database } from '../schema.ts';

export interface RepositoryContext {
  db: Kysely<Database>;
  /** The clock (tests pass their own). */
  now: () => Date;
}

export const newId = (): string => randomUUID();

export const isoNow = (context: RepositoryContext): string => context.now().toISOString();

export function notFound(what: string, id: string): ZhengwuError {
  return new ZhengwuError('NOT_FOUND', `${what}不存在（${id}）。`);
}

/**
 * Order by code (absent codes last), then name, then id, by code points: the same on both dialects (the
 * databases would sort NULLs and Chinese text each its own way).
 */
export function byCodeThenName<T extends { code: string | null; name: string; id: string }>(
  a: T,
  b: T,
): number {
  if (a.code !== b.code) {
    if (a.code === null) return 1;
    if (b.code === null) return -1;
    return a.code < b.code ? -1 : 1;
  }
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
