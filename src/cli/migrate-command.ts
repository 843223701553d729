/**
 * `zhengwu migrate`: opens the store named by the environment (DATABASE_URL for PostgreSQL, otherwise
 * SQLite under ZHENGWU_DATA_DIR or ./data), applies the migrations not yet applied, says which in Chinese.
 * Returns the exit code: 0, or 2 when the database cannot be opened or a migration fails.
 */
import { openDatabase, storeOptionsFromEnv } from '../store/database.ts';
import { StoreError } from '../store/errors.ts';
import { migrateToLatest } from '../store/migrate.ts';
import type { Io } from './commands.ts';

export async function migrateCommand(io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let store: Awaited<ReturnType<typeof openDatabase>>;
  try {
    store = await openDatabase(storeOptionsFromEnv(env));
  } catch (e) {
    io.err(`错误：${(e as Error).message}\n`);
    return 2;
  }
  const name = store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
  try {
    io.out(`数据库：${name}（${store.location}）\n`);
    const { ran, known } = await migrateToLatest(store);
    if (!ran.length) io.out(`数据库已是最新结构，无需迁移（共 ${known.length} 个迁移均已执行）。\n`);
    else {
      io.out(`已执行 ${ran.length} 个迁移：\n`);
      for (const m of ran) io.out(`  ${m}\n`);
    }
    return 0;
  } catch (e) {
    io.err(
      e instanceof StoreError
        ? `错误：${e.message}\n`
        : `错误：迁移时出现内部错误（${(e as Error).message}）。请把这条信息报告给开发者。\n`,
    );
    return 2;
  } finally {
    await store.close();
  }
}
