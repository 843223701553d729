/**
 * Named errors with messages for people (in Chinese) and stable codes for machines. Every layer throws
 * these; the edges map the codes to exit codes (src/cli/main.ts) or HTTP statuses (src/server/errors.ts)
 * in one place each.
 */
export type ErrorCode =
  // Input
  | 'UNREADABLE_INPUT'
  | 'UNSUPPORTED_FORMAT'
  | 'INPUT_TOO_LARGE'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  // Who may do what
  /** Not logged in (or the session has expired) where a login is needed. */
  | 'UNAUTHENTICATED'
  /** Logged in, but the policy (core/access/policy.ts) denies the action. */
  | 'FORBIDDEN'
  /** Username or password wrong. */
  | 'INVALID_CREDENTIALS'
  /** Too many failed logins: the account is locked for a while. */
  | 'ACCOUNT_LOCKED'
  /** A cookie-authenticated write without the session's CSRF token, or from another origin. */
  | 'CSRF_REJECTED'
  /** Too many requests from one client in a short time (the query kiosk, logins). */
  | 'RATE_LIMITED'
  // State
  /** Someone else changed the record first (optimistic version mismatch). */
  | 'CONFLICT'
  /** The record already exists (a username, a department's budget for the year). */
  | 'DUPLICATE'
  // Workflow (core/workflow/budget-status.ts)
  | 'INVALID_TRANSITION'
  | 'UNJUSTIFIED_FINDINGS'
  | 'COMMENTS_REQUIRED'
  | 'REASON_REQUIRED'
  | 'WEAK_PASSWORD'
  // The service hall (core/hall)
  /** A case rule refused the action (too late to refuse, materials missing, wrong item kind …); details.rule names it. */
  | 'CASE_RULE'
  // Store (src/store)
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

export class ZhengwuError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Structured detail for machines (e.g. the unjustified findings, the field issues). */
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ZhengwuError';
  }
}

export class UnreadableInput extends ZhengwuError {
  constructor(message: string) {
    super('UNREADABLE_INPUT', message);
  }
}

export class UnsupportedFormat extends ZhengwuError {
  constructor(message: string) {
    super('UNSUPPORTED_FORMAT', message);
  }
}

export class InputTooLarge extends ZhengwuError {
  constructor(message: string) {
    super('INPUT_TOO_LARGE', message);
  }
}

export class InvalidInput extends ZhengwuError {
  constructor(message: string, details?: unknown) {
    super('INVALID_INPUT', message, details);
  }
}
