/**
 * Who may do what (issue #4), as one table of rules. Services call `can` before every action; routes
 * never decide. Pure: the caller loads the actor and the resource.
 *
 * Each action lists grants: who (anyone, admin, reviewer, or an editor of the resource's department) and,
 * for budgets, in which statuses. An action is allowed when any grant matches; the statuses of workflow
 * actions are those of the workflow's transition table, so the policy and the state machine cannot drift
 * apart. One rule denies over the grants: nobody returns or approves a budget of a department they edit.
 */
import {
  BUDGET_STATUS_NAMES,
  type BudgetStatus,
  statusMessage,
  TRANSITIONS,
  type WorkflowActionType,
} from '../workflow/budget-status.ts';
import { type Actor, describeActor, hasRole, isDepartmentEditor, isWindowStaffOf } from './roles.ts';

export type Resource =
  /** One budget: its department (or unit) and its workflow status. */
  | { type: 'budget'; departmentId: string; status: BudgetStatus }
  /** A department (or unit): to create a budget in it or import a document for it. */
  | { type: 'department'; departmentId: string }
  /** A hall window: its cases (intake, handling, viewing). */
  | { type: 'window'; windowId: string }
  /** The system as a whole: users, departments, the audit log, the open-data catalogue. */
  | { type: 'system' };
export type ResourceType = Resource['type'];

export interface Decision {
  allowed: boolean;
  /** Why not, in Chinese (always given when denied). */
  reason?: string;
}

/** Who a grant is for. `departmentEditor` is an editor whose departments include the resource's. */
export type Grantee =
  | 'anyone'
  | 'admin'
  | 'reviewer'
  | 'departmentEditor'
  | 'hallManager'
  /** Window staff: of the resource's window for a window, any window staff for the system. */
  | 'windowStaff';

export interface Grant {
  who: Grantee;
  /** For budgets: the statuses the grant covers (all when absent). */
  statuses?: readonly BudgetStatus[];
}

export interface PolicyRule {
  /** The action's name in Chinese, for messages and documentation. */
  name: string;
  resource: ResourceType;
  grants: readonly Grant[];
  /** Denied to an editor of the budget's department, whatever else they are (no one reviews their own). */
  notOwnDepartment?: true;
  /** The message when a grant matches the actor but not the budget's status (default: the workflow's). */
  statusDenied?: string;
}

export const ACTIONS = [
  'budget.list',
  'budget.view',
  'budget.create',
  'budget.edit',
  'budget.submit',
  'budget.return',
  'budget.approve',
  'budget.publish',
  'budget.correct',
  'budget.reviewRecord',
  'budget.overdueList',
  'openData.view',
  'document.import',
  'document.view',
  'user.manage',
  'department.manage',
  'auditLog.read',
  'hall.organisation.view',
  'hall.organisation.manage',
  'hall.catalogue.view',
  'hall.catalogue.manage',
  'hall.intake',
  'hall.case.view',
  'hall.case.act',
  'hall.case.review',
  'hall.supervise',
  'hall.report',
  'hall.publicQuery',
  'hall.dashboard',
  'hall.preApproval.view',
  'hall.preApproval.submit',
  'hall.preApproval.decide',
] as const;
export type Action = (typeof ACTIONS)[number];

const PUBLISHED: readonly BudgetStatus[] = ['published'];

/** The policy. Read a row as: `action` on `resource` is allowed to any of `grants`. */
export const POLICY: Record<Action, PolicyRule> = {
  // The list itself is open to all; each item in it is filtered with budget.view (see visibleOnly).
  'budget.list': { name: '查看预算列表', resource: 'system', grants: [{ who: 'anyone' }] },
  'budget.view': {
    name: '查看预算',
    resource: 'budget',
    grants: [
      { who: 'anyone', statuses: PUBLISHED },
      { who: 'departmentEditor' },
      { who: 'reviewer' },
      { who: 'admin' },
    ],
    statusDenied: '该预算尚未公开：未公开的预算只有本部门编辑人员、财政局审核人员和系统管理员可以查看。',
  },
  'budget.create': { name: '新建预算', resource: 'department', grants: [{ who: 'departmentEditor' }] },
  'budget.edit': {
    name: '编辑预算',
    resource: 'budget',
    grants: [{ who: 'departmentEditor', statuses: TRANSITIONS.edit.from }],
  },
  'budget.submit': {
    name: '提交预算',
    resource: 'budget',
    grants: [{ who: 'departmentEditor', statuses: TRANSITIONS.submit.from }],
  },
  'budget.return': {
    name: '退回预算',
    resource: 'budget',
    grants: [{ who: 'reviewer', statuses: TRANSITIONS.return.from }],
    notOwnDepartment: true,
  },
  'budget.approve': {
    name: '批复预算',
    resource: 'budget',
    grants: [{ who: 'reviewer', statuses: TRANSITIONS.approve.from }],
    notOwnDepartment: true,
  },
  'budget.publish': {
    name: '公开预算',
    resource: 'budget',
    grants: [
      { who: 'departmentEditor', statuses: TRANSITIONS.publish.from },
      { who: 'reviewer', statuses: TRANSITIONS.publish.from },
    ],
  },
  // The reason is required by the workflow (transition 'correct'), not here.
  'budget.correct': {
    name: '更正已公开的预算',
    resource: 'budget',
    grants: [
      { who: 'departmentEditor', statuses: TRANSITIONS.correct.from },
      { who: 'reviewer', statuses: TRANSITIONS.correct.from },
    ],
  },
  // Comments, justifications and the change history: the people who prepare and review the budget.
  'budget.reviewRecord': {
    name: '查看审核记录',
    resource: 'budget',
    grants: [{ who: 'departmentEditor' }, { who: 'reviewer' }, { who: 'admin' }],
  },
  'budget.overdueList': {
    name: '查看逾期未公开的预算',
    resource: 'system',
    grants: [{ who: 'reviewer' }, { who: 'admin' }],
  },
  'openData.view': { name: '查看公开数据', resource: 'system', grants: [{ who: 'anyone' }] },
  'document.import': {
    name: '导入文件',
    resource: 'department',
    grants: [{ who: 'departmentEditor' }, { who: 'reviewer' }, { who: 'admin' }],
  },
  // An imported document and what was read from it (the uploader always sees their own: see the service).
  'document.view': {
    name: '查看导入的文件',
    resource: 'department',
    grants: [{ who: 'departmentEditor' }, { who: 'reviewer' }, { who: 'admin' }],
  },
  'user.manage': { name: '管理用户', resource: 'system', grants: [{ who: 'admin' }] },
  'department.manage': { name: '管理部门', resource: 'system', grants: [{ who: 'admin' }] },
  'auditLog.read': {
    name: '查看操作日志',
    resource: 'system',
    grants: [{ who: 'admin' }, { who: 'reviewer' }],
  },
  // The service hall (issue #6). Window staff act on the windows they work today only.
  'hall.organisation.view': {
    name: '查看大厅的中心、窗口和人员安排',
    resource: 'system',
    grants: [{ who: 'hallManager' }, { who: 'admin' }, { who: 'windowStaff' }],
  },
  'hall.organisation.manage': {
    name: '管理服务中心、进驻部门、窗口和人员安排',
    resource: 'system',
    grants: [{ who: 'hallManager' }, { who: 'admin' }],
  },
  // The catalogue is the public's service guide (办事指南).
  'hall.catalogue.view': { name: '查看事项目录', resource: 'system', grants: [{ who: 'anyone' }] },
  'hall.catalogue.manage': {
    name: '维护事项目录',
    resource: 'system',
    grants: [{ who: 'hallManager' }, { who: 'admin' }],
  },
  'hall.intake': {
    name: '在窗口收件',
    resource: 'window',
    grants: [{ who: 'windowStaff' }, { who: 'hallManager' }],
  },
  'hall.case.view': {
    name: '查看办件',
    resource: 'window',
    grants: [{ who: 'windowStaff' }, { who: 'hallManager' }, { who: 'admin' }],
  },
  'hall.case.act': {
    name: '办理办件',
    resource: 'window',
    grants: [{ who: 'windowStaff' }, { who: 'hallManager' }],
  },
  // 二次受理审核 is 业务科's (the hall's management), never the window's own: it restarts the clock.
  'hall.case.review': { name: '二次受理审核', resource: 'window', grants: [{ who: 'hallManager' }] },
  'hall.supervise': {
    name: '查看电子监察',
    resource: 'system',
    grants: [{ who: 'hallManager' }, { who: 'admin' }],
  },
  'hall.report': {
    name: '查看和生成大厅报表',
    resource: 'system',
    grants: [{ who: 'hallManager' }, { who: 'admin' }],
  },
  // The query kiosk: the case number and the phone's last four digits are the credentials (the service checks them).
  'hall.publicQuery': { name: '查询办件进度', resource: 'system', grants: [{ who: 'anyone' }] },
  // The LED screen in the hall: today's counts per window, nothing personal.
  'hall.dashboard': { name: '查看大厅实时数据', resource: 'system', grants: [{ who: 'anyone' }] },
  // Investment project pre-approval (项目预审): registered and resubmitted at the window; the preliminary
  // review, approval, return, refusal and the report upward are 业务科's (the hall's management).
  'hall.preApproval.view': {
    name: '查看项目预审',
    resource: 'system',
    grants: [{ who: 'windowStaff' }, { who: 'hallManager' }, { who: 'admin' }],
  },
  'hall.preApproval.submit': {
    name: '申报项目预审',
    resource: 'system',
    grants: [{ who: 'windowStaff' }, { who: 'hallManager' }],
  },
  'hall.preApproval.decide': {
    name: '审查、批准和上报项目预审',
    resource: 'system',
    grants: [{ who: 'hallManager' }],
  },
};

/** The workflow action a budget action performs, for the status messages. */
const WORKFLOW_OF: Partial<Record<Action, WorkflowActionType>> = {
  'budget.edit': 'edit',
  'budget.submit': 'submit',
  'budget.return': 'return',
  'budget.approve': 'approve',
  'budget.publish': 'publish',
  'budget.correct': 'correct',
};

function departmentOf(resource: Resource): string | null {
  return resource.type === 'budget' || resource.type === 'department' ? resource.departmentId : null;
}

function matches(actor: Actor | null, who: Grantee, resource: Resource): boolean {
  switch (who) {
    case 'anyone':
      return true;
    case 'admin':
    case 'reviewer':
      return hasRole(actor, who);
    case 'departmentEditor': {
      const dept = departmentOf(resource);
      return dept !== null && isDepartmentEditor(actor, dept);
    }
    case 'hallManager':
      return hasRole(actor, 'hallManager');
    case 'windowStaff':
      return resource.type === 'window'
        ? isWindowStaffOf(actor, resource.windowId)
        : resource.type === 'system' && hasRole(actor, 'windowStaff');
  }
}

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

export function can(actor: Actor | null, action: Action, resource: Resource): Decision {
  const rule = POLICY[action];
  if (resource.type !== rule.resource) return deny(`“${rule.name}”不适用于该对象。`);
  const granted = rule.grants.filter((g) => matches(actor, g.who, resource));
  if (!granted.length) {
    if (actor === null) return deny(`请先登录后再${rule.name}。`);
    const dept = departmentOf(resource);
    const ownOnly =
      hasRole(actor, 'editor') && dept !== null && rule.grants.some((g) => g.who === 'departmentEditor');
    const otherWindow =
      resource.type === 'window' &&
      hasRole(actor, 'windowStaff') &&
      rule.grants.some((g) => g.who === 'windowStaff');
    return deny(
      ownOnly
        ? `您不属于该部门或其所属单位，不能${rule.name}：部门编辑人员只能处理本部门及所属单位的预算。`
        : otherWindow
          ? `您今天不在该窗口工作，不能${rule.name}：窗口工作人员只能处理本人所在窗口的办件。`
          : `${describeActor(actor)}无权${rule.name}。`,
    );
  }
  if (
    rule.notOwnDepartment &&
    resource.type === 'budget' &&
    isDepartmentEditor(actor, resource.departmentId)
  ) {
    return deny('不能退回或批复本部门（或所属单位）的预算：请由其他审核人员办理。');
  }
  if (
    resource.type === 'budget' &&
    !granted.some((g) => !g.statuses || g.statuses.includes(resource.status))
  ) {
    if (rule.statusDenied) return deny(rule.statusDenied);
    const workflowAction = WORKFLOW_OF[action];
    return deny(
      workflowAction
        ? statusMessage(resource.status, workflowAction)
        : `预算当前为“${BUDGET_STATUS_NAMES[resource.status]}”状态，不能${rule.name}。`,
    );
  }
  return ALLOW;
}

/** The items an actor may see (budget.view), for lists. */
export function visibleOnly<T extends { departmentId: string; status: BudgetStatus }>(
  actor: Actor | null,
  budgets: readonly T[],
): T[] {
  return budgets.filter(
    (b) =>
      can(actor, 'budget.view', { type: 'budget', departmentId: b.departmentId, status: b.status }).allowed,
  );
}
