/**
 * Roles (issue #4). An actor may hold several. The public is not a role: it is the absence of an actor
 * (`null`), and can read published data only.
 */

export const ROLES = ['admin', 'reviewer', 'editor', 'hallManager', 'windowStaff'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  reviewer: '财政局审核人员',
  editor: '部门编辑人员',
  hallManager: '政务大厅管理人员',
  windowStaff: '窗口工作人员',
};

export const PUBLIC_NAME = '公众（未登录）';

export interface Actor {
  id: string;
  roles: readonly Role[];
  /**
   * The actor's department and its units (the caller expands the tree): the departments whose budgets an
   * editor works on.
   */
  departmentIds: readonly string[];
  /**
   * The hall windows the actor works today (window staff, from the staff assignments); the hall service
   * fills it in before asking the policy. Absent: none.
   */
  windowIds?: readonly string[];
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return actor?.roles.includes(role) ?? false;
}

/** The actor belongs to the department (or it is one of its units). */
export function belongsTo(actor: Actor | null, departmentId: string): boolean {
  return actor?.departmentIds.includes(departmentId) ?? false;
}

/** An editor of this department or one of its units. */
export function isDepartmentEditor(actor: Actor | null, departmentId: string): boolean {
  return hasRole(actor, 'editor') && belongsTo(actor, departmentId);
}

/** Window staff working this window (today). */
export function isWindowStaffOf(actor: Actor | null, windowId: string): boolean {
  return hasRole(actor, 'windowStaff') && (actor?.windowIds?.includes(windowId) ?? false);
}

export function describeActor(actor: Actor | null): string {
  if (actor === null) return PUBLIC_NAME;
  if (!actor.roles.length) return '无角色的用户';
  return actor.roles.map((r) => ROLE_NAMES[r]).join('、');
}
