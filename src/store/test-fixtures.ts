/** Data the store tests build on: a district with departments and units, users, budgets. */
import { randomBytes } from 'node:crypto';
import type { Budget } from '../core/budget/budget.ts';
import { testBudget } from '../core/disclosure/test-budget.ts';
import type { Repositories } from './repositories/index.ts';

export const unique = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

export function budgetFacts(fiscalYear = 2024, name = '秦皇岛市山海关区人民政府政务服务中心'): Budget {
  const b = testBudget();
  return { ...b, fiscalYear, department: { ...b.department, name } };
}

/**
 * The fixture's facts for any year with nothing the auditor calls an error: the year-on-year changes
 * compare with the year before, and the one performance indicator whose 良 and 中 tie is split.
 */
export function cleanBudgetFacts(fiscalYear = 2024): Budget {
  const b = budgetFacts(fiscalYear);
  return {
    ...b,
    changes: b.changes.map((c) => ({ ...c, comparedYear: fiscalYear - 1 })),
    performance: {
      ...b.performance,
      activities: b.performance.activities.map((a) => ({
        ...a,
        indicators: a.indicators.map((ind) =>
          ind.good?.value != null && ind.good.value === ind.fair?.value
            ? { ...ind, fair: { text: '90%', value: 90 }, poor: { text: '85%', value: 85 } }
            : ind,
        ),
      })),
    },
  };
}

export async function seedOrganisation(repos: Repositories) {
  const district = await repos.regions.create(
    { name: '山海关区', level: 'district', code: unique('130303') },
    null,
  );
  const department = await repos.departments.create(
    { regionId: district.id, name: '政务服务中心', code: unique('D'), kind: 'department' },
    null,
  );
  const unit = await repos.departments.create(
    {
      regionId: district.id,
      parentId: department.id,
      name: '政务服务中心机关',
      code: unique('U'),
      kind: 'unit',
    },
    null,
  );
  const editor = await repos.users.create(
    {
      username: unique('editor'),
      displayName: '编辑',
      passwordHash: 'hash',
      departmentId: department.id,
      roles: ['editor'],
    },
    null,
  );
  const reviewer = await repos.users.create(
    { username: unique('reviewer'), displayName: '审核', passwordHash: 'hash', roles: ['reviewer'] },
    null,
  );
  if (editor === 'duplicate' || reviewer === 'duplicate') throw new Error('用户名重复');
  return { district, department, unit, editor, reviewer };
}

export async function seedBudget(repos: Repositories, departmentId: string, fiscalYear = 2024) {
  const budget = await repos.budgets.create(
    { departmentId, fiscalYear, kind: 'budget', facts: budgetFacts(fiscalYear) },
    null,
  );
  if (budget === 'duplicate') throw new Error('预算重复');
  return budget;
}
