/**
 * Opening the store: Kysely over PostgreSQL (a `postgres://` URL, normally DATABASE_URL) or over SQLite
 * (better-sqlite3, a file in the data directory). Everything above this file is one code path for both.
 *
 * - Integers: PostgreSQL int8 and numeric, and every SQLite integer, come back as JavaScript numbers, and
 *   one that is not a safe integer throws instead of silently losing digits (money is integer 分).
 * - SQLite: WAL, synchronous = FULL (an acknowledged commit survives power loss and OS crashes, not only a
 *   killed process), foreign keys on, a 5 s busy timeout, and `begin immediate` for every transaction, so
 *   a transaction that reads before it writes cannot fail on the lock upgrade when another process writes.
 *   Migrations run in one transaction on SQLite too (SQLite's DDL is transactional; Kysely's adapter says
 *   otherwise only to stay on the safe side).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresDialect,
  type QueryResult,
  type RootOperationNode,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type UnknownRow,
} from 'kysely';
import pg from 'pg';
import { StoreError } from './errors.ts';
import type { Database } from './schema.ts';

export type StoreDialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** Where the data lives, for messages: the SQLite file, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A `postgres://` or `postgresql://` URL (DATABASE_URL). Absent or empty: SQLite. */
  url?: string;
  /** The SQLite data directory (default: ZHENGWU_DATA_DIR, else ./data). */
  dataDir?: string;
}

export const SQLITE_FILE_NAME = 'zhengwu.sqlite';

/** The options the environment gives: DATABASE_URL and ZHENGWU_DATA_DIR. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  const options: OpenOptions = {};
  if (env.DATABASE_URL) options.url = env.DATABASE_URL;
  if (env.ZHENGWU_DATA_DIR) options.dataDir = env.ZHENGWU_DATA_DIR;
  return options;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Store> {
  const url = options.url?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url))
      throw new StoreError(
        'STORE_CONFIG',
        `DATABASE_URL 只支持 PostgreSQL（postgres://…）；不设置时使用 SQLite。收到的是“${redactUrl(url)}”。`,
      );
    return openPostgres(url);
  }
  const dataDir = options.dataDir || process.env.ZHENGWU_DATA_DIR || './data';
  return openSqlite(path.resolve(dataDir, SQLITE_FILE_NAME));
}

// ---------------------------------------------------------------------------------------------------------
// Integers

const MAX_SAFE = '9007199254740991';

function outOfRange(value: string): StoreError {
  return new StoreError(
    'INTEGER_OUT_OF_RANGE',
    `数据库返回的数值 ${value} 超出了可精确表示的整数范围（±${MAX_SAFE}），已拒绝读取以免金额失真。`,
  );
}

/** A database integer (as text or bigint) as a number; throws when it is not a safe integer. */
export function toSafeInteger(value: string | bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw outOfRange(String(value));
  return n;
}

/**
 * A PostgreSQL numeric as a number: its integer part must be within the safe range (a fraction is read as
 * the nearest double; money is never stored as numeric).
 */
export function numericToNumber(value: string): number {
  if (/^[+-]?\d+$/.test(value)) return toSafeInteger(value);
  const n = Number(value);
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) throw outOfRange(value);
  return n;
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/** Per-pool type parsers (pg's global `types` is left alone). */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => {
    if (format !== 'binary' && oid === PG_INT8) return toSafeInteger;
    if (format !== 'binary' && oid === PG_NUMERIC) return numericToNumber;
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * better-sqlite3 runs with safe integers on (every integer is a bigint), and this plugin turns them into
 * numbers with the guard: without it a large integer would come back silently rounded.
 */
class SafeIntegerPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const { result } = args;
    if (!result.rows.length) return result;
    const rows = result.rows.map((row) => {
      let copy: UnknownRow | null = null;
      for (const key in row) {
        const v = row[key];
        if (typeof v === 'bigint') {
          copy ??= { ...row };
          copy[key] = toSafeInteger(v);
        }
      }
      return copy ?? row;
    });
    return { ...result, rows };
  }
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: pgTypes, application_name: 'zhengwu' });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new StoreError(
      'STORE_UNAVAILABLE',
      `无法连接 PostgreSQL 数据库（${redactUrl(url)}）：${(e as Error).message}`,
      { cause: e },
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redactUrl(url), close: () => db.destroy() };
}

// ---------------------------------------------------------------------------------------------------------
// SQLite

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ZhengwuSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

function openSqlite(file: string): Promise<Store> {
  let sqlite: SqliteDatabase.Database;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    sqlite = new SqliteDatabase(file);
  } catch (e) {
    throw new StoreError('STORE_UNAVAILABLE', `无法打开 SQLite 数据库文件 ${file}：${(e as Error).message}`, {
      cause: e,
    });
  }
  try {
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal')
      throw new Error(`文件系统不支持 WAL 日志模式（journal_mode = ${String(mode)}）`);
    // FULL, not NORMAL: in WAL mode NORMAL already survives a killed process, but a commit acknowledged
    // just before a power loss or an OS crash can be lost; FULL syncs the WAL at every commit. The writes
    // are people's edits and statutory publications: few, and each one must stay once acknowledged.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.defaultSafeIntegers(true);
  } catch (e) {
    sqlite.close();
    throw new StoreError('STORE_UNAVAILABLE', `无法设置 SQLite 数据库 ${file}：${(e as Error).message}`, {
      cause: e,
    });
  }
  const db = new Kysely<Database>({
    dialect: new ZhengwuSqliteDialect({ database: sqlite }),
    plugins: [new SafeIntegerPlugin()],
  });
  return Promise.resolve({ db, dialect: 'sqlite', location: file, close: () => db.destroy() });
}
