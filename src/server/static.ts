/**
 * The web UI (web/, built by Vite into dist/web): hashed files under /assets/ with a year's cache, every
 * other GET path that is not /api/… answered with index.html (no-store) so the single-page app's routes
 * work on reload. Without a build, the plain home page (home-page.ts) stands in.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../services/services.ts';
import { notFoundHandler } from './errors.ts';
import { homePage } from './home-page.ts';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file inside `root` named by a URL path, or null (outside the root, missing, or a directory). */
async function fileIn(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = normalize(join(root, decoded));
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

export function registerWebUi(app: FastifyInstance, services: Services, root: string = WEB_DIST): void {
  let index: Buffer | null = null;
  const indexHtml = async (): Promise<Buffer | null> => {
    if (index) return index;
    try {
      index = await readFile(join(root, 'index.html'));
    } catch {
      return null;
    }
    return index;
  };

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = (request.url.split('?')[0] ?? '/').replace(/\/{2,}/g, '/');
    if (path === '/api' || path.startsWith('/api/')) return notFoundHandler(request, reply);
    const file = path === '/' ? null : await fileIn(root, path);
    if (file && !file.endsWith(`${sep}index.html`)) {
      const hashed = path.startsWith('/assets/');
      return reply
        .type(TYPES[extname(file)] ?? 'application/octet-stream')
        .header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
        .send(await readFile(file));
    }
    if (path.startsWith('/assets/')) return notFoundHandler(request, reply);
    const html = await indexHtml();
    reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store');
    return reply.send(html ?? (await homePage(services)));
  };
  app.get('/', serve);
  app.get('/*', serve);
}
