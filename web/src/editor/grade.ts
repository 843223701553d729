/** A 优/良/中/差 evaluation standard as typed: the text kept as written, its number read from it. */
export interface Grade {
  text: string;
  value: number | null;
}

/** "≥98%" → { text: "≥98%", value: 98 }; "" → null (no standard); text without a number keeps value null. */
export function gradeOf(typed: string): Grade | null {
  const text = typed.trim();
  if (!text) return null;
  const m = /-?\d+(?:\.\d+)?/.exec(text.normalize('NFKC'));
  return { text, value: m ? Number(m[0]) : null };
}
