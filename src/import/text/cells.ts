/**
 * Cells of a line laid out for the eye: tokens with their display columns,
 * Chinese characters counting two, as on the page.
 */
export interface Token {
  text: string;
  /** Display columns [start, end). */
  start: number;
  end: number;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1100 && code <= 0x115f) ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x2026 ||
    code === 0x2014
  );
}

/**
 * Display columns: Chinese characters take two, as on the page, so numbers
 * line up under the header words they belong to (pdftotext -layout and
 * hand-aligned text both align by display width).
 */
export function displayColumns(text: string): number[] {
  const cols: number[] = new Array(text.length + 1);
  let c = 0;
  for (let i = 0; i < text.length; i++) {
    cols[i] = c;
    c += isWide(text.charCodeAt(i)) ? 2 : 1;
  }
  cols[text.length] = c;
  return cols;
}

export function tokenize(text: string, splitSingleSpaces: boolean): Token[] {
  const re = splitSingleSpaces ? /[^\s]+/g : /[^\t ]+(?: [^\t ]+)*/g;
  const cols = displayColumns(text);
  const out: Token[] = [];
  for (const m of text.matchAll(re))
    out.push({ text: m[0], start: cols[m.index] as number, end: cols[m.index + m[0].length] as number });
  return out;
}
