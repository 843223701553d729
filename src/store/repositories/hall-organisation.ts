/**
 * The hall's organisation: service centers as a tree (district → township/sub-district → village/
 * community), the departments stationed in a center, its windows, and who works which window when.
 */
import type { Selectable } from 'kysely';
import type {
  CenterLevel,
  HallWindowsTable,
  ServiceCentersTable,
  WindowKind,
  WindowStaffTable,
} from '../schema.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, newId, type RepositoryContext } from './context.ts';
import type {
  HallWindow,
  ServiceCenter,
  ServiceCenterNode,
  StaffAssignment,
  StationedDepartment,
} from './hall-records.ts';

export type { HallWindow, ServiceCenter, ServiceCenterNode, StaffAssignment, StationedDepartment };

const toCenter = (r: Selectable<ServiceCentersTable>): ServiceCenter => ({
  id: r.id,
  parentId: r.parent_id,
  regionId: r.region_id,
  name: r.name,
  level: r.level,
});

export const toWindow = (r: Selectable<HallWindowsTable>): HallWindow => ({
  id: r.id,
  centerId: r.center_id,
  number: r.number,
  name: r.name,
  department: r.department,
  kind: r.kind,
});

const toAssignment = (r: Selectable<WindowStaffTable>): StaffAssignment => ({
  id: r.id,
  windowId: r.window_id,
  userId: r.user_id,
  fromDate: r.from_date,
  toDate: r.to_date,
});

const byNumber = (a: HallWindow, b: HallWindow) =>
  a.centerId === b.centerId
    ? a.number.localeCompare(b.number, 'en', { numeric: true })
    : a.centerId < b.centerId
      ? -1
      : 1;

export class HallOrganisationRepository {
  constructor(private readonly context: RepositoryContext) {}

  private audited<T>(actorId: string | null, work: Parameters<typeof withAudit<T>>[2]): Promise<T> {
    return withAudit(this.context.db, { actorId, at: isoNow(this.context) }, work);
  }

  async createCenter(
    input: { parentId?: string | null; regionId?: string | null; name: string; level: CenterLevel },
    actorId: string | null,
  ): Promise<ServiceCenter> {
    const row = {
      id: newId(),
      parent_id: input.parentId ?? null,
      region_id: input.regionId ?? null,
      name: input.name,
      level: input.level,
      created_at: isoNow(this.context),
    };
    return this.audited(actorId, async (trx, audit) => {
      await trx.insertInto('service_centers').values(row).execute();
      const center = toCenter(row);
      await audit({
        action: 'serviceCenter.create',
        entity: 'serviceCenter',
        entityId: row.id,
        after: center,
      });
      return center;
    });
  }

  async getCenter(id: string): Promise<ServiceCenter | undefined> {
    const r = await this.context.db
      .selectFrom('service_centers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toCenter(r);
  }

  async centerTree(): Promise<ServiceCenterNode[]> {
    const rows = await this.context.db.selectFrom('service_centers').selectAll().execute();
    const all = rows
      .map(toCenter)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    const nodes = new Map(all.map((c) => [c.id, { ...c, children: [] as ServiceCenterNode[] }]));
    const roots: ServiceCenterNode[] = [];
    for (const c of all) {
      const node = nodes.get(c.id) as ServiceCenterNode;
      const parent = c.parentId === null ? undefined : nodes.get(c.parentId);
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  async stationDepartment(
    input: { centerId: string; name: string; departmentId?: string | null },
    actorId: string | null,
  ): Promise<StationedDepartment | 'duplicate'> {
    return this.audited(actorId, async (trx, audit) => {
      const existing = await trx
        .selectFrom('stationed_departments')
        .select('id')
        .where('center_id', '=', input.centerId)
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (existing) return 'duplicate';
      const d = {
        id: newId(),
        centerId: input.centerId,
        name: input.name,
        departmentId: input.departmentId ?? null,
      };
      await trx
        .insertInto('stationed_departments')
        .values({ id: d.id, center_id: d.centerId, name: d.name, department_id: d.departmentId })
        .execute();
      await audit({
        action: 'stationedDepartment.create',
        entity: 'stationedDepartment',
        entityId: d.id,
        after: d,
      });
      return d;
    });
  }

  async stationedDepartments(centerId: string): Promise<StationedDepartment[]> {
    const rows = await this.context.db
      .selectFrom('stationed_departments')
      .selectAll()
      .where('center_id', '=', centerId)
      .execute();
    return rows
      .map((r) => ({ id: r.id, centerId: r.center_id, name: r.name, departmentId: r.department_id }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async createWindow(
    input: { centerId: string; number: string; name: string; department: string; kind: WindowKind },
    actorId: string | null,
  ): Promise<HallWindow | 'duplicate'> {
    return this.audited(actorId, async (trx, audit) => {
      const existing = await trx
        .selectFrom('hall_windows')
        .select('id')
        .where('center_id', '=', input.centerId)
        .where('number', '=', input.number)
        .executeTakeFirst();
      if (existing) return 'duplicate';
      const row = {
        id: newId(),
        center_id: input.centerId,
        number: input.number,
        name: input.name,
        department: input.department,
        kind: input.kind,
        created_at: isoNow(this.context),
      };
      await trx.insertInto('hall_windows').values(row).execute();
      const w = toWindow(row);
      await audit({ action: 'window.create', entity: 'window', entityId: w.id, after: w });
      return w;
    });
  }

  async getWindow(id: string): Promise<HallWindow | undefined> {
    const r = await this.context.db
      .selectFrom('hall_windows')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toWindow(r);
  }

  async listWindows(centerId?: string): Promise<HallWindow[]> {
    let q = this.context.db.selectFrom('hall_windows').selectAll();
    if (centerId !== undefined) q = q.where('center_id', '=', centerId);
    return (await q.execute()).map(toWindow).sort(byNumber);
  }

  /** The user works the window from `fromDate` (and until `toDate`, inclusive, when given). */
  async assignStaff(
    input: { windowId: string; userId: string; fromDate: string; toDate?: string | null },
    actorId: string | null,
  ): Promise<StaffAssignment> {
    const a: StaffAssignment = {
      id: newId(),
      windowId: input.windowId,
      userId: input.userId,
      fromDate: input.fromDate,
      toDate: input.toDate ?? null,
    };
    return this.audited(actorId, async (trx, audit) => {
      await trx
        .insertInto('window_staff')
        .values({
          id: a.id,
          window_id: a.windowId,
          user_id: a.userId,
          from_date: a.fromDate,
          to_date: a.toDate,
        })
        .execute();
      await audit({ action: 'windowStaff.assign', entity: 'window', entityId: a.windowId, after: a });
      return a;
    });
  }

  async getAssignment(id: string): Promise<StaffAssignment | undefined> {
    const row = await this.context.db
      .selectFrom('window_staff')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toAssignment(row) : undefined;
  }

  /** The assignment ends on `toDate` (inclusive); the record stays, so past days keep who worked them. */
  async endAssignment(
    id: string,
    toDate: string,
    actorId: string | null,
  ): Promise<StaffAssignment | undefined> {
    return this.audited(actorId, async (trx, audit) => {
      const row = await trx.selectFrom('window_staff').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const before = toAssignment(row);
      await trx.updateTable('window_staff').set({ to_date: toDate }).where('id', '=', id).execute();
      const after = { ...before, toDate };
      await audit({ action: 'windowStaff.end', entity: 'window', entityId: before.windowId, before, after });
      return after;
    });
  }

  async staff(windowId?: string): Promise<StaffAssignment[]> {
    let q = this.context.db.selectFrom('window_staff').selectAll();
    if (windowId !== undefined) q = q.where('window_id', '=', windowId);
    const rows = await q.orderBy('from_date').orderBy('id').execute();
    return rows.map(toAssignment);
  }

  /** The windows the user works on `date` (YYYY-MM-DD). */
  async windowsOf(userId: string, date: string): Promise<string[]> {
    const rows = await this.context.db
      .selectFrom('window_staff')
      .select('window_id')
      .where('user_id', '=', userId)
      .where('from_date', '<=', date)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', date)]))
      .execute();
    return [...new Set(rows.map((r) => r.window_id))].sort();
  }
}
