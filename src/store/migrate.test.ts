import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCommand } from '../cli/migrate-command.ts';
import { StoreError } from './errors.ts';
import { migrateToLatest } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { MigrationFactory } from './migrations/migration.ts';
import type { Database } from './schema.ts';
import { createTestStore, TEST_STORES, type TestStore, useTestStore } from './test-stores.ts';

const ALL = Object.keys(MIGRATIONS);
const TABLES: (keyof Database)[] = [
  'regions',
  'departments',
  'users',
  'user_roles',
  'sessions',
  'budgets',
  'budget_comments',
  'documents',
  'publications',
  'publication_files',
  'audit_log',
];

const broken: MigrationFactory = () => ({
  async up(db) {
    await db.schema.createTable('broken').addColumn('id', 'text').execute();
    await db.schema.createTable('broken_too').addColumn('id', 'text').execute();
    throw new Error('故意失败');
  },
});

describe.each(TEST_STORES)('$name', (entry) => {
  describe('migrateToLatest', () => {
    const t = useTestStore(entry, { migrate: false });

    it('runs every migration once, in order, and nothing the second time', async () => {
      expect(ALL).toEqual([...ALL].sort());
      const first = await migrateToLatest(t.store);
      expect(first.ran).toEqual(ALL);
      for (const table of TABLES) {
        const r = await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(r.n, table).toBe(0);
      }
      const second = await migrateToLatest(t.store);
      expect(second).toEqual({ ran: [], known: ALL });
    });

    it('keeps nothing of a failed migration and reports it in Chinese', async () => {
      const run = migrateToLatest(t.store, { ...MIGRATIONS, '0999-broken': broken });
      await expect(run).rejects.toBeInstanceOf(StoreError);
      await expect(migrateToLatest(t.store, { ...MIGRATIONS, '0999-broken': broken })).rejects.toThrow(
        /^数据库迁移“0999-broken”失败：故意失败。本次迁移已全部撤销/,
      );
      const tables = (await t.store.db.introspection.getTables()).map((x) => x.name);
      expect(tables).not.toContain('broken');
      expect(tables).not.toContain('broken_too');
      expect(tables).toEqual(expect.arrayContaining(TABLES));
      // Still up to date, and 0999 was not recorded.
      expect((await migrateToLatest(t.store)).ran).toEqual([]);
    });
  });

  describe('zhengwu migrate', () => {
    let test: TestStore | null = null;
    beforeAll(async () => {
      if (entry.skip === null) test = await createTestStore(entry.dialect);
    });
    afterAll(async () => {
      await test?.dispose();
    });

    it('migrates the database the environment names and says what ran', async (context) => {
      if (entry.skip !== null || !test) return context.skip(entry.skip ?? '');
      const io = { out: '', err: '' };
      const capture = {
        out: (s: string) => {
          io.out += s;
        },
        err: (s: string) => {
          io.err += s;
        },
      };
      expect(await migrateCommand(capture, { ...test.env })).toBe(0);
      expect(io.err).toBe('');
      expect(io.out).toContain(`数据库：${entry.name}`);
      expect(io.out).toContain(`已执行 ${ALL.length} 个迁移：\n  0001-organisation\n`);
      io.out = '';
      expect(await migrateCommand(capture, { ...test.env })).toBe(0);
      expect(io.out).toContain(`数据库已是最新结构，无需迁移（共 ${ALL.length} 个迁移均已执行）。`);
    });
  });
});

describe('zhengwu migrate errors', () => {
  it('exits with 2 and a Chinese message when the database cannot be opened', async () => {
    let err = '';
    const code = await migrateCommand(
      {
        out: () => {},
        err: (s) => {
          err += s;
        },
      },
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
    );
    expect(code).toBe(2);
    expect(err).toMatch(/^错误：无法连接 PostgreSQL 数据库/);
  });
});
