/**
 * API throughput and latency under load (autocannon) for reading a published budget, against a baseline
 * measured in the same run: a minimal `node:http` server in the same process returning the same bytes as
 * the published JSON file, with the same content type.
 *
 * The API is the real app (buildApp) over a fresh SQLite store in a temporary directory, with the demo
 * budgets published into it (loadDemoData; HTML is the only rendered format, so Chromium is not needed).
 * With --pg the same is measured on a fresh PostgreSQL database created through ZHENGWU_TEST_PG_URL
 * (default postgres://postgres@127.0.0.1:5432/test) and dropped afterwards.
 *
 * autocannon runs its connections in a worker thread, so the load does not share the servers' event loop.
 *
 *   npx tsx bench/api.ts [--duration 5] [--warmup 1] [--connections 10] [--pg] [--out docs/benchmarks.md]
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadDemoData } from '../src/services/demo-data.ts';
import { ensureFirstAdmin } from '../src/services/first-admin.ts';
import { serviceDeps } from '../src/services/service-context.ts';
import { createServices } from '../src/services/services.ts';
import { openDatabase, type Store } from '../src/store/database.ts';
import { migrateToLatest } from '../src/store/migrate.ts';

export const API_SECTION_TITLE = 'API throughput under load';

export interface ApiBenchOptions {
  /** Seconds measured per endpoint. */
  duration: number;
  /** Seconds of load before each measurement, not counted. */
  warmup: number;
  connections: number;
  /** Also measure on PostgreSQL. */
  pg: boolean;
  out: string;
  log?: boolean;
}

export interface ApiRow {
  what: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Time per request relative to the baseline: baseline requests/s ÷ requests/s. */
  ratio: number;
  bytes: number;
}

export interface ApiBenchResult {
  rows: ApiRow[];
  options: ApiBenchOptions;
  notes: string[];
}

interface Target {
  baseUrl: string;
  budgetId: string;
  fiscalYear: number;
  close(): Promise<void>;
}

const PG_ADMIN_URL = process.env.ZHENGWU_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function pgAdmin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh store of the dialect (location: the SQLite data directory or the database URL), with its disposal. */
export async function freshStore(
  dialect: 'sqlite' | 'postgres',
): Promise<{ store: Store; location: string; dispose(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'zhengwu-bench-'));
    const store = await openDatabase({ dataDir: dir });
    return {
      store,
      location: dir,
      async dispose() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `zhengwu_bench_${randomBytes(6).toString('hex')}`;
  await pgAdmin(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openDatabase({ url: url.toString() }).catch(async (e) => {
    await pgAdmin(`drop database if exists ${name} with (force)`);
    throw e;
  });
  return {
    store,
    location: url.toString(),
    async dispose() {
      await store.close();
      await pgAdmin(`drop database if exists ${name} with (force)`);
    },
  };
}

/** The real app over a fresh store with the demo budgets published, listening on a free port. */
async function startApi(dialect: 'sqlite' | 'postgres'): Promise<Target> {
  const { store, dispose } = await freshStore(dialect);
  try {
    await migrateToLatest(store);
    const deps = serviceDeps(store, { config: { publicationFormats: ['html'] } });
    const admin = await ensureFirstAdmin(deps);
    await loadDemoData(deps, admin.userId);
    const published = (await deps.repos.budgets.list({ status: 'published' })).sort(
      (a, b) => b.fiscalYear - a.fiscalYear,
    )[0];
    if (!published) throw new Error('示例数据中没有已公开的预算');
    const { app } = await buildApp({ services: createServices(deps), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      budgetId: published.id,
      fiscalYear: published.fiscalYear,
      async close() {
        await app.close();
        await dispose();
      },
    };
  } catch (e) {
    await dispose();
    throw e;
  }
}

/** The baseline: a minimal node:http server answering every request with these bytes. */
async function startBaseline(
  bytes: Uint8Array,
  contentType: string,
): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.byteLength });
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}

/**
 * Load before a measurement, from this thread (fetch), so the measurement does not pay for starting a
 * second autocannon worker.
 */
async function warmUp(url: string, connections: number, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  const loop = async () => {
    while (Date.now() < until) {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}：HTTP ${res.status}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
}

async function load(
  url: string,
  options: ApiBenchOptions,
): Promise<Omit<ApiRow, 'what' | 'ratio' | 'bytes'>> {
  if (options.warmup > 0) await warmUp(url, options.connections, options.warmup);
  const r = await autocannon({
    url,
    connections: options.connections,
    workers: 1,
    duration: options.duration,
  });
  if (r.errors || r.timeouts || r.non2xx)
    throw new Error(
      `${url}：${r.errors} 个错误、${r.timeouts} 个超时、${r.non2xx} 个非 2xx 响应（共 ${r.requests.total}）`,
    );
  return { requestsPerSecond: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99 };
}

async function fetchBytes(url: string): Promise<{ bytes: Uint8Array; contentType: string }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}：HTTP ${res.status}`);
  return {
    bytes: new Uint8Array(await res.arrayBuffer()),
    contentType: res.headers.get('content-type') ?? '',
  };
}

export async function benchApi(options: ApiBenchOptions): Promise<ApiBenchResult> {
  const log = options.log === false ? () => {} : (s: string) => console.log(s);
  const notes: string[] = [];
  const load1 = loadavg()[0] ?? 0;
  const dialects: ['sqlite' | 'postgres', string][] = [['sqlite', 'SQLite']];
  if (options.pg) dialects.push(['postgres', 'PostgreSQL']);
  const rows: ApiRow[] = [];
  let baseline: { url: string; server: Server; bytes: Uint8Array } | null = null;
  try {
    for (const [dialect, name] of dialects) {
      log(`API bench: starting the server on ${name} with the demo budgets …`);
      const target = await startApi(dialect);
      try {
        const fileUrl = `${target.baseUrl}/api/open-data/budgets/${target.budgetId}/files/json`;
        const viewUrl = `${target.baseUrl}/api/budgets/${target.budgetId}`;
        const file = await fetchBytes(fileUrl);
        const view = await fetchBytes(viewUrl);
        if (!baseline) {
          const b = await startBaseline(file.bytes, file.contentType);
          baseline = { ...b, bytes: file.bytes };
          log('Measuring: baseline (node:http, same bytes) …');
          const m = await load(b.url, options);
          rows.push({
            what: `Baseline: minimal \`node:http\` server, the same bytes`,
            ...m,
            ratio: 1,
            bytes: file.bytes.byteLength,
          });
          notes.push(
            `Published budget: the demo ${target.fiscalYear} budget; its JSON file is ${file.bytes.byteLength.toLocaleString('en-US')} bytes (${file.contentType}).`,
          );
        } else if (Buffer.compare(baseline.bytes, file.bytes) !== 0) {
          // Another store's publication of the same budget: its ids and publication time differ.
          notes.push(
            file.bytes.byteLength === baseline.bytes.byteLength
              ? `${name}: the published JSON is the same size as the baseline's bytes (its ids and publication time differ).`
              : `${name}: the published JSON is ${file.bytes.byteLength.toLocaleString('en-US')} bytes, not the baseline's ${baseline.bytes.byteLength.toLocaleString('en-US')}.`,
          );
        }
        const base = rows[0]?.requestsPerSecond ?? 1;
        for (const [what, url, bytes] of [
          [`GET /api/open-data/budgets/:id/files/json (${name})`, fileUrl, file.bytes.byteLength],
          [`GET /api/budgets/:id as the public (${name})`, viewUrl, view.bytes.byteLength],
        ] as const) {
          log(`Measuring: ${what} …`);
          const m = await load(url, options);
          rows.push({ what, ...m, ratio: base / m.requestsPerSecond, bytes });
        }
      } finally {
        await target.close();
      }
    }
  } finally {
    const server = baseline?.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  if (!options.pg) notes.push('PostgreSQL not measured (run with `--pg`).');
  notes.push(
    `Load average (1 min) when the run started: ${load1.toFixed(2)}; other work on the machine lowers every row, the baseline included.`,
  );
  return { rows, options, notes };
}

function fixed(x: number, digits: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatApiSection(r: ApiBenchResult): string {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const o = r.options;
  return [
    `## ${API_SECTION_TITLE}`,
    '',
    `Measured by \`bench/api.ts\` with autocannon: ${o.connections} connections for ${o.duration} s per endpoint after ` +
      `${o.warmup} s of warm-up, the load generated in a worker thread of the same process (the warm-up by fetch). The API is the real app ` +
      '(`buildApp`, no logger) over a fresh store with the demo budgets published; requests carry no session (the public). ' +
      'The baseline, measured in the same run, is a minimal `node:http` server returning the bytes of the published JSON ' +
      'file with the same content type. Ratio to baseline: baseline requests/s divided by requests/s, so 1× is as fast ' +
      'as the baseline. Latencies are per request under that load, in whole milliseconds as autocannon records them.',
    '',
    '| What | Response bytes | Requests/s | p50 latency (ms) | p99 latency (ms) | Ratio to baseline |',
    '|---|---:|---:|---:|---:|---:|',
    ...r.rows.map(
      (x) =>
        `| ${x.what} | ${x.bytes.toLocaleString('en-US')} | ${fixed(x.requestsPerSecond, 0)} | ${fixed(x.p50, 0)} | ${fixed(x.p99, 0)} | ${fixed(x.ratio, 1)}× |`,
    ),
    '',
    ...r.notes.map((n) => `- ${n}`),
    `- Machine: ${cpu}, ${cpus().length} logical CPUs; Node ${process.version} (${process.platform}/${process.arch})`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    '',
  ].join('\n');
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function parseApiArgs(args: readonly string[]): ApiBenchOptions {
  const duration = Number(argValue(args, '--duration') ?? 5);
  const warmup = Number(argValue(args, '--warmup') ?? 1);
  const connections = Number(argValue(args, '--connections') ?? 10);
  if (!Number.isInteger(duration) || duration < 1) throw new Error('--duration 应为正整数（秒）');
  if (!Number.isInteger(warmup) || warmup < 0) throw new Error('--warmup 应为非负整数（秒）');
  if (!Number.isInteger(connections) || connections < 1) throw new Error('--connections 应为正整数');
  return {
    duration,
    warmup,
    connections,
    pg: args.includes('--pg'),
    out: argValue(args, '--out') ?? 'docs/benchmarks.md',
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseApiArgs(process.argv.slice(2));
  const result = await benchApi(options);
  const section = formatApiSection(result);
  const { writeSection } = await import('./sections.ts');
  writeSection(options.out, section);
  console.log(section);
  console.log(`Written to ${options.out}`);
}
