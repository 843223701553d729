import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterFailedLogin,
  afterSuccessfulLogin,
  attemptsLeft,
  checkPassword,
  initialLoginThrottle,
  isLocked,
  type LoginThrottle,
  lockedMessage,
  lockMinutesRemaining,
  passwordProblems,
} from './password-policy.ts';

const codes = (pw: string, user = 'zhangsan') => passwordProblems(pw, user).map((p) => p.code);

describe('password rules', () => {
  it('wants at least 10 characters, counted as characters, not bytes', () => {
    expect(codes('abcdefgh9')).toEqual(['TOO_SHORT']);
    expect(codes('abcdefgh90')).toEqual([]);
    expect(codes('政务服务中心预算公开')).toEqual([]);
    expect(codes('政务服务中心预算')).toEqual(['TOO_SHORT']);
  });

  it('refuses passwords of digits only, full-width digits too', () => {
    expect(codes('1234567890')).toEqual(['ALL_DIGITS']);
    expect(codes('１２３４５６７８９０')).toEqual(['ALL_DIGITS']);
    expect(codes('123456')).toEqual(['TOO_SHORT', 'ALL_DIGITS']);
    expect(codes('123456789a')).toEqual([]);
  });

  it('refuses the username, ignoring case, full-width forms and surrounding spaces', () => {
    expect(codes('ZhangSan2018', 'zhangsan2018')).toEqual(['SAME_AS_USERNAME']);
    expect(codes('ｚｈａｎｇｓａｎ２０１８', 'zhangsan2018')).toEqual(['SAME_AS_USERNAME']);
    expect(codes('zhangsan2018 ', 'zhangsan2018')).toEqual(['SAME_AS_USERNAME']);
    expect(codes('zhangsan2018!', 'zhangsan2018')).toEqual([]);
  });

  it('answers in Chinese', () => {
    expect(checkPassword('12345', 'u')).toEqual({
      ok: false,
      problems: [
        { code: 'TOO_SHORT', message: '密码至少应有10个字符。' },
        { code: 'ALL_DIGITS', message: '密码不能全部是数字。' },
      ],
      message: '密码至少应有10个字符。密码不能全部是数字。',
    });
    expect(checkPassword('correct horse', 'u')).toEqual({ ok: true });
  });
});

const t = (minutes: number, seconds = 0) => new Date(Date.UTC(2024, 0, 1, 9, minutes, seconds));

function fail(times: number, state = initialLoginThrottle(), at = t(0)): LoginThrottle {
  let s = state;
  for (let i = 0; i < times; i++) s = afterFailedLogin(s, at);
  return s;
}

describe('lock-out', () => {
  it('locks for 15 minutes on the 5th failure in a row, not before', () => {
    const four = fail(4);
    expect(four).toEqual({ failures: 4, lockedUntil: null });
    expect(isLocked(four, t(0))).toBe(false);
    expect(attemptsLeft(four)).toBe(1);
    const five = afterFailedLogin(four, t(1));
    expect(five).toEqual({ failures: 0, lockedUntil: '2024-01-01T09:16:00.000Z' });
    expect(isLocked(five, t(1))).toBe(true);
    expect(isLocked(five, t(15, 59))).toBe(true);
    expect(isLocked(five, t(16))).toBe(false);
  });

  it('says how long the lock lasts, in whole minutes rounded up', () => {
    const locked = fail(5);
    expect(lockMinutesRemaining(locked, t(0))).toBe(15);
    expect(lockMinutesRemaining(locked, t(14, 1))).toBe(1);
    expect(lockMinutesRemaining(locked, t(15))).toBe(0);
    expect(lockedMessage(locked, t(3, 30))).toBe('登录失败次数过多，账户已暂时锁定，请在12分钟后再试。');
  });

  it('neither counts nor extends a failure reported during the lock', () => {
    const locked = fail(5);
    expect(fail(3, locked, t(10))).toBe(locked);
  });

  it('gives 5 more tries after the lock expires', () => {
    const expired = fail(5);
    const after = fail(4, expired, t(20));
    expect(after).toEqual({ failures: 4, lockedUntil: null });
    expect(isLocked(after, t(20))).toBe(false);
    expect(isLocked(afterFailedLogin(after, t(21)), t(21))).toBe(true);
  });

  it('counts failures in a row only: a success resets the counter', () => {
    const s = afterSuccessfulLogin(fail(4));
    expect(s).toEqual(initialLoginThrottle());
    expect(isLocked(fail(4, s), t(0))).toBe(false);
  });

  it('for any sequence of outcomes, locks exactly when 5 failures follow the last success or lock', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (outcomes) => {
        let s = initialLoginThrottle();
        let run = 0;
        outcomes.forEach((success, i) => {
          const now = t(0, i); // all within the same lock window
          if (isLocked(s, now)) return;
          if (success) {
            s = afterSuccessfulLogin(s);
            run = 0;
          } else {
            s = afterFailedLogin(s, now);
            run++;
          }
          expect(isLocked(s, now)).toBe(run === 5);
          expect(s.failures).toBe(run === 5 ? 0 : run);
        });
      }),
    );
  });
});
