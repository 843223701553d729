/**
 * Masking of applicants' personal data for display (lists, reports, supervision cards). The store keeps
 * identity numbers and phones protected (encrypted at rest); screens and exports show only these masks.
 * Masks keep the length, so a reader can still tell a 15-digit old number from an 18-digit one.
 */

function mask(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  const hidden = chars.length - keepStart - keepEnd;
  return (
    chars.slice(0, keepStart).join('') + '*'.repeat(hidden) + chars.slice(chars.length - keepEnd).join('')
  );
}

/** 110101199003071234 → 110101********1234: the address code and the last four (sequence and check). */
export function maskIdNumber(id: string): string {
  const v = id.trim().toUpperCase();
  // Not an identity number: show nothing of it.
  return v.length >= 15 ? mask(v, 6, 4) : '*'.repeat([...v].length);
}

/**
 * Mobile 13812345678 → 138****5678 (also with +86 or 86 in front); landlines keep the area code and the
 * last four digits (0335-5051234 → 0335-***1234); anything else keeps its last four.
 */
export function maskPhone(phone: string): string {
  const v = phone.trim().replace(/\s+/g, '');
  const mobile = /^(\+?86-?)?(1\d{10})$/.exec(v);
  if (mobile) return `${mobile[1] ?? ''}${mask(mobile[2] ?? '', 3, 4)}`;
  const landline = /^(0\d{2,3})-(\d{7,8})(-\d+)?$/.exec(v);
  if (landline) return `${landline[1]}-${mask(landline[2] ?? '', 0, 4)}${landline[3] ?? ''}`;
  return mask(v, 0, 4);
}

/** 张三 → 张*, 欧阳小明 → 欧**明: the surname (and, from three characters, the last character). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return mask(chars.join(''), 1, 1);
}

export interface Applicant {
  name: string;
  idNumber: string;
  phone: string;
}

/** What a screen may show of an applicant. */
export function maskApplicant(a: Applicant): Applicant {
  return { name: maskName(a.name), idNumber: maskIdNumber(a.idNumber), phone: maskPhone(a.phone) };
}
