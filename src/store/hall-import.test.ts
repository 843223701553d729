/**
 * Bulk loading of cases (CaseRepository.importCases: unnest on PostgreSQL, json_each on SQLite) and the
 * index-bounded reads of the reports (activeDuring, openCases), on both databases.
 */
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../core/hall/calendar.ts';
import { dayEndsAt } from '../core/hall/workdays.ts';
import { addDays } from '../core/workflow/deadlines.ts';
import { generateBatch, planHall, setUpHall } from '../demo/hall-generator.ts';
import { PersonalDataCipher } from './personal-data.ts';
import { snapshotOf } from './repositories/hall-cases.ts';
import type { Database } from './schema.ts';
import { TEST_STORES, useTestStore } from './test-stores.ts';

const KEY = Buffer.alloc(32, 9);

async function rowCount(db: Kysely<Database>, table: 'hall_cases' | 'case_events' | 'supervision_cards') {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(TEST_STORES)('bulk import of cases on $name', (entry) => {
  const t = useTestStore(entry);

  it('writes every case, event and card as given, with one audit row, and nothing of a failed batch', async () => {
    t.clock.set('2025-01-15T02:00:00.000Z');
    const setup = await setUpHall(t.repos, { windows: 4, items: 30, seed: 11 });
    const plan = planHall(setup, { cases: 1650, seed: 11 });
    const { cases, events, cards } = generateBatch(
      plan,
      new PersonalDataCipher(KEY),
      0,
      1600,
      officialCalendar,
    );
    // Text the JSON and array encodings must carry through unchanged.
    const first = cases[0];
    if (!first) throw new Error('no case');
    cases[0] = { ...first, applicantName: `O'Brien "王" \\ {a,b} NULL\n𠀀` };
    // More events than one statement takes (5,000): the chunks must add up.
    expect(events).toBeGreaterThan(5000);
    expect(cards).toBeGreaterThan(0);
    await t.repos.cases.importCases(cases, null);

    expect(await rowCount(t.store.db, 'hall_cases')).toBe(1600);
    expect(await rowCount(t.store.db, 'case_events')).toBe(events);
    expect(await rowCount(t.store.db, 'supervision_cards')).toBe(cards);
    const audits = await t.store.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'case.import')
      .execute();
    expect(audits.map((a) => JSON.parse(a.after ?? 'null'))).toEqual([{ cases: 1600 }]);

    for (const c of cases.filter((_, k) => k % 97 === 0 || k === cases.length - 1)) {
      const s = c.state;
      const record = await t.repos.cases.get(s.caseId);
      expect(record).toMatchObject({
        id: s.caseId,
        caseNumber: c.caseNumber,
        windowId: s.windowId,
        itemCode: s.itemCode,
        status: s.status,
        version: s.history.length,
        receivedAt: s.receivedAt,
        closedAt: ['completed', 'rejected', 'withdrawn'].includes(s.status) ? s.closedAt : null,
        handlerId: s.handlerId,
        receivedBy: s.history[0]?.actorId,
        applicantName: c.applicantName,
        idNumberEnc: c.idNumberEnc,
        phoneEnc: c.phoneEnc,
        phoneTailHash: c.phoneTailHash,
      });
      expect(record?.state).toEqual(JSON.parse(JSON.stringify(snapshotOf(s))));
      expect(await t.repos.cases.history(s.caseId)).toEqual(JSON.parse(JSON.stringify(s.history)));
      const kept = await t.store.db
        .selectFrom('supervision_cards')
        .select(['episode', 'kind', 'deadline_kind', 'deadline', 'issued_at', 'staff_id', 'provisional'])
        .where('case_id', '=', s.caseId)
        .orderBy('issued_at')
        .orderBy('kind')
        .execute();
      expect(kept).toEqual(
        [...c.cards]
          .sort((a, b) =>
            a.issuedAt === b.issuedAt ? (a.kind < b.kind ? -1 : 1) : a.issuedAt < b.issuedAt ? -1 : 1,
          )
          .map((k) => ({
            episode: k.episode,
            kind: k.kind,
            deadline_kind: k.deadlineKind,
            deadline: k.deadline,
            issued_at: k.issuedAt,
            staff_id: k.staffId,
            provisional: k.provisional ? 1 : 0,
          })),
      );
    }

    // A batch with a case number already taken fails whole: none of its rows, no audit row.
    const more = generateBatch(plan, new PersonalDataCipher(KEY), 1600, 1600 + 50, officialCalendar).cases;
    more[49] = { ...(more[49] ?? first), caseNumber: first.caseNumber };
    await expect(t.repos.cases.importCases(more, null)).rejects.toThrow();
    expect(await rowCount(t.store.db, 'hall_cases')).toBe(1600);
    expect(await rowCount(t.store.db, 'case_events')).toBe(events);
    expect(
      await t.store.db.selectFrom('audit_log').select('id').where('action', '=', 'case.import').execute(),
    ).toHaveLength(1);
  });

  it('reads the cases active during a day and the open cases as the plain queries do', async () => {
    t.clock.set('2025-01-15T02:00:00.000Z');
    const setup = await setUpHall(t.repos, { windows: 4, items: 30, seed: 12 });
    // Two years, the last one ending the day after the report days below: some cases are still open.
    const plan = planHall(setup, { cases: 3000, seed: 12, fromYear: 2023, year: 2024 });
    await t.repos.cases.importCases(
      generateBatch(plan, new PersonalDataCipher(KEY), 0, 3000, officialCalendar).cases,
      null,
    );
    const open = (
      await t.store.db.selectFrom('hall_cases').select('id').where('closed_at', 'is', null).execute()
    ).map((r) => r.id);
    expect(open.length).toBeGreaterThan(0);
    expect((await t.repos.cases.openCases()).map((c) => c.id).sort()).toEqual(open.sort());
    let compared = 0;
    for (const date of ['2023-01-03', '2023-10-08', '2024-06-14', '2024-12-30', '2024-12-31']) {
      const start = dayEndsAt(addDays(date, -1));
      const end = dayEndsAt(date);
      const plain = await sql<{ id: string }>`
        select id from hall_cases
        where received_at < ${end} and (closed_at is null or closed_at >= ${start})`.execute(t.store.db);
      const ids = plain.rows.map((r) => r.id).sort();
      const active = await t.repos.cases.activeDuring(start, end);
      expect(active.map((c) => c.id)).toEqual(ids);
      for (const c of active) expect(c.history.every((e) => e.at < end)).toBe(true);
      compared += ids.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
