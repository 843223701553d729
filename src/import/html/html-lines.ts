/**
 * A small, strict HTML reader shared by the DOCX importer (mammoth's HTML) and the
 * HTML importer: HTML → a tree → the plain-text lines the text importer reads.
 *
 * - Block elements (p, div, h1–h6, li, …) become lines; `<br>` breaks a line; white space
 *   collapses as a browser would (a line break between two Chinese characters disappears).
 * - A `<table>` becomes one line per row with its cells joined by a TAB. A merged cell
 *   (colspan/rowspan) gives its value once, in the first position of the merge, and empty
 *   strings for the rest, so positions stay aligned. A row made of one cell spanning the
 *   whole table (a title or "单位：万元" inside the table) becomes a plain line; a row of
 *   words holding a 单位 statement is split into one line per cell.
 * - A table holding another table, or only one column, is a layout table: its cells are
 *   read as blocks, not as a row.
 * - Entities are decoded; head, script, style, template, title and noscript are dropped;
 *   images and form controls give no text. Comments, doctypes, processing instructions
 *   and server-side template debris (`<% … %>`) are skipped.
 *
 * The tree builder knows the HTML rules that matter for text (void elements, raw-text
 * elements, implied ends of p/li/dt/dd/tr/td/th/thead/tbody/tfoot, end tags that
 * cannot close across a table cell) and no more. A `/>` closes any element; the tree is at
 * most 256 elements deep.
 */

export interface HtmlElement {
  type: 'element';
  /** Lower case. */
  name: string;
  /** Attribute names in lower case, values with entities decoded. */
  attrs: ReadonlyMap<string, string>;
  children: HtmlNode[];
}

export interface HtmlText {
  type: 'text';
  /** Entities decoded, white space as written. */
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content is text up to their end tag; true: entities are decoded in it. */
const RAW_TEXT = new Map<string, boolean>([
  ['script', false],
  ['style', false],
  ['xmp', false],
  ['iframe', false],
  ['noembed', false],
  ['noframes', false],
  ['textarea', true],
  ['title', true],
]);

/** Start tags that close an open <p>. */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dd',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
  'xmp',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
/** What may stay open inside <head>; any other start tag ends the head. */
const HEAD_CONTENT = new Set(['base', 'link', 'meta', 'noscript', 'script', 'style', 'template', 'title']);

/** Elements that start and end a line. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'option',
  'p',
  'section',
  'summary',
  'td',
  'th',
  'tr',
  'ul',
  'xmp',
]);

/** Elements whose content is never text of the document. */
const DROPPED = new Set([
  'head',
  'script',
  'style',
  'template',
  'title',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'object',
  'svg',
  'math',
  'select',
  'textarea',
  'button',
]);

// ---------------------------------------------------------------------------------------------
// Entities

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0',
    ensp: '\u2002',
    emsp: '\u2003',
    thinsp: '\u2009',
    zwnj: '\u200c',
    zwj: '\u200d',
    lrm: '\u200e',
    rlm: '\u200f',
    shy: '\u00ad',
    ldquo: '“',
    rdquo: '”',
    lsquo: '‘',
    rsquo: '’',
    sbquo: '‚',
    bdquo: '„',
    laquo: '«',
    raquo: '»',
    lsaquo: '‹',
    rsaquo: '›',
    mdash: '—',
    ndash: '–',
    minus: '−',
    hellip: '…',
    middot: '·',
    bull: '•',
    deg: '°',
    plusmn: '±',
    times: '×',
    divide: '÷',
    permil: '‰',
    prime: '′',
    Prime: '″',
    sect: '§',
    para: '¶',
    copy: '©',
    reg: '®',
    trade: '™',
    yen: '¥',
    cent: '¢',
    pound: '£',
    euro: '€',
    curren: '¤',
    micro: 'µ',
    frac14: '¼',
    frac12: '½',
    frac34: '¾',
    sup1: '¹',
    sup2: '²',
    sup3: '³',
    larr: '←',
    rarr: '→',
    uarr: '↑',
    darr: '↓',
    harr: '↔',
    le: '≤',
    ge: '≥',
    ne: '≠',
    asymp: '≈',
    infin: '∞',
    radic: '√',
    sum: '∑',
    alpha: 'α',
    beta: 'β',
    gamma: 'γ',
    delta: 'δ',
    mu: 'μ',
    pi: 'π',
    sigma: 'σ',
    iexcl: '¡',
    iquest: '¿',
    ordf: 'ª',
    ordm: 'º',
    acute: '´',
    uml: '¨',
    macr: '¯',
    cedil: '¸',
    brvbar: '¦',
    not: '¬',
    loz: '◊',
    spades: '♠',
    clubs: '♣',
    hearts: '♥',
    diams: '♦',
    check: '✓',
    cross: '✗',
    star: '☆',
    starf: '★',
  }),
);

/** Entities a browser accepts without the semicolon (the common ones). */
const LEGACY_NO_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

/** Numeric references to C1 controls mean windows-1252 characters (HTML's rule). */
const WINDOWS_1252: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};

const ENTITY_RE = /&(?:#[xX]([0-9a-fA-F]{1,8});?|#(\d{1,10});?|([a-zA-Z][a-zA-Z0-9]{1,31})(;?))/g;

function fromCodePoint(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(WINDOWS_1252[cp] ?? cp);
}

/** Decodes character references: numeric ones and the named entities in use on Chinese pages. Unknown names stay. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_RE, (whole, hex?: string, dec?: string, name?: string, semi?: string) => {
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    if (dec !== undefined) return fromCodePoint(Number(dec));
    if (name === undefined) return whole;
    const value = NAMED_ENTITIES.get(name);
    if (value === undefined) return whole;
    if (semi === ';' || LEGACY_NO_SEMICOLON.has(name)) return value;
    return whole;
  });
}

// ---------------------------------------------------------------------------------------------
// Parsing

function element(name: string, attrs: ReadonlyMap<string, string> = new Map()): HtmlElement {
  return { type: 'element', name, attrs, children: [] };
}

const TAG_NAME = /[a-zA-Z][^\s/>]*/y;
const ATTR_NAME = /[^\s/>=][^\s/>=]*/y;
const UNQUOTED = /[^\s>]*/y;
const SPACES = /[\s/]*/y;
const END_TAG = /<\/([a-zA-Z][^\s/>]*)[^>]*>/y;

/** Parses a document or fragment into a tree under a root element named "#root". */
export function parseHtml(html: string): HtmlElement {
  const root = element('#root');
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1] as HtmlElement;
  const n = html.length;

  const addText = (text: string) => {
    if (!text) return;
    // Text in <head> ends it, as a browser does.
    if (top().name === 'head' && text.trim()) stack.pop();
    const parent = top();
    const last = parent.children[parent.children.length - 1];
    if (last?.type === 'text') last.text += text;
    else parent.children.push({ type: 'text', text });
  };

  /** Index in the stack of the nearest open `names`, not looking past `boundaries`; -1 if none. */
  const findOpen = (names: ReadonlySet<string> | string, boundaries: ReadonlySet<string>): number => {
    for (let k = stack.length - 1; k > 0; k--) {
      const name = (stack[k] as HtmlElement).name;
      if (typeof names === 'string' ? name === names : names.has(name)) return k;
      if (boundaries.has(name)) return -1;
    }
    return -1;
  };
  const popTo = (k: number) => {
    if (k > 0) stack.length = k;
  };

  const impliedEnds = (name: string) => {
    if (top().name === 'head' && !HEAD_CONTENT.has(name)) stack.pop();
    if (CLOSES_P.has(name)) popTo(findOpen('p', P_SCOPE));
    if (name === 'li') popTo(findOpen('li', LI_SCOPE));
    if (name === 'dt' || name === 'dd') popTo(findOpen(DT_DD, DL_SCOPE));
    if (HEADINGS.has(name) && HEADINGS.has(top().name)) stack.pop();
    if (name === 'option' && top().name === 'option') stack.pop();
    if (name === 'tr') popTo(findOpen('tr', TABLE_SECTION_SCOPE));
    if (name === 'td' || name === 'th') popTo(findOpen(CELLS, ROW_SCOPE));
    if (TABLE_SECTIONS.has(name)) popTo(findOpen(TABLE_SECTIONS, TABLE_SCOPE));
  };

  const closeTag = (name: string) => {
    if (name === 'br') {
      top().children.push(element('br'));
      return;
    }
    if (name === 'html' || name === 'body') return;
    popTo(findOpen(name, endTagScope(name)));
  };

  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      addText(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) addText(decodeEntities(html.slice(i, lt)));
    i = lt;
    const next = html[i + 1] ?? '';
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', i)) {
      const end = html.indexOf(']]>', i + 9);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', i + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (next === '%') {
      // Server-side template code (JSP, ASP) left in a saved page.
      const end = html.indexOf('%>', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (next === '/') {
      END_TAG.lastIndex = i;
      const m = END_TAG.exec(html);
      if (m) {
        closeTag((m[1] as string).toLowerCase());
        i = END_TAG.lastIndex;
      } else {
        // "</>" is nothing; "</ …>" is a bogus comment.
        const end = html.indexOf('>', i + 2);
        i = end < 0 ? n : end + 1;
      }
      continue;
    }
    TAG_NAME.lastIndex = i + 1;
    const nameMatch = TAG_NAME.exec(html);
    if (!nameMatch) {
      addText('<');
      i++;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const tag = readAttributes(html, TAG_NAME.lastIndex);
    if (!tag) break; // a tag cut off by the end of the file is dropped
    i = tag.end;
    impliedEnds(name);
    const e = element(name, tag.attrs);
    top().children.push(e);
    if (VOID.has(name) || tag.selfClosing) continue;
    const raw = RAW_TEXT.get(name);
    if (raw !== undefined) {
      const close = new RegExp(`</${name}(?=[\\s/>])[^>]*>`, 'ig');
      close.lastIndex = i;
      const m = close.exec(html);
      const content = html.slice(i, m ? m.index : n);
      if (content) e.children.push({ type: 'text', text: raw ? decodeEntities(content) : content });
      i = m ? close.lastIndex : n;
      continue;
    }
    if (name === 'plaintext') {
      e.children.push({ type: 'text', text: html.slice(i) });
      break;
    }
    // Unclosed inline tags (a <font> per paragraph) would nest without end: past this depth
    // elements are kept but not opened, as browsers cap the tree's depth.
    if (stack.length < MAX_DEPTH) stack.push(e);
  }
  return root;
}

const MAX_DEPTH = 256;
const NO_SCOPE = new Set<string>();
const P_SCOPE = new Set(['table', 'td', 'th', 'caption', 'template', 'html', 'button', 'object']);
const LI_SCOPE = new Set([...P_SCOPE, 'ul', 'ol']);
const DL_SCOPE = new Set([...P_SCOPE, 'dl']);
const DT_DD = new Set(['dt', 'dd']);
const CELLS = new Set(['td', 'th']);
const TABLE_SCOPE = new Set(['table', 'template', 'html']);
const ROW_SCOPE = new Set([...TABLE_SCOPE, 'tr']);
const TABLE_SECTION_SCOPE = new Set([...TABLE_SCOPE, 'thead', 'tbody', 'tfoot']);
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'caption']);

/** How far up an end tag may look for its element. */
function endTagScope(name: string): ReadonlySet<string> {
  if (name === 'table') return NO_SCOPE;
  if (TABLE_PARTS.has(name)) return TABLE_SCOPE;
  if (name === 'li') return LI_SCOPE;
  if (name === 'dt' || name === 'dd') return DL_SCOPE;
  return P_SCOPE;
}

function readAttributes(
  html: string,
  from: number,
): { attrs: Map<string, string>; selfClosing: boolean; end: number } | null {
  const attrs = new Map<string, string>();
  let i = from;
  const n = html.length;
  while (i < n) {
    // White space and stray slashes between attributes; "/>" closes the element.
    SPACES.lastIndex = i;
    SPACES.exec(html);
    const skipped = SPACES.lastIndex;
    if (html[skipped] === '>') {
      return { attrs, selfClosing: skipped > i && html[skipped - 1] === '/', end: skipped + 1 };
    }
    i = skipped;
    if (i >= n) return null;
    ATTR_NAME.lastIndex = i;
    const nm = ATTR_NAME.exec(html);
    if (!nm) {
      i++; // a lone "=": skip it
      continue;
    }
    const name = nm[0].toLowerCase();
    i = ATTR_NAME.lastIndex;
    let j = i;
    while (j < n && /\s/.test(html[j] as string)) j++;
    let value = '';
    if (html[j] === '=') {
      j++;
      while (j < n && /\s/.test(html[j] as string)) j++;
      const q = html[j];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, j + 1);
        if (close < 0) return null;
        value = html.slice(j + 1, close);
        i = close + 1;
      } else {
        UNQUOTED.lastIndex = j;
        value = (UNQUOTED.exec(html) as RegExpExecArray)[0];
        i = UNQUOTED.lastIndex;
      }
    }
    if (!attrs.has(name)) attrs.set(name, decodeEntities(value));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Han characters and the full-width punctuation between which a line break means nothing. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u{20000}-\u{3134f}]/u;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * White space as a browser shows it: runs of spaces, tabs and line breaks become one
 * space, and a run holding a line break between two Chinese characters disappears.
 */
export function collapseSpace(text: string): string {
  return text
    .replace(/[ \t\n\r\f]+/g, (run, at: number, s: string) =>
      /[\n\r]/.test(run) && isCjk(s[at - 1]) && isCjk(s[at + run.length]) ? '' : ' ',
    )
    .trim();
}

/** Joins wrapped pieces of one cell or line: nothing between Chinese characters, a space otherwise. */
export function joinWrapped(pieces: readonly string[]): string {
  let out = '';
  for (const raw of pieces) {
    const p = raw.trim();
    if (!p) continue;
    if (out) {
      const before = Array.from(out.slice(-2)).at(-1);
      const after = String.fromCodePoint(p.codePointAt(0) as number);
      if (!(isCjk(before) && isCjk(after))) out += ' ';
    }
    out += p;
  }
  return out;
}

/** The text of an element as one line (for tests of headings, class rules, …). */
export function textOf(node: HtmlNode): string {
  if (node.type === 'text') return node.text;
  if (DROPPED.has(node.name)) return '';
  if (node.name === 'br') return '\n';
  return node.children.map(textOf).join('');
}

class LineWriter {
  readonly lines: string[] = [];
  private buf = '';

  text(s: string): void {
    this.buf += s;
  }

  /** The end of a block: the line so far, if any. */
  endBlock(): void {
    const t = collapseSpace(this.buf);
    this.buf = '';
    if (t) this.lines.push(t);
  }

  /** A <br>: the line so far, even when empty (two <br> make a blank line). */
  lineBreak(): void {
    const t = collapseSpace(this.buf);
    this.buf = '';
    if (t || this.lines.at(-1) !== '') this.lines.push(t);
  }

  /** A line as it is (table rows, preformatted text). */
  raw(line: string): void {
    this.endBlock();
    if (line || this.lines.at(-1) !== '') this.lines.push(line);
  }

  finish(): string[] {
    this.endBlock();
    let a = 0;
    let b = this.lines.length;
    while (a < b && this.lines[a] === '') a++;
    while (b > a && this.lines[b - 1] === '') b--;
    return this.lines.slice(a, b);
  }
}

function render(node: HtmlNode, w: LineWriter): void {
  if (node.type === 'text') {
    w.text(node.text);
    return;
  }
  const name = node.name;
  if (DROPPED.has(name)) return;
  if (name === 'br') {
    w.lineBreak();
    return;
  }
  if (name === 'table') {
    w.endBlock();
    renderTable(node, w);
    w.endBlock();
    return;
  }
  if (name === 'pre' || name === 'plaintext') {
    w.endBlock();
    const text = textOf(node).replace(/\r\n?/g, '\n').replace(/^\n/, '');
    for (const line of text.split('\n')) w.raw(line.replace(/\s+$/, ''));
    return;
  }
  const block = BLOCK.has(name);
  if (block) w.endBlock();
  for (const c of node.children) render(c, w);
  if (block) w.endBlock();
}

/** Lines of the children of `node`, read on their own (a table cell). */
function linesOf(nodes: readonly HtmlNode[]): string[] {
  const w = new LineWriter();
  for (const c of nodes) render(c, w);
  return w.finish();
}

function hasDescendant(node: HtmlElement, name: string): boolean {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    if (c.name === name || hasDescendant(c, name)) return true;
  }
  return false;
}

interface TableParts {
  captions: HtmlElement[];
  rows: HtmlElement[];
  /** Content misplaced between rows (a browser shows it before the table). */
  stray: HtmlNode[];
}

function tableParts(table: HtmlElement): TableParts {
  const parts: TableParts = { captions: [], rows: [], stray: [] };
  const head: HtmlElement[] = [];
  const foot: HtmlElement[] = [];
  const body: HtmlElement[] = [];
  const take = (nodes: readonly HtmlNode[], into: HtmlElement[]) => {
    for (const c of nodes) {
      if (c.type === 'text') {
        if (c.text.trim()) parts.stray.push(c);
      } else if (c.name === 'tr') into.push(c);
      else if (c.name === 'caption') parts.captions.push(c);
      else if (c.name === 'thead') take(c.children, head);
      else if (c.name === 'tfoot') take(c.children, foot);
      else if (c.name === 'tbody') take(c.children, body);
      else if (c.name !== 'colgroup' && c.name !== 'col') parts.stray.push(c);
    }
  };
  take(table.children, body);
  parts.rows = [...head, ...body, ...foot];
  return parts;
}

function cellsOf(row: HtmlElement, stray: HtmlNode[]): HtmlElement[] {
  const cells: HtmlElement[] = [];
  for (const c of row.children) {
    if (c.type === 'element' && (c.name === 'td' || c.name === 'th')) cells.push(c);
    else if (c.type === 'element' || c.text.trim()) stray.push(c);
  }
  return cells;
}

function span(e: HtmlElement, attr: string, max: number): number {
  const v = Number.parseInt(e.attrs.get(attr) ?? '', 10);
  return Number.isFinite(v) && v >= 1 ? Math.min(v, max) : 1;
}

const UNIT_CELL = /单位\s*[:：]?\s*(?:亿元|万元|元)/;
const NUMBER_CELL = /^[-+(]?[\d,]+(?:\.\d+)?\)?%?$/;

function renderTable(table: HtmlElement, w: LineWriter): void {
  const parts = tableParts(table);
  for (const c of parts.captions) for (const line of linesOf(c.children)) w.raw(line);
  const rowCells = parts.rows.map((r) => cellsOf(r, parts.stray));
  for (const line of linesOf(parts.stray)) w.raw(line);
  const width = rowCells.reduce(
    (max, cells) =>
      Math.max(
        max,
        cells.reduce((s, c) => s + span(c, 'colspan', 1000), 0),
      ),
    0,
  );
  if (width <= 1 || hasDescendant(table, 'table')) {
    // A layout table: the cells are blocks of the page.
    for (const cells of rowCells)
      for (const cell of cells) {
        render(cell, w);
        w.endBlock();
      }
    return;
  }
  // Rows still covered by a rowspan from above, per column.
  const covered: number[] = [];
  rowCells.forEach((cells, r) => {
    const out: string[] = [];
    const rowsLeft = rowCells.length - r;
    const taken = covered.map((c) => c > 0);
    for (let k = 0; k < covered.length; k++)
      if ((covered[k] as number) > 0) covered[k] = (covered[k] as number) - 1;
    let col = 0;
    const skipCovered = () => {
      while (taken[col]) out[col++] = '';
    };
    for (const cell of cells) {
      skipCovered();
      const colspan = span(cell, 'colspan', 1000);
      const rowspanAttr = cell.attrs.get('rowspan');
      // rowspan="0" spans the rest of the table.
      const rowspan = rowspanAttr?.trim() === '0' ? rowsLeft : span(cell, 'rowspan', 65534);
      out[col] = joinWrapped(linesOf(cell.children)).replace(/\t/g, ' ');
      for (let k = 1; k < colspan; k++) out[col + k] = '';
      if (rowspan > 1)
        for (let k = 0; k < colspan; k++) covered[col + k] = Math.max(covered[col + k] ?? 0, rowspan - 1);
      col += colspan;
    }
    skipCovered();
    for (let k = 0; k < out.length; k++) out[k] ??= '';
    const filled = out.filter((t) => t !== '');
    if (filled.length === 0) return;
    const fullWidth =
      cells.length === 1 && taken.every((t) => !t) && span(cells[0] as HtmlElement, 'colspan', 1000) >= width;
    if (fullWidth) {
      w.raw(filled[0] as string);
      return;
    }
    if (filled.some((t) => UNIT_CELL.test(t)) && !filled.some((t) => NUMBER_CELL.test(t))) {
      // "2024年部门支出总表 … 单位：万元" in one row: a title line and a unit line.
      for (const t of filled) w.raw(t);
      return;
    }
    w.raw(out.join('\t'));
  });
}

/** The lines of a document or fragment (or of a parsed tree). */
export function htmlToLines(input: string | HtmlElement): string[] {
  const root = typeof input === 'string' ? parseHtml(input) : input;
  const w = new LineWriter();
  render(root, w);
  return w.finish();
}
