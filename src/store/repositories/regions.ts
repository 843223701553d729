/** Administrative regions: district → township → village. */
import type { Selectable } from 'kysely';
import type { RegionLevel, RegionsTable } from '../schema.ts';
import { withAudit } from '../with-audit.ts';
import { byCodeThenName, isoNow, newId, type RepositoryContext } from './context.ts';

export interface Region {
  id: string;
  parentId: string | null;
  name: string;
  level: RegionLevel;
  code: string | null;
}

export interface RegionNode extends Region {
  children: RegionNode[];
}

export interface NewRegion {
  parentId?: string | null;
  name: string;
  level: RegionLevel;
  code?: string | null;
}

const toRegion = (r: Selectable<RegionsTable>): Region => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  level: r.level,
  code: r.code,
});

export class RegionRepository {
  constructor(private readonly context: RepositoryContext) {}

  async create(input: NewRegion, actorId: string | null): Promise<Region> {
    const row = {
      id: newId(),
      parent_id: input.parentId ?? null,
      name: input.name,
      level: input.level,
      code: input.code ?? null,
    };
    return withAudit(this.context.db, { actorId, at: isoNow(this.context) }, async (trx, audit) => {
      await trx.insertInto('regions').values(row).execute();
      const region = toRegion(row);
      await audit({ action: 'region.create', entity: 'region', entityId: region.id, after: region });
      return region;
    });
  }

  async get(id: string): Promise<Region | undefined> {
    const r = await this.context.db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRegion(r);
  }

  async list(): Promise<Region[]> {
    const rows = await this.context.db.selectFrom('regions').selectAll().execute();
    return rows.map(toRegion).sort(byCodeThenName);
  }

  /** All regions, nested: districts with their townships with their villages. */
  async tree(): Promise<RegionNode[]> {
    const all = await this.list();
    const nodes = new Map<string, RegionNode>(all.map((r) => [r.id, { ...r, children: [] }]));
    const roots: RegionNode[] = [];
    for (const r of all) {
      const node = nodes.get(r.id) as RegionNode;
      const parent = r.parentId === null ? undefined : nodes.get(r.parentId);
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  }

  /** The regions directly under `parentId` (null: the top level). */
  async children(parentId: string | null): Promise<Region[]> {
    const rows = await this.context.db
      .selectFrom('regions')
      .selectAll()
      .where('parent_id', parentId === null ? 'is' : '=', parentId)
      .execute();
    return rows.map(toRegion).sort(byCodeThenName);
  }
}
