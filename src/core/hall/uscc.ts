/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from
 * 0-9 and A-Y without I, O, Z, S, V (31 characters, values 0–30):
 *   1     registration authority (登记管理部门代码: 1 机构编制, 5 民政, 9 市场监管/工商, Y 其他 …)
 *   2     organisation category (机构类别代码)
 *   3–8   administrative division of the registration authority (GB/T 2260), digits
 *   9–17  subject identifier: the organisation code (组织机构代码, GB 11714), whose 9th character is its
 *         own check character
 *   18    check character: weights 3^i mod 31 (1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28),
 *         C18 = 31 − (Σ mod 31), 31 → '0'.
 */
export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Registration authorities named in GB 32100-2015 and its later assignments; others are reported, not refused. */
export const REGISTRATION_AUTHORITIES: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '5': '民政',
  '9': '市场监督管理（工商）',
  Y: '其他',
};

export type UsccProblem = 'format' | 'checkChar';

export type UsccCheck =
  | {
      ok: true;
      code: string;
      authority: string | null;
      divisionCode: string;
      organizationCode: string;
      /** Whether the organisation code's own GB 11714 check character holds (a warning when it does not). */
      organizationCodeValid: boolean;
    }
  | { ok: false; problem: UsccProblem; message: string };

/** The check character of the first 17 characters. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('统一社会信用代码本体应为17位');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '');
    if (v < 0) throw new RangeError(`统一社会信用代码含有不允许的字符：${first17[i]}`);
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c] ?? '';
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714 organisation code check: digits 0–9, letters A=10 … Z=35; C9 = 11 − (Σ mod 11), 10 → X, 11 → 0. */
export function organizationCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i] ?? '';
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Checks a code (surrounding spaces ignored; lowercase letters are refused: codes are printed in capitals). */
export function checkUscc(input: string): UsccCheck {
  const code = input.trim();
  if (!SHAPE.test(code)) {
    return {
      ok: false,
      problem: 'format',
      message: '统一社会信用代码应为18位：数字或大写字母（不使用I、O、Z、S、V），第3至8位为行政区划代码',
    };
  }
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, problem: 'checkChar', message: '统一社会信用代码校验码不符，请核对代码' };
  }
  const organizationCode = code.slice(8, 17);
  return {
    ok: true,
    code,
    authority: REGISTRATION_AUTHORITIES[code[0] ?? ''] ?? null,
    divisionCode: code.slice(2, 8),
    organizationCode,
    organizationCodeValid: organizationCodeCheckChar(organizationCode) === organizationCode[8],
  };
}

export function isValidUscc(input: string): boolean {
  return checkUscc(input).ok;
}
