/**
 * One shared headless Chromium for the process (PDF and chart rendering).
 *
 * The browser is launched on first use and reused by every render; each render gets its own
 * browser context (no shared cookies, storage or cache) that is offline and whose requests are all
 * aborted unless they are data:, about: or file: URLs or a route the caller serves. Pages must never
 * fetch anything from the network.
 *
 * Lifecycle: call `closeBrowser()` when done (a CLI command, a test's afterAll, a server's onClose).
 * As a safety net the browser is closed after it has been idle for a while (so a forgotten close does
 * not keep the process alive for ever), on `beforeExit`, and — by playwright itself — killed when the
 * process exits or receives SIGINT/SIGTERM/SIGHUP.
 *
 * The executable is `ZHENGWU_CHROMIUM`, else /usr/bin/chromium, else `chromium` on the PATH. Debian's
 * chromium with fonts-wqy-microhei is the supported setup (WenQuanYi Micro Hei gives a correct PDF text
 * layer for Chinese; see pdf/render-pdf.ts).
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';

export const BROWSER_UNAVAILABLE_MESSAGE =
  '找不到 Chromium 浏览器：请安装 Debian 的 chromium 软件包（apt-get install chromium fonts-wqy-microhei），或设置 ZHENGWU_CHROMIUM';

/** Chromium cannot be found or cannot start. The cause (if any) is kept in `cause`. */
export class BrowserUnavailable extends Error {
  constructor(detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${BROWSER_UNAVAILABLE_MESSAGE}（${detail}）` : BROWSER_UNAVAILABLE_MESSAGE, options);
    this.name = 'BrowserUnavailable';
  }
}

/** A render took longer than allowed; the page has been closed. */
export class RenderTimeout extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderTimeout';
  }
}

/** Arguments for a headless Chromium on a machine without network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LAUNCH_TIMEOUT_MS = 30_000;
/** The browser is closed after this long without a render in progress. */
const IDLE_CLOSE_MS = 15_000;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium executable: `ZHENGWU_CHROMIUM` (used as given, even if missing, so a wrong setting is
 * reported rather than silently replaced), else /usr/bin/chromium, else `chromium` on the PATH, else null.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.ZHENGWU_CHROMIUM?.trim();
  if (configured) return configured;
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'chromium');
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

let launching: Promise<Browser> | null = null;
let launches = 0;
let inUse = 0;
let idleTimer: NodeJS.Timeout | null = null;
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // beforeExit runs when the event loop is otherwise empty (e.g. after an idle close was skipped);
  // on 'exit' and on signals playwright kills the browser process itself.
  process.once('beforeExit', () => {
    void closeBrowser();
  });
}

function clearIdleTimer(): void {
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
}

function scheduleIdleClose(): void {
  clearIdleTimer();
  if (inUse > 0 || !launching) return;
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (inUse === 0) void closeBrowser();
  }, IDLE_CLOSE_MS);
}

async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new BrowserUnavailable();
  if (!isExecutable(executablePath)) throw new BrowserUnavailable(executablePath);
  try {
    const browser = await chromium.launch({
      executablePath,
      args: [...CHROMIUM_ARGS],
      headless: true,
      timeout: LAUNCH_TIMEOUT_MS,
    });
    launches += 1;
    return browser;
  } catch (error) {
    const first = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new BrowserUnavailable(`${executablePath}：${first}`, { cause: error });
  }
}

/**
 * The shared browser, launched on first call. Concurrent callers share one launch; a failed launch is
 * not cached (the next call tries again). Throws BrowserUnavailable.
 */
export function getBrowser(): Promise<Browser> {
  clearIdleTimer();
  if (!launching) {
    installExitHook();
    const attempt = launch().then((browser) => {
      browser.on('disconnected', () => {
        if (launching === attempt) launching = null;
      });
      return browser;
    });
    attempt.catch(() => {
      if (launching === attempt) launching = null;
    });
    launching = attempt;
  }
  return launching;
}

/** Closes the shared browser if one is running. Safe to call many times. */
export async function closeBrowser(): Promise<void> {
  clearIdleTimer();
  const current = launching;
  launching = null;
  if (!current) return;
  let browser: Browser;
  try {
    browser = await current;
  } catch {
    return;
  }
  await browser.close().catch(() => undefined);
}

/** Runs fn with the shared browser; the browser stays open for the next caller. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  inUse += 1;
  try {
    const browser = await getBrowser();
    return await fn(browser);
  } finally {
    inUse -= 1;
    scheduleIdleClose();
  }
}

/** How many times this process launched Chromium, and whether one is running now. */
export function browserStats(): { launches: number; running: boolean } {
  return { launches, running: launching !== null };
}

function allowedWithoutNetwork(url: string): boolean {
  return url.startsWith('data:') || url.startsWith('about:') || url.startsWith('file:');
}

/**
 * A fresh, offline context in the shared browser: every request that is not data:/about:/file: is
 * aborted (service workers blocked too). Routes added later by the caller take precedence, so a caller
 * can serve its own URLs with `context.route(...)`.
 */
export async function newOfflineContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...options,
    offline: true,
    serviceWorkers: 'block',
    acceptDownloads: false,
  });
  await context.route('**/*', (route) => {
    if (allowedWithoutNetwork(route.request().url())) return route.fallback();
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (ws) => {
    void ws.close({ code: 1008, reason: 'offline' });
  });
  return context;
}

/**
 * Runs fn in a fresh offline context of the shared browser, closing the context afterwards. If fn takes
 * longer than timeoutMs the context is closed and RenderTimeout(timeoutMessage) is thrown.
 */
export async function withOfflineContext<T>(
  contextOptions: BrowserContextOptions,
  timeoutMs: number,
  timeoutMessage: string,
  fn: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  return withBrowser(async (browser) => {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new RenderTimeout(timeoutMessage));
      }, timeoutMs);
    });
    const opened = newOfflineContext(browser, contextOptions);
    const work = opened.then(fn);
    // When the timeout wins, closing the context makes the pending work reject; that rejection is ignored.
    work.catch(() => undefined);
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      const closed = opened.then((context) => context.close()).catch(() => undefined);
      // After a timeout, do not wait: the context may still be opening; it is closed once it is open.
      if (!timedOut) await closed;
    }
  });
}
