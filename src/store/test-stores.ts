/**
 * Real databases for the store tests, one fresh database per test file and dialect, the way Kysely's own
 * tests loop over dialects:
 *
 *   describe.each(TEST_STORES)('$name', (entry) => {
 *     const t = useTestStore(entry);
 *     it('…', async () => { await t.repos.budgets.create(…); });
 *   });
 *
 * SQLite: a file in a new temporary directory. PostgreSQL: `CREATE DATABASE zhengwu_test_<random>` through
 * the admin URL (ZHENGWU_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test), dropped afterwards.
 * When PostgreSQL cannot be reached its tests are skipped with the reason, unless
 * ZHENGWU_REQUIRE_POSTGRES=1 (CI), when that is an error.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase, type Store, type StoreDialect } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { createRepositories, type Repositories } from './repositories/index.ts';

export const PG_ADMIN_URL = process.env.ZHENGWU_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStoreEntry {
  name: string;
  dialect: StoreDialect;
  /** Why this dialect's tests are skipped, or null. */
  skip: string | null;
}

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    const why = `PostgreSQL 不可用（${PG_ADMIN_URL}：${(e as Error).message}）`;
    if (process.env.ZHENGWU_REQUIRE_POSTGRES === '1')
      throw new Error(`${why}，而 ZHENGWU_REQUIRE_POSTGRES=1 要求在 PostgreSQL 上运行存储测试。`);
    const reason = `${why}，跳过 PostgreSQL 上的存储测试。`;
    console.warn(reason);
    return reason;
  } finally {
    await client.end().catch(() => {});
  }
}

export const TEST_STORES: readonly TestStoreEntry[] = [
  { name: 'SQLite', dialect: 'sqlite', skip: null },
  { name: 'PostgreSQL', dialect: 'postgres', skip: await probePostgres() },
];

export interface TestStore {
  store: Store;
  /** The environment that names this database (DATABASE_URL or ZHENGWU_DATA_DIR), for commands. */
  env: { DATABASE_URL?: string; ZHENGWU_DATA_DIR?: string };
  dispose(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of the dialect (not migrated). */
export async function createTestStore(dialect: StoreDialect): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'zhengwu-store-'));
    const store = await openDatabase({ dataDir: dir });
    return {
      store,
      env: { ZHENGWU_DATA_DIR: dir },
      async dispose() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `zhengwu_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  let store: Store;
  try {
    store = await openDatabase({ url: url.toString() });
  } catch (e) {
    await adminQuery(`drop database if exists ${name} with (force)`);
    throw e;
  }
  return {
    store,
    env: { DATABASE_URL: url.toString() },
    async dispose() {
      await store.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** A clock the tests move by hand. */
export class TestClock {
  constructor(private time = Date.parse('2024-03-01T08:00:00.000Z')) {}

  readonly now = (): Date => new Date(this.time);

  advance(ms: number): void {
    this.time += ms;
  }

  set(iso: string): void {
    this.time = Date.parse(iso);
  }
}

export interface TestStoreHandle {
  readonly store: Store;
  readonly repos: Repositories;
  readonly clock: TestClock;
}

/**
 * Registers hooks that create (and by default migrate) a fresh store for the enclosing describe block and
 * dispose of it afterwards; tests of a skipped dialect are skipped with the reason.
 */
export function useTestStore(entry: TestStoreEntry, options: { migrate?: boolean } = {}): TestStoreHandle {
  let current: { test: TestStore; repos: Repositories } | null = null;
  const clock = new TestClock();
  if (entry.skip !== null) {
    const reason = entry.skip;
    beforeEach((context) => context.skip(reason));
  } else {
    beforeAll(async () => {
      const test = await createTestStore(entry.dialect);
      if (options.migrate !== false) await migrateToLatest(test.store);
      current = { test, repos: createRepositories(test.store.db, { now: clock.now }) };
    });
    afterAll(async () => {
      await current?.test.dispose();
      current = null;
    });
  }
  const get = () => {
    if (!current) throw new Error('测试数据库尚未打开');
    return current;
  };
  return {
    get store() {
      return get().test.store;
    },
    get repos() {
      return get().repos;
    },
    clock,
  };
}
