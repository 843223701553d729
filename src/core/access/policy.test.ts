import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUDGET_STATUSES, type BudgetStatus } from '../workflow/budget-status.ts';
import { ACTIONS, type Action, can, POLICY, type Resource, visibleOnly } from './policy.ts';
import { type Actor, ROLES, type Role } from './roles.ts';

/*
 * The authorisation matrix is the specification. Every actor below, for a budget of a unit of department
 * D1: "own" actors belong to D1 and its units, "other" ones to D2. Y = allowed, . = denied.
 */

const BUDGET_DEPT = 'D1-unit';
const OWN = ['D1', 'D1-unit'];
const OTHER = ['D2'];

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  'admin/own': { id: 'a1', roles: ['admin'], departmentIds: OWN },
  'admin/other': { id: 'a2', roles: ['admin'], departmentIds: OTHER },
  'reviewer/own': { id: 'r1', roles: ['reviewer'], departmentIds: OWN },
  'reviewer/other': { id: 'r2', roles: ['reviewer'], departmentIds: OTHER },
  'editor/own': { id: 'e1', roles: ['editor'], departmentIds: OWN },
  'editor/other': { id: 'e2', roles: ['editor'], departmentIds: OTHER },
  'hallManager/own': { id: 'h1', roles: ['hallManager'], departmentIds: OWN },
  'hallManager/other': { id: 'h2', roles: ['hallManager'], departmentIds: OTHER },
  'windowStaff/own': { id: 'w1', roles: ['windowStaff'], departmentIds: OWN, windowIds: ['W1'] },
  'windowStaff/other': { id: 'w2', roles: ['windowStaff'], departmentIds: OTHER, windowIds: ['W2'] },
  'reviewer+editor/own': { id: 're1', roles: ['reviewer', 'editor'], departmentIds: OWN },
  'reviewer+editor/other': { id: 're2', roles: ['reviewer', 'editor'], departmentIds: OTHER },
};

/** Budget actions: one table per action, a column per status. */
const BUDGET_MATRIX: Record<string, string> = {
  'budget.view': `
                          draft submitted returned approved published
    anonymous               .       .        .        .        Y
    admin/own               Y       Y        Y        Y        Y
    admin/other             Y       Y        Y        Y        Y
    reviewer/own            Y       Y        Y        Y        Y
    reviewer/other          Y       Y        Y        Y        Y
    editor/own              Y       Y        Y        Y        Y
    editor/other            .       .        .        .        Y
    hallManager/own         .       .        .        .        Y
    hallManager/other       .       .        .        .        Y
    windowStaff/own         .       .        .        .        Y
    windowStaff/other       .       .        .        .        Y
    reviewer+editor/own     Y       Y        Y        Y        Y
    reviewer+editor/other   Y       Y        Y        Y        Y`,
  'budget.edit': `
                          draft submitted returned approved published
    anonymous               .       .        .        .        .
    admin/own               .       .        .        .        .
    admin/other             .       .        .        .        .
    reviewer/own            .       .        .        .        .
    reviewer/other          .       .        .        .        .
    editor/own              Y       .        Y        .        .
    editor/other            .       .        .        .        .
    hallManager/own         .       .        .        .        .
    hallManager/other       .       .        .        .        .
    windowStaff/own         .       .        .        .        .
    windowStaff/other       .       .        .        .        .
    reviewer+editor/own     Y       .        Y        .        .
    reviewer+editor/other   .       .        .        .        .`,
  'budget.submit': `
                          draft submitted returned approved published
    anonymous               .       .        .        .        .
    admin/own               .       .        .        .        .
    admin/other             .       .        .        .        .
    reviewer/own            .       .        .        .        .
    reviewer/other          .       .        .        .        .
    editor/own              Y       .        Y        .        .
    editor/other            .       .        .        .        .
    hallManager/own         .       .        .        .        .
    hallManager/other       .       .        .        .        .
    windowStaff/own         .       .        .        .        .
    windowStaff/other       .       .        .        .        .
    reviewer+editor/own     Y       .        Y        .        .
    reviewer+editor/other   .       .        .        .        .`,
  'budget.return': `
                          draft submitted returned approved published
    anonymous               .       .        .        .        .
    admin/own               .       .        .        .        .
    admin/other             .       .        .        .        .
    reviewer/own            .       Y        .        .        .
    reviewer/other          .       Y        .        .        .
    editor/own              .       .        .        .        .
    editor/other            .       .        .        .        .
    hallManager/own         .       .        .        .        .
    hallManager/other       .       .        .        .        .
    windowStaff/own         .       .        .        .        .
    windowStaff/other       .       .        .        .        .
    reviewer+editor/own     .       .        .        .        .
    reviewer+editor/other   .       Y        .        .        .`,
  'budget.approve': `
                          draft submitted returned approved published
    anonymous               .       .        .        .        .
    admin/own               .       .        .        .        .
    admin/other             .       .        .        .        .
    reviewer/own            .       Y        .        .        .
    reviewer/other          .       Y        .        .        .
    editor/own              .       .        .        .        .
    editor/other            .       .        .        .        .
    hallManager/own         .       .        .        .        .
    hallManager/other       .       .        .        .        .
    windowStaff/own         .       .        .        .        .
    windowStaff/other       .       .        .        .        .
    reviewer+editor/own     .       .        .        .        .
    reviewer+editor/other   .       Y        .        .        .`,
  'budget.publish': `
                          draft submitted returned approved published
    anonymous               .       .        .        .        .
    admin/own               .       .        .        .        .
    admin/other             .       .        .        .        .
    reviewer/own            .       .        .        Y        .
    reviewer/other          .       .        .        Y        .
    editor/own              .       .        .        Y        .
    editor/other            .       .        .        .        .
    hallManager/own         .       .        .        .        .
    hallManager/other       .       .        .        .        .
    windowStaff/own         .       .        .        .        .
    windowStaff/other       .       .        .        .        .
    reviewer+editor/own     .       .        .        Y        .
    reviewer+editor/other   .       .        .        Y        .`,
  'budget.correct': `
                          draft submitted returned approved published
    anonymous               .       .        .        .        .
    admin/own               .       .        .        .        .
    admin/other             .       .        .        .        .
    reviewer/own            .       .        .        .        Y
    reviewer/other          .       .        .        .        Y
    editor/own              .       .        .        .        Y
    editor/other            .       .        .        .        .
    hallManager/own         .       .        .        .        .
    hallManager/other       .       .        .        .        .
    windowStaff/own         .       .        .        .        .
    windowStaff/other       .       .        .        .        .
    reviewer+editor/own     .       .        .        .        Y
    reviewer+editor/other   .       .        .        .        Y`,
  'budget.reviewRecord': `
                          draft submitted returned approved published
    anonymous               .       .        .        .        .
    admin/own               Y       Y        Y        Y        Y
    admin/other             Y       Y        Y        Y        Y
    reviewer/own            Y       Y        Y        Y        Y
    reviewer/other          Y       Y        Y        Y        Y
    editor/own              Y       Y        Y        Y        Y
    editor/other            .       .        .        .        .
    hallManager/own         .       .        .        .        .
    hallManager/other       .       .        .        .        .
    windowStaff/own         .       .        .        .        .
    windowStaff/other       .       .        .        .        .
    reviewer+editor/own     Y       Y        Y        Y        Y
    reviewer+editor/other   Y       Y        Y        Y        Y`,
};

/** Actions on a department (D1's unit): a column per action. */
const DEPARTMENT_MATRIX = `
                          budget.create document.import document.view
    anonymous                   .              .              .
    admin/own                   .              Y              Y
    admin/other                 .              Y              Y
    reviewer/own                .              Y              Y
    reviewer/other              .              Y              Y
    editor/own                  Y              Y              Y
    editor/other                .              .              .
    hallManager/own             .              .              .
    hallManager/other           .              .              .
    windowStaff/own             .              .              .
    windowStaff/other           .              .              .
    reviewer+editor/own         Y              Y              Y
    reviewer+editor/other       .              Y              Y`;

/** Actions on the system as a whole: a column per action. */
const SYSTEM_MATRIX = `
                          budget.list openData.view user.manage department.manage auditLog.read budget.overdueList
    anonymous                 Y   Y   .   .   .   .
    admin/own                 Y   Y   Y   Y   Y   Y
    admin/other               Y   Y   Y   Y   Y   Y
    reviewer/own              Y   Y   .   .   Y   Y
    reviewer/other            Y   Y   .   .   Y   Y
    editor/own                Y   Y   .   .   .   .
    editor/other              Y   Y   .   .   .   .
    hallManager/own           Y   Y   .   .   .   .
    hallManager/other         Y   Y   .   .   .   .
    windowStaff/own           Y   Y   .   .   .   .
    windowStaff/other         Y   Y   .   .   .   .
    reviewer+editor/own       Y   Y   .   .   Y   Y
    reviewer+editor/other     Y   Y   .   .   Y   Y`;

/** Hall actions on window W1 ("own" window staff work W1 today, "other" ones W2): a column per action. */
const WINDOW_MATRIX = `
                          hall.intake hall.case.view hall.case.act hall.case.review
    anonymous                  .            .             .              .
    admin/own                  .            Y             .              .
    admin/other                .            Y             .              .
    reviewer/own               .            .             .              .
    reviewer/other             .            .             .              .
    editor/own                 .            .             .              .
    editor/other               .            .             .              .
    hallManager/own            Y            Y             Y              Y
    hallManager/other          Y            Y             Y              Y
    windowStaff/own            Y            Y             Y              .
    windowStaff/other          .            .             .              .
    reviewer+editor/own        .            .             .              .
    reviewer+editor/other      .            .             .              .`;

/** Hall actions on the system as a whole. */
const HALL_SYSTEM_MATRIX = `
                          hall.organisation.view hall.organisation.manage hall.catalogue.view hall.catalogue.manage hall.supervise hall.report hall.publicQuery hall.dashboard
    anonymous                 .   .   Y   .   .   .   Y   Y
    admin/own                 Y   Y   Y   Y   Y   Y   Y   Y
    admin/other               Y   Y   Y   Y   Y   Y   Y   Y
    reviewer/own              .   .   Y   .   .   .   Y   Y
    reviewer/other            .   .   Y   .   .   .   Y   Y
    editor/own                .   .   Y   .   .   .   Y   Y
    editor/other              .   .   Y   .   .   .   Y   Y
    hallManager/own           Y   Y   Y   Y   Y   Y   Y   Y
    hallManager/other         Y   Y   Y   Y   Y   Y   Y   Y
    windowStaff/own           Y   .   Y   .   .   .   Y   Y
    windowStaff/other         Y   .   Y   .   .   .   Y   Y
    reviewer+editor/own       .   .   Y   .   .   .   Y   Y
    reviewer+editor/other     .   .   Y   .   .   .   Y   Y`;

/** Project pre-approval (项目预审), on the system as a whole. */
const PRE_APPROVAL_MATRIX = `
                          hall.preApproval.view hall.preApproval.submit hall.preApproval.decide
    anonymous                  .   .   .
    admin/own                  Y   .   .
    admin/other                Y   .   .
    reviewer/own               .   .   .
    reviewer/other             .   .   .
    editor/own                 .   .   .
    editor/other               .   .   .
    hallManager/own            Y   Y   Y
    hallManager/other          Y   Y   Y
    windowStaff/own            Y   Y   .
    windowStaff/other          Y   Y   .
    reviewer+editor/own        .   .   .
    reviewer+editor/other      .   .   .`;

interface Cell {
  actor: string;
  column: string;
  allowed: boolean;
}

function parse(table: string): { columns: string[]; cells: Cell[] } {
  const [head, ...rows] = table
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
  const columns = head ?? [];
  const cells: Cell[] = [];
  for (const [actor = '', ...marks] of rows) {
    expect(marks, `row ${actor}`).toHaveLength(columns.length);
    marks.forEach((m, i) => {
      expect(['Y', '.']).toContain(m);
      cells.push({ actor, column: columns[i] ?? '', allowed: m === 'Y' });
    });
  }
  const actors = [...new Set(cells.map((c) => c.actor))];
  expect(actors).toEqual(Object.keys(ACTORS));
  return { columns, cells };
}

function actorOf(name: string): Actor | null {
  const a = ACTORS[name];
  if (a === undefined) throw new Error(`unknown actor ${name}`);
  return a;
}

describe('the authorisation matrix', () => {
  it('covers every action exactly once', () => {
    const covered = [
      ...Object.keys(BUDGET_MATRIX),
      ...parse(DEPARTMENT_MATRIX).columns,
      ...parse(SYSTEM_MATRIX).columns,
      ...parse(WINDOW_MATRIX).columns,
      ...parse(HALL_SYSTEM_MATRIX).columns,
      ...parse(PRE_APPROVAL_MATRIX).columns,
    ].sort();
    expect(covered).toEqual([...ACTIONS].sort());
  });

  for (const [action, table] of Object.entries(BUDGET_MATRIX)) {
    it(`${action}: every actor × every status, exactly as the matrix says`, () => {
      const { columns, cells } = parse(table);
      expect(columns).toEqual([...BUDGET_STATUSES]);
      const wrong = cells.filter((c) => {
        const resource: Resource = {
          type: 'budget',
          departmentId: BUDGET_DEPT,
          status: c.column as BudgetStatus,
        };
        return can(actorOf(c.actor), action as Action, resource).allowed !== c.allowed;
      });
      expect(
        wrong.map((c) => `${c.actor} ${c.column}: expected ${c.allowed ? 'allowed' : 'denied'}`),
      ).toEqual([]);
    });
  }

  it('department actions: every actor, own and other department', () => {
    const wrong = parse(DEPARTMENT_MATRIX).cells.filter(
      (c) =>
        can(actorOf(c.actor), c.column as Action, { type: 'department', departmentId: BUDGET_DEPT })
          .allowed !== c.allowed,
    );
    expect(wrong).toEqual([]);
  });

  it('system actions: every actor', () => {
    const wrong = [
      ...parse(SYSTEM_MATRIX).cells,
      ...parse(HALL_SYSTEM_MATRIX).cells,
      ...parse(PRE_APPROVAL_MATRIX).cells,
    ].filter((c) => can(actorOf(c.actor), c.column as Action, { type: 'system' }).allowed !== c.allowed);
    expect(wrong).toEqual([]);
  });

  it('window actions: every actor, on a window the own window staff work and the others do not', () => {
    const wrong = parse(WINDOW_MATRIX).cells.filter(
      (c) =>
        can(actorOf(c.actor), c.column as Action, { type: 'window', windowId: 'W1' }).allowed !== c.allowed,
    );
    expect(wrong.map((c) => `${c.actor} ${c.column}`)).toEqual([]);
  });

  it('gives a reason in Chinese for every denial, and none for an allowance', () => {
    for (const actor of Object.values(ACTORS)) {
      for (const action of ACTIONS) {
        const resources: Resource[] =
          POLICY[action].resource === 'budget'
            ? BUDGET_STATUSES.map((status) => ({ type: 'budget', departmentId: BUDGET_DEPT, status }))
            : POLICY[action].resource === 'department'
              ? [{ type: 'department', departmentId: BUDGET_DEPT }]
              : POLICY[action].resource === 'window'
                ? [{ type: 'window', windowId: 'W1' }]
                : [{ type: 'system' }];
        for (const r of resources) {
          const d = can(actor, action, r);
          if (d.allowed) expect(d.reason).toBeUndefined();
          else expect(d.reason).toMatch(/\p{Script=Han}.*。$/u);
        }
      }
    }
  });
});

describe('the reasons', () => {
  const budget = (status: BudgetStatus): Resource => ({ type: 'budget', departmentId: BUDGET_DEPT, status });
  it('asks the public to sign in, and says a draft is not public', () => {
    expect(can(null, 'budget.edit', budget('draft')).reason).toBe('请先登录后再编辑预算。');
    expect(can(null, 'budget.view', budget('draft')).reason).toContain('该预算尚未公开');
  });
  it('tells an editor the budget is not their department’s', () => {
    expect(can(actorOf('editor/other'), 'budget.edit', budget('draft')).reason).toContain('您不属于该部门');
  });
  it('tells a reviewer who edits the department to leave it to another reviewer', () => {
    expect(can(actorOf('reviewer+editor/own'), 'budget.approve', budget('submitted')).reason).toBe(
      '不能退回或批复本部门（或所属单位）的预算：请由其他审核人员办理。',
    );
  });
  it('explains the status', () => {
    expect(can(actorOf('editor/own'), 'budget.publish', budget('submitted')).reason).toBe(
      '预算当前为“已提交”状态，不能公开：只有“已批复”的预算可以公开。',
    );
    expect(can(actorOf('windowStaff/own'), 'user.manage', { type: 'system' }).reason).toBe(
      '窗口工作人员无权管理用户。',
    );
  });
  it('denies a resource of the wrong kind', () => {
    expect(can(actorOf('admin/own'), 'user.manage', budget('draft')).allowed).toBe(false);
  });
  it('tells window staff they work another window', () => {
    expect(
      can(actorOf('windowStaff/other'), 'hall.case.act', { type: 'window', windowId: 'W1' }).reason,
    ).toBe('您今天不在该窗口工作，不能办理办件：窗口工作人员只能处理本人所在窗口的办件。');
  });
});

describe('the policy for any actor', () => {
  const deptArb = fc.constantFrom('D1', 'D1-unit', 'D2', 'D3');
  const actorArb: fc.Arbitrary<Actor | null> = fc.option(
    fc.record({
      id: fc.constant('x'),
      roles: fc.subarray<Role>([...ROLES]),
      departmentIds: fc.uniqueArray(deptArb, { maxLength: 3 }),
    }),
    { nil: null },
  );
  const resourceArb: fc.Arbitrary<Resource> = fc.oneof(
    fc.record({
      type: fc.constant('budget' as const),
      departmentId: deptArb,
      status: fc.constantFrom(...BUDGET_STATUSES),
    }),
    fc.record({ type: fc.constant('department' as const), departmentId: deptArb }),
    fc.record({ type: fc.constant('window' as const), windowId: fc.constantFrom('W1', 'W2') }),
    fc.constant({ type: 'system' as const }),
  );
  const WRITES: readonly Action[] = ['budget.create', 'budget.edit', 'budget.submit'];

  it('lets the public read published data only', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), resourceArb, (action, resource) => {
        if (!can(null, action, resource).allowed) return;
        const publicRead =
          action === 'budget.list' ||
          action === 'openData.view' ||
          action === 'hall.catalogue.view' ||
          action === 'hall.publicQuery' ||
          action === 'hall.dashboard' ||
          (action === 'budget.view' && resource.type === 'budget' && resource.status === 'published');
        expect(publicRead).toBe(true);
      }),
    );
  });

  it('never lets anyone write to a department they are not an editor of', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...WRITES), resourceArb, (actor, action, resource) => {
        if (!can(actor, action, resource).allowed) return;
        if (resource.type === 'system' || resource.type === 'window') throw new Error('not a department');
        expect(actor?.roles.includes('editor')).toBe(true);
        expect(actor?.departmentIds.includes(resource.departmentId)).toBe(true);
      }),
    );
  });

  it('lets only reviewers return or approve, never for a department they edit, only when submitted', () => {
    fc.assert(
      fc.property(
        actorArb,
        fc.constantFrom<Action>('budget.return', 'budget.approve'),
        resourceArb,
        (actor, action, r) => {
          if (!can(actor, action, r).allowed) return;
          expect(r.type === 'budget' && r.status).toBe('submitted');
          expect(actor?.roles.includes('reviewer')).toBe(true);
          const editsIt =
            actor?.roles.includes('editor') &&
            r.type === 'budget' &&
            actor.departmentIds.includes(r.departmentId);
          expect(editsIt).toBe(false);
        },
      ),
    );
  });

  it('filters a list to what the actor may see', () => {
    const list = BUDGET_STATUSES.flatMap((status) => [
      { id: `own-${status}`, departmentId: BUDGET_DEPT, status },
      { id: `other-${status}`, departmentId: 'D2', status },
    ]);
    expect(visibleOnly(null, list).map((b) => b.id)).toEqual(['own-published', 'other-published']);
    expect(visibleOnly(actorOf('editor/own'), list).map((b) => b.id)).toEqual([
      'own-draft',
      'own-submitted',
      'own-returned',
      'own-approved',
      'own-published',
      'other-published',
    ]);
    expect(visibleOnly(actorOf('reviewer/other'), list)).toHaveLength(10);
  });
});
