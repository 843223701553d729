/**
 * Crash safety through the API: the real server (`npm start`'s src/cli/start.ts, in a child process) takes
 * a stream of writes, several in flight at once, and is killed with SIGKILL in the middle of it. Restarted
 * on the same database, it still has every write it acknowledged (a 2xx response), each with its audit
 * entry and nothing half-written, and the database is intact (SQLite: `PRAGMA integrity_check`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../store/database.ts';
import { createTestStore, TEST_STORES, type TestStore } from '../store/test-stores.ts';
import { Client } from './test-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START = path.join(ROOT, 'src/cli/start.ts');
const ADMIN_PASSWORD = 'Crash-Test-4-Zhengwu';
const WRITERS = 4;
const ACKS_BEFORE_KILL = 60;
const STARTUP_TIMEOUT_MS = 30_000;

interface Server {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<void>;
}

/** Starts `src/cli/start.ts` on the database `env` names; resolves with its URL once it prints it. */
function startServer(env: TestStore['env']): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', START], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      ZHENGWU_DATA_DIR: '',
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      ZHENGWU_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ZHENGWU_DEMO_DATA: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail('服务器未在限定时间内启动'), STARTUP_TIMEOUT_MS);
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /已启动：(http:\/\/[^/\s]+)\//.exec(stdout);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, baseUrl: m[1], exited });
      }
    });
    child.once('exit', (code, signal) => fail(`服务器启动前退出（code ${code}, signal ${signal}）`));
  });
}

async function kill(server: Server | null): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}

async function loginAsAdmin(baseUrl: string): Promise<Client> {
  const client = new Client(baseUrl);
  const r = await client.login('admin', ADMIN_PASSWORD);
  if (r.status !== 200) throw new Error(`管理员登录失败：${r.status} ${JSON.stringify(r.body)}`);
  expect(client.cookies).toMatch(/zw_session=/);
  return client;
}

interface DepartmentNode {
  id: string;
  name: string;
  regionId: string;
  children: DepartmentNode[];
}

const flatten = (nodes: DepartmentNode[]): DepartmentNode[] =>
  nodes.flatMap((n) => [n, ...flatten(n.children)]);

interface AuditEntry {
  action: string;
  entityId: string;
  after: unknown;
}

interface StreamResult {
  /** Every department created with a 2xx response: id → name. */
  acked: Map<string, string>;
  /** Every name sent, acknowledged or not. */
  sent: Set<string>;
  /** Requests sent but not answered when the server was killed. */
  inFlightAtKill: number;
  /** Responses that were neither 2xx nor a dropped connection (should be none). */
  refused: string[];
}

/**
 * WRITERS loops create departments as fast as the server answers; after ACKS_BEFORE_KILL acknowledgements
 * the server is killed with SIGKILL while the other loops' requests are still in flight.
 */
async function writeUntilKilled(server: Server, client: Client, regionId: string): Promise<StreamResult> {
  const acked = new Map<string, string>();
  const sent = new Set<string>();
  const refused: string[] = [];
  let next = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  let killed = false;
  const writer = async () => {
    while (!killed) {
      const name = `部门-${next++}`;
      sent.add(name);
      inFlight++;
      try {
        const r = await client.post<{ id: string; name: string }>('/api/departments', {
          regionId,
          name,
          kind: 'department',
        });
        if (r.status >= 200 && r.status < 300) {
          expect(r.body.name).toBe(name);
          acked.set(r.body.id, name);
        } else if (!killed) refused.push(`${r.status} ${JSON.stringify(r.body)}`);
      } catch (e) {
        // A connection dropped by the kill: the write is not acknowledged.
        if (!killed) throw e;
      } finally {
        inFlight--;
      }
      if (!killed && acked.size >= ACKS_BEFORE_KILL) {
        killed = true;
        inFlightAtKill = inFlight;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  await server.exited;
  return { acked, sent, inFlightAtKill, refused };
}

function sqliteIntegrity(dataDir: string): unknown {
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
  try {
    return db.pragma('integrity_check');
  } finally {
    db.close();
  }
}

describe.each(TEST_STORES)('API crash safety on $name', (entry) => {
  it.skipIf(entry.skip !== null)(
    'keeps every acknowledged write when the server is killed mid-stream',
    async () => {
      const test = await createTestStore(entry.dialect);
      let server: Server | null = null;
      try {
        server = await startServer(test.env);
        const admin = await loginAsAdmin(server.baseUrl);
        const region = await admin.post<{ id: string }>('/api/regions', {
          name: '山海关区',
          level: 'district',
        });
        expect(region.status).toBe(201);
        const regionId = region.body.id;

        const stream = await writeUntilKilled(server, admin, regionId);
        expect(server.child.signalCode).toBe('SIGKILL');
        expect(stream.refused).toEqual([]);
        expect(stream.acked.size).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
        expect(stream.inFlightAtKill).toBeGreaterThan(0);

        // The database as the kill left it, before the server opens it again.
        if (test.env.ZHENGWU_DATA_DIR)
          expect(sqliteIntegrity(test.env.ZHENGWU_DATA_DIR)).toEqual([{ integrity_check: 'ok' }]);

        server = await startServer(test.env);
        const again = await loginAsAdmin(server.baseUrl);

        const tree = await again.get<DepartmentNode[]>('/api/departments');
        expect(tree.status).toBe(200);
        const present = flatten(tree.body);
        const byId = new Map(present.map((d) => [d.id, d]));
        // Every acknowledged write is there, exactly as acknowledged.
        for (const [id, name] of stream.acked) {
          expect(byId.get(id)?.name, `已确认的部门 ${name}（${id}）`).toBe(name);
          expect(byId.get(id)?.regionId).toBe(regionId);
        }
        // Anything else is a write that was in flight at the kill: committed but not yet answered.
        const unacknowledged = present.filter((d) => !stream.acked.has(d.id));
        expect(unacknowledged.length).toBeLessThanOrEqual(stream.inFlightAtKill);
        for (const d of unacknowledged) expect(stream.sent.has(d.name)).toBe(true);
        expect(new Set(present.map((d) => d.name)).size).toBe(present.length);

        // No half-written records: one 'department.create' audit entry per department, and no other.
        const log = await again.get<AuditEntry[]>('/api/audit-log?limit=1000');
        expect(log.status).toBe(200);
        expect(log.body.length).toBeLessThan(1000);
        const creations = log.body.filter((a) => a.action === 'department.create');
        expect(creations.map((a) => a.entityId).sort()).toEqual([...byId.keys()].sort());
        for (const a of creations)
          expect((a.after as { name?: string } | null)?.name).toBe(byId.get(a.entityId)?.name);

        // And the restarted server takes writes again.
        const after = await again.post<{ id: string }>('/api/departments', {
          regionId,
          name: '重启后的部门',
          kind: 'department',
        });
        expect(after.status).toBe(201);

        await kill(server);
        server = null;
        if (test.env.ZHENGWU_DATA_DIR)
          expect(sqliteIntegrity(test.env.ZHENGWU_DATA_DIR)).toEqual([{ integrity_check: 'ok' }]);
      } finally {
        await kill(server);
        await test.dispose();
      }
    },
    90_000,
  );
});
