/**
 * Investment project pre-approval (项目预审) over HTTP, on SQLite and PostgreSQL: a window clerk registers a
 * project, 业务科 returns it with a reason, the clerk resubmits, 业务科 passes the preliminary review,
 * approves and reports it up; every step recorded with who, when and why and audited. A stale version is
 * 409 with nothing saved; returns and refusals need a reason; bad codes and amounts are 400 in Chinese;
 * the window cannot decide.
 */
import { describe, expect, it } from 'vitest';
import { TEST_STORES } from '../store/test-stores.ts';
import { testProject } from './test-hall.ts';
import { type Client, useTestServer } from './test-server.ts';

interface View {
  id: string;
  projectCode: string;
  status: string;
  statusName: string;
  version: number;
  centerName: string;
  totalInvestmentFen: number;
  availableActions: string[];
  history: { type: string; actorId: string; from: string | null; to: string; reason: string | null }[];
}
type Failure = { error: { code: string; message: string; details?: { path: string[]; message: string }[] } };

describe.each(TEST_STORES)('project pre-approval API on $name', (entry) => {
  const server = useTestServer(entry);

  async function login(name: string, roles: Parameters<typeof server.user>[1]) {
    const u = await server.user(`${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, roles);
    const c = server.client();
    expect((await c.login(u.username)).status).toBe(200);
    return { id: u.id, c };
  }

  async function act(c: Client, v: View, type: string, reason?: string) {
    return c.post<View & Failure>(`/api/hall/pre-approvals/${v.id}/actions`, {
      version: v.version,
      action: { type, ...(reason !== undefined ? { reason } : {}) },
    });
  }

  it('goes from registration through a return and resubmission to the report upward', async () => {
    const clerk = await login('clerk', ['windowStaff']);
    const manager = await login('manager', ['hallManager']);
    const project = await testProject(server);
    const created = await clerk.c.post<View>('/api/hall/pre-approvals', {
      ...project,
      // Typed with full-width digits and long dashes: stored in the national shape.
      projectCode: project.projectCode
        .replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
        .replaceAll('-', '—'),
    });
    expect(created.status).toBe(201);
    let v = created.body;
    expect(v).toMatchObject({
      projectCode: project.projectCode,
      status: 'submitted',
      statusName: '已申报',
      version: 1,
      centerName: '矩阵区政务服务中心',
      totalInvestmentFen: 3_560_000_000,
      availableActions: ['passPreliminary', 'return', 'reject'],
    });

    // The same project again while this one is open: refused.
    const again = await clerk.c.post<Failure>('/api/hall/pre-approvals', project);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DUPLICATE');

    // The window registers, but does not decide.
    const byClerk = await act(clerk.c, v, 'passPreliminary');
    expect(byClerk.status).toBe(403);
    expect(byClerk.body.error.message).toMatch(/无权审查、批准和上报项目预审/);

    const noReason = await act(manager.c, v, 'return', '  ');
    expect(noReason.status).toBe(422);
    expect(noReason.body.error).toMatchObject({ code: 'REASON_REQUIRED', message: '退回补充应写明理由。' });
    const returned = await act(manager.c, v, 'return', '请补充用地预审意见');
    expect(returned.status).toBe(200);
    v = returned.body;
    expect([v.status, v.version, v.availableActions]).toEqual(['returned', 2, ['resubmit']]);

    // A decision on the version read before the return: 409, and nothing is saved.
    const stale = await act(manager.c, { ...v, version: 1 }, 'reject', '不符合规划');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const unchanged = await clerk.c.get<View>(`/api/hall/pre-approvals/${v.id}`);
    expect([unchanged.body.status, unchanged.body.version, unchanged.body.history.length]).toEqual([
      'returned',
      2,
      2,
    ]);

    const wrongStep = await act(manager.c, v, 'approve');
    expect(wrongStep.status).toBe(409);
    expect(wrongStep.body.error).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(wrongStep.body.error.message).toMatch(/^项目预审当前为“已退回补充”，不能批准/);

    v = (await act(clerk.c, v, 'resubmit', '已补充用地预审意见')).body;
    expect(v.status).toBe('submitted');
    for (const type of ['passPreliminary', 'approve', 'reportUp']) {
      const r = await act(manager.c, v, type);
      expect(r.status, type).toBe(200);
      v = r.body;
    }
    expect([v.status, v.statusName, v.version, v.availableActions]).toEqual(['reported', '已上报', 6, []]);
    const final = await act(manager.c, v, 'reject', '不符合规划');
    expect(final.status).toBe(409);

    expect(v.history.map((e) => [e.type, e.actorId, e.from, e.to, e.reason])).toEqual([
      ['submitted', clerk.id, null, 'submitted', null],
      ['return', manager.id, 'submitted', 'returned', '请补充用地预审意见'],
      ['resubmit', clerk.id, 'returned', 'submitted', '已补充用地预审意见'],
      ['passPreliminary', manager.id, 'submitted', 'preliminaryPassed', null],
      ['approve', manager.id, 'preliminaryPassed', 'approved', null],
      ['reportUp', manager.id, 'approved', 'reported', null],
    ]);
    const audit = await server.deps.repos.auditLog.listByEntity('preApproval', v.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['preApproval.submit', clerk.id],
      ['preApproval.return', manager.id],
      ['preApproval.resubmit', clerk.id],
      ['preApproval.passPreliminary', manager.id],
      ['preApproval.approve', manager.id],
      ['preApproval.reportUp', manager.id],
    ]);

    const list = await clerk.c.get<View[]>('/api/hall/pre-approvals?status=reported');
    expect(list.body.map((p) => p.id)).toContain(v.id);
    expect(
      (await clerk.c.get<View[]>('/api/hall/pre-approvals?status=returned')).body.map((p) => p.id),
    ).not.toContain(v.id);
  });

  it('refuses bad project codes and amounts with Chinese messages', async () => {
    const clerk = await login('clerk', ['windowStaff']);
    const project = await testProject(server);
    const post = (body: unknown) => clerk.c.post<Failure>('/api/hall/pre-approvals', body);

    const code = await post({ ...project, projectCode: '2018-99030-47-01-000123' });
    expect(code.status).toBe(400);
    expect(code.body.error.code).toBe('INVALID_INPUT');
    expect(code.body.error.message).toBe(
      '项目信息有误：投资项目代码应为“年份-6位行政区划代码-2位行业代码-2位项目类型代码-6位流水号”，如 2018-130303-47-01-000123。',
    );
    const region = await post({ ...project, projectCode: '2018-990303-47-01-000123' });
    expect(region.body.error.message).toMatch(/行政区划代码“990303”不正确/);

    for (const [amount, message] of [
      [12.5, '总投资应为以分计的整数'],
      [0, '总投资应大于零'],
      ['356万', '总投资应为数字（以分计）'],
      [10 ** 15, '总投资不能超过1万亿元'],
    ] as const) {
      const r = await post({ ...project, totalInvestmentFen: amount });
      expect(r.status, String(amount)).toBe(400);
      expect(r.body.error.details?.map((d) => d.message)).toEqual([message]);
    }
    const markup = await post({ ...project, constructionUnit: '<b>某公司</b>' });
    expect(markup.status).toBe(400);
    const extra = await post({ ...project, approvedBy: 'me' });
    expect(extra.status).toBe(400);
    expect(await server.deps.repos.preApprovals.list({ projectCode: project.projectCode })).toEqual([]);

    const rejectNoReason = await login('manager', ['hallManager']);
    const created = await clerk.c.post<View>('/api/hall/pre-approvals', project);
    const r = await act(rejectNoReason.c, created.body, 'reject');
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'REASON_REQUIRED', message: '不予批准应写明理由。' });
    const after = await clerk.c.get<View>(`/api/hall/pre-approvals/${created.body.id}`);
    expect([after.body.status, after.body.version]).toEqual(['submitted', 1]);
  });

  it('lets one of two simultaneous decisions on the same version land, and only one', async () => {
    const clerk = await login('clerk', ['windowStaff']);
    const a = await login('manager-a', ['hallManager']);
    const b = await login('manager-b', ['hallManager']);
    const v = (await clerk.c.post<View>('/api/hall/pre-approvals', await testProject(server))).body;
    const results = await Promise.all([act(a.c, v, 'passPreliminary'), act(b.c, v, 'reject', '不符合规划')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)?.body;
    const after = await clerk.c.get<View>(`/api/hall/pre-approvals/${v.id}`);
    expect([after.body.status, after.body.version, after.body.history.length]).toEqual([
      winner?.status,
      2,
      2,
    ]);
    expect(await server.deps.repos.auditLog.listByEntity('preApproval', v.id)).toHaveLength(2);
  });

  it('is not for the budget side or the public', async () => {
    const editor = await login('editor', ['editor']);
    expect((await editor.c.get<Failure>('/api/hall/pre-approvals')).status).toBe(403);
    expect((await server.client().get<Failure>('/api/hall/pre-approvals')).status).toBe(401);
    const admin = await login('admin', ['admin']);
    expect((await admin.c.get('/api/hall/pre-approvals')).status).toBe(200);
    expect((await admin.c.post<Failure>('/api/hall/pre-approvals', await testProject(server))).status).toBe(
      403,
    );
  });
});
