/**
 * PDF → plain text for the text importer (issue #3).
 *
 * The text importer reads `pdftotext -layout` output; this produces text it
 * reads as well, from the text layer pdf.js finds: one line per visual line in
 * reading order, each page after the first starting with a form feed, and the
 * rows of tables rebuilt from the positions of the text: cells separated by a
 * TAB where the horizontal gap is wider than about 1.5 characters.
 *
 * Tables: the importer reads tab-separated rows by cell index (the n-th cell of
 * a row sits under the n-th cell of the header), so the lines of a table are
 * laid on one grid of columns, with empty cells where a row has nothing, as a
 * spreadsheet would: a cell spanning several columns (a two-level header, a
 * centred 合计) goes in the leftmost one.
 *
 * Malformed input fails fast with UnreadableInput and a Chinese message; a time
 * limit and a page limit keep a hostile file from holding the process.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { InputTooLarge, UnreadableInput, ZhengwuError } from '../../core/errors.ts';

export interface ExtractPdfOptions {
  /** Documents with more pages are refused (InputTooLarge). Default 2,000. */
  maxPages?: number;
  /** Aborting rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Time limit for the whole extraction, in milliseconds. Default 60 s. */
  timeoutMs?: number;
}

export interface ExtractedPdf {
  text: string;
  pages: number;
}

export const DEFAULT_MAX_PAGES = 2_000;
export const DEFAULT_TIMEOUT_MS = 60_000;

const require = createRequire(import.meta.url);
const PDFJS_ROOT = `${dirname(require.resolve('pdfjs-dist/package.json'))}/`;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

// ---------------------------------------------------------------------------
// Extraction

/** A piece of text as pdf.js gives it, in page coordinates (y grows downwards). */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** Vertical centre of the glyphs. */
  y: number;
  /** Font size (height of the em square). */
  size: number;
}

export async function extractPdfText(
  bytes: Uint8Array,
  options: ExtractPdfOptions = {},
): Promise<ExtractedPdf> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  options.signal?.throwIfAborted();
  if (bytes.length === 0) throw new UnreadableInput('PDF 文件为空');
  if (!hasPdfHeader(bytes)) throw new UnreadableInput('PDF 文件已损坏或不完整：找不到 PDF 文件头（%PDF-）');

  const pdfjs = await loadPdfJs();
  const guard = new Guard(timeoutMs, options.signal);
  const task = pdfjs.getDocument({
    // A copy: pdf.js may take over (detach) the buffer it is given.
    data: bytes.slice(),
    cMapUrl: `${PDFJS_ROOT}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_ROOT}standard_fonts/`,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  // No onPassword handler: a document that needs a password rejects with a PasswordException.
  try {
    const doc = await guard.race(task.promise);
    if (doc.numPages > maxPages)
      throw new InputTooLarge(`PDF 共 ${doc.numPages} 页，超过上限 ${maxPages} 页，不予读取`);
    const pageRuns: TextRun[][] = [];
    let visible = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await guard.race(doc.getPage(n));
      const viewport = page.getViewport({ scale: 1 });
      const content = await guard.race(page.getTextContent());
      const items = content.items.flatMap((item) =>
        'str' in item
          ? [{ item, m: pdfjs.Util.transform(viewport.transform, item.transform) as number[] }]
          : [],
      );
      // Read the page the way most of its text runs (a landscape table on a portrait page).
      const turn = dominantTurn(items);
      const [w, h] = turn % 2 ? [viewport.height, viewport.width] : [viewport.width, viewport.height];
      const rotation = TURNS(viewport.width, viewport.height)[turn] as number[];
      const runs: TextRun[] = [];
      for (const { item, m } of items) {
        const run = runOf(item, pdfjs.Util.transform(rotation, m) as number[], w, h);
        if (run) {
          runs.push(run);
          visible += run.text.replace(/\s+/g, '').length;
        }
      }
      pageRuns.push(runs);
      page.cleanup();
    }
    if (visible === 0) throw new UnreadableInput('PDF 中没有文字层（可能是扫描件），无法读取');
    return { text: layoutPages(pageRuns).join('\n\f'), pages: doc.numPages };
  } catch (e) {
    throw translateError(e, options.signal);
  } finally {
    guard.dispose();
    await task.destroy().catch(() => {});
  }
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow some junk (the PDF specification allows 1,024 bytes of it).
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++)
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    )
      return true;
  return false;
}

/** Rejects what it races when time runs out, the caller aborts or an error is reported. */
class Guard {
  private readonly failed: Promise<never>;
  private reject: (e: unknown) => void = () => {};
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onAbort: () => void;

  constructor(
    timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      this.reject = reject;
    });
    this.failed.catch(() => {}); // raced later, or never
    this.timer = setTimeout(() => {
      this.fail(
        new UnreadableInput(`PDF 文件读取超时（超过 ${timeoutMs / 1000} 秒），文件可能已损坏或结构异常`),
      );
    }, timeoutMs);
    this.onAbort = () => this.fail(signal?.reason);
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  fail(e: unknown): void {
    this.reject(e);
  }

  race<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.failed]);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}

const PDFJS_ERRORS: Record<string, string> = {
  InvalidPDFException: '文件结构无效',
  FormatError: '文件格式错误',
  MissingPDFException: '文件缺失',
  UnexpectedResponseException: '读取失败',
  UnknownErrorException: '未知错误',
  ResponseException: '读取失败',
};

function translateError(e: unknown, signal: AbortSignal | undefined): unknown {
  if (e instanceof ZhengwuError) return e;
  if (signal?.aborted && e === signal.reason) return e;
  const name = e instanceof Error || (typeof e === 'object' && e !== null) ? String((e as Error).name) : '';
  const message =
    e instanceof Error || (typeof e === 'object' && e !== null) ? String((e as Error).message) : String(e);
  if (name === 'PasswordException') return new UnreadableInput('PDF 文件已加密，无法读取');
  const what = PDFJS_ERRORS[name] ?? '无法解析';
  return new UnreadableInput(`PDF 文件已损坏或不完整：${what}${message ? `（${message}）` : ''}`);
}

/**
 * Quarter turns that bring text running down, right to left or up (in page
 * space, y down) back to left to right, keeping the page at the origin.
 */
const TURNS = (width: number, height: number): number[][] => [
  [1, 0, 0, 1, 0, 0],
  [0, -1, 1, 0, 0, width],
  [-1, 0, 0, -1, width, height],
  [0, 1, -1, 0, height, 0],
];

/** The quarter turn (0–3) of the direction most characters of the page run in. */
function dominantTurn(items: readonly { item: { str: string }; m: number[] }[]): number {
  const chars = [0, 0, 0, 0];
  for (const { item, m } of items) {
    const [a = 1, b = 0] = m;
    if (!Number.isFinite(a) || !Number.isFinite(b) || (a === 0 && b === 0)) continue;
    const turn = ((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4;
    chars[turn] = (chars[turn] as number) + item.str.trim().length;
  }
  let best = 0;
  for (let t = 1; t < 4; t++) if ((chars[t] as number) > (chars[best] as number)) best = t;
  return best;
}

/** A text item in page coordinates (`m`: its matrix in page space), or null for blank or off-page text. */
function runOf(
  item: { str: string; width: number; height: number },
  m: number[],
  pageWidth: number,
  pageHeight: number,
): TextRun | null {
  // Control characters (a tab, a line break or a form feed in a string) would break the layout.
  const text = item.str.replace(/\p{Cc}/gu, ' ');
  if (!text.trim()) return null;
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  if (![a, b, c, d, e, f, item.width].every(Number.isFinite)) return null;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
  // Unit vectors along the text and "up" (towards the top of the glyphs), in page space.
  const along = Math.hypot(a, b) || 1;
  const ux = a / along;
  const uy = b / along;
  const width = Math.max(0, item.width);
  let x0: number;
  let x1: number;
  let y: number;
  if (Math.abs(uy) < 0.2 && ux > 0) {
    // Horizontal text: the baseline is at f; glyphs rise about 0.88 em above it.
    x0 = e;
    x1 = e + width;
    y = f - 0.38 * size;
  } else {
    // Rotated or vertical text: its bounding box, placed on the line through its centre.
    const upx = -c / (Math.hypot(c, d) || 1);
    const upy = -d / (Math.hypot(c, d) || 1);
    const xs = [e, e + ux * width, e - upx * size, e + ux * width - upx * size];
    const ys = [f, f + uy * width, f - upy * size, f + uy * width - upy * size];
    x0 = Math.min(...xs);
    x1 = Math.max(...xs);
    y = (Math.min(...ys) + Math.max(...ys)) / 2;
  }
  // Text outside the page is not shown (pdftotext drops it too).
  const margin = size;
  if (x1 < -margin || x0 > pageWidth + margin || y < -margin || y > pageHeight + margin) return null;
  return { text, x0, x1, y, size };
}

// ---------------------------------------------------------------------------
// Layout: runs → lines → cells → tables on a grid.

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  y: number;
  size: number;
  cells: Cell[];
  /** Grid column of each cell, for lines of a table. */
  columns?: number[];
}

/** Chinese, Japanese and full-width characters: joined without spaces. */
function isWideChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x20000 && code <= 0x3ffff)
  );
}

/** Display units of a string: wide characters count two, as in cells.ts. */
function units(s: string): number {
  let n = 0;
  for (const ch of s) n += isWideChar(ch) ? 2 : 1;
  return n;
}

/**
 * Lays out the pages: lines, cells, and the tables on grids. A table that runs
 * on from one page to the next keeps one grid (the header is on the first page only).
 */
export function layoutPages(pages: readonly (readonly TextRun[])[]): string[] {
  const pageLines = pages.map((runs) => groupLines(dedupe(runs)));
  const chains: Line[][] = [];
  let open: { chain: Line[]; page: number } | null = null;
  pageLines.forEach((lines, p) => {
    for (const line of lines) splitAmountCells(line, false);
    const blocks = tableBlocks(lines);
    blocks.forEach((b, i) => {
      const continues = i === 0 && open !== null && open.page === p - 1 && nearPageStart(lines, b.start);
      if (continues && open) open.chain.push(...lines.slice(b.start, b.end));
      else chains.push(lines.slice(b.start, b.end));
      const chain = chains[chains.length - 1] as Line[];
      const last = i === blocks.length - 1;
      open = last && nearPageEnd(lines, b.end) ? { chain, page: p } : null;
    });
    if (blocks.length === 0) open = null;
  });
  for (const chain of chains) {
    for (const line of chain) splitAmountCells(line, true);
    placeOnGrid(chain);
  }
  return pageLines.map((lines) => {
    const out: string[] = [];
    let prev: Line | null = null;
    for (const line of lines) {
      // A blank line where the gap is wider than about two lines, as pdftotext leaves one.
      if (prev && line.y - prev.y > 1.9 * Math.max(line.size, prev.size)) out.push('');
      out.push(lineText(line));
      prev = line;
    }
    return out.join('\n');
  });
}

/** Lines that may come before a table continued from the previous page: a running header. */
function nearPageStart(lines: readonly Line[], start: number): boolean {
  return start <= 3 && lines.slice(0, start).every((l) => !isTitleLine(l));
}

/** Lines that may follow a table that continues on the next page: a page number, a footer. */
function nearPageEnd(lines: readonly Line[], end: number): boolean {
  return lines.length - end <= 3 && lines.slice(end).every((l) => !isTitleLine(l));
}

function isTitleLine(l: Line): boolean {
  return l.cells.length === 1 && TABLE_TITLE.test((l.cells[0] as Cell).text.replace(/\s+/g, ''));
}

/** Drops text drawn twice at (almost) the same place: fake bold, shadows. */
function dedupe(runs: readonly TextRun[]): TextRun[] {
  // Buckets of 0.3 em: a repeat lies in the same bucket or a neighbouring one.
  const seen = new Map<string, TextRun[]>();
  const out: TextRun[] = [];
  for (const r of runs) {
    const tol = 0.3 * r.size;
    const bx = Math.floor(r.x0 / tol);
    const by = Math.floor(r.y / tol);
    let repeat = false;
    for (let dx = -1; dx <= 1 && !repeat; dx++)
      for (let dy = -1; dy <= 1 && !repeat; dy++)
        repeat = (seen.get(`${bx + dx} ${by + dy} ${r.text}`) ?? []).some(
          (s) => Math.abs(s.x0 - r.x0) < tol && Math.abs(s.y - r.y) < tol,
        );
    if (repeat) continue;
    const key = `${bx} ${by} ${r.text}`;
    const list = seen.get(key);
    if (list) list.push(r);
    else seen.set(key, [r]);
    out.push(r);
  }
  return out;
}

function groupLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const groups: { y: number; size: number; runs: TextRun[] }[] = [];
  let cur: { y: number; size: number; runs: TextRun[]; sumY: number } | null = null;
  for (const r of sorted) {
    if (cur && Math.abs(r.y - cur.y) <= 0.5 * Math.min(r.size, cur.size)) {
      cur.runs.push(r);
      cur.sumY += r.y;
      cur.y = cur.sumY / cur.runs.length;
      cur.size = Math.max(cur.size, r.size);
      continue;
    }
    cur = { y: r.y, size: r.size, runs: [r], sumY: r.y };
    groups.push(cur);
  }
  const lines: Line[] = groups.map((g) => ({ y: g.y, size: g.size, cells: cellsOf(g.runs) }));
  return mergeOffsetNumbers(lines.filter((l) => l.cells.length > 0));
}

/** Whether a cell of one line overlaps a cell of the other (both sorted by x, not overlapping within a line). */
function anyOverlap(a: readonly Cell[], b: readonly Cell[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Cell;
    const y = b[j] as Cell;
    if (overlaps(x, y)) return true;
    if (x.x1 <= y.x1) i++;
    else j++;
  }
  return false;
}

const isNumberOnly = (l: Line) => l.cells.every((c) => NUMERIC_CELL.test(c.text));

/**
 * Some exporters set the amounts of a row a little higher or lower than its
 * label (cells aligned differently): a line of numbers alone, closer than a line
 * to a row with a label and nothing in those columns, belongs to that row.
 */
function mergeOffsetNumbers(lines: Line[]): Line[] {
  const fits = (a: Line, b: Line | undefined): number => {
    if (!b || isNumberOnly(b)) return Number.POSITIVE_INFINITY;
    const dy = Math.abs(a.y - b.y);
    if (dy > 0.8 * Math.max(a.size, b.size)) return Number.POSITIVE_INFINITY;
    if (anyOverlap(a.cells, b.cells)) return Number.POSITIVE_INFINITY;
    return dy;
  };
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!isNumberOnly(line)) {
      out.push(line);
      continue;
    }
    const up = fits(line, out[out.length - 1]);
    const down = fits(line, lines[i + 1]);
    if (up === Number.POSITIVE_INFINITY && down === Number.POSITIVE_INFINITY) {
      out.push(line);
      continue;
    }
    const target = (up <= down ? out[out.length - 1] : lines[i + 1]) as Line;
    target.cells = [...target.cells, ...line.cells].sort((a, b) => a.x0 - b.x0);
  }
  return out;
}

/** Joins the runs of one line into cells: a gap wider than about 1.5 characters separates cells. */
function cellsOf(runs: TextRun[]): Cell[] {
  runs.sort((a, b) => a.x0 - b.x0);
  const cells: Cell[] = [];
  let cur: Cell | null = null;
  let prev: TextRun | null = null;
  for (const r of runs) {
    if (cur && prev) {
      const gap = r.x0 - prev.x1;
      const charWidth = Math.min(averageCharWidth(prev), averageCharWidth(r));
      if (gap <= 1.5 * charWidth) {
        const last = cur.text.slice(-1);
        const first = r.text[0] ?? '';
        const space =
          gap > 0.25 * Math.min(prev.size, r.size) &&
          !(isWideChar(last) && isWideChar(first)) &&
          !/\s$/.test(cur.text) &&
          !/^\s/.test(r.text);
        cur.text += (space ? ' ' : '') + r.text;
        cur.x1 = Math.max(cur.x1, r.x1);
        prev = r;
        continue;
      }
    }
    cur = { text: r.text, x0: r.x0, x1: r.x1 };
    cells.push(cur);
    prev = r;
  }
  for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
  return cells.filter((c) => c.text.length > 0);
}

/** The width of one character of a run (a wide character counts two halves), within sane bounds. */
function averageCharWidth(r: TextRun): number {
  const n = units(r.text.trim()) || 1;
  const half = (r.x1 - r.x0) / n;
  // A character: a half-width one for Latin text, a full one for Chinese.
  const perChar = /[\u2e80-\u9fff]/.test(r.text) ? 2 * half : half;
  return Math.min(Math.max(perChar, 0.4 * r.size), 1.2 * r.size);
}

/** An amount as tables print it: 1,234.56, 1234.56, -12.00 (not a year, not 1.). */
const AMOUNT = /^[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$/;
/** Words that follow an amount in prose: "120.00 万元" is one phrase, not two cells. */
const UNIT_AFTER = /^(?:万|亿|千|元|%|％|个|人|辆|台|套|项|次|倍|平方米|m²)/;

/**
 * pdf.js joins text separated by less than about half a character into one item
 * with a space: "91,016,775.35 一、一般公共服务支出" is two cells of a table
 * that pdftotext also prints with one space. Splits a cell at a space between
 * two amounts; in a table (`inTable`) also after an amount (not before its
 * unit: "120.00 万元" is one phrase) and between a label and an amount
 * ("收入总计 91,016,775.35").
 */
function splitAmountCells(line: Line, inTable: boolean): void {
  const out: Cell[] = [];
  for (const cell of line.cells) {
    const words = cell.text.split(' ');
    if (words.length < 2) {
      out.push(cell);
      continue;
    }
    const parts: string[] = [words[0] as string];
    for (let i = 1; i < words.length; i++) {
      const left = words[i - 1] as string;
      const right = words[i] as string;
      const amounts = AMOUNT.test(left) && AMOUNT.test(right);
      const afterAmount = inTable && AMOUNT.test(left) && !UNIT_AFTER.test(right);
      const beforeAmount = inTable && AMOUNT.test(right) && isWideChar(left.slice(-1));
      if (amounts || afterAmount || beforeAmount) parts.push(right);
      else parts[parts.length - 1] += ` ${right}`;
    }
    if (parts.length === 1) {
      out.push(cell);
      continue;
    }
    // Positions in proportion to display width.
    const total = units(cell.text) || 1;
    const scale = (cell.x1 - cell.x0) / total;
    let at = 0;
    for (const p of parts) {
      const w = units(p);
      out.push({ text: p, x0: cell.x0 + at * scale, x1: cell.x0 + (at + w) * scale });
      at += w + 1;
    }
  }
  line.cells = out;
}

/** A line that names a table ("…预算表", "…表（续）"): tables start there. */
const TABLE_TITLE = /表(?:[(（][^)）]*[)）])?$/;

/** One-cell lines inside a table: at most this many in a row, this short (display units), this close (em). */
const MAX_LOOSE_LINES = 8;
const MAX_LOOSE_UNITS = 40;
const MAX_LOOSE_GAP = 12;
/** One-cell lines just above a table's first line of cells taken as its header: at most this many. */
const MAX_HEADER_LINES = 4;

/** A one-cell line that may belong to the table whose line `below` is: short, not a title, close. */
function isLoose(line: Line, below: Line): boolean {
  return (
    line.cells.length === 1 &&
    !isTitleLine(line) &&
    units(line.cells[0]?.text ?? '') <= MAX_LOOSE_UNITS &&
    below.y - line.y <= 3 * Math.max(line.size, below.size)
  );
}

/**
 * Runs of table lines: lines of two or more cells, with the one-cell lines
 * between them (a wrapped header, a label-only row), but not a table title.
 */
function tableBlocks(lines: readonly Line[]): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  let i = 0;
  while (i < lines.length) {
    if ((lines[i] as Line).cells.length < 2) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length) {
      if ((lines[j] as Line).cells.length >= 2) {
        j++;
        continue;
      }
      // One-cell lines (header words on lines of their own, a label-only row): kept when a table
      // line follows close below and none of them is a title or prose.
      let k = j;
      while (k < lines.length && k < j + MAX_LOOSE_LINES && (lines[k] as Line).cells.length < 2) k++;
      const next = lines[k];
      const prev = lines[j - 1] as Line;
      if (
        !next ||
        next.cells.length < 2 ||
        next.y - prev.y > MAX_LOOSE_GAP * Math.max(next.size, prev.size) ||
        lines.slice(j, k).some((l) => isTitleLine(l) || units(l.cells[0]?.text ?? '') > MAX_LOOSE_UNITS)
      )
        break;
      j = k;
    }
    // Header lines of one cell just above (a spanning header over the first line of cells).
    const floor = blocks.at(-1)?.end ?? 0;
    let start = i;
    while (
      start > floor &&
      i - start < MAX_HEADER_LINES &&
      isLoose(lines[start - 1] as Line, lines[start] as Line)
    )
      start--;
    blocks.push({ start, end: j });
    i = j;
  }
  return blocks;
}

function overlaps(a: { x0: number; x1: number }, b: { x0: number; x1: number }): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1;
}

/** A number as a table cell: an amount, a count, a classification code. */
const NUMERIC_CELL = /^[-−]?\d[\d,]*(?:\.\d+)?[%％]?$/;

interface Column {
  x0: number;
  x1: number;
  numeric: boolean;
  /** Where cells are put: [from, to). */
  from: number;
  to: number;
}

/** Overlapping ranges merged into columns, left to right. */
function clusters(cells: readonly Cell[]): { x0: number; x1: number; cells: Cell[] }[] {
  const sorted = [...cells].sort((a, b) => a.x0 - b.x0);
  const out: { x0: number; x1: number; cells: Cell[] }[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.x0 < last.x1) {
      last.x1 = Math.max(last.x1, c.x1);
      last.cells.push(c);
    } else out.push({ x0: c.x0, x1: c.x1, cells: [c] });
  }
  return out;
}

/**
 * Lays the lines of one table on a grid of columns, so that the n-th cell of
 * every line is in the same column (a spreadsheet's layout).
 *
 * - A cell that covers two cells of another line spans columns (a two-level
 *   header, a centred 合计): it goes in the leftmost column it covers.
 * - The columns are those of the rows with numbers: overlapping cells are one
 *   column. Amounts are right-aligned, so the boundary after a column of numbers
 *   is its right edge; elsewhere it is the middle of the gap.
 * - Header words (centred, often not overlapping the numbers under them) go to
 *   the column whose space they are in; when several header words share one
 *   column's space, the nearest is that column's and the others are columns of
 *   their own (a column with no data).
 */
function placeOnGrid(block: readonly Line[]): void {
  const spanning = spanningCells(block);
  const isData = (l: Line) => l.cells.some((c) => NUMERIC_CELL.test(c.text));
  const dataLines = block.some(isData) ? block.filter(isData) : block;
  const dataCells = new Set(dataLines.flatMap((l) => l.cells.filter((c) => !spanning.has(c))));
  const member = new Map<Cell, Column>();
  const columns: Column[] = clusters([...dataCells]).map((d) => {
    const numbers = d.cells.filter((c) => NUMERIC_CELL.test(c.text)).length;
    const col: Column = {
      x0: d.x0,
      x1: d.x1,
      numeric: numbers * 2 > d.cells.length,
      from: Number.NEGATIVE_INFINITY,
      to: Number.POSITIVE_INFINITY,
    };
    for (const c of d.cells) member.set(c, col);
    return col;
  });
  // Not a table: far too many columns to be one (a page of scattered words).
  if (columns.length > MAX_COLUMNS) return;
  for (let k = 0; k + 1 < columns.length; k++) {
    const a = columns[k] as Column;
    const b = columns[k + 1] as Column;
    const boundary = a.numeric && b.numeric ? a.x1 : (a.x1 + b.x0) / 2;
    a.to = boundary;
    b.from = boundary;
  }
  const slotOf = (x: number): number => {
    let k = 0;
    while (k + 1 < columns.length && x >= (columns[k] as Column).to) k++;
    return k;
  };
  // Header words: by the space they are in; the nearest group of words takes the column.
  const bySlot = new Map<number, Cell[]>();
  for (const line of block)
    for (const c of line.cells) {
      if (spanning.has(c) || dataCells.has(c)) continue;
      const k = slotOf((c.x0 + c.x1) / 2);
      const list = bySlot.get(k);
      if (list) list.push(c);
      else bySlot.set(k, [c]);
    }
  const extra = new Set<Column>();
  const addExtra = (g: { x0: number; x1: number; cells: Cell[] }) => {
    const col: Column = { x0: g.x0, x1: g.x1, numeric: false, from: g.x0, to: g.x1 };
    for (const c of g.cells) member.set(c, col);
    extra.add(col);
  };
  for (const [k, cells] of bySlot) {
    const col = columns[k];
    const groups = clusters(cells);
    if (!col) {
      groups.forEach(addExtra);
      continue;
    }
    const distance = (g: { x0: number; x1: number }) => Math.max(0, col.x0 - g.x1, g.x0 - col.x1);
    const nearest = groups.reduce((best, g) => (distance(g) < distance(best) ? g : best));
    for (const g of groups) {
      if (g !== nearest) addExtra(g);
      else for (const c of g.cells) member.set(c, col);
    }
  }
  const all = [...columns, ...extra].sort((a, b) => a.x0 + a.x1 - (b.x0 + b.x1));
  if (all.length > MAX_COLUMNS) return;
  const index = new Map(all.map((c, i) => [c, i]));
  // A spanning cell: the leftmost column whose space it covers.
  const spanColumn = (c: Cell): number => {
    const i = all.findIndex((col) => overlaps(c, extra.has(col) ? col : { x0: col.from, x1: col.to }));
    return Math.max(i, 0);
  };
  for (const line of block) {
    let prev = -1;
    line.columns = line.cells.map((c) => {
      const col = member.get(c);
      const at = col ? (index.get(col) ?? 0) : spanColumn(c);
      // Two cells of one line never share a column.
      const placed = Math.max(at, prev + 1);
      prev = placed;
      return placed;
    });
  }
}

/** More columns than this: not a table, the lines keep their cells without a grid. */
const MAX_COLUMNS = 64;

/**
 * Cells that cover two neighbouring cells of another line. A cell covers the
 * pair (a, b) of one line when it starts before a ends and ends after b starts;
 * pairs sorted by a's end, with the least start of b among those ending later,
 * answer that for every cell in O(log n). (Cells of one line never overlap, so
 * a line's own pairs never count.)
 */
function spanningCells(block: readonly Line[]): Set<Cell> {
  const pairs: { aEnd: number; bStart: number }[] = [];
  for (const line of block)
    for (let i = 0; i + 1 < line.cells.length; i++)
      pairs.push({ aEnd: (line.cells[i] as Cell).x1, bStart: (line.cells[i + 1] as Cell).x0 });
  pairs.sort((p, q) => p.aEnd - q.aEnd);
  // minStart[i]: the least bStart among pairs[i..].
  const minStart = new Array<number>(pairs.length + 1).fill(Number.POSITIVE_INFINITY);
  for (let i = pairs.length - 1; i >= 0; i--)
    minStart[i] = Math.min((pairs[i] as { bStart: number }).bStart, minStart[i + 1] as number);
  const out = new Set<Cell>();
  for (const line of block)
    for (const c of line.cells) {
      // The first pair whose a ends after the cell starts.
      let lo = 0;
      let hi = pairs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((pairs[mid] as { aEnd: number }).aEnd > c.x0) hi = mid;
        else lo = mid + 1;
      }
      if ((minStart[lo] as number) < c.x1) out.add(c);
    }
  return out;
}

function lineText(line: Line): string {
  if (!line.columns) return line.cells.map((c) => c.text).join('\t');
  // A one-cell line spanning the table (a title, a note) is written as it is.
  if (line.cells.length === 1 && (line.columns[0] ?? 0) === 0) return (line.cells[0] as Cell).text;
  let s = '';
  let col = 0;
  line.cells.forEach((c, i) => {
    const target = line.columns?.[i] ?? col + 1;
    s += '\t'.repeat(Math.max(0, target - col)) + c.text;
    col = target;
  });
  return s;
}
