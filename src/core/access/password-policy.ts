/**
 * Password rules and login lock-out (issue #4). Pure: the store keeps the counters, hashing (argon2) is
 * done elsewhere, `now` is passed in.
 *
 * Lock-out: after 5 failed logins in a row the account is locked for 15 minutes. The counter starts again
 * when the lock is set, so after it expires there are 5 more tries; a successful login resets it. While
 * locked, the service must not verify the password at all (check isLocked first): a failure reported
 * during a lock neither counts nor extends it.
 */

export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblemCode = 'TOO_SHORT' | 'ALL_DIGITS' | 'SAME_AS_USERNAME';

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

/** Compared forms: full-width letters and digits folded (NFKC), case ignored, surrounding spaces dropped. */
function folded(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

/** Every rule the password breaks (empty when it is acceptable). Length counts characters, not bytes. */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push({ code: 'TOO_SHORT', message: `密码至少应有${PASSWORD_MIN_LENGTH}个字符。` });
  }
  if (/^\p{Nd}+$/u.test(password.normalize('NFKC'))) {
    problems.push({ code: 'ALL_DIGITS', message: '密码不能全部是数字。' });
  }
  if (username.trim() !== '' && folded(password) === folded(username)) {
    problems.push({ code: 'SAME_AS_USERNAME', message: '密码不能与用户名相同。' });
  }
  return problems;
}

export function checkPassword(
  password: string,
  username: string,
): { ok: true } | { ok: false; problems: PasswordProblem[]; message: string } {
  const problems = passwordProblems(password, username);
  if (!problems.length) return { ok: true };
  return { ok: false, problems, message: problems.map((p) => p.message).join('') };
}

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

/** What the store keeps per account. */
export interface LoginThrottle {
  /** Failed logins in a row since the last success or the last lock. */
  failures: number;
  /** ISO timestamp until which the account is locked, or null. */
  lockedUntil: string | null;
}

export function initialLoginThrottle(): LoginThrottle {
  return { failures: 0, lockedUntil: null };
}

export function isLocked(state: LoginThrottle, now: Date): boolean {
  return state.lockedUntil !== null && now.getTime() < Date.parse(state.lockedUntil);
}

/** The state after a failed login at `now`. */
export function afterFailedLogin(
  state: LoginThrottle,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): LoginThrottle {
  if (isLocked(state, now)) return state;
  const failures = state.failures + 1;
  if (failures >= policy.maxFailures) {
    return { failures: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString() };
  }
  return { failures, lockedUntil: null };
}

/** The state after a successful login: the counter and any expired lock cleared. */
export function afterSuccessfulLogin(_state: LoginThrottle): LoginThrottle {
  return initialLoginThrottle();
}

/** Whole minutes (rounded up) until the lock ends; 0 when not locked. */
export function lockMinutesRemaining(state: LoginThrottle, now: Date): number {
  if (!isLocked(state, now) || state.lockedUntil === null) return 0;
  return Math.ceil((Date.parse(state.lockedUntil) - now.getTime()) / 60_000);
}

/** The message for a login refused because of the lock. */
export function lockedMessage(state: LoginThrottle, now: Date): string {
  return `登录失败次数过多，账户已暂时锁定，请在${lockMinutesRemaining(state, now)}分钟后再试。`;
}

/** Failed attempts left before the lock (for "还可尝试N次"). */
export function attemptsLeft(state: LoginThrottle, policy: LockoutPolicy = DEFAULT_LOCKOUT): number {
  return Math.max(0, policy.maxFailures - state.failures);
}
