import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ZhengwuError } from '../core/errors.ts';
import {
  BROWSER_UNAVAILABLE_MESSAGE,
  BrowserUnavailable,
  browserStats,
  closeBrowser,
  findChromium,
  getBrowser,
  withBrowser,
} from './browser.ts';
import { renderChartPng } from './charts/render-chart.ts';
import { renderPdf } from './pdf/render-pdf.ts';

const hasChromium = findChromium() !== null;
const suite = hasChromium
  ? 'the shared browser (headless Chromium)'
  : 'the shared browser — skipped: no Chromium at /usr/bin/chromium (apt-get install chromium fonts-wqy-microhei, or set ZHENGWU_CHROMIUM)';

const PIE = {
  series: [{ type: 'pie', data: [{ name: '甲', value: 1 }] }],
};

/** Runs fn with ZHENGWU_CHROMIUM set to value, restoring it afterwards. */
async function withChromiumEnv<T>(value: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.ZHENGWU_CHROMIUM;
  process.env.ZHENGWU_CHROMIUM = value;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.ZHENGWU_CHROMIUM;
    else process.env.ZHENGWU_CHROMIUM = before;
  }
}

describe('findChromium', () => {
  it('prefers ZHENGWU_CHROMIUM, then /usr/bin/chromium or chromium on the PATH', () => {
    expect(findChromium({ ZHENGWU_CHROMIUM: '/opt/chrome/chrome', PATH: '' })).toBe('/opt/chrome/chrome');
    const system = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
    expect(findChromium({ ZHENGWU_CHROMIUM: '  ', PATH: '/nowhere' })).toBe(system);
  });
});

describe('BrowserUnavailable', () => {
  afterAll(async () => {
    await closeBrowser();
  });

  it('is thrown with the Chinese message when the configured executable does not exist', async () => {
    await closeBrowser();
    const error = await withChromiumEnv('/nonexistent/chromium', () => getBrowser()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserUnavailable);
    expect(error).not.toBeInstanceOf(ZhengwuError);
    expect((error as Error).name).toBe('BrowserUnavailable');
    expect((error as Error).message).toContain(BROWSER_UNAVAILABLE_MESSAGE);
    expect((error as Error).message).toContain('/nonexistent/chromium');
    expect(BROWSER_UNAVAILABLE_MESSAGE).toBe(
      '找不到 Chromium 浏览器：请安装 Debian 的 chromium 软件包（apt-get install chromium fonts-wqy-microhei），或设置 ZHENGWU_CHROMIUM',
    );
  });

  it('is thrown, with the launch error as cause, when the executable is not a browser', async () => {
    await closeBrowser();
    const error = await withChromiumEnv('/bin/false', () => withBrowser(async () => 'never')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BrowserUnavailable);
    expect((error as Error).message).toContain('/bin/false');
    expect((error as Error).cause).toBeInstanceOf(Error);
    // A failed launch is not remembered.
    expect(browserStats().running).toBe(false);
  });
});

describe.skipIf(!hasChromium)(suite, () => {
  afterAll(async () => {
    await closeBrowser();
    expect(browserStats().running).toBe(false);
  });

  it('launches once for several renders, concurrent or not', async () => {
    await closeBrowser();
    const before = browserStats().launches;
    const [pdf, png] = await Promise.all([
      renderPdf('<h1>第一次</h1>'),
      renderChartPng(PIE, { width: 200, height: 100 }),
    ]);
    expect(pdf.byteLength).toBeGreaterThan(0);
    expect(png.byteLength).toBeGreaterThan(0);
    await renderPdf('<h1>第二次</h1>');
    expect(browserStats()).toEqual({ launches: before + 1, running: true });
  });

  it('launches again after the browser went away', async () => {
    const browser = await getBrowser();
    const before = browserStats().launches;
    await browser.close(); // as if Chromium had crashed
    const again = await getBrowser();
    expect(again).not.toBe(browser);
    expect(again.isConnected()).toBe(true);
    expect(browserStats().launches).toBe(before + 1);
  });

  it('closes the browser on closeBrowser(), and closing twice is harmless', async () => {
    const browser = await getBrowser();
    expect(browser.isConnected()).toBe(true);
    await closeBrowser();
    expect(browser.isConnected()).toBe(false);
    expect(browserStats().running).toBe(false);
    await closeBrowser();
  });
});
