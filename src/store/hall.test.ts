import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../core/hall/calendar.ts';
import { openCase, transitionCase } from '../core/hall/case-transition.ts';
import { committedItem } from '../core/hall/sample-catalogue.ts';
import { TEST_STORES, useTestStore } from './test-stores.ts';

describe.each(TEST_STORES)('the hall store on $name', (entry) => {
  const t = useTestStore(entry);

  it('keeps centers as a tree, windows per center and who works them when', async () => {
    const { hall, users, auditLog } = t.repos;
    const district = await hall.createCenter({ name: '山海关区政务服务中心', level: 'district' }, 'admin');
    const town = await hall.createCenter(
      { parentId: district.id, name: '南关街道便民服务中心', level: 'township' },
      null,
    );
    await hall.createCenter({ parentId: town.id, name: '某社区服务站', level: 'village' }, null);
    const tree = (await hall.centerTree()).find((c) => c.id === district.id);
    expect(tree?.children.map((c) => [c.name, c.children.map((v) => v.name)])).toEqual([
      ['南关街道便民服务中心', ['某社区服务站']],
    ]);
    expect(await hall.stationDepartment({ centerId: district.id, name: '市场监督管理局' }, null)).not.toBe(
      'duplicate',
    );
    expect(await hall.stationDepartment({ centerId: district.id, name: '市场监督管理局' }, null)).toBe(
      'duplicate',
    );
    const w = await hall.createWindow(
      {
        centerId: district.id,
        number: '10',
        name: '市场准入',
        department: '市场监督管理局',
        kind: 'department',
      },
      null,
    );
    const w2 = await hall.createWindow(
      {
        centerId: district.id,
        number: '9',
        name: '综合受理',
        department: '市场监督管理局',
        kind: 'comprehensive',
      },
      null,
    );
    if (w === 'duplicate' || w2 === 'duplicate') throw new Error('duplicate');
    expect(await hall.createWindow({ ...w, centerId: district.id }, null)).toBe('duplicate');
    expect((await hall.listWindows(district.id)).map((x) => x.number)).toEqual(['9', '10']);
    const u = await users.create(
      { username: `w-${Date.now()}`, displayName: '窗口', passwordHash: 'x', roles: ['windowStaff'] },
      null,
    );
    if (u === 'duplicate') throw new Error('duplicate');
    await hall.assignStaff(
      { windowId: w.id, userId: u.id, fromDate: '2024-03-01', toDate: '2024-03-31' },
      null,
    );
    const second = await hall.assignStaff({ windowId: w2.id, userId: u.id, fromDate: '2024-03-15' }, null);
    expect(await hall.windowsOf(u.id, '2024-02-29')).toEqual([]);
    expect(await hall.windowsOf(u.id, '2024-03-01')).toEqual([w.id]);
    expect(await hall.windowsOf(u.id, '2024-03-31')).toEqual([w.id, w2.id].sort());
    expect(await hall.windowsOf(u.id, '2024-04-01')).toEqual([w2.id]);
    expect((await auditLog.listByEntity('window', w.id)).map((a) => a.action)).toEqual([
      'window.create',
      'windowStaff.assign',
    ]);
    // Ending an assignment keeps it for the days it ran.
    expect(await hall.endAssignment(second.id, '2024-04-30', null)).toEqual({
      ...second,
      toDate: '2024-04-30',
    });
    expect(await hall.getAssignment(second.id)).toEqual({ ...second, toDate: '2024-04-30' });
    expect(await hall.windowsOf(u.id, '2024-04-30')).toEqual([w2.id]);
    expect(await hall.windowsOf(u.id, '2024-05-01')).toEqual([]);
    expect(await hall.endAssignment('no-such-assignment', '2024-04-30', null)).toBeUndefined();
    expect((await auditLog.listByEntity('window', w2.id)).map((a) => a.action)).toEqual([
      'window.create',
      'windowStaff.assign',
      'windowStaff.end',
    ]);
  });

  it('appends case events at the version read, with the cards, and never twice', async () => {
    const { hall, serviceItems, cases, cards, auditLog } = t.repos;
    await serviceItems.upsert([committedItem], null);
    expect(await serviceItems.upsert([committedItem], null)).toEqual({ created: 0, updated: 0 });
    expect(await serviceItems.upsert([{ ...committedItem, promisedDays: 8 }], null)).toEqual({
      created: 0,
      updated: 1,
    });
    expect((await serviceItems.get(committedItem.code))?.version).toBe(2);
    const center = await hall.createCenter({ name: '中心', level: 'district' }, null);
    await hall.stationDepartment({ centerId: center.id, name: committedItem.department }, null);
    const w = await hall.createWindow(
      {
        centerId: center.id,
        number: '1',
        name: '窗口',
        department: committedItem.department,
        kind: 'department',
      },
      null,
    );
    if (w === 'duplicate') throw new Error('duplicate');
    const item = (await serviceItems.get(committedItem.code))?.item ?? committedItem;
    const now = new Date('2024-09-27T01:00:00Z');
    const opened = openCase({ caseId: crypto.randomUUID(), windowId: w.id }, { now, actorId: 'clerk', item });
    const created = await cases.create(
      {
        caseNumber: `N${Date.now()}`,
        applicantName: '张三',
        idNumberEnc: 'v1.a.b',
        phoneEnc: 'v1.c.d',
        phoneTailHash: 'h',
        state: opened,
      },
      'clerk',
    );
    if (created === 'duplicate') throw new Error('duplicate');
    expect(
      await cases.create(
        {
          caseNumber: created.caseNumber,
          applicantName: '李四',
          idNumberEnc: '',
          phoneEnc: '',
          phoneTailHash: '',
          state: opened,
        },
        'x',
      ),
    ).toBe('duplicate');
    const later = new Date('2024-10-30T01:00:00Z');
    const accepted = transitionCase(
      opened,
      { type: 'accept' },
      { now: later, actorId: 'clerk', item, calendar: officialCalendar },
    );
    if (!accepted.ok) throw new Error(accepted.error.message);
    const card = {
      caseId: opened.caseId,
      episode: 0,
      kind: 'yellow' as const,
      deadlineKind: 'promised' as const,
      deadline: '2024-11-11',
      issuedAt: '2024-11-11T16:00:00.000Z',
      windowId: w.id,
      staffId: 'clerk',
      provisional: false,
      message: '超期',
    };
    const r = await cases.append(accepted.state, 1, [card], 'clerk');
    expect(r === 'conflict' ? r : r.version).toBe(2);
    expect(await cases.append(accepted.state, 1, [card], 'clerk')).toBe('conflict');
    expect(await cases.recordCards([card], null)).toBe(0);
    expect((await cards.list({ caseId: opened.caseId })).map((c) => c.kind)).toEqual(['yellow']);
    expect((await cases.history(opened.caseId)).map((e) => e.type)).toEqual(['submitted', 'accepted']);
    const rows = await t.store.db
      .selectFrom('case_events')
      .select(['seq', 'episode', 'to_status'])
      .where('case_id', '=', opened.caseId)
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      { seq: 0, episode: null, to_status: 'submitted' },
      { seq: 1, episode: 0, to_status: 'accepted' },
    ]);
    expect((await cases.get(opened.caseId))?.status).toBe('accepted');
    expect((await auditLog.listByEntity('case', opened.caseId)).map((a) => a.action)).toEqual([
      'case.submit',
      'case.accepted',
    ]);
  });

  it('archives a report once', async () => {
    const { hallReports } = t.repos;
    const a = await hallReports.archive('daily', '2024-05-06', '{"a":1}', null);
    const b = await hallReports.archive('daily', '2024-05-06', '{"a":2}', null);
    expect(b).toEqual(a);
    expect(a.sha256).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });
});
