/**
 * Named errors with messages for people (in Chinese) and stable codes for
 * machines. Edges map them to exit codes or HTTP statuses in one place.
 */
export type ErrorCode =
  | 'UNREADABLE_INPUT'
  | 'UNSUPPORTED_FORMAT'
  | 'INPUT_TOO_LARGE'
  | 'INVALID_INPUT'
  | 'NOT_FOUND';

export class ZhengwuError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
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
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}
