/**
 * Errors of the store, with Chinese messages and stable codes. Kept apart from core/errors.ts (whose codes
 * the edges already map) until the lead folds them in: a missing record is reported with core's NOT_FOUND.
 */
export type StoreErrorCode =
  /** DATABASE_URL or the data directory cannot be used. */
  | 'STORE_CONFIG'
  /** The database could not be reached or opened. */
  | 'STORE_UNAVAILABLE'
  /** A migration failed; nothing of it was kept. */
  | 'MIGRATION_FAILED'
  /** The database returned an integer JavaScript cannot hold exactly. */
  | 'INTEGER_OUT_OF_RANGE'
  /** A JSON column does not hold what its schema says. */
  | 'CORRUPT_DATA';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
