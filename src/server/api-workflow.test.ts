/**
 * The publishing workflow through HTTP, on both databases: prepare → submit (errors justified) → return →
 * fix → resubmit → approve → publish → correct; versions stay downloadable byte for byte; a published
 * budget cannot be changed through any route; two editors saving at once get 200 and 409.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Budget } from '../core/budget/budget.ts';
import { cleanBudgetFacts } from '../store/test-fixtures.ts';
import { TEST_STORES } from '../store/test-stores.ts';
import { type Client, useTestServer } from './test-server.ts';

interface BudgetBody {
  id: string;
  version: number;
  status: string;
  facts: Budget;
  allowedActions: string[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
interface Unjustified {
  key: string;
  rule: string;
  message: string;
}
interface Publication {
  id: string;
  version: number;
  files: { format: string; sha256: string; size: number }[];
  reason: string | null;
}

/** The facts with one more duty: a visible, valid edit. */
const withDuty = (b: Budget, duty: string): Budget => ({
  ...b,
  department: { ...b.department, duties: [...b.department.duties, duty] },
});

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Facts with a deliberate inconsistency (stated revenue total off by 1 元) so the auditor reports an error. */
function factsWithError(year: number): Budget {
  const b = cleanBudgetFacts(year);
  const total = b.stated.revenueTotal;
  if (!total) throw new Error('fixture lacks a revenue total');
  return { ...b, stated: { ...b.stated, revenueTotal: { ...total, fen: total.fen + 100_000 } } };
}

describe.each(TEST_STORES)('workflow API on $name', (entry) => {
  const server = useTestServer(entry);

  async function organisation() {
    const { repos } = server.deps;
    const region = await repos.regions.create({ name: '山海关区', level: 'district', code: null }, null);
    const dept = await repos.departments.create(
      { regionId: region.id, name: `政务服务中心-${Math.random()}`, code: null, kind: 'department' },
      null,
    );
    const editor = await server.loggedIn(['editor'], dept.id);
    const reviewer = await server.loggedIn(['reviewer']);
    return { region, dept, editor, reviewer };
  }

  async function createBudget(editor: Client, departmentId: string, facts: Budget) {
    const r = await editor.post<BudgetBody>('/api/budgets', {
      departmentId,
      fiscalYear: facts.fiscalYear,
      kind: 'budget',
      facts,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }

  it('runs a budget from draft to a corrected publication, keeping every version byte-identical', async () => {
    const { dept, editor, reviewer } = await organisation();
    const anon = server.client();
    const created = await createBudget(editor, dept.id, factsWithError(2024));
    expect(created.status).toBe('draft');

    // The public cannot see the draft, not even that it exists.
    expect((await anon.get(`/api/budgets/${created.id}`)).status).toBe(404);

    // Submitting without justifying the auditor's errors is refused with the list of what is missing.
    const refused = await editor.post<ErrorBody>(`/api/budgets/${created.id}/submit`, {
      version: created.version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('UNJUSTIFIED_FINDINGS');
    expect(refused.body.error.message).toMatch(/没有书面说明理由/);
    const unjustified = refused.body.error.details as Unjustified[];
    expect(unjustified.length).toBeGreaterThan(0);

    const justifications = Object.fromEntries(
      unjustified.map((u) => [u.key, '收入总计按财政批复口径填列，差额为代编项目资金。']),
    );
    const submitted = await editor.post<BudgetBody>(`/api/budgets/${created.id}/submit`, {
      version: created.version,
      justifications,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('submitted');

    // The editor cannot approve; the reviewer returns it with comments.
    expect(
      (await editor.post(`/api/budgets/${created.id}/approve`, { version: submitted.body.version })).status,
    ).toBe(403);
    const returned = await reviewer.post<BudgetBody>(`/api/budgets/${created.id}/return`, {
      version: submitted.body.version,
      comments: '收入总计与分项合计不一致，请核对后重新提交。',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');

    // The editor fixes the facts and resubmits: no errors now, so no justification is needed.
    const fixed = await editor.put<BudgetBody>(`/api/budgets/${created.id}`, {
      version: returned.body.version,
      facts: cleanBudgetFacts(2024),
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const resubmitted = await editor.post<BudgetBody>(`/api/budgets/${created.id}/submit`, {
      version: fixed.body.version,
    });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);

    const record = await reviewer.get<{ comments: { kind: string; body: string }[] }>(
      `/api/budgets/${created.id}/review-record`,
    );
    expect(record.body.comments.map((c) => c.kind).sort()).toEqual(
      [...unjustified.map(() => 'justification'), 'return'].sort(),
    );

    const approved = await reviewer.post<BudgetBody>(`/api/budgets/${created.id}/approve`, {
      version: resubmitted.body.version,
    });
    expect(approved.status).toBe(200);
    const published = await editor.post<Publication>(`/api/budgets/${created.id}/publish`, {
      version: approved.body.version,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.version).toBe(1);
    expect(published.body.files.map((f) => f.format).sort()).toEqual(['html', 'json']);

    // The public now sees it, and downloads exactly what was published.
    const v1Html = await anon.get(`/api/open-data/budgets/${created.id}/files/html?version=1`);
    expect(v1Html.status).toBe(200);
    const v1HtmlInfo = published.body.files.find((f) => f.format === 'html');
    expect(sha256(v1Html.bytes)).toBe(v1HtmlInfo?.sha256);
    expect(v1Html.headers.get('etag')).toBe(`"${v1HtmlInfo?.sha256}"`);
    const v1Json = await anon.get<{ budget: Budget }>(
      `/api/open-data/budgets/${created.id}/files/json?version=1`,
    );
    expect(v1Json.body.budget).toEqual(cleanBudgetFacts(2024));

    // A correction: version 2 with its reason and diff; version 1 unchanged.
    const view = await editor.get<BudgetBody>(`/api/budgets/${created.id}`);
    expect(view.body.allowedActions).toContain('budget.correct');
    const corrected = cleanBudgetFacts(2024);
    corrected.department.duties = [...corrected.department.duties, '负责政务服务“好差评”工作。'];
    const shortReason = await editor.post<ErrorBody>(`/api/budgets/${created.id}/correct`, {
      version: view.body.version,
      facts: corrected,
      reason: '补充',
    });
    expect(shortReason.status).toBe(422);
    expect(shortReason.body.error.code).toBe('REASON_REQUIRED');
    const v2 = await editor.post<Publication & { changes: string[] }>(`/api/budgets/${created.id}/correct`, {
      version: view.body.version,
      facts: corrected,
      reason: '补充部门职责中遗漏的“好差评”工作。',
    });
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    expect(v2.body.version).toBe(2);
    expect(v2.body.reason).toBe('补充部门职责中遗漏的“好差评”工作。');

    const versions = await anon.get<Publication[]>(`/api/open-data/budgets/${created.id}/versions`);
    expect(versions.body.map((v) => v.version)).toEqual([1, 2]);
    const v2Data = await anon.get<{ diff: { path: string }[]; reason: string }>(
      `/api/open-data/budgets/${created.id}/versions/2`,
    );
    expect(v2Data.body.diff.some((d) => d.path.startsWith('/department/duties'))).toBe(true);
    const v1Again = await anon.get(`/api/open-data/budgets/${created.id}/files/html?version=1`);
    expect(Buffer.from(v1Again.bytes).equals(Buffer.from(v1Html.bytes))).toBe(true);
    const latest = await anon.get(`/api/open-data/budgets/${created.id}/files/html`);
    expect(sha256(latest.bytes)).toBe(v2.body.files.find((f) => f.format === 'html')?.sha256);
    expect(sha256(latest.bytes)).not.toBe(sha256(v1Html.bytes));
  });

  it('refuses every route that would change a published budget in place', async () => {
    const { dept, editor, reviewer } = await organisation();
    const b = await createBudget(editor, dept.id, cleanBudgetFacts(2023));
    const s = await editor.post<BudgetBody>(`/api/budgets/${b.id}/submit`, { version: b.version });
    const a = await reviewer.post<BudgetBody>(`/api/budgets/${b.id}/approve`, { version: s.body.version });
    const p = await reviewer.post<Publication>(`/api/budgets/${b.id}/publish`, { version: a.body.version });
    expect(p.status).toBe(201);
    const current = (await editor.get<BudgetBody>(`/api/budgets/${b.id}`)).body;
    const changed = withDuty(cleanBudgetFacts(2023), '改动');
    const attempts: [Client, string, string, unknown][] = [
      [editor, 'PUT', `/api/budgets/${b.id}`, { version: current.version, facts: changed }],
      [editor, 'POST', `/api/budgets/${b.id}/submit`, { version: current.version }],
      [
        reviewer,
        'POST',
        `/api/budgets/${b.id}/return`,
        { version: current.version, comments: '退回已公开的预算' },
      ],
      [reviewer, 'POST', `/api/budgets/${b.id}/approve`, { version: current.version }],
      [editor, 'POST', `/api/budgets/${b.id}/publish`, { version: current.version }],
      [
        editor,
        'POST',
        '/api/budgets',
        { departmentId: dept.id, fiscalYear: 2023, kind: 'budget', facts: changed },
      ],
    ];
    for (const [client, method, path, body] of attempts) {
      const r = await client.request<ErrorBody>(method, path, body);
      expect([403, 409], `${method} ${path}`).toContain(r.status);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const after = (await editor.get<BudgetBody>(`/api/budgets/${b.id}`)).body;
    expect(after.version).toBe(current.version);
    expect(after.facts).toEqual(cleanBudgetFacts(2023));
    const versions = await server.client().get<Publication[]>(`/api/open-data/budgets/${b.id}/versions`);
    expect(versions.body).toHaveLength(1);
  });

  it('gives the second of two concurrent saves 409 Conflict and loses nothing', async () => {
    const { dept, editor } = await organisation();
    const second = await server.loggedIn(['editor'], dept.id);
    const b = await createBudget(editor, dept.id, cleanBudgetFacts(2022));
    const mine = withDuty(cleanBudgetFacts(2022), '编辑甲的修改');
    const theirs = withDuty(cleanBudgetFacts(2022), '编辑乙的修改');
    const [r1, r2] = await Promise.all([
      editor.put<BudgetBody>(`/api/budgets/${b.id}`, { version: b.version, facts: mine }),
      second.put<BudgetBody | ErrorBody>(`/api/budgets/${b.id}`, { version: b.version, facts: theirs }),
    ]);
    const statuses = [r1.status, r2.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = r1.status === 409 ? r1 : r2;
    expect((loser.body as ErrorBody).error.code).toBe('CONFLICT');
    expect((loser.body as ErrorBody).error.message).toMatch(/已被他人修改/);
    const winnerFacts = r1.status === 200 ? mine : theirs;
    const now = (await editor.get<BudgetBody>(`/api/budgets/${b.id}`)).body;
    expect(now.version).toBe(b.version + 1);
    expect(now.facts).toEqual(winnerFacts);
    // The loser reloads and saves on top: both edits are now in the history.
    const retry = await (r1.status === 409 ? editor : second).put<BudgetBody>(`/api/budgets/${b.id}`, {
      version: now.version,
      facts: withDuty(now.facts, '重新保存'),
    });
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(b.version + 2);
  });
});
