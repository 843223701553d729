/**
 * A government web page → the plain text the text importer reads: the main text and
 * its tables, without the site around them.
 *
 * Left out: nav, header, footer, aside, form and menu elements, and any element whose
 * class or id names navigation, a menu, a header or footer, a breadcrumb, a sidebar,
 * share buttons or the copyright notice; hidden elements; scripts, styles, iframes,
 * noscript; images give no text. Three guards keep the document itself:
 * - a header or footer inside <article> or <main> belongs to the article and stays;
 * - an element matched by those rules that holds running text (three sentences or
 *   more, as a page-wide <form> of ASP.NET sites or a mislabelled wrapper does) is kept,
 *   and the rules apply inside it;
 * - a document title (a heading h1–h3 naming a year and 预算/决算) inside a removed
 *   element is kept.
 */
import { type HtmlElement, type HtmlNode, htmlToLines, parseHtml, textOf } from './html-lines.ts';

/** Never text of the document, wherever they are. */
const ALWAYS_DROP = new Set(['script', 'style', 'iframe', 'noscript', 'template', 'object', 'embed']);
/** The site around the document. */
const SITE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);
const SITE_NAMES = /nav|menu|header|footer|breadcrumb|sidebar|share|copyright/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const TITLE_HEADINGS = new Set(['h1', 'h2', 'h3']);
const DOCUMENT_TITLE = /(?:19|20)\d{2}\s*年.*(?:预算|决算)/;

function isHidden(e: HtmlElement): boolean {
  return e.attrs.has('hidden') || HIDDEN_STYLE.test(e.attrs.get('style') ?? '');
}

function isSiteChrome(e: HtmlElement, inArticle: boolean): boolean {
  if (SITE_TAGS.has(e.name)) return !(inArticle && (e.name === 'header' || e.name === 'footer'));
  return SITE_NAMES.test(e.attrs.get('class') ?? '') || SITE_NAMES.test(e.attrs.get('id') ?? '');
}

/** Running text: three sentences or more. Menus, breadcrumbs and footers are lists of short words. */
function holdsRunningText(e: HtmlElement): boolean {
  let stops = 0;
  for (const ch of textOf(e)) if (ch === '。' && ++stops >= 3) return true;
  return false;
}

/** The document-title headings inside an element being removed. */
function titleHeadings(e: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (const c of e.children) {
    if (c.type !== 'element' || ALWAYS_DROP.has(c.name)) continue;
    if (TITLE_HEADINGS.has(c.name) && DOCUMENT_TITLE.test(textOf(c))) out.push(c);
    else out.push(...titleHeadings(c));
  }
  return out;
}

/** Removes the site around the document from the tree, in place. */
function strip(e: HtmlElement, inArticle: boolean): void {
  const kept: HtmlNode[] = [];
  for (const c of e.children) {
    if (c.type === 'text') {
      kept.push(c);
      continue;
    }
    if (ALWAYS_DROP.has(c.name) || isHidden(c)) continue;
    if (isSiteChrome(c, inArticle) && !holdsRunningText(c)) {
      kept.push(...titleHeadings(c));
      continue;
    }
    strip(c, inArticle || c.name === 'article' || c.name === 'main');
    kept.push(c);
  }
  e.children = kept;
}

export function extractHtmlText(html: string): string {
  const root = parseHtml(html);
  strip(root, false);
  return htmlToLines(root).join('\n');
}

const GB_LABEL = /^(?:gb|x-gbk|cp936|ms936|windows-936|chinese|csgb|csiso58|iso-ir-58|euc-cn|x-euc-cn)/i;

/** The charset a page declares in its first bytes (<meta charset>, http-equiv Content-Type, <?xml encoding>). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 4096));
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return (meta[1] as string).toLowerCase();
  const xml = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml ? (xml[1] as string).toLowerCase() : null;
}

/**
 * A page's bytes → its text. A byte-order mark wins; then the declared charset
 * (gb2312/gbk/gb18030 are read as GB18030, their superset); otherwise UTF-8, and a page
 * that declares nothing and is not valid UTF-8 is read as GB18030.
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const charset = declaredCharset(bytes);
  if (charset && GB_LABEL.test(charset)) return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(charset === 'utf-8' || charset === 'utf8' ? 'utf-8' : 'gb18030').decode(bytes);
  }
}
