/**
 * Builds the web UI (vite.config.ts → dist/web) when the build is missing or older than its sources, so
 * `npm ci && npm start` on a fresh clone serves the UI. Vite is a dev dependency: without it (a production
 * install), the server serves what is there or the plain home page.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIST } from './static.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = ['web/src', 'web/index.html', 'vite.config.ts', 'src/core', 'package-lock.json'];

async function newestMtime(path: string): Promise<number> {
  let s: Awaited<ReturnType<typeof stat>>;
  try {
    s = await stat(path);
  } catch {
    return 0;
  }
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

/** Whether dist/web is missing or older than any of its sources. */
export async function webBuildStale(): Promise<boolean> {
  const built = await newestMtime(join(WEB_DIST, 'index.html'));
  if (!built) return true;
  for (const s of SOURCES) if ((await newestMtime(join(ROOT, s))) > built) return true;
  return false;
}

/** Runs `vite build` in-process when the build is stale; returns whether it built. */
export async function ensureWebBuild(progress: (message: string) => void = () => {}): Promise<boolean> {
  if (!(await webBuildStale())) return false;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    progress('（未安装 Vite，无法生成网页界面；将显示简易首页。）');
    return false;
  }
  progress('正在生成网页界面（vite build）……');
  // A production build whatever the caller's NODE_ENV (vitest sets "test", which would bundle React's
  // development build).
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
  return true;
}
