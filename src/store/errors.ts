/** Errors of the store: ZhengwuErrors with the store's codes (core/errors.ts), mapped at the edges. */
import { type ErrorCode, ZhengwuError } from '../core/errors.ts';

export type StoreErrorCode = Extract<
  ErrorCode,
  'STORE_CONFIG' | 'STORE_UNAVAILABLE' | 'MIGRATION_FAILED' | 'INTEGER_OUT_OF_RANGE' | 'CORRUPT_DATA'
>;

export class StoreError extends ZhengwuError {
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, undefined, options);
    this.name = 'StoreError';
  }
}
