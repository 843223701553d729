/**
 * Bad input through HTTP, on both databases: wrong types, unknown fields, huge bodies, malformed JSON,
 * the wrong content type, SQL fragments where an identifier or a number belongs, and markup in text
 * fields each get a 4xx with a Chinese message naming the problem; nothing is stored, not even half-way.
 */
import { describe, expect, it } from 'vitest';
import { cleanBudgetFacts } from '../store/test-fixtures.ts';
import { TEST_STORES } from '../store/test-stores.ts';
import { useTestServer } from './test-server.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string[]; message: string }[] };
}

describe.each(TEST_STORES)('bad input on $name', (entry) => {
  const server = useTestServer(entry);

  async function setup() {
    const { repos } = server.deps;
    const region = await repos.regions.create({ name: '输入区', level: 'district', code: null }, null);
    const dept = await repos.departments.create(
      { regionId: region.id, name: `输入部门${Math.random()}`, code: null, kind: 'department' },
      null,
    );
    const editor = await server.loggedIn(['editor'], dept.id);
    const created = await editor.post<{ id: string; version: number }>('/api/budgets', {
      departmentId: dept.id,
      fiscalYear: 2024,
      facts: cleanBudgetFacts(2024),
    });
    expect(created.status).toBe(201);
    return { dept, editor, budget: created.body };
  }

  /** Everything that could change: the budget's version and facts, and the audit log's length. */
  async function snapshot(budgetId: string) {
    const { repos } = server.deps;
    const b = await repos.budgets.get(budgetId);
    const log = await repos.auditLog.list({ limit: 1000 });
    const comments = await repos.comments.list(budgetId);
    return { version: b?.version, facts: b?.facts, log: log.length, comments: comments.length };
  }

  it('answers each kind of bad input with a 4xx and a clear Chinese message, storing nothing', async () => {
    const { dept, editor, budget } = await setup();
    const before = await snapshot(budget.id);
    const facts = cleanBudgetFacts(2024);
    const cases: {
      name: string;
      method: string;
      path: string;
      body?: unknown;
      headers?: Record<string, string>;
      status: number;
      message: RegExp;
    }[] = [
      {
        name: 'wrong type',
        method: 'PUT',
        path: `/api/budgets/${budget.id}`,
        body: { version: '1', facts },
        status: 400,
        message: /“version”：版本号应为数字/,
      },
      {
        name: 'wrong type deep inside the facts',
        method: 'PUT',
        path: `/api/budgets/${budget.id}`,
        body: { version: budget.version, facts: { ...facts, fiscalYear: '二〇二四' } },
        status: 400,
        message: /facts\.fiscalYear/,
      },
      {
        name: 'unknown field',
        method: 'PUT',
        path: `/api/budgets/${budget.id}`,
        body: { version: budget.version, facts, status: 'published' },
        status: 400,
        message: /status/,
      },
      {
        name: 'missing field',
        method: 'PUT',
        path: `/api/budgets/${budget.id}`,
        body: { facts },
        status: 400,
        message: /version/,
      },
      {
        name: 'malformed JSON',
        method: 'PUT',
        path: `/api/budgets/${budget.id}`,
        body: '{"version": 1, "facts": ',
        status: 400,
        message: /不是有效的 JSON/,
      },
      {
        name: 'wrong content type',
        method: 'PUT',
        path: `/api/budgets/${budget.id}`,
        body: 'version=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        status: 415,
        message: /JSON/,
      },
      {
        name: 'huge body',
        method: 'PUT',
        path: `/api/budgets/${budget.id}`,
        body: {
          version: budget.version,
          facts: { ...facts, department: { ...facts.department, duties: ['很长'.repeat(400_000)] } },
        },
        status: 413,
        message: /过大/,
      },
      {
        name: 'SQL in an id',
        method: 'GET',
        path: `/api/budgets/${encodeURIComponent("1' OR '1'='1")}`,
        status: 400,
        message: /编号格式不正确/,
      },
      {
        name: 'SQL in a number',
        method: 'GET',
        path: `/api/budgets?fiscalYear=${encodeURIComponent('2024; DROP TABLE budgets')}`,
        status: 400,
        message: /年度应为数字/,
      },
      {
        name: 'SQL in a username',
        method: 'POST',
        path: '/api/users',
        body: { username: "x'; DROP TABLE users;--", displayName: '注入', password: 'a-long-password' },
        status: 400,
        message: /用户名应为/,
      },
      {
        name: 'script in a text field',
        method: 'POST',
        path: `/api/budgets/${budget.id}/submit`,
        body: {
          version: budget.version,
          justifications: { 'x:1': '<script>alert(1)</script>理由写得足够长' },
        },
        status: 400,
        message: /不能包含 HTML 标签或脚本/,
      },
      {
        name: 'unknown route',
        method: 'DELETE',
        path: `/api/budgets/${budget.id}`,
        status: 404,
        message: /接口不存在/,
      },
    ];
    for (const c of cases) {
      const r = await editor.request<ErrorBody>(
        c.method,
        c.path,
        c.body,
        c.headers ? { headers: c.headers } : {},
      );
      expect(r.status, c.name).toBe(c.status);
      expect(r.body.error.message, c.name).toMatch(c.message);
    }
    expect(await snapshot(budget.id)).toEqual(before);

    // The budget list did not suffer from the SQL fragments either.
    const list = await editor.get<{ id: string }[]>(`/api/budgets?departmentId=${dept.id}`);
    expect(list.body.map((b) => b.id)).toEqual([budget.id]);
  });

  it("refuses SQL and markup in an administrator's input too, and keeps quotes in plain text verbatim", async () => {
    const admin = await server.loggedIn(['admin']);
    const badName = await admin.post<ErrorBody>('/api/users', {
      username: "x'; DROP TABLE users;--",
      displayName: '注入',
      password: 'a-long-password',
    });
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toMatch(/用户名应为 3 到 40 个字母/);
    const markup = await admin.post<ErrorBody>('/api/regions', {
      name: '<img src=x onerror=alert(1)>',
      level: 'township',
    });
    expect(markup.status).toBe(400);
    // Quotes and SQL-looking words are ordinary text in a name: stored verbatim, harmless with bound parameters.
    const quoted = await admin.post<{ id: string; name: string }>('/api/regions', {
      name: "O'Brien 镇; DROP TABLE regions",
      level: 'township',
    });
    expect(quoted.status).toBe(201);
    expect((await server.deps.repos.regions.get(quoted.body.id))?.name).toBe(
      "O'Brien 镇; DROP TABLE regions",
    );
    expect((await server.deps.repos.regions.list()).length).toBeGreaterThan(1);
  });

  it('refuses an empty or oversized upload and a file it cannot read, with the reason', async () => {
    const { dept, editor } = await setup();
    const empty = await editor.request<ErrorBody>(
      'POST',
      `/api/documents?fileName=a.txt&departmentId=${dept.id}`,
      undefined,
      {
        raw: new Uint8Array(0),
      },
    );
    expect(empty.status).toBe(400);
    const binary = await editor.request<ErrorBody>(
      'POST',
      `/api/documents?fileName=a.png&departmentId=${dept.id}`,
      undefined,
      {
        raw: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      },
    );
    expect(binary.status).toBeGreaterThanOrEqual(400);
    expect(binary.status).toBeLessThan(500);
    expect(binary.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const pathName = await editor.request<ErrorBody>(
      'POST',
      `/api/documents?fileName=${encodeURIComponent('../../etc/passwd')}`,
      undefined,
      {
        raw: new TextEncoder().encode('x'),
      },
    );
    expect(pathName.status).toBe(400);
    expect(pathName.body.error.message).toMatch(/路径/);
    expect(await server.deps.repos.documents.list(dept.id)).toEqual([]);
  });
});
