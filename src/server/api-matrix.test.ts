/**
 * The authorisation matrix over HTTP, on both databases: every route the app declares, called as every
 * role and anonymously, with a fresh session and (for writes) a fresh record each time. Y = a 2xx answer;
 * . = refused: 401 or 404 for the public, 403 or 404 for the logged in (404 where even the existence of an
 * unpublished record is not disclosed). A route without a row fails the test, so new routes must be added.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Role } from '../core/access/roles.ts';
import type { BudgetStatus } from '../core/workflow/budget-status.ts';
import { cleanBudgetFacts } from '../store/test-fixtures.ts';
import { TEST_STORES } from '../store/test-stores.ts';
import { HALL_CALLS, HALL_MATRIX } from './test-hall.ts';
import { type Client, TEST_PASSWORD, type TestServer, useTestServer } from './test-server.ts';

const CALLERS = [
  'anonymous',
  'admin',
  'reviewer',
  'editor',
  'otherEditor',
  'hallManager',
  'windowStaff',
] as const;
type Caller = (typeof CALLERS)[number];

/** Route (as declared) and, after #, a variant; then one mark per caller, in CALLERS order. */
const MATRIX = `
                                                     anon admin reviewer editor otherEditor hall window
GET /api/health                                        Y    Y      Y       Y        Y        Y    Y
GET /api/openapi.json                                  Y    Y      Y       Y        Y        Y    Y
GET /api/docs                                          Y    Y      Y       Y        Y        Y    Y
POST /api/auth/login                                   Y    Y      Y       Y        Y        Y    Y
POST /api/auth/logout                                  .    Y      Y       Y        Y        Y    Y
GET /api/auth/session                                  Y    Y      Y       Y        Y        Y    Y
PUT /api/auth/password                                 .    Y      Y       Y        Y        Y    Y
GET /api/regions                                       Y    Y      Y       Y        Y        Y    Y
POST /api/regions                                      .    Y      .       .        .        .    .
GET /api/departments                                   Y    Y      Y       Y        Y        Y    Y
POST /api/departments                                  .    Y      .       .        .        .    .
GET /api/users                                         .    Y      .       .        .        .    .
POST /api/users                                        .    Y      .       .        .        .    .
PATCH /api/users/:id                                   .    Y      .       .        .        .    .
GET /api/audit-log                                     .    Y      Y       .        .        .    .
GET /api/budgets                                       Y    Y      Y       Y        Y        Y    Y
POST /api/budgets                                      .    .      .       Y        .        .    .
GET /api/budgets/:id#draft                             .    Y      Y       Y        .        .    .
GET /api/budgets/:id#published                         Y    Y      Y       Y        Y        Y    Y
PUT /api/budgets/:id                                   .    .      .       Y        .        .    .
GET /api/budgets/:id/audit#draft                       .    Y      Y       Y        .        .    .
GET /api/budgets/:id/audit#published                   Y    Y      Y       Y        Y        Y    Y
GET /api/budgets/:id/review-record#draft               .    Y      Y       Y        .        .    .
GET /api/budgets/:id/review-record#published           .    Y      Y       Y        .        .    .
GET /api/budgets/:id/revisions                         .    Y      Y       Y        .        .    .
POST /api/budgets/:id/submit                           .    .      .       Y        .        .    .
POST /api/budgets/:id/return                           .    .      Y       .        .        .    .
POST /api/budgets/:id/approve                          .    .      Y       .        .        .    .
POST /api/budgets/:id/publish                          .    .      Y       Y        .        .    .
POST /api/budgets/:id/correct                          .    .      Y       Y        .        .    .
GET /api/overdue                                       .    Y      Y       .        .        .    .
POST /api/documents                                    .    Y      Y       Y        .        .    .
GET /api/documents                                     .    Y      Y       Y        Y        Y    Y
GET /api/documents/:id                                 .    Y      Y       Y        .        .    .
GET /api/open-data/budgets                             Y    Y      Y       Y        Y        Y    Y
GET /api/open-data/budgets/:id/versions#published      Y    Y      Y       Y        Y        Y    Y
GET /api/open-data/budgets/:id/versions#draft          .    .      .       .        .        .    .
GET /api/open-data/budgets/:id/versions/:version       Y    Y      Y       Y        Y        Y    Y
GET /api/open-data/budgets/:id/files/:format           Y    Y      Y       Y        Y        Y    Y
GET /api/open-data/budgets/:id/line-items.csv          Y    Y      Y       Y        Y        Y    Y
GET /api/open-data/budgets/:id/datapackage.zip         Y    Y      Y       Y        Y        Y    Y
GET /api/open-data/bulk.zip                            Y    Y      Y       Y        Y        Y    Y
GET /api/portal/budgets                                Y    Y      Y       Y        Y        Y    Y
`;

interface Row {
  route: string;
  variant: string;
  allowed: Record<Caller, boolean>;
}

function parseMatrix(): Row[] {
  const [, ...lines] = `${MATRIX.trim()}\n${HALL_MATRIX.trim()}`.split('\n');
  return lines.map((line) => {
    const [method = '', path = '', ...marks] = line.trim().split(/\s+/);
    expect(marks, line).toHaveLength(CALLERS.length);
    const [url = '', variant = ''] = path.split('#');
    return {
      route: `${method} ${url}`,
      variant,
      allowed: Object.fromEntries(CALLERS.map((c, i) => [c, marks[i] === 'Y'])) as Record<Caller, boolean>,
    };
  });
}

const ROLES_OF: Record<Exclude<Caller, 'anonymous'>, Role[]> = {
  admin: ['admin'],
  reviewer: ['reviewer'],
  editor: ['editor'],
  otherEditor: ['editor'],
  hallManager: ['hallManager'],
  windowStaff: ['windowStaff'],
};

const SEED = new Uint8Array(
  readFileSync(new URL('../../samples/shanhaiguan-2018-budget.txt', import.meta.url)),
);

interface World {
  regionId: string;
  ownId: string;
  otherId: string;
  /** A budget of a new unit of the own department, in this status: fresh for every call. */
  budget(status: BudgetStatus): Promise<{ id: string; version: number }>;
  /** A new unit of the own department (its editors' reach includes it). */
  unit(): Promise<string>;
}

const YEAR = 2024;

async function world(server: TestServer): Promise<World> {
  const { repos } = server.deps;
  const region = await repos.regions.create({ name: '矩阵区', level: 'district', code: null }, null);
  const own = await repos.departments.create(
    { regionId: region.id, name: '本部门', code: null, kind: 'department' },
    null,
  );
  const other = await repos.departments.create(
    { regionId: region.id, name: '其他部门', code: null, kind: 'department' },
    null,
  );
  const publisher = await server.user(`publisher-${Math.random().toString(36).slice(2)}`, ['reviewer']);
  let units = 0;
  const unit = async () =>
    (
      await repos.departments.create(
        { regionId: region.id, parentId: own.id, name: `本部门所属单位${++units}`, code: null, kind: 'unit' },
        null,
      )
    ).id;
  return {
    regionId: region.id,
    ownId: own.id,
    otherId: other.id,
    unit,
    async budget(status) {
      const facts = cleanBudgetFacts(YEAR);
      const created = await repos.budgets.create(
        { departmentId: await unit(), fiscalYear: YEAR, kind: 'budget', facts },
        null,
      );
      if (created === 'duplicate') throw new Error('duplicate');
      let b: { id: string; version: number; status: BudgetStatus } = created;
      const path: BudgetStatus[] = ['submitted', 'approved'];
      for (const to of path) {
        if (b.status === status) break;
        const moved = await repos.budgets.setStatus(b.id, b.status, to, b.version, null);
        if (moved === 'conflict') throw new Error('conflict');
        b = moved;
      }
      if (status === 'returned') {
        const back = await repos.budgets.setStatus(b.id, 'approved', 'returned', b.version, null);
        if (back === 'conflict') throw new Error('conflict');
        b = back;
      }
      if (status === 'published') {
        const p = await repos.publications.publish({
          budgetId: b.id,
          snapshot: facts,
          files: [{ format: 'json', bytes: new TextEncoder().encode('{}') }],
          actorId: publisher.id,
        });
        if (p === 'conflict') throw new Error('conflict');
        const now = await repos.budgets.get(b.id);
        if (!now) throw new Error('missing');
        return now;
      }
      return b;
    },
  };
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
  raw?: Uint8Array;
}

type CallFactory = (
  w: World,
  me: { id: string; username: string } | null,
  server: TestServer,
) => Promise<Call>;

const get = (path: string): Call => ({ method: 'GET', path });

/** How to call each route (and variant) with valid input. */
const CALLS: Record<string, CallFactory> = {
  ...HALL_CALLS,
  'GET /api/health': async () => get('/api/health'),
  'GET /api/openapi.json': async () => get('/api/openapi.json'),
  'GET /api/docs': async () => get('/api/docs'),
  'POST /api/auth/login': async (_w, me, server) => ({
    method: 'POST',
    path: '/api/auth/login',
    body: {
      username: (me ?? (await server.user(`anon-${Math.random().toString(36).slice(2)}`, []))).username,
      password: TEST_PASSWORD,
    },
  }),
  'POST /api/auth/logout': async () => ({ method: 'POST', path: '/api/auth/logout', body: {} }),
  'GET /api/auth/session': async () => get('/api/auth/session'),
  'PUT /api/auth/password': async () => ({
    method: 'PUT',
    path: '/api/auth/password',
    body: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-2024' },
  }),
  'GET /api/regions': async () => get('/api/regions'),
  'POST /api/regions': async () => ({
    method: 'POST',
    path: '/api/regions',
    body: { name: '新乡镇', level: 'township' },
  }),
  'GET /api/departments': async () => get('/api/departments'),
  'POST /api/departments': async (w) => ({
    method: 'POST',
    path: '/api/departments',
    body: { regionId: w.regionId, name: '新部门', kind: 'department' },
  }),
  'GET /api/users': async () => get('/api/users'),
  'POST /api/users': async () => ({
    method: 'POST',
    path: '/api/users',
    body: {
      username: `new-${Math.random().toString(36).slice(2, 10)}`,
      displayName: '新用户',
      password: 'a-strong-password',
      roles: [],
    },
  }),
  'PATCH /api/users/:id': async (_w, _me, server) => {
    const target = await server.user(`target-${Math.random().toString(36).slice(2)}`, ['windowStaff']);
    return { method: 'PATCH', path: `/api/users/${target.id}`, body: { roles: ['hallManager'] } };
  },
  'GET /api/audit-log': async () => get('/api/audit-log'),
  'GET /api/budgets': async () => get('/api/budgets'),
  'POST /api/budgets': async (w) => ({
    method: 'POST',
    path: '/api/budgets',
    body: { departmentId: await w.unit(), fiscalYear: YEAR, facts: cleanBudgetFacts(YEAR) },
  }),
  'GET /api/budgets/:id#draft': async (w) => get(`/api/budgets/${(await w.budget('draft')).id}`),
  'GET /api/budgets/:id#published': async (w) => get(`/api/budgets/${(await w.budget('published')).id}`),
  'PUT /api/budgets/:id': async (w) => {
    const b = await w.budget('draft');
    return {
      method: 'PUT',
      path: `/api/budgets/${b.id}`,
      body: { version: b.version, facts: cleanBudgetFacts(YEAR) },
    };
  },
  'GET /api/budgets/:id/audit#draft': async (w) => get(`/api/budgets/${(await w.budget('draft')).id}/audit`),
  'GET /api/budgets/:id/audit#published': async (w) =>
    get(`/api/budgets/${(await w.budget('published')).id}/audit`),
  'GET /api/budgets/:id/review-record#draft': async (w) =>
    get(`/api/budgets/${(await w.budget('draft')).id}/review-record`),
  'GET /api/budgets/:id/review-record#published': async (w) =>
    get(`/api/budgets/${(await w.budget('published')).id}/review-record`),
  'GET /api/budgets/:id/revisions': async (w) =>
    get(`/api/budgets/${(await w.budget('draft')).id}/revisions`),
  'POST /api/budgets/:id/submit': async (w) => {
    const b = await w.budget('draft');
    return { method: 'POST', path: `/api/budgets/${b.id}/submit`, body: { version: b.version } };
  },
  'POST /api/budgets/:id/return': async (w) => {
    const b = await w.budget('submitted');
    return {
      method: 'POST',
      path: `/api/budgets/${b.id}/return`,
      body: { version: b.version, comments: '请补充说明。' },
    };
  },
  'POST /api/budgets/:id/approve': async (w) => {
    const b = await w.budget('submitted');
    return { method: 'POST', path: `/api/budgets/${b.id}/approve`, body: { version: b.version } };
  },
  'POST /api/budgets/:id/publish': async (w) => {
    const b = await w.budget('approved');
    return { method: 'POST', path: `/api/budgets/${b.id}/publish`, body: { version: b.version } };
  },
  'POST /api/budgets/:id/correct': async (w, _me, server) => {
    const b = await w.budget('published');
    const current = await server.deps.repos.budgets.get(b.id);
    if (!current) throw new Error('missing');
    const facts = { ...current.facts, department: { ...current.facts.department, duties: ['更正后的职责'] } };
    return {
      method: 'POST',
      path: `/api/budgets/${b.id}/correct`,
      body: { version: b.version, facts, reason: '更正部门职责的表述错误。' },
    };
  },
  'GET /api/overdue': async () => get('/api/overdue'),
  'POST /api/documents': async (w) => ({
    method: 'POST',
    path: `/api/documents?fileName=${encodeURIComponent('山海关区政务服务中心2018.txt')}&departmentId=${w.ownId}`,
    raw: SEED,
  }),
  'GET /api/documents': async () => get('/api/documents'),
  'GET /api/documents/:id': async (w, _me, server) => {
    const uploader = await server.user(
      `uploader-${Math.random().toString(36).slice(2)}`,
      ['editor'],
      w.ownId,
    );
    const doc = await server.services.documents.upload(
      { id: uploader.id, roles: ['editor'], departmentIds: [w.ownId] },
      { fileName: 'seed.txt', departmentId: w.ownId, bytes: SEED },
    );
    return get(`/api/documents/${doc.document.id}`);
  },
  'GET /api/open-data/budgets': async () => get('/api/open-data/budgets'),
  'GET /api/open-data/budgets/:id/versions#published': async (w) =>
    get(`/api/open-data/budgets/${(await w.budget('published')).id}/versions`),
  'GET /api/open-data/budgets/:id/versions#draft': async (w) =>
    get(`/api/open-data/budgets/${(await w.budget('approved')).id}/versions`),
  'GET /api/open-data/budgets/:id/versions/:version': async (w) =>
    get(`/api/open-data/budgets/${(await w.budget('published')).id}/versions/1`),
  'GET /api/open-data/budgets/:id/files/:format': async (w) =>
    get(`/api/open-data/budgets/${(await w.budget('published')).id}/files/json`),
  'GET /api/open-data/budgets/:id/line-items.csv': async (w) =>
    get(`/api/open-data/budgets/${(await w.budget('published')).id}/line-items.csv`),
  'GET /api/open-data/budgets/:id/datapackage.zip': async (w) =>
    get(`/api/open-data/budgets/${(await w.budget('published')).id}/datapackage.zip`),
  'GET /api/portal/budgets': async () => get('/api/portal/budgets'),
  'GET /api/open-data/bulk.zip': async (w, _me, server) => {
    const b = await server.deps.repos.budgets.get((await w.budget('published')).id);
    return get(`/api/open-data/bulk.zip?regionId=${w.regionId}&fiscalYear=${b?.fiscalYear}`);
  },
};

describe.each(TEST_STORES)('authorisation matrix over HTTP on $name', (entry) => {
  const server = useTestServer(entry);
  const rows = parseMatrix();

  it('has a row for every declared route, and a way to call it', () => {
    const declared = server.routes.map((r) => `${r.method} ${r.url}`).sort();
    expect([...new Set(rows.map((r) => r.route))].sort()).toEqual(declared);
    for (const r of rows)
      expect(CALLS[r.variant ? `${r.route}#${r.variant}` : r.route], r.route).toBeDefined();
  });

  it('gives every caller exactly what the matrix says', { timeout: 240_000 }, async () => {
    const w = await world(server);
    const failures: string[] = [];
    for (const row of rows) {
      const key = row.variant ? `${row.route}#${row.variant}` : row.route;
      const factory = CALLS[key];
      if (!factory) throw new Error(`no call for ${key}`);
      for (const caller of CALLERS) {
        let client: Client = server.client();
        let me: { id: string; username: string } | null = null;
        if (caller !== 'anonymous') {
          const department = caller === 'editor' ? w.ownId : caller === 'otherEditor' ? w.otherId : null;
          me = await server.user(
            `${caller}-${Math.random().toString(36).slice(2)}`,
            ROLES_OF[caller],
            department,
          );
          client = server.client();
          const login = await client.login(me.username);
          expect(login.status).toBe(200);
        }
        const call = await factory(w, me, server);
        const r = await client.request<{ error?: { code: string; message: string } }>(
          call.method,
          call.path,
          call.body,
          {
            ...(call.raw ? { raw: call.raw } : {}),
          },
        );
        const ok = r.status >= 200 && r.status < 300;
        const refusals = caller === 'anonymous' ? [401, 404] : [403, 404];
        const expected = row.allowed[caller];
        if (expected && !ok)
          failures.push(
            `${key} as ${caller}: expected 2xx, got ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`,
          );
        if (!expected && !refusals.includes(r.status))
          failures.push(`${key} as ${caller}: expected ${refusals.join(' or ')}, got ${r.status}`);
        if (!expected && refusals.includes(r.status))
          expect(r.body.error?.message, key).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lists for each caller only the budgets they may see', async () => {
    const w = await world(server);
    const draft = await w.budget('draft');
    const published = await w.budget('published');
    const ids = async (c: Client) => (await c.get<{ id: string }[]>('/api/budgets')).body.map((b) => b.id);
    const anon = await ids(server.client());
    expect(anon).toContain(published.id);
    expect(anon).not.toContain(draft.id);
    const other = await ids(await server.loggedIn(['editor'], w.otherId));
    expect(other).not.toContain(draft.id);
    const window = await ids(await server.loggedIn(['windowStaff']));
    expect(window).not.toContain(draft.id);
    const own = await ids(await server.loggedIn(['editor'], w.ownId));
    expect(own).toEqual(expect.arrayContaining([draft.id, published.id]));
    const reviewer = await ids(await server.loggedIn(['reviewer']));
    expect(reviewer).toContain(draft.id);
  });
});
