/**
 * The web UI's weight: builds dist/web (production, with Vite's manifest) and measures, for every page (a
 * lazy chunk under web/src/pages), the gzip -9 size of the JavaScript it loads: the entry every page
 * loads, and the page's own chunks (its chunk and the shared chunks it imports that the entry does not
 * hold). The baseline is the entry: a page's ratio says how much heavier it is than the app's shell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'dist/web-bench');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageSize {
  page: string;
  ownKb: number;
  totalKb: number;
}

function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const i of manifest[key]?.imports ?? []) closure(manifest, i, seen);
  return seen;
}

export async function benchWebSize(): Promise<{ entryKb: number; pages: PageSize[] }> {
  const vite = await import('vite');
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: OUT, emptyOutDir: true, manifest: true },
    });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
  const manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8')) as Manifest;
  const gz = new Map<string, number>();
  const size = (key: string) => {
    const file = manifest[key]?.file;
    if (!file?.endsWith('.js')) return 0;
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(OUT, file)), { level: 9 }).byteLength);
    return gz.get(file) ?? 0;
  };
  const kb = (keys: Iterable<string>) => [...keys].reduce((n, k) => n + size(k), 0) / 1024;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error('Vite 清单中没有入口');
  const entry = closure(manifest, entryKey);
  const entryKb = kb(entry);
  const pages = Object.keys(manifest)
    .filter((k) => manifest[k]?.isDynamicEntry && manifest[k]?.src?.includes('/pages/'))
    .map((k) => {
      const own = [...closure(manifest, k)].filter((c) => !entry.has(c));
      const ownKb = kb(own);
      return {
        page: (manifest[k]?.src ?? k).replace(/^.*\/pages\//, '').replace(/\.tsx$/, ''),
        ownKb,
        totalKb: entryKb + ownKb,
      };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
  return { entryKb, pages };
}

export function formatWebSizeSection(r: Awaited<ReturnType<typeof benchWebSize>>): string {
  const f = (x: number) => x.toFixed(1);
  return [
    '## Web UI: JavaScript per page (gzip -9)',
    '',
    'Measured by `bench/web-size.ts`: a production `vite build` with its manifest; for each lazily loaded page',
    "(web/src/pages), the entry every page loads plus the page's own chunks (its chunk and the shared chunks it",
    "imports that the entry does not hold), each gzipped at level 9. Shared chunks (ECharts, antd's Table …) count in",
    'every page that imports them; a visitor moving between pages loads them once. Ratio: total against the entry.',
    '',
    '| page | own JS (KB gz) | total with the entry (KB gz) | ratio to the entry |',
    '|---|---:|---:|---:|',
    `| entry (every page) | — | ${f(r.entryKb)} | 1.0× |`,
    ...r.pages.map(
      (p) => `| ${p.page} | ${f(p.ownKb)} | ${f(p.totalKb)} | ${(p.totalKb / r.entryKb).toFixed(1)}× |`,
    ),
    '',
  ].join('\n');
}
