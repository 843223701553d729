/**
 * The browser tests' world: a real server (the built UI and the API) over a fresh SQLite store with the
 * demo data published (PDF included), a headless Debian Chromium driven by playwright-core, and
 * screenshots saved under test-artifacts/e2e/.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../src/core/access/roles.ts';
import { CHROMIUM_ARGS, closeBrowser, findChromium } from '../../src/render/browser.ts';
import { buildApp } from '../../src/server/app.ts';
import { TEST_HASHING, TEST_PASSWORD } from '../../src/server/test-server.ts';
import { loadDemoData } from '../../src/services/demo-data.ts';
import { hashPassword } from '../../src/services/passwords.ts';
import { type ServiceDeps, serviceDeps } from '../../src/services/service-context.ts';
import { createServices } from '../../src/services/services.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { createTestStore, type TestStoreEntry } from '../../src/store/test-stores.ts';

export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };
export { TEST_PASSWORD };

export interface E2eWorld {
  baseUrl: string;
  deps: ServiceDeps;
  browser: Browser;
  demo: { departmentId: string; regionId: string };
  user(
    username: string,
    roles: Role[],
    departmentId: string | null,
  ): Promise<{ id: string; username: string }>;
  context(viewport?: { width: number; height: number }): Promise<BrowserContext>;
}

export function useE2eWorld(entry: TestStoreEntry = { name: 'SQLite', dialect: 'sqlite', skip: null }) {
  let world: E2eWorld | null = null;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('找不到 Chromium：apt-get install chromium fonts-wqy-microhei');
    await mkdir(ARTIFACTS, { recursive: true });
    const test = await createTestStore(entry.dialect);
    await migrateToLatest(test.store);
    const deps = serviceDeps(test.store, {
      config: {
        hashing: TEST_HASHING,
        publicationFormats: ['html', 'pdf', 'docx', 'xlsx'],
        // The hall's personal-data key, kept out of the data directory in tests.
        dataKey: Buffer.alloc(32, 7),
      },
    });
    const hash = await hashPassword(TEST_PASSWORD, TEST_HASHING);
    const user: E2eWorld['user'] = async (username, roles, departmentId) => {
      const u = await deps.repos.users.create(
        { username, displayName: username, passwordHash: hash, roles, departmentId },
        null,
      );
      if (u === 'duplicate') throw new Error(`用户名重复：${username}`);
      return u;
    };
    const admin = await user('e2e-admin', ['admin'], null);
    const demo = await loadDemoData(deps, admin.id);
    const { app } = await buildApp({ services: createServices(deps) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], timeout: 30_000 });
    world = {
      baseUrl: `http://127.0.0.1:${port}`,
      deps,
      browser,
      demo,
      user,
      context: (viewport = DESKTOP) =>
        browser.newContext({
          viewport,
          locale: 'zh-CN',
          acceptDownloads: true,
          ...(viewport.width < 600 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
        }),
    };
    close = async () => {
      await browser.close();
      await app.close();
      await test.dispose();
      await closeBrowser();
    };
  }, 180_000);
  afterAll(async () => close(), 60_000);
  return {
    get current(): E2eWorld {
      if (!world) throw new Error('e2e world not started');
      return world;
    },
  };
}

/** A full-page screenshot under test-artifacts/e2e/. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** Waits for a status tag reading exactly `status`; on failure saves a screenshot of the page to look at. */
export async function statusIs(page: Page, status: string): Promise<void> {
  await page
    .locator('.ant-tag')
    .filter({ hasText: new RegExp(`^${status}$`) })
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(async (e) => {
      await shot(page, `debug-status-${status}`);
      throw e;
    });
}

/** Logs in through the login page. */
export async function login(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/workspace/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/workspace(\/|$)(?!login)/);
}
