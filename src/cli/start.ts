/**
 * `npm start`: migrates the store named by the environment, creates the first administrator (printing the
 * password once), loads the demo data once, and serves the API and pages on http://localhost:8080.
 *
 * Environment: PORT (8080), HOST (localhost; 0.0.0.0 to listen on every interface), DATABASE_URL
 * (postgres://…; SQLite when absent), ZHENGWU_DATA_DIR (./data, for SQLite), ZHENGWU_ADMIN_PASSWORD (the
 * first administrator's password, for scripts), ZHENGWU_SECURE_COOKIES=1 behind HTTPS, ZHENGWU_LOG_LEVEL,
 * ZHENGWU_DEMO_DATA=0 (do not load the demo data).
 */
import { readFileSync } from 'node:fs';
import { ZhengwuError } from '../core/errors.ts';
import { loadDemoHall } from '../demo/demo-hall.ts';
import { closeBrowser, findChromium } from '../render/browser.ts';
import { buildApp } from '../server/app.ts';
import { parseTrustedProxies } from '../server/security.ts';
import { ensureWebBuild } from '../server/web-build.ts';
import { loadDemoData } from '../services/demo-data.ts';
import { ensureFirstAdmin } from '../services/first-admin.ts';
import { serviceConfigFromEnv, serviceDeps } from '../services/service-context.ts';
import { createServices } from '../services/services.ts';
import { openDatabase, storeOptionsFromEnv } from '../store/database.ts';
import { migrateToLatest } from '../store/migrate.ts';

const env = process.env;
const out = (s: string) => process.stdout.write(`${s}\n`);

function port(): number {
  const p = Number(env.PORT || 8080);
  if (!Number.isInteger(p) || p < 0 || p > 65535)
    throw new ZhengwuError('INVALID_INPUT', `PORT 应为 0 到 65535 的整数，收到“${env.PORT}”。`);
  return p;
}

async function start(): Promise<void> {
  const listenPort = port();
  const host = env.HOST || 'localhost';
  const store = await openDatabase(storeOptionsFromEnv(env));
  out(
    `政务服务中心 · 部门预算公开\n数据库：${store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}（${store.location}）`,
  );
  const { ran } = await migrateToLatest(store);
  if (ran.length) out(`已执行 ${ran.length} 个数据库迁移。`);
  if (!findChromium())
    out(
      '（未找到 Chromium：公开时不生成 PDF 和 Word 文件。安装：apt-get install chromium fonts-wqy-microhei）',
    );

  // A fresh clone's `npm ci` builds the UI (prepare); after a pull or an edit, rebuild what is stale.
  await ensureWebBuild(out);

  const deps = serviceDeps(store, { config: serviceConfigFromEnv(env) });
  const services = createServices(deps);
  const admin = await ensureFirstAdmin(deps, env.ZHENGWU_ADMIN_PASSWORD);
  if (env.ZHENGWU_DEMO_DATA !== '0') {
    const demo = await loadDemoData(deps, admin.userId, out);
    if (demo.published.length) out(`示例数据已载入：${demo.published.join('、')} 年部门预算已公开。`);
    const hall = await loadDemoHall(deps, out);
    if (hall) out(`示例政务大厅已生成：${hall.cases} 件办件（虚构的申请人）。`);
  }

  const version = (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  const { app } = await buildApp({
    services,
    version,
    logger: true,
    security: { secureCookies: env.ZHENGWU_SECURE_COOKIES === '1' },
    trustProxy: parseTrustedProxies(env.ZHENGWU_TRUST_PROXY),
  });
  app.log.level = env.ZHENGWU_LOG_LEVEL || 'warn';
  await app.listen({ port: listenPort, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : listenPort;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  out(`\n已启动：http://${shown}:${actualPort}/`);
  out(`接口说明：http://${shown}:${actualPort}/api/docs`);
  if (admin.created) {
    out(`\n首个系统管理员：用户名 ${admin.username}`);
    out(
      admin.generated
        ? `密码（只显示这一次，请妥善保存）：${admin.password}`
        : '密码：ZHENGWU_ADMIN_PASSWORD 中设置的密码',
    );
  }
  out('按 Ctrl+C 停止。');

  // Expired sessions are refused anyway; this only keeps the table small. The hall's supervision sweep
  // records the cards due and the deemed acceptances (视为受理) of cases nobody decided on in time, and the
  // days that ended get their daily report archived.
  const hourly = async () => {
    await deps.repos.sessions.deleteExpired();
    await services.hall.supervision.sweepAsOf(deps.now(), null);
    await services.hall.reports.archiveRecentDays();
  };
  const sweep = setInterval(
    () => void hourly().catch((e: unknown) => app.log.error(e, '定时清理或电子监察巡检失败')),
    3_600_000,
  );
  sweep.unref();
  await hourly();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    out(`\n收到 ${signal}，正在停止……`);
    try {
      await app.close();
      await store.close();
      await closeBrowser();
    } catch (e) {
      process.stderr.write(`停止时出错：${(e as Error).message}\n`);
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

try {
  await start();
} catch (e) {
  process.stderr.write(
    `启动失败：${e instanceof ZhengwuError ? e.message : ((e as Error).stack ?? String(e))}\n`,
  );
  await closeBrowser();
  process.exit(e instanceof ZhengwuError ? 2 : 1);
}
