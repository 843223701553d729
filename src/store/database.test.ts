import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { numericToNumber, openDatabase, redactUrl, storeOptionsFromEnv, toSafeInteger } from './database.ts';
import { StoreError } from './errors.ts';
import { TEST_STORES, useTestStore } from './test-stores.ts';

describe.each(TEST_STORES)('$name', (entry) => {
  const t = useTestStore(entry);

  it('reads integers up to the largest safe integer as numbers', async () => {
    const r = await sql<{
      n: number;
      c: number;
    }>`select cast(9007199254740991 as bigint) as n, count(*) as c from regions`.execute(t.store.db);
    expect(r.rows[0]).toEqual({ n: 9007199254740991, c: 0 });
    expect(typeof r.rows[0]?.c).toBe('number');
  });

  it('refuses an integer beyond the safe range instead of rounding it', async () => {
    const q = sql`select cast(9007199254740993 as bigint) as n`.execute(t.store.db);
    await expect(q).rejects.toThrow(StoreError);
    await expect(
      sql`select cast(-9007199254740993 as bigint) as n`.execute(t.store.db),
    ).rejects.toMatchObject({
      code: 'INTEGER_OUT_OF_RANGE',
    });
    // The connection is still usable afterwards.
    const ok = await sql<{ n: number }>`select 1 as n`.execute(t.store.db);
    expect(ok.rows[0]?.n).toBe(1);
  });

  it('enforces foreign keys', async () => {
    await expect(
      t.store.db
        .insertInto('departments')
        .values({
          id: 'd',
          region_id: 'no-such-region',
          parent_id: null,
          name: '无',
          code: null,
          kind: 'department',
          created_at: '2024-01-01T00:00:00.000Z',
        })
        .execute(),
    ).rejects.toThrow();
  });

  it.runIf(entry.dialect === 'postgres')('guards numeric the same way on PostgreSQL', async () => {
    const r = await sql<{
      a: number;
      b: number;
    }>`select cast(12345 as numeric) as a, cast(1.5 as numeric) as b`.execute(t.store.db);
    expect(r.rows[0]).toEqual({ a: 12345, b: 1.5 });
    await expect(
      sql`select cast(12345678901234567890 as numeric) as n`.execute(t.store.db),
    ).rejects.toMatchObject({
      code: 'INTEGER_OUT_OF_RANGE',
    });
  });

  it.runIf(entry.dialect === 'sqlite')(
    'sets WAL, synchronous FULL, foreign keys and the busy timeout',
    async () => {
      const pragma = async (name: string) =>
        Object.values(
          (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(t.store.db)).rows[0] ?? {},
        )[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    },
  );
});

describe('openDatabase', () => {
  let dir: string;
  const savedDataDir = process.env.ZHENGWU_DATA_DIR;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'zhengwu-open-'));
  });
  afterEach(async () => {
    if (savedDataDir === undefined) delete process.env.ZHENGWU_DATA_DIR;
    else process.env.ZHENGWU_DATA_DIR = savedDataDir;
    await rm(dir, { recursive: true, force: true });
  });

  it('puts SQLite at <dataDir>/zhengwu.sqlite, creating the directory', async () => {
    const store = await openDatabase({ dataDir: path.join(dir, 'nested', 'data') });
    try {
      expect(store.dialect).toBe('sqlite');
      expect(store.location).toBe(path.join(dir, 'nested', 'data', 'zhengwu.sqlite'));
      expect((await stat(store.location)).isFile()).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('falls back to ZHENGWU_DATA_DIR', async () => {
    process.env.ZHENGWU_DATA_DIR = dir;
    const store = await openDatabase({});
    try {
      expect(store.location).toBe(path.join(dir, 'zhengwu.sqlite'));
    } finally {
      await store.close();
    }
  });

  it('rejects a URL that is not PostgreSQL, in Chinese', async () => {
    await expect(openDatabase({ url: 'mysql://root:secret@localhost/db' })).rejects.toThrow(
      /DATABASE_URL 只支持 PostgreSQL.*mysql:\/\/root:\*\*\*@localhost\/db/,
    );
  });

  it('says so in Chinese when PostgreSQL cannot be reached', async () => {
    await expect(openDatabase({ url: 'postgres://postgres:pw@127.0.0.1:1/none' })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(
        /^无法连接 PostgreSQL 数据库（postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none）/,
      ),
    });
  });

  it('reads DATABASE_URL and ZHENGWU_DATA_DIR from the environment', () => {
    expect(storeOptionsFromEnv({ DATABASE_URL: 'postgres://x/y', ZHENGWU_DATA_DIR: '/d' })).toEqual({
      url: 'postgres://x/y',
      dataDir: '/d',
    });
    expect(storeOptionsFromEnv({ DATABASE_URL: '' })).toEqual({});
    expect(redactUrl('postgresql://u:p@h:5432/db')).toBe('postgresql://u:***@h:5432/db');
  });
});

describe('integer guards', () => {
  it('accepts safe integers and rejects the rest', () => {
    expect(toSafeInteger('9007199254740991')).toBe(9007199254740991);
    expect(toSafeInteger(-42n)).toBe(-42);
    expect(() => toSafeInteger('9007199254740992')).toThrow(/超出了可精确表示的整数范围/);
    expect(() => toSafeInteger(2n ** 63n - 1n)).toThrow(StoreError);
  });

  it('reads numeric as a number when it is exact enough', () => {
    expect(numericToNumber('100')).toBe(100);
    expect(numericToNumber('-0.25')).toBe(-0.25);
    expect(() => numericToNumber('99999999999999999999')).toThrow(StoreError);
    expect(() => numericToNumber('99999999999999999999.000')).toThrow(StoreError);
    expect(() => numericToNumber('9007199254740993.5')).toThrow(StoreError);
  });
});
