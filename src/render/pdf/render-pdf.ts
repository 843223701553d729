/**
 * HTML → PDF through the shared headless Chromium (../browser.ts).
 *
 * The page is loaded with scripts disabled and without network: the HTML must be self-contained
 * (inline styles, data: images, inline SVG charts from charts/render-chart.ts `svgChart`).
 *
 * Fonts: for print, every element is set in WenQuanYi Micro Hei. Noto Sans/Serif CJK map some
 * ideographs to the CJK radical code points (U+2E80–U+2FDF) in the PDF's text layer, so copying or
 * extracting the text gives look-alike characters that do not search or compare; WenQuanYi does not.
 */
import { withOfflineContext } from '../browser.ts';

export interface RenderPdfOptions {
  /** The PDF's title (document information). Default: the HTML's own <title>. */
  title?: string;
  /** Default 60 000 ms. */
  timeoutMs?: number;
}

export const PDF_FONT_FAMILY = '"WenQuanYi Micro Hei", sans-serif';
const PDF_MONO_FONT_FAMILY = '"WenQuanYi Micro Hei Mono", "WenQuanYi Micro Hei", monospace';
const DEFAULT_TIMEOUT_MS = 60_000;

/** Puts WenQuanYi Micro Hei first for every element when printing. */
export const PRINT_FONT_CSS = `@media print {
  *, *::before, *::after { font-family: ${PDF_FONT_FAMILY} !important; }
  code, kbd, pre, samp, tt, code *, pre * { font-family: ${PDF_MONO_FONT_FAMILY} !important; }
}`;

const HEADER_TEMPLATE = '<span></span>';
// Header and footer templates have no page styles: font and size must be set here (the default size is 0).
const FOOTER_TEMPLATE = `<div style="width: 100%; font-size: 9px; color: #555; text-align: center; font-family: ${PDF_FONT_FAMILY.replace(/"/g, "'")};">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`;

/**
 * In the page (plain JavaScript: see charts/render-chart.ts on why): adds the print font stylesheet
 * and sets the title. Argument: { css, title }.
 */
const PREPARE_PAGE = `({ css, title }) => {
  const style = document.createElement('style');
  style.textContent = css;
  (document.head || document.documentElement).append(style);
  if (title !== null) document.title = title;
}`;

/**
 * Renders self-contained HTML to an A4 PDF (margins 20 mm top/bottom, 15 mm left/right, backgrounds
 * printed, "第 N 页 / 共 M 页" in the footer, headings as the outline).
 * Throws BrowserUnavailable or RenderTimeout (both from ../browser.ts).
 */
export async function renderPdf(html: string, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const seconds = Math.round(timeoutMs / 1000);
  const message = `生成 PDF 超时：${seconds > 0 ? `${seconds} 秒` : `${timeoutMs} 毫秒`}内未完成，请检查文档是否过大或过于复杂`;
  const bytes = await withOfflineContext(
    { javaScriptEnabled: false },
    timeoutMs,
    message,
    async (context) => {
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      await page.setContent(html, { waitUntil: 'load' });
      // page.addStyleTag waits for page scripts, which are disabled: add the style element directly.
      const arg = JSON.stringify({ css: PRINT_FONT_CSS, title: options.title ?? null });
      await page.evaluate(`(${PREPARE_PAGE})(${arg})`);
      return page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
        displayHeaderFooter: true,
        headerTemplate: HEADER_TEMPLATE,
        footerTemplate: FOOTER_TEMPLATE,
        outline: true,
        tagged: true,
      });
    },
  );
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
