/** The hall's organisation as the 中心与窗口 page shows it: names, the tree, who works a window on a day. */
import type { CenterLevel, ServiceCenterNode } from '../../../src/store/repositories/hall-records.ts';
import type { HallWindow, StaffAssignment, StationedDepartment } from './types.ts';

export type { CenterLevel, ServiceCenterNode };

export const CENTER_LEVEL_NAMES: Record<CenterLevel, string> = {
  district: '区（县）政务服务中心',
  township: '乡镇（街道）便民服务中心',
  village: '村（社区）便民服务站',
};

/** The level a center's children have (null: a village station has none). */
export const CHILD_LEVEL: Record<CenterLevel, CenterLevel | null> = {
  district: 'township',
  township: 'village',
  village: null,
};

export const WINDOW_KIND_NAMES: Record<string, string> = {
  comprehensive: '综合窗口',
  department: '部门窗口',
  joint: '联办窗口',
  inquiry: '咨询窗口',
};

/** A center found anywhere in the tree. */
export function findCenter(nodes: readonly ServiceCenterNode[], id: string): ServiceCenterNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = findCenter(n.children, id);
    if (found) return found;
  }
  return undefined;
}

/** Every center's id, parents before children. */
export function allCenterIds(nodes: readonly ServiceCenterNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...allCenterIds(n.children)]);
}

/** The tree in antd Tree's shape. */
export interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

export function centerTreeData(nodes: readonly ServiceCenterNode[]): TreeNode[] {
  return nodes.map((n) => ({
    key: n.id,
    title: n.name,
    children: centerTreeData(n.children),
  }));
}

export type AssignmentState = 'current' | 'ended' | 'upcoming';

export const ASSIGNMENT_STATE_NAMES: Record<AssignmentState, string> = {
  current: '在岗',
  ended: '已结束',
  upcoming: '未开始',
};

/** Whether an assignment covers `today` (inclusive dates). */
export function assignmentState(
  a: Pick<StaffAssignment, 'fromDate' | 'toDate'>,
  today: string,
): AssignmentState {
  if (today < a.fromDate) return 'upcoming';
  if (a.toDate !== null && today > a.toDate) return 'ended';
  return 'current';
}

/** The assignments of a center's windows: current ones first, then upcoming, then ended; by window number. */
export function centerAssignments(
  windows: readonly HallWindow[],
  assignments: readonly StaffAssignment[],
  today: string,
): (StaffAssignment & { window: HallWindow; state: AssignmentState })[] {
  const byId = new Map(windows.map((w) => [w.id, w]));
  const order: Record<AssignmentState, number> = { current: 0, upcoming: 1, ended: 2 };
  const number = (w: HallWindow) => Number.parseInt(w.number, 10) || Number.MAX_SAFE_INTEGER;
  return assignments
    .flatMap((a) => {
      const window = byId.get(a.windowId);
      return window ? [{ ...a, window, state: assignmentState(a, today) }] : [];
    })
    .sort(
      (a, b) =>
        order[a.state] - order[b.state] ||
        number(a.window) - number(b.window) ||
        a.window.number.localeCompare(b.window.number) ||
        a.fromDate.localeCompare(b.fromDate),
    );
}

/** The dialogs of the 中心与窗口 page. */
export type OrganisationDialog =
  | { kind: 'center'; parent: ServiceCenterNode | null }
  | { kind: 'department'; center: ServiceCenterNode }
  | { kind: 'window'; center: ServiceCenterNode; departments: readonly StationedDepartment[] }
  | { kind: 'assign'; windows: readonly HallWindow[]; people: ReadonlyMap<string, string> }
  | { kind: 'end'; assignment: StaffAssignment; label: string };

/** What a dialog posts, or a message when something required is missing. */
export function organisationRequest(
  dialog: OrganisationDialog,
  v: Record<string, string | undefined>,
): { path: string; body: unknown } | string {
  const text = (key: string) => v[key]?.trim() ?? '';
  switch (dialog.kind) {
    case 'center': {
      const level = dialog.parent ? CHILD_LEVEL[dialog.parent.level] : 'district';
      if (!level) return '村（社区）便民服务站下不能再设服务中心。';
      if (!text('name')) return '请填写中心名称。';
      return {
        path: '/api/hall/centers',
        body: { name: text('name'), level, parentId: dialog.parent?.id ?? null },
      };
    }
    case 'department':
      if (!text('name')) return '请填写部门名称。';
      return { path: `/api/hall/centers/${dialog.center.id}/departments`, body: { name: text('name') } };
    case 'window':
      if (!text('number') || !text('name') || !text('department') || !text('kind'))
        return '请填写窗口号、窗口名称，并选择部门和窗口类型。';
      return {
        path: '/api/hall/windows',
        body: {
          centerId: dialog.center.id,
          number: text('number'),
          name: text('name'),
          department: text('department'),
          kind: text('kind'),
        },
      };
    case 'assign':
      if (!text('windowId') || !text('userId') || !text('fromDate')) return '请选择窗口、人员和开始日期。';
      return {
        path: '/api/hall/staff',
        body: {
          windowId: text('windowId'),
          userId: text('userId'),
          fromDate: text('fromDate'),
          toDate: text('toDate') || null,
        },
      };
    case 'end':
      if (!text('toDate')) return '请填写最后一个工作日。';
      return { path: `/api/hall/staff/${dialog.assignment.id}/end`, body: { toDate: text('toDate') } };
  }
}
