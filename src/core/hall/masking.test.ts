import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskApplicant, maskIdNumber, maskName, maskPhone } from './masking.ts';

describe('masking', () => {
  it('identity numbers keep the address code and the last four', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber('110101900307123')).toBe('110101*****7123');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('phones: 138****5678 and landlines', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('+86138****5678');
    expect(maskPhone('0335-5051234')).toBe('0335-***1234');
    expect(maskPhone('12345')).toBe('*2345');
  });

  it('names', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskName('李')).toBe('李');
  });

  it('never shows the hidden middle of an 18-digit number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(18);
        expect(m.slice(6, 14)).toBe('********');
        expect(m.slice(0, 6) + m.slice(14)).toBe(id.slice(0, 6) + id.slice(14));
      }),
    );
  });

  it('masks a whole applicant', () => {
    expect(maskApplicant({ name: '王小二', idNumber: '11010519491231002X', phone: '13812345678' })).toEqual({
      name: '王*二',
      idNumber: '110105********002X',
      phone: '138****5678',
    });
  });
});
