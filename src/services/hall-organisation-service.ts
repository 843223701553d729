/** The hall's organisation: service centers, stationed departments, windows and staff assignments. */
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import type {
  HallWindow,
  ServiceCenter,
  ServiceCenterNode,
  StaffAssignment,
  StationedDepartment,
} from '../store/repositories/hall-organisation.ts';
import type { CenterLevel, WindowKind } from '../store/schema.ts';
import { authorize } from './authorize.ts';
import type { HallContext } from './hall-context.ts';

const NAME_ORDER = new Intl.Collator('zh-CN');

const CHILD_LEVEL: Record<CenterLevel, CenterLevel | null> = {
  district: 'township',
  township: 'village',
  village: null,
};

export class HallOrganisationService {
  constructor(private readonly hall: HallContext) {}

  private get repos() {
    return this.hall.deps.repos;
  }

  async centers(actor: Actor | null): Promise<ServiceCenterNode[]> {
    authorize(actor, 'hall.organisation.view', { type: 'system' });
    return this.repos.hall.centerTree();
  }

  async createCenter(
    actor: Actor | null,
    input: { parentId?: string | null; regionId?: string | null; name: string; level: CenterLevel },
  ): Promise<ServiceCenter> {
    authorize(actor, 'hall.organisation.manage', { type: 'system' });
    if (input.parentId) {
      const parent = await this.repos.hall.getCenter(input.parentId);
      if (!parent) throw new ZhengwuError('NOT_FOUND', `上级服务中心不存在（${input.parentId}）。`);
      if (CHILD_LEVEL[parent.level] !== input.level)
        throw new ZhengwuError(
          'INVALID_INPUT',
          '服务中心应按区（县）→乡镇（街道）→村（社区）逐级设立：下级中心的层级与上级不符。',
        );
    } else if (input.level !== 'district') {
      throw new ZhengwuError('INVALID_INPUT', '没有上级的服务中心应为区（县）级。');
    }
    if (input.regionId && !(await this.repos.regions.get(input.regionId)))
      throw new ZhengwuError('NOT_FOUND', `行政区划不存在（${input.regionId}）。`);
    return this.repos.hall.createCenter(input, actor?.id ?? null);
  }

  private async center(id: string): Promise<ServiceCenter> {
    const c = await this.repos.hall.getCenter(id);
    if (!c) throw new ZhengwuError('NOT_FOUND', `服务中心不存在（${id}）。`);
    return c;
  }

  async stationedDepartments(actor: Actor | null, centerId: string): Promise<StationedDepartment[]> {
    authorize(actor, 'hall.organisation.view', { type: 'system' });
    await this.center(centerId);
    return this.repos.hall.stationedDepartments(centerId);
  }

  async stationDepartment(
    actor: Actor | null,
    input: { centerId: string; name: string; departmentId?: string | null },
  ): Promise<StationedDepartment> {
    authorize(actor, 'hall.organisation.manage', { type: 'system' });
    await this.center(input.centerId);
    if (input.departmentId && !(await this.repos.departments.get(input.departmentId)))
      throw new ZhengwuError('NOT_FOUND', `部门不存在（${input.departmentId}）。`);
    const d = await this.repos.hall.stationDepartment(input, actor?.id ?? null);
    if (d === 'duplicate') throw new ZhengwuError('DUPLICATE', `“${input.name}”已进驻该中心。`);
    return d;
  }

  async windows(actor: Actor | null, centerId?: string): Promise<HallWindow[]> {
    authorize(actor, 'hall.organisation.view', { type: 'system' });
    return this.repos.hall.listWindows(centerId);
  }

  async createWindow(
    actor: Actor | null,
    input: { centerId: string; number: string; name: string; department: string; kind: WindowKind },
  ): Promise<HallWindow> {
    authorize(actor, 'hall.organisation.manage', { type: 'system' });
    await this.center(input.centerId);
    const stationed = await this.repos.hall.stationedDepartments(input.centerId);
    if (!stationed.some((d) => d.name === input.department))
      throw new ZhengwuError('INVALID_INPUT', `“${input.department}”尚未进驻该中心：请先登记进驻部门。`);
    const w = await this.repos.hall.createWindow(input, actor?.id ?? null);
    if (w === 'duplicate') throw new ZhengwuError('DUPLICATE', `该中心已有${input.number}号窗口。`);
    return w;
  }

  /**
   * The hall's people by id (window staff and hall managers, disabled accounts included, so that old
   * histories keep their names), for showing who acted instead of an id. Names only: no usernames or roles.
   */
  async people(actor: Actor | null): Promise<{ id: string; displayName: string }[]> {
    authorize(actor, 'hall.organisation.view', { type: 'system' });
    const hallRoles: readonly string[] = ['windowStaff', 'hallManager'];
    return (await this.repos.users.list())
      .filter((u) => u.roles.some((r) => hallRoles.includes(r)))
      .map((u) => ({ id: u.id, displayName: u.displayName }))
      .sort((a, b) => NAME_ORDER.compare(a.displayName, b.displayName));
  }

  async staff(actor: Actor | null, windowId?: string): Promise<StaffAssignment[]> {
    authorize(actor, 'hall.organisation.view', { type: 'system' });
    return this.repos.hall.staff(windowId);
  }

  /** Ends an assignment on `toDate` (inclusive): not before it began, and not moved later once ended. */
  async endStaff(actor: Actor | null, id: string, toDate: string): Promise<StaffAssignment> {
    authorize(actor, 'hall.organisation.manage', { type: 'system' });
    const a = await this.repos.hall.getAssignment(id);
    if (!a) throw new ZhengwuError('NOT_FOUND', `人员安排不存在（${id}）。`);
    if (toDate < a.fromDate)
      throw new ZhengwuError('INVALID_INPUT', `结束日期不能早于开始日期（${a.fromDate}）。`);
    if (a.toDate !== null && toDate > a.toDate)
      throw new ZhengwuError('INVALID_INPUT', `该安排已于 ${a.toDate} 结束，不能延后；请重新安排。`);
    const ended = await this.repos.hall.endAssignment(id, toDate, actor?.id ?? null);
    if (!ended) throw new ZhengwuError('NOT_FOUND', `人员安排不存在（${id}）。`);
    return ended;
  }

  async assignStaff(
    actor: Actor | null,
    input: { windowId: string; userId: string; fromDate: string; toDate?: string | null },
  ): Promise<StaffAssignment> {
    authorize(actor, 'hall.organisation.manage', { type: 'system' });
    if (!(await this.repos.hall.getWindow(input.windowId)))
      throw new ZhengwuError('NOT_FOUND', `窗口不存在（${input.windowId}）。`);
    const user = await this.repos.users.get(input.userId);
    if (!user) throw new ZhengwuError('NOT_FOUND', `用户不存在（${input.userId}）。`);
    if (input.toDate && input.toDate < input.fromDate)
      throw new ZhengwuError('INVALID_INPUT', '人员安排的结束日期不能早于开始日期。');
    return this.repos.hall.assignStaff(input, actor?.id ?? null);
  }
}
