import { describe, expect, it } from 'vitest';
import type { Budget } from '../core/budget/budget.ts';
import { InvalidInput } from '../core/errors.ts';
import { type BudgetRecord, createRepositories } from './repositories/index.ts';
import { budgetFacts, seedBudget, seedOrganisation } from './test-fixtures.ts';
import { TEST_STORES, useTestStore } from './test-stores.ts';

const withNote = (b: Budget, note: string): Budget => ({ ...b, otherNotes: [...b.otherNotes, note] });
const isRecord = (r: BudgetRecord | 'conflict'): r is BudgetRecord => r !== 'conflict';

describe.each(TEST_STORES)('$name', (entry) => {
  const t = useTestStore(entry);

  it('creates a draft at version 1, once per department, year and kind', async () => {
    const { department, editor } = await seedOrganisation(t.repos);
    const facts = budgetFacts(2024);
    const created = await t.repos.budgets.create(
      { departmentId: department.id, fiscalYear: 2024, kind: 'budget', facts },
      editor.id,
    );
    if (created === 'duplicate') throw new Error('unexpected');
    expect(created).toMatchObject({ status: 'draft', version: 1, fiscalYear: 2024, approvedAt: null });
    expect(await t.repos.budgets.get(created.id)).toEqual(created);
    expect((await t.repos.budgets.get(created.id))?.facts).toEqual(facts);
    expect(await t.repos.budgets.find(department.id, 2024, 'budget')).toEqual(created);
    expect(
      await t.repos.budgets.create(
        { departmentId: department.id, fiscalYear: 2024, kind: 'budget', facts },
        null,
      ),
    ).toBe('duplicate');
    const accounts = await t.repos.budgets.create(
      {
        departmentId: department.id,
        fiscalYear: 2024,
        kind: 'finalAccounts',
        facts: { ...facts, kind: 'finalAccounts' },
      },
      null,
    );
    expect(accounts).not.toBe('duplicate');
  });

  it('lists by department, year and status', async () => {
    const { department, unit } = await seedOrganisation(t.repos);
    const a = await seedBudget(t.repos, department.id, 2023);
    const b = await seedBudget(t.repos, department.id, 2024);
    const c = await seedBudget(t.repos, unit.id, 2024);
    await t.repos.budgets.setStatus(c.id, 'draft', 'submitted', 1, null);
    const ids = async (f: Parameters<typeof t.repos.budgets.list>[0]) =>
      (await t.repos.budgets.list(f)).map((x) => x.id);
    expect(await ids({ departmentIds: [department.id, unit.id] })).toEqual(
      [b, c]
        .sort((x, y) => (x.departmentId < y.departmentId ? -1 : 1))
        .map((x) => x.id)
        .concat(a.id),
    );
    expect(await ids({ departmentIds: [department.id], fiscalYear: 2024 })).toEqual([b.id]);
    expect(await ids({ departmentIds: [department.id, unit.id], status: 'submitted' })).toEqual([c.id]);
    expect(
      await ids({
        departmentIds: [department.id, unit.id],
        status: ['draft', 'submitted'],
        fiscalYear: 2023,
      }),
    ).toEqual([a.id]);
    expect(await ids({ departmentIds: [] })).toEqual([]);
    expect((await t.repos.budgets.list({ departmentIds: [unit.id] }))[0]).not.toHaveProperty('facts');
  });

  it('updates facts with optimistic locking and audits before and after', async () => {
    const { department, editor } = await seedOrganisation(t.repos);
    const b = await seedBudget(t.repos, department.id);
    const v2 = await t.repos.budgets.updateFacts(b.id, withNote(b.facts, '第一次修改'), 1, editor.id);
    if (!isRecord(v2)) throw new Error('unexpected conflict');
    expect(v2.version).toBe(2);
    expect(await t.repos.budgets.updateFacts(b.id, withNote(b.facts, '基于旧版本'), 1, editor.id)).toBe(
      'conflict',
    );
    expect((await t.repos.budgets.get(b.id))?.facts.otherNotes).toEqual([
      ...b.facts.otherNotes,
      '第一次修改',
    ]);

    const log = await t.repos.auditLog.listByEntity('budget', b.id);
    expect(log.map((e) => e.action)).toEqual(['budget.create', 'budget.updateFacts']);
    expect(log[1]).toMatchObject({
      actorId: editor.id,
      before: { version: 1, status: 'draft', facts: { otherNotes: b.facts.otherNotes } },
      after: { version: 2, status: 'draft', facts: { otherNotes: [...b.facts.otherNotes, '第一次修改'] } },
    });
    await expect(t.repos.budgets.updateFacts('no-such', b.facts, 1, null)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets exactly one of two concurrent saves at the same version win, and loses nothing', async () => {
    const { department, editor, reviewer } = await seedOrganisation(t.repos);
    const b = await seedBudget(t.repos, department.id);
    const results = await Promise.all([
      t.repos.budgets.updateFacts(b.id, withNote(b.facts, '甲的修改'), 1, editor.id),
      t.repos.budgets.updateFacts(b.id, withNote(b.facts, '乙的修改'), 1, reviewer.id),
    ]);
    const winners = results.filter(isRecord);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r === 'conflict')).toHaveLength(1);
    const winner = winners[0] as BudgetRecord;
    expect(winner.version).toBe(2);

    // The loser reloads, reapplies its change on the winner's version, and both changes are kept.
    const loserNote = winner.facts.otherNotes.includes('甲的修改') ? '乙的修改' : '甲的修改';
    const fresh = (await t.repos.budgets.get(b.id)) as BudgetRecord;
    expect(fresh).toEqual(winner);
    const retried = await t.repos.budgets.updateFacts(
      b.id,
      withNote(fresh.facts, loserNote),
      fresh.version,
      null,
    );
    expect(retried).not.toBe('conflict');
    const final = (await t.repos.budgets.get(b.id)) as BudgetRecord;
    expect(final.version).toBe(3);
    expect(final.facts.otherNotes).toEqual(expect.arrayContaining(['甲的修改', '乙的修改']));
    expect(
      (await t.repos.auditLog.listByEntity('budget', b.id)).filter((e) => e.action === 'budget.updateFacts'),
    ).toHaveLength(2);
  });

  it('lets exactly one of many concurrent writers win', async () => {
    const { department } = await seedOrganisation(t.repos);
    const b = await seedBudget(t.repos, department.id);
    const writers = Array.from({ length: 8 }, (_, i) =>
      i % 2
        ? t.repos.budgets.updateFacts(b.id, withNote(b.facts, `写入${i}`), 1, null)
        : t.repos.budgets.setStatus(b.id, 'draft', 'submitted', 1, null),
    );
    const results = await Promise.all(writers);
    expect(results.filter((r) => r !== 'conflict')).toHaveLength(1);
    expect((await t.repos.budgets.get(b.id))?.version).toBe(2);
    expect((await t.repos.auditLog.listByEntity('budget', b.id)).length).toBe(2);
  });

  it('moves the status only from the expected status and version, and records the approval time', async () => {
    const { department, reviewer } = await seedOrganisation(t.repos);
    const b = await seedBudget(t.repos, department.id);
    expect(await t.repos.budgets.setStatus(b.id, 'submitted', 'approved', 1, reviewer.id)).toBe('conflict');
    const submitted = await t.repos.budgets.setStatus(b.id, 'draft', 'submitted', 1, null);
    expect(submitted).toMatchObject({ status: 'submitted', version: 2, approvedAt: null });
    t.clock.advance(60_000);
    const approved = await t.repos.budgets.setStatus(b.id, 'submitted', 'approved', 2, reviewer.id);
    expect(approved).toMatchObject({
      status: 'approved',
      version: 3,
      approvedAt: t.clock.now().toISOString(),
    });
    expect(await t.repos.budgets.setStatus(b.id, 'submitted', 'approved', 3, reviewer.id)).toBe('conflict');
    const log = await t.repos.auditLog.listByEntity('budget', b.id);
    expect(log.at(-1)).toMatchObject({
      action: 'budget.setStatus',
      actorId: reviewer.id,
      before: { status: 'submitted', version: 2 },
      after: { status: 'approved', version: 3 },
    });
  });

  it('refuses facts that do not fit the model, writing nothing', async () => {
    const { department } = await seedOrganisation(t.repos);
    const b = await seedBudget(t.repos, department.id);
    const bad = {
      ...b.facts,
      revenue: [{ source: 'generalPublicBudget', amount: { fen: 1.5, precision: 1 } }],
    };
    await expect(t.repos.budgets.updateFacts(b.id, bad as Budget, 1, null)).rejects.toBeInstanceOf(
      InvalidInput,
    );
    expect((await t.repos.budgets.get(b.id))?.version).toBe(1);
    expect(await t.repos.auditLog.listByEntity('budget', b.id)).toHaveLength(1);
  });

  it('keeps comments and justifications in order, audited on the budget', async () => {
    const { department, editor, reviewer } = await seedOrganisation(t.repos);
    const b = await seedBudget(t.repos, department.id);
    const [ret] = await t.repos.comments.add([
      { budgetId: b.id, authorId: reviewer.id, kind: 'return', body: '“三公”经费说明不完整，请补充。' },
    ]);
    t.clock.advance(1000);
    const justifications = await t.repos.comments.add([
      {
        budgetId: b.id,
        authorId: editor.id,
        kind: 'justification',
        rule: 'arithmetic.total',
        body: '原文如此，已核实。',
      },
      {
        budgetId: b.id,
        authorId: editor.id,
        kind: 'justification',
        rule: 'time.dates',
        body: '批复日期以文件为准。',
      },
    ]);
    const all = await t.repos.comments.list(b.id);
    expect(all[0]).toEqual(ret);
    expect(all.slice(1).sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(
      [...justifications].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    expect((await t.repos.comments.list(b.id, 'justification')).map((c) => c.rule).sort()).toEqual([
      'arithmetic.total',
      'time.dates',
    ]);
    const log = await t.repos.auditLog.listByEntity('budget', b.id);
    expect(log.filter((e) => e.action === 'budget.comment')).toHaveLength(3);
  });

  it('keeps imported documents with what was read from them', async () => {
    const { department, editor } = await seedOrganisation(t.repos);
    const budget = budgetFacts(2018);
    const doc = await t.repos.documents.create({
      departmentId: department.id,
      fileName: '2018年部门预算公开.pdf',
      format: 'pdf',
      sha256: 'a'.repeat(64),
      size: 123_456,
      uploadedBy: editor.id,
      summary: null,
      budget,
      audit: null,
    });
    expect(await t.repos.documents.get(doc.id)).toEqual(doc);
    expect((await t.repos.documents.get(doc.id))?.budget).toEqual(budget);
    expect((await t.repos.documents.findBySha256('a'.repeat(64))).map((d) => d.id)).toContain(doc.id);
    expect((await t.repos.documents.list(department.id)).map((d) => d.fileName)).toEqual([
      '2018年部门预算公开.pdf',
    ]);
    expect(await t.repos.auditLog.listByEntity('document', doc.id)).toHaveLength(1);
  });

  it('joins a caller’s transaction: repository calls and their audit rows commit or roll back together', async () => {
    const { department } = await seedOrganisation(t.repos);
    const auditCount = async () => (await t.repos.auditLog.list({ limit: 10_000 })).length;
    const before = await auditCount();
    await expect(
      t.store.db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx, { now: t.clock.now });
        const b = await seedBudget(repos, department.id, 2030);
        await repos.budgets.setStatus(b.id, 'draft', 'submitted', 1, null);
        throw new Error('中途失败');
      }),
    ).rejects.toThrow('中途失败');
    expect(await t.repos.budgets.find(department.id, 2030, 'budget')).toBeUndefined();
    expect(await auditCount()).toBe(before);
  });
});
