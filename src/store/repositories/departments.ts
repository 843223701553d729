/** Departments and their units, under a region: district → department → unit. */
import type { Selectable } from 'kysely';
import type { DepartmentKind, DepartmentsTable } from '../schema.ts';
import { withAudit } from '../with-audit.ts';
import { byCodeThenName, isoNow, newId, type RepositoryContext } from './context.ts';

export interface Department {
  id: string;
  regionId: string;
  /** The department a unit belongs to; null for a department. */
  parentId: string | null;
  name: string;
  code: string | null;
  kind: DepartmentKind;
  createdAt: string;
}

export interface DepartmentNode extends Department {
  children: DepartmentNode[];
}

export interface NewDepartment {
  regionId: string;
  parentId?: string | null;
  name: string;
  code?: string | null;
  kind: DepartmentKind;
}

const toDepartment = (r: Selectable<DepartmentsTable>): Department => ({
  id: r.id,
  regionId: r.region_id,
  parentId: r.parent_id,
  name: r.name,
  code: r.code,
  kind: r.kind,
  createdAt: r.created_at,
});

export class DepartmentRepository {
  constructor(private readonly context: RepositoryContext) {}

  async create(input: NewDepartment, actorId: string | null): Promise<Department> {
    const at = isoNow(this.context);
    const row = {
      id: newId(),
      region_id: input.regionId,
      parent_id: input.parentId ?? null,
      name: input.name,
      code: input.code ?? null,
      kind: input.kind,
      created_at: at,
    };
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      await trx.insertInto('departments').values(row).execute();
      const department = toDepartment(row);
      await audit({ action: 'department.create', entity: 'department', entityId: row.id, after: department });
      return department;
    });
  }

  async get(id: string): Promise<Department | undefined> {
    const r = await this.context.db
      .selectFrom('departments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toDepartment(r);
  }

  /** All departments and units (of one region, when given), flat. */
  async list(regionId?: string): Promise<Department[]> {
    let q = this.context.db.selectFrom('departments').selectAll();
    if (regionId !== undefined) q = q.where('region_id', '=', regionId);
    return (await q.execute()).map(toDepartment).sort(byCodeThenName);
  }

  /** The departments (of one region, when given) with their units nested. */
  async tree(regionId?: string): Promise<DepartmentNode[]> {
    const all = await this.list(regionId);
    const nodes = new Map<string, DepartmentNode>(all.map((d) => [d.id, { ...d, children: [] }]));
    const roots: DepartmentNode[] = [];
    for (const d of all) {
      const node = nodes.get(d.id) as DepartmentNode;
      const parent = d.parentId === null ? undefined : nodes.get(d.parentId);
      // A unit whose department lies in another region (or is missing) is shown at the top level.
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  }

  /** The units directly under a department. */
  async children(id: string): Promise<Department[]> {
    const rows = await this.context.db
      .selectFrom('departments')
      .selectAll()
      .where('parent_id', '=', id)
      .execute();
    return rows.map(toDepartment).sort(byCodeThenName);
  }

  /** The department and everything under it, as ids (an editor's reach: roles.ts `departmentIds`). */
  async subtreeIds(id: string): Promise<string[]> {
    const rows = await this.context.db
      .withRecursive('subtree(id)', (db) =>
        db
          .selectFrom('departments')
          .select('id')
          .where('id', '=', id)
          .unionAll((db2) =>
            db2
              .selectFrom('departments as d')
              .innerJoin('subtree', 'subtree.id', 'd.parent_id')
              .select('d.id'),
          ),
      )
      .selectFrom('subtree')
      .select('id')
      .execute();
    return rows.map((r) => r.id);
  }
}
