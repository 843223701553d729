/**
 * Escaping for the HTML renderer: every string that reaches the page goes through one of these.
 */

export { escapeHtml } from '../../core/text/escape-html.ts';

/**
 * JSON for an inline <script>: `<`, `>` and `&` as \u escapes (so no `</script>` or `<!--` can
 * appear), and U+2028/U+2029 escaped (line terminators in older JavaScript string literals).
 */
export function scriptJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null')
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** Whether a string is a data: URI of a raster or SVG image (the only image sources the renderer writes). */
export function isImageDataUri(s: string): boolean {
  return /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]*$/.test(s);
}
