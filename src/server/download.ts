/**
 * File downloads, in one place: the content type of each format, the attachment name (an ASCII fallback
 * and the UTF-8 name, RFC 6266 / 5987), the cache policy, and the SHA-256 as ETag where the bytes are fixed.
 */
import type { FastifyReply } from 'fastify';

export const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/** immutable: a published version's bytes; public: the latest, which a correction may replace; none: now. */
export type Cache = 'immutable' | 'public' | 'none';

const CACHE_CONTROL: Record<Cache, string> = {
  immutable: 'public, max-age=31536000, immutable',
  public: 'public, max-age=60',
  none: 'no-store',
};

/** Sends bytes as a download: an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function sendFile(
  reply: FastifyReply,
  bytes: Uint8Array,
  options: { format: string; fileName: string; sha256?: string; cache: Cache },
): FastifyReply {
  const ascii = options.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  reply
    .header('Content-Type', CONTENT_TYPES[options.format] ?? 'application/octet-stream')
    .header(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(options.fileName)}`,
    )
    .header('Cache-Control', CACHE_CONTROL[options.cache]);
  if (options.sha256) reply.header('ETag', `"${options.sha256}"`).header('X-Content-SHA256', options.sha256);
  // A published HTML file is a document to download, never a page of this site.
  if (options.format === 'html')
    reply.header(
      'Content-Security-Policy',
      "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    );
  return reply.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
