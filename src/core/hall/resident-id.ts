/**
 * 18-digit citizen identity numbers (公民身份号码, GB 11643-1999): a 6-digit address code, an 8-digit
 * birth date, a 3-digit sequence code (odd for men, even for women) and a check character: the 17 digits
 * weighted by 2^(17−i) mod 11 (7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2), Σ mod 11 → 1,0,X,9,8,7,6,5,4,3,2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

export type ResidentIdProblem = 'format' | 'birthDate' | 'checkDigit';

export type ResidentIdCheck =
  | { ok: true; id: string; addressCode: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; problem: ResidentIdProblem; message: string };

/** The check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份号码本体码应为17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/**
 * Checks an 18-digit identity number (a lowercase x is read as X; surrounding spaces are ignored). The
 * birth date must be a real date, not in the future of `today` (YYYY-MM-DD) when given, and not before 1800.
 */
export function checkResidentId(input: string, today?: string): ResidentIdCheck {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, problem: 'format', message: '公民身份号码应为18位：17位数字加1位数字或X' };
  }
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)];
  const birthDate = `${y}-${m}-${d}`;
  const date = new Date(`${birthDate}T00:00:00Z`);
  const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === birthDate;
  if (!real || Number(y) < 1800 || (today !== undefined && birthDate > today)) {
    return { ok: false, problem: 'birthDate', message: `公民身份号码中的出生日期（${y}${m}${d}）无效` };
  }
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, problem: 'checkDigit', message: '公民身份号码校验码不符，请核对号码' };
  }
  return {
    ok: true,
    id,
    addressCode: id.slice(0, 6),
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidResidentId(input: string): boolean {
  return checkResidentId(input).ok;
}
