/** CSV per RFC 4180: fields with commas, quotes or line breaks are quoted. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvRow(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',');
}
