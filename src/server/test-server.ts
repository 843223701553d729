/**
 * A real server over a real database for the API tests: `useTestServer(entry)` opens a fresh store of the
 * dialect (src/store/test-stores.ts), migrates it, builds the app, listens on a free port, and gives
 * clients that keep their cookies and CSRF token like a browser. Password hashing is made cheap (tests log
 * in often); publications render HTML only (PDF rendering is tested in src/render).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Role } from '../core/access/roles.ts';
import { hashPassword } from '../services/passwords.ts';
import { type ServiceConfig, type ServiceDeps, serviceDeps } from '../services/service-context.ts';
import { createServices, type Services } from '../services/services.ts';
import { migrateToLatest } from '../store/migrate.ts';
import {
  TestClock as Clock,
  createTestStore,
  type TestClock,
  type TestStore,
  type TestStoreEntry,
} from '../store/test-stores.ts';
import { buildApp } from './app.ts';
import type { AnyRoute } from './route.ts';
import type { SecurityOptions } from './security.ts';
import { TEST_DATA_KEY } from './test-hall.ts';

export const TEST_HASHING = { memoryCost: 1024, timeCost: 2 };
export const TEST_PASSWORD = 'correct-horse-battery';

export interface Response<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  bytes: Uint8Array;
}

/** An HTTP client with a cookie jar and the session's CSRF token, like a logged-in browser tab. */
export class Client {
  private cookie = '';
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { headers?: Record<string, string>; raw?: Uint8Array; csrf?: boolean } = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.csrf !== false && method !== 'GET')
      headers['x-csrf-token'] = this.csrfToken;
    let payload: string | Uint8Array | undefined;
    if (options.raw) {
      headers['content-type'] ??= 'application/octet-stream';
      payload = options.raw;
    } else if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: payload ?? null,
      redirect: 'manual',
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const [name, value = ''] = pair.split('=');
      const others = this.cookie.split('; ').filter((x) => x && !x.startsWith(`${name}=`));
      this.cookie = (value ? [...others, pair] : others).join('; ');
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    const text = new TextDecoder().decode(bytes);
    const parsed = type.includes('application/json') && text ? (JSON.parse(text) as T) : (text as T);
    return { status: res.status, headers: res.headers, body: parsed, bytes };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }

  put<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }

  async login(username: string, password = TEST_PASSWORD): Promise<Response<{ csrfToken: string }>> {
    const r = await this.request<{ csrfToken: string }>('POST', '/api/auth/login', { username, password });
    if (r.status === 200) this.csrfToken = r.body.csrfToken;
    return r;
  }

  get cookies(): string {
    return this.cookie;
  }
}

export interface TestServer {
  readonly baseUrl: string;
  /** Every route the app declares (for tests that must cover them all). */
  readonly routes: readonly AnyRoute[];
  readonly services: Services;
  readonly deps: ServiceDeps;
  readonly clock: TestClock;
  client(): Client;
  /** A user with these roles (and department), created directly in the store. */
  user(
    username: string,
    roles: Role[],
    departmentId?: string | null,
  ): Promise<{ id: string; username: string }>;
  /** A client logged in as a new user with these roles. */
  loggedIn(roles: Role[], departmentId?: string | null): Promise<Client>;
}

let counter = 0;

/**
 * Rate limits high enough for the suites, which log in and query from one address hundreds of times;
 * api-security.test.ts checks the default limits on a server of its own.
 */
const TEST_RATE_LIMITS = {
  kiosk: { limit: 10_000, windowMs: 60_000 },
  login: { limit: 10_000, windowMs: 60_000 },
};

export function useTestServer(
  entry: TestStoreEntry,
  options: { rateLimits?: SecurityOptions['rateLimits']; config?: Partial<ServiceConfig> } = {},
): TestServer {
  let state: {
    test: TestStore;
    deps: ServiceDeps;
    services: Services;
    baseUrl: string;
    routes: readonly AnyRoute[];
    close(): Promise<void>;
  } | null = null;
  const clock = new Clock(Date.now());
  let hash: Promise<string> | null = null;
  if (entry.skip !== null) {
    const reason = entry.skip;
    beforeEach((context) => context.skip(reason));
  } else {
    beforeAll(async () => {
      const test = await createTestStore(entry.dialect);
      await migrateToLatest(test.store);
      const deps = serviceDeps(test.store, {
        now: clock.now,
        config: {
          hashing: TEST_HASHING,
          publicationFormats: ['html'],
          dataKey: TEST_DATA_KEY,
          ...options.config,
        },
      });
      const services = createServices(deps);
      const { app, routes } = await buildApp({
        services,
        security: { rateLimits: options.rateLimits ?? TEST_RATE_LIMITS },
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      state = {
        test,
        deps,
        services,
        baseUrl: `http://127.0.0.1:${port}`,
        routes,
        async close() {
          await app.close();
          await test.dispose();
        },
      };
    });
    afterAll(async () => {
      await state?.close();
      state = null;
    });
  }
  const get = () => {
    if (!state) throw new Error('测试服务器尚未启动');
    return state;
  };
  const server: TestServer = {
    get baseUrl() {
      return get().baseUrl;
    },
    get services() {
      return get().services;
    },
    get routes() {
      return get().routes;
    },
    get deps() {
      return get().deps;
    },
    clock,
    client: () => new Client(get().baseUrl),
    async user(username, roles, departmentId = null) {
      hash ??= hashPassword(TEST_PASSWORD, TEST_HASHING);
      const u = await get().deps.repos.users.create(
        { username, displayName: username, passwordHash: await hash, roles, departmentId },
        null,
      );
      if (u === 'duplicate') throw new Error(`用户名重复：${username}`);
      return u;
    },
    async loggedIn(roles, departmentId = null) {
      counter++;
      const u = await server.user(
        `u${counter}-${roles.join('-') || 'none'}-${Date.now() % 100000}`,
        roles,
        departmentId,
      );
      const c = server.client();
      const r = await c.login(u.username);
      if (r.status !== 200) throw new Error(`登录失败：${JSON.stringify(r.body)}`);
      return c;
    },
  };
  return server;
}
