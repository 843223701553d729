import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Budget } from '../core/budget/budget.ts';
import { exact } from '../core/kernel/money.ts';
import { diffBudgets } from '../core/publication/diff.ts';
import type { BudgetRecord, PublicationRecord } from './repositories/index.ts';
import { seedBudget, seedOrganisation } from './test-fixtures.ts';
import { TEST_STORES, useTestStore } from './test-stores.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Files with every byte value, and a large one, so nothing is lost to encodings. */
function renderedFiles(label: string) {
  const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
  return [
    { format: 'html', bytes: new TextEncoder().encode(`<h1>${label}</h1><p>“三公”经费 82.9万元</p>`) },
    {
      format: 'pdf',
      bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), allBytes, randomBytes(2 * 1024 * 1024)]),
    },
    { format: 'xlsx', bytes: new Uint8Array(0) },
  ];
}

const corrected = (b: Budget): Budget => ({
  ...b,
  stated: { ...b.stated, expenditureTotal: exact((b.stated.expenditureTotal?.fen ?? 0) + 10_000) },
});

describe.each(TEST_STORES)('$name', (entry) => {
  const t = useTestStore(entry);

  async function approvedBudget() {
    const org = await seedOrganisation(t.repos);
    const b = await seedBudget(t.repos, org.department.id);
    await t.repos.budgets.setStatus(b.id, 'draft', 'submitted', 1, org.editor.id);
    await t.repos.budgets.setStatus(b.id, 'submitted', 'approved', 2, org.reviewer.id);
    return { ...org, budget: (await t.repos.budgets.get(b.id)) as BudgetRecord };
  }

  it('publishes version 1, then a correction as version 2 with its reason and diff; both stay byte-identical', async () => {
    const { budget, reviewer } = await approvedBudget();
    const files1 = renderedFiles('第一版');
    const v1 = await t.repos.publications.publish({
      budgetId: budget.id,
      snapshot: budget.facts,
      files: files1,
      actorId: reviewer.id,
      expectedVersion: budget.version,
    });
    if (v1 === 'conflict') throw new Error('unexpected conflict');
    expect(v1).toMatchObject({ version: 1, reason: null, diff: null, publishedBy: reviewer.id });
    expect(v1.files.map((f) => [f.format, f.sha256, f.size])).toEqual(
      files1.map((f) => [f.format, sha256(f.bytes), f.bytes.byteLength]).sort(),
    );
    const afterV1 = (await t.repos.budgets.get(budget.id)) as BudgetRecord;
    expect(afterV1).toMatchObject({ status: 'published', version: budget.version + 1 });

    t.clock.advance(86_400_000);
    const facts2 = corrected(budget.facts);
    const diff = diffBudgets(budget.facts, facts2);
    expect(diff.length).toBeGreaterThan(0);
    const files2 = renderedFiles('更正版');
    const v2 = (await t.repos.publications.publish({
      budgetId: budget.id,
      snapshot: facts2,
      files: files2,
      actorId: reviewer.id,
      reason: '支出总额录入有误，更正为批复数。',
      diff,
    })) as PublicationRecord;
    expect(v2).toMatchObject({ version: 2, reason: '支出总额录入有误，更正为批复数。', diff });
    expect((await t.repos.budgets.get(budget.id))?.facts).toEqual(facts2);

    const versions = await t.repos.publications.listVersions(budget.id);
    expect(versions.map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, '支出总额录入有误，更正为批复数。'],
    ]);
    expect((await t.repos.publications.get(budget.id, 1))?.facts).toEqual(budget.facts);
    expect(await t.repos.publications.get(budget.id, 2)).toEqual(v2);
    expect((await t.repos.publications.latest(budget.id))?.version).toBe(2);
    expect(await t.repos.publications.getById(v1.id)).toEqual(v1);

    for (const [pub, files] of [
      [v1, files1],
      [v2, files2],
    ] as const) {
      for (const f of files) {
        const stored = await t.repos.publications.getFile(pub.id, f.format);
        expect(stored, f.format).toBeDefined();
        expect(Buffer.isBuffer(stored?.bytes)).toBe(true);
        expect(Buffer.compare(stored?.bytes ?? Buffer.alloc(0), Buffer.from(f.bytes))).toBe(0);
        expect(sha256(stored?.bytes ?? new Uint8Array())).toBe(sha256(f.bytes));
        expect(stored?.sha256).toBe(sha256(f.bytes));
      }
    }
    expect(await t.repos.publications.getFile(v1.id, 'docx')).toBeUndefined();

    const budgetLog = await t.repos.auditLog.listByEntity('budget', budget.id);
    expect(budgetLog.map((e) => e.action)).toEqual([
      'budget.create',
      'budget.setStatus',
      'budget.setStatus',
      'budget.publish',
      'budget.correct',
    ]);
    expect(budgetLog[3]).toMatchObject({
      actorId: reviewer.id,
      before: { status: 'approved' },
      after: { status: 'published', version: budget.version + 1 },
    });
    const pubLog = await t.repos.auditLog.listByEntity('publication', v2.id);
    expect(pubLog).toEqual([
      expect.objectContaining({
        action: 'publication.create',
        after: expect.objectContaining({ version: 2, reason: '支出总额录入有误，更正为批复数。', diff }),
      }),
    ]);
  });

  it('numbers concurrent corrections one after another', async () => {
    const { budget, reviewer } = await approvedBudget();
    await t.repos.publications.publish({
      budgetId: budget.id,
      snapshot: budget.facts,
      files: [],
      actorId: reviewer.id,
    });
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        t.repos.publications.publish({
          budgetId: budget.id,
          snapshot: budget.facts,
          files: renderedFiles(`更正${i}`).slice(0, 1),
          actorId: reviewer.id,
          reason: `第${i}次更正的理由说明`,
        }),
      ),
    );
    expect(results.map((r) => (r === 'conflict' ? 0 : r.version)).sort()).toEqual([2, 3, 4]);
    expect((await t.repos.publications.listVersions(budget.id)).map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a publication based on a stale version, writing nothing', async () => {
    const { budget, reviewer } = await approvedBudget();
    const r = await t.repos.publications.publish({
      budgetId: budget.id,
      snapshot: budget.facts,
      files: renderedFiles('x'),
      actorId: reviewer.id,
      expectedVersion: budget.version - 1,
    });
    expect(r).toBe('conflict');
    expect(await t.repos.budgets.get(budget.id)).toEqual(budget);
    expect(await t.repos.publications.listVersions(budget.id)).toEqual([]);
    await expect(
      t.repos.publications.publish({
        budgetId: 'none',
        snapshot: budget.facts,
        files: [],
        actorId: reviewer.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps nothing of a publication that fails half-way: no version, no files, no audit rows', async () => {
    const { budget, reviewer } = await approvedBudget();
    const logBefore = await t.repos.auditLog.list({ limit: 10_000 });
    const files = renderedFiles('重复格式');
    // Two files of one format: the second insert fails after the budget and publication rows were written.
    await expect(
      t.repos.publications.publish({
        budgetId: budget.id,
        snapshot: budget.facts,
        files: [...files, { format: 'html', bytes: new Uint8Array([1]) }],
        actorId: reviewer.id,
      }),
    ).rejects.toThrow();
    expect(await t.repos.budgets.get(budget.id)).toEqual(budget);
    expect(await t.repos.publications.listVersions(budget.id)).toEqual([]);
    const orphanFiles = await t.store.db
      .selectFrom('publication_files')
      .leftJoin('publications', 'publications.id', 'publication_files.publication_id')
      .select('publication_files.publication_id')
      .where('publications.id', 'is', null)
      .execute();
    expect(orphanFiles).toEqual([]);
    expect(await t.repos.auditLog.list({ limit: 10_000 })).toEqual(logBefore);
  });
});
