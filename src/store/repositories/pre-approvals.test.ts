import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type PreApproval,
  type PreApprovalProject,
  submitPreApproval,
  transitionPreApproval,
} from '../../core/hall/pre-approval.ts';
import { TEST_STORES, useTestStore } from '../test-stores.ts';

const at = (minutes: number) => new Date(Date.UTC(2024, 2, 4, 1, minutes));

function step(
  s: PreApproval,
  type: Parameters<typeof transitionPreApproval>[1]['type'],
  minutes: number,
  reason?: string,
) {
  const r = transitionPreApproval(
    s,
    { type, ...(reason ? { reason } : {}) },
    { now: at(minutes), actorId: 'manager' },
  );
  if (!r.ok) throw new Error(r.message);
  return r.state;
}

describe.each(TEST_STORES)('pre-approvals on $name', (entry) => {
  const t = useTestStore(entry);

  async function project(overrides: Partial<PreApprovalProject> = {}): Promise<PreApprovalProject> {
    const center = await t.repos.hall.createCenter({ name: '山海关区政务服务中心', level: 'district' }, null);
    return {
      projectName: '山海关古城停车场建设项目',
      projectCode: '2018-130303-47-01-000123',
      constructionUnit: '秦皇岛市山海关区城市建设投资有限公司',
      location: '山海关区古城南门外',
      // 123.456789亿元 = 1,234,567.89万元: beyond a 32-bit integer of 分.
      totalInvestmentFen: 1_234_567_890_000,
      content: '新建停车位 420 个及配套设施',
      centerId: center.id,
      authority: '秦皇岛市行政审批局',
      ...overrides,
    };
  }

  it('keeps the project, appends its history at the version read and audits every write', async () => {
    const { preApprovals, auditLog } = t.repos;
    const p = await project();
    const submitted = submitPreApproval(
      { projectId: randomUUID(), projectName: p.projectName },
      { now: at(0), actorId: 'clerk' },
    );
    const created = await preApprovals.create(p, submitted, 'clerk');
    expect(created).toMatchObject({
      ...p,
      id: submitted.projectId,
      status: 'submitted',
      version: 1,
      submittedBy: 'clerk',
    });
    expect(await preApprovals.get(created.id)).toEqual(created);

    const returned = step(submitted, 'return', 1, '缺少用地预审意见');
    const r1 = await preApprovals.append(returned, 1, 'manager');
    expect(r1 !== 'conflict' && [r1.status, r1.version]).toEqual(['returned', 2]);
    // Someone else acting on version 1 again: a conflict, and nothing is written.
    const rejected = step(submitted, 'reject', 2, '不符合规划');
    expect(await preApprovals.append(rejected, 1, 'other')).toBe('conflict');
    // A state whose history does not follow the version named is refused too.
    expect(await preApprovals.append(returned, 2, 'manager')).toBe('conflict');
    expect((await preApprovals.get(created.id))?.status).toBe('returned');

    let s = step(returned, 'resubmit', 3);
    for (const [i, type] of (['passPreliminary', 'approve', 'reportUp'] as const).entries()) {
      const before = s.history.length;
      expect(await preApprovals.append(s, before - 1, 'manager')).not.toBe('conflict');
      s = step(s, type, 4 + i);
    }
    const done = await preApprovals.append(s, s.history.length - 1, 'manager');
    expect(done !== 'conflict' && [done.status, done.version]).toEqual(['reported', 6]);

    const history = await preApprovals.history(created.id);
    expect(history).toEqual(s.history);
    expect(history.map((e) => [e.type, e.actorId, e.reason])).toEqual([
      ['submitted', 'clerk', null],
      ['return', 'manager', '缺少用地预审意见'],
      ['resubmit', 'manager', null],
      ['passPreliminary', 'manager', null],
      ['approve', 'manager', null],
      ['reportUp', 'manager', null],
    ]);
    const audit = await auditLog.listByEntity('preApproval', created.id);
    expect(audit.map((a) => a.action)).toEqual([
      'preApproval.submit',
      'preApproval.return',
      'preApproval.resubmit',
      'preApproval.passPreliminary',
      'preApproval.approve',
      'preApproval.reportUp',
    ]);
    expect(audit[0]?.after).toMatchObject({ totalInvestmentFen: 1_234_567_890_000, status: 'submitted' });
    expect(audit[1]).toMatchObject({
      actorId: 'manager',
      before: { status: 'submitted', version: 1 },
      after: { status: 'returned', version: 2, reason: '缺少用地预审意见' },
    });
  });

  it('lists by center, status and code, newest first', async () => {
    const { preApprovals } = t.repos;
    const a = await project({ projectCode: '2024-130303-48-02-000001' });
    const b = await project({ projectCode: '2024-130303-48-02-000002' });
    const make = async (p: PreApprovalProject, minutes: number) =>
      preApprovals.create(
        p,
        submitPreApproval(
          { projectId: randomUUID(), projectName: p.projectName },
          { now: at(minutes), actorId: 'clerk' },
        ),
        'clerk',
      );
    const first = await make(a, 10);
    const second = await make(a, 20);
    const other = await make(b, 15);
    expect((await preApprovals.list({ centerId: a.centerId })).map((x) => x.id)).toEqual([
      second.id,
      first.id,
    ]);
    expect((await preApprovals.list({ projectCode: b.projectCode })).map((x) => x.id)).toEqual([other.id]);
    const returned = step(
      submitPreApproval(
        { projectId: first.id, projectName: a.projectName },
        { now: at(10), actorId: 'clerk' },
      ),
      'return',
      30,
      '补充材料',
    );
    expect(await preApprovals.append(returned, 1, 'manager')).not.toBe('conflict');
    expect(
      (await preApprovals.list({ centerId: a.centerId, statuses: ['returned'] })).map((x) => x.id),
    ).toEqual([first.id]);
    expect(await preApprovals.list({ statuses: [] })).toEqual([]);
    expect(await preApprovals.list({ centerId: a.centerId, limit: 1 })).toHaveLength(1);
  });

  it('keeps the project and its event together or not at all', async () => {
    const { preApprovals, auditLog } = t.repos;
    const p = await project({ centerId: randomUUID() });
    const s = submitPreApproval(
      { projectId: randomUUID(), projectName: p.projectName },
      { now: at(0), actorId: 'clerk' },
    );
    // The center does not exist: the foreign key refuses the row, and no event or audit row is left behind.
    await expect(preApprovals.create(p, s, 'clerk')).rejects.toThrow();
    expect(await preApprovals.get(s.projectId)).toBeUndefined();
    expect(await preApprovals.history(s.projectId)).toEqual([]);
    expect(await auditLog.listByEntity('preApproval', s.projectId)).toEqual([]);
  });
});
