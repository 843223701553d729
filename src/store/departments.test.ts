import { describe, expect, it } from 'vitest';
import { TEST_STORES, useTestStore } from './test-stores.ts';

describe.each(TEST_STORES)('$name', (entry) => {
  const t = useTestStore(entry);

  it('keeps regions as a tree', async () => {
    const { regions } = t.repos;
    const district = await regions.create(
      { name: '山海关区', level: 'district', code: '130303000000' },
      null,
    );
    const b = await regions.create(
      { parentId: district.id, name: '路南街道', level: 'township', code: '130303002000' },
      null,
    );
    const a = await regions.create(
      { parentId: district.id, name: '南关街道', level: 'township', code: '130303001000' },
      null,
    );
    const village = await regions.create(
      { parentId: a.id, name: '某社区', level: 'village', code: null },
      null,
    );
    expect(await regions.get(village.id)).toEqual(village);
    expect((await regions.children(null)).map((r) => r.id)).toEqual([district.id]);
    // By code: 南关 (001) before 路南 (002), though 路南 was created first.
    expect((await regions.children(district.id)).map((r) => r.id)).toEqual([a.id, b.id]);
    expect((await regions.children(a.id)).map((r) => r.level)).toEqual(['village']);
    expect(await regions.get('nope')).toBeUndefined();
    const tree = await regions.tree();
    const mine = tree.find((r) => r.id === district.id);
    expect(mine?.children.map((r) => [r.name, r.children.map((v) => v.name)])).toEqual([
      ['南关街道', ['某社区']],
      ['路南街道', []],
    ]);
  });

  it('keeps departments and units as a tree under the district', async () => {
    const { regions, departments, auditLog } = t.repos;
    const district = await regions.create({ name: '海港区', level: 'district', code: '130302000000' }, null);
    const other = await regions.create({ name: '北戴河区', level: 'district', code: '130304000000' }, null);
    const finance = await departments.create(
      { regionId: district.id, name: '财政局', code: '002', kind: 'department' },
      'admin-1',
    );
    const hall = await departments.create(
      { regionId: district.id, name: '政务服务中心', code: '001', kind: 'department' },
      null,
    );
    const unitB = await departments.create(
      { regionId: district.id, parentId: hall.id, name: '政务服务中心机关', code: '001002', kind: 'unit' },
      null,
    );
    const unitA = await departments.create(
      { regionId: district.id, parentId: hall.id, name: '公共资源交易中心', code: '001001', kind: 'unit' },
      null,
    );
    await departments.create({ regionId: other.id, name: '别区的局', code: '001', kind: 'department' }, null);

    const tree = await departments.tree(district.id);
    expect(tree.map((d) => [d.name, d.children.map((c) => c.name)])).toEqual([
      ['政务服务中心', ['公共资源交易中心', '政务服务中心机关']],
      ['财政局', []],
    ]);
    expect(tree[0]?.children[0]).toMatchObject({
      id: unitA.id,
      kind: 'unit',
      parentId: hall.id,
      regionId: district.id,
    });
    expect((await departments.children(hall.id)).map((d) => d.id)).toEqual([unitA.id, unitB.id]);
    expect((await departments.subtreeIds(hall.id)).sort()).toEqual([hall.id, unitA.id, unitB.id].sort());
    expect(await departments.subtreeIds(finance.id)).toEqual([finance.id]);
    expect(await departments.subtreeIds('none')).toEqual([]);
    expect((await departments.list(district.id)).length).toBe(4);
    expect(await departments.get(finance.id)).toEqual(finance);

    const log = await auditLog.listByEntity('department', finance.id);
    expect(log).toEqual([
      expect.objectContaining({
        action: 'department.create',
        actorId: 'admin-1',
        before: null,
        after: finance,
      }),
    ]);
  });

  it('refuses a department in an unknown region, and keeps no audit row of it', async () => {
    const before = (await t.repos.auditLog.list({ limit: 1000 })).length;
    await expect(
      t.repos.departments.create({ regionId: 'no-such-region', name: '无', kind: 'department' }, null),
    ).rejects.toThrow();
    expect((await t.repos.auditLog.list({ limit: 1000 })).length).toBe(before);
  });
});
