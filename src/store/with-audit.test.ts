import { describe, expect, it } from 'vitest';
import { seedOrganisation } from './test-fixtures.ts';
import { TEST_STORES, useTestStore } from './test-stores.ts';
import { withAudit } from './with-audit.ts';

describe.each(TEST_STORES)('$name', (entry) => {
  const t = useTestStore(entry);
  const count = async (table: 'regions' | 'audit_log') =>
    (
      await t.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('writes the change and its audit row together', async () => {
    const [regions, audits] = [await count('regions'), await count('audit_log')];
    const id = await withAudit(
      t.store.db,
      { actorId: 'u1', at: t.clock.now().toISOString() },
      async (trx, audit) => {
        await trx
          .insertInto('regions')
          .values({ id: 'r-ok', parent_id: null, name: '甲区', level: 'district', code: null })
          .execute();
        await audit({ action: 'region.create', entity: 'region', entityId: 'r-ok', after: { name: '甲区' } });
        return 'r-ok';
      },
    );
    expect(id).toBe('r-ok');
    expect(await count('regions')).toBe(regions + 1);
    expect(await count('audit_log')).toBe(audits + 1);
    expect(await t.repos.auditLog.listByEntity('region', 'r-ok')).toEqual([
      expect.objectContaining({
        actorId: 'u1',
        action: 'region.create',
        before: null,
        after: { name: '甲区' },
      }),
    ]);
  });

  it('keeps neither rows nor audit rows when the work throws', async () => {
    const [regions, audits] = [await count('regions'), await count('audit_log')];
    await expect(
      withAudit(t.store.db, { actorId: 'u1', at: t.clock.now().toISOString() }, async (trx, audit) => {
        await trx
          .insertInto('regions')
          .values({ id: 'r-x', parent_id: null, name: '乙区', level: 'district', code: null })
          .execute();
        await audit({ action: 'region.create', entity: 'region', entityId: 'r-x', after: { name: '乙区' } });
        throw new Error('写到一半失败');
      }),
    ).rejects.toThrow('写到一半失败');
    expect(await count('regions')).toBe(regions);
    expect(await count('audit_log')).toBe(audits);
    expect(await t.repos.regions.get('r-x')).toBeUndefined();
  });

  it('joins an outer transaction instead of nesting one', async () => {
    const audits = await count('audit_log');
    await expect(
      t.store.db.transaction().execute(async (outer) => {
        await withAudit(outer, { actorId: null, at: t.clock.now().toISOString() }, async (trx, audit) => {
          expect(trx).toBe(outer);
          await audit({ action: 'test.noop', entity: 'test', entityId: '1' });
        });
        throw new Error('外层失败');
      }),
    ).rejects.toThrow('外层失败');
    expect(await count('audit_log')).toBe(audits);
  });

  it('records an audit row for every change, in the order written', async () => {
    const { district, department, editor } = await seedOrganisation(t.repos);
    const entries = await t.repos.auditLog.list({ limit: 10_000 });
    const mine = entries.filter((e) => [district.id, department.id, editor.id].includes(e.entityId));
    expect(mine.map((e) => e.action).reverse()).toEqual([
      'region.create',
      'department.create',
      'user.create',
    ]);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));
    await t.repos.auditLog.append({ action: 'user.loginRefused', entity: 'user', entityId: editor.id }, null);
    expect((await t.repos.auditLog.listByEntity('user', editor.id)).map((e) => e.action)).toEqual([
      'user.create',
      'user.loginRefused',
    ]);
  });
});
