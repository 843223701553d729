/**
 * The hall over HTTP, on SQLite and PostgreSQL: intake at a window with personal data stored encrypted and
 * shown masked, transitions recording who, when and why with 409 on a stale version, the public query
 * (right number and phone tail only, nothing personal), the LED counts and the catalogue as XLSX.
 */
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../core/hall/calendar.ts';
import { committedItem } from '../core/hall/sample-catalogue.ts';
import { addWorkdays, dayEndsAt } from '../core/hall/workdays.ts';
import { shanghaiDate } from '../core/workflow/deadlines.ts';
import { TEST_STORES } from '../store/test-stores.ts';
import { hallWorld, TEST_PHONE } from './test-hall.ts';
import { useTestServer } from './test-server.ts';

const ID = '11010519491231002X';

interface CaseBody {
  id: string;
  caseNumber: string;
  version: number;
  status: string;
  applicant: { name: string; idNumber: string; phone: string };
  history: { type: string; actorId: string; at: string; reason: string | null }[];
  deadlines: { promised: string | null } | null;
}

describe.each(TEST_STORES)('the hall API on $name', (entry) => {
  const server = useTestServer(entry);

  it('takes a case in at a window and handles it, keeping personal data protected', async () => {
    const w = await hallWorld(server);
    const staff = await server.user(`w-${Date.now()}`, ['windowStaff']);
    await server.deps.repos.hall.assignStaff(
      { windowId: w.windowId, userId: staff.id, fromDate: '2000-01-01' },
      null,
    );
    const clerk = server.client();
    await clerk.login(staff.username);
    const intake = await clerk.post<CaseBody>('/api/hall/cases', {
      windowId: w.windowId,
      itemCode: committedItem.code,
      applicant: { name: '欧阳小明', idNumber: ID, phone: TEST_PHONE },
    });
    expect(intake.status).toBe(201);
    const c = intake.body;
    expect(c.applicant).toEqual({ name: '欧**明', idNumber: '110105********002X', phone: '138****5678' });
    expect(JSON.stringify(c)).not.toContain(ID);
    expect(JSON.stringify(c)).not.toContain(TEST_PHONE);
    const row = await server.deps.store.db
      .selectFrom('hall_cases')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(`${row.id_number_enc}${row.phone_enc}${row.phone_tail_hash}${row.state}`).not.toMatch(/002X|5678/);

    const bad = await clerk.post<{ error: { code: string } }>('/api/hall/cases', {
      windowId: w.windowId,
      itemCode: committedItem.code,
      applicant: { name: '王五', idNumber: '110105194912310021', phone: TEST_PHONE },
    });
    expect(bad.status).toBe(400);

    const accepted = await clerk.post<CaseBody>(`/api/hall/cases/${c.id}/actions`, {
      version: c.version,
      action: { type: 'accept' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.deadlines?.promised).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const stale = await clerk.post<{ error: { code: string } }>(`/api/hall/cases/${c.id}/actions`, {
      version: c.version,
      action: { type: 'reject', reason: '材料不全' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const returned = await clerk.post<CaseBody>(`/api/hall/cases/${c.id}/actions`, {
      version: accepted.body.version,
      action: { type: 'return', reason: '经营场所不符合要求' },
    });
    expect(returned.body.history.map((e) => [e.type, e.actorId, e.reason])).toEqual([
      ['submitted', staff.id, null],
      ['accepted', staff.id, null],
      ['returned', staff.id, '经营场所不符合要求'],
    ]);
    const noReason = await clerk.post<{ error: { code: string } }>(`/api/hall/cases/${c.id}/actions`, {
      version: returned.body.version,
      action: { type: 'resubmit', supplied: [] },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('CASE_RULE');
    const audit = await server.deps.repos.auditLog.listByEntity('case', c.id);
    expect(audit.map((a) => a.action)).toEqual(['case.submit', 'case.accepted', 'case.returned']);
    expect(JSON.stringify(audit)).not.toContain(ID);

    const mine = await clerk.get<{ id: string; applicantName: string }[]>('/api/hall/cases/mine');
    expect(mine.body.find((m) => m.id === c.id)?.applicantName).toBe('欧**明');

    const kiosk = server.client();
    const q = await kiosk.get<Record<string, unknown>>(
      `/api/hall/query?caseNumber=${c.caseNumber}&phoneTail=5678`,
    );
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({ caseNumber: c.caseNumber, status: 'returned', statusName: '已退回' });
    expect(Object.keys(q.body).sort()).toEqual(
      [
        'caseNumber',
        'closedDate',
        'deadline',
        'itemName',
        'receivedDate',
        'status',
        'statusName',
        'suspended',
      ].sort(),
    );
    const wrong = await kiosk.get<{ error: { message: string } }>(
      `/api/hall/query?caseNumber=${c.caseNumber}&phoneTail=5679`,
    );
    const unknown = await kiosk.get<{ error: { message: string } }>(
      '/api/hall/query?caseNumber=20240101999999&phoneTail=5678',
    );
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body).toEqual(unknown.body);

    const led = await kiosk.get<{ windows: { windowId: string; received: number }[] }>('/api/hall/dashboard');
    expect(led.body.windows.find((x) => x.windowId === w.windowId)?.received).toBeGreaterThanOrEqual(1);
  });

  it('ends a staff assignment, refusing dates before it began or after it ended', async () => {
    const w = await hallWorld(server);
    const clerk = await server.user(`end-${entry.dialect}`, ['windowStaff']);
    const manager = await server.loggedIn(['hallManager']);
    const a = await manager.post<{ id: string }>('/api/hall/staff', {
      windowId: w.windowId,
      userId: clerk.id,
      fromDate: '2024-03-01',
    });
    expect(a.status).toBe(201);
    const early = await manager.post<{ error: { code: string; message: string } }>(
      `/api/hall/staff/${a.body.id}/end`,
      { toDate: '2024-02-28' },
    );
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('结束日期不能早于开始日期（2024-03-01）。');
    const ended = await manager.post(`/api/hall/staff/${a.body.id}/end`, { toDate: '2024-03-31' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id: a.body.id, fromDate: '2024-03-01', toDate: '2024-03-31' });
    const later = await manager.post<{ error: { message: string } }>(`/api/hall/staff/${a.body.id}/end`, {
      toDate: '2024-04-30',
    });
    expect(later.status).toBe(400);
    expect(later.body.error.message).toBe('该安排已于 2024-03-31 结束，不能延后；请重新安排。');
    const missing = await manager.post(`/api/hall/staff/${crypto.randomUUID()}/end`, {
      toDate: '2024-03-31',
    });
    expect(missing.status).toBe(404);
  });

  it('names the people of the hall for histories and cards, and nobody else', async () => {
    const clerk = await server.user(`clerk-${entry.dialect}-names`, ['windowStaff']);
    const editor = await server.user(`editor-${entry.dialect}-names`, ['editor']);
    const manager = await server.loggedIn(['hallManager']);
    const r = await manager.get<{ id: string; displayName: string }[]>('/api/hall/people');
    expect(r.status).toBe(200);
    expect(r.body).toContainEqual({ id: clerk.id, displayName: clerk.username });
    expect(r.body.some((p) => p.id === editor.id)).toBe(false);
    expect(Object.keys(r.body[0] ?? {}).sort()).toEqual(['displayName', 'id']);
  });

  it('exports the catalogue as XLSX and imports it back unchanged', async () => {
    await hallWorld(server);
    const manager = await server.loggedIn(['hallManager']);
    const xlsx = await manager.get('/api/hall/catalogue.xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const back = await manager.request<{ created: number; updated: number }>(
      'POST',
      '/api/hall/catalogue.xlsx',
      undefined,
      {
        raw: xlsx.bytes,
      },
    );
    expect(back.body).toEqual({ created: 0, updated: 0 });
  });

  // Last in this file: it moves the server's clock three weeks on.
  it('the sweep records as accepted, from receipt, the cases nobody decided on within 5 working days', async () => {
    const w = await hallWorld(server);
    const received = server.clock.now();
    const undecided = await w.newCase();
    const corrected = await w.newCase(committedItem, [{ type: 'requestCorrection', missing: ['营业执照'] }]);
    const manager = await server.loggedIn(['hallManager']);
    const early = await manager.post<{ deemed: number }>('/api/hall/supervision/sweep');
    expect(early.status).toBe(200);
    expect((await manager.get<{ status: string }>(`/api/hall/cases/${undecided.id}`)).body.status).toBe(
      'submitted',
    );

    server.clock.advance(21 * 86_400_000);
    const later = await server.loggedIn(['hallManager']);
    const swept = await later.post<{ cases: number; added: number; deemed: number }>(
      '/api/hall/supervision/sweep',
    );
    expect(swept.status).toBe(200);
    expect(swept.body.deemed).toBeGreaterThanOrEqual(1);
    const view = await later.get<{
      status: string;
      version: number;
      history: { type: string; actorId: string; deemed?: boolean; clockStart?: string }[];
    }>(`/api/hall/cases/${undecided.id}`);
    expect(view.body.status).toBe('accepted');
    expect(view.body.history.at(-1)).toMatchObject({
      type: 'accepted',
      actorId: 'system',
      deemed: true,
      clockStart: new Date(received.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    });
    // Awaiting the applicant's materials is not the window's delay: not deemed.
    expect((await later.get<{ status: string }>(`/api/hall/cases/${corrected.id}`)).body.status).toBe(
      'correctionRequested',
    );
    // Once only.
    const again = await later.post<{ deemed: number }>('/api/hall/supervision/sweep');
    expect(again.body.deemed).toBe(0);
    expect((await later.get<{ version: number }>(`/api/hall/cases/${undecided.id}`)).body.version).toBe(
      view.body.version,
    );
  });
});

describe.each(TEST_STORES)('daily reports archived each day on $name', (entry) => {
  const server = useTestServer(entry);

  it('archives the days that ended, once, as the report route then gives them', async () => {
    const w = await hallWorld(server);
    await w.newCase(committedItem, [{ type: 'accept' }]);
    const received = shanghaiDate(server.clock.now());
    expect(await server.services.hall.reports.archiveRecentDays()).not.toContain(received);
    server.clock.advance(3 * 86_400_000);
    const archived = await server.services.hall.reports.archiveRecentDays();
    expect(archived).toContain(received);
    expect(archived).toHaveLength(new Set(archived).size);
    expect(await server.services.hall.reports.archiveRecentDays()).toEqual([]);
    const manager = await server.loggedIn(['hallManager']);
    const r = await manager.get<{
      archived: boolean;
      generatedAt: string;
      report: { center: { received: number } };
    }>(`/api/hall/reports/daily/${received}`);
    expect(r.body.archived).toBe(true);
    expect(r.body.report.center.received).toBe(1);
  });
});

describe.each(TEST_STORES)('e-supervision settings on $name', (entry) => {
  const server = useTestServer(entry, { config: { warningDays: 3 } });

  it('warns the configured number of working days before the promised deadline', async () => {
    const w = await hallWorld(server);
    const c = await w.newCase(committedItem, [{ type: 'accept' }]);
    const clockStart = shanghaiDate(server.clock.now());
    const warnDay = addWorkdays(clockStart, committedItem.promisedDays - 3, officialCalendar);
    // Just after that day ends: with the default of 1 day there would be no warning yet.
    server.clock.set(new Date(Date.parse(dayEndsAt(warnDay)) + 60_000).toISOString());
    const manager = await server.loggedIn(['hallManager']);
    expect((await manager.post('/api/hall/supervision/sweep')).status).toBe(200);
    const view = await manager.get<{ cards: { kind: string; deadlineKind: string; issuedAt: string }[] }>(
      `/api/hall/cases/${c.id}`,
    );
    expect(view.body.cards).toEqual([
      expect.objectContaining({ kind: 'warning', deadlineKind: 'promised', issuedAt: dayEndsAt(warnDay) }),
    ]);
  });
});
