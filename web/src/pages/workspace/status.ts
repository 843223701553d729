import { BUDGET_STATUS_NAMES, type BudgetStatus } from '../../../../src/core/workflow/budget-status.ts';

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'cyan',
  published: 'success',
};
export const statusName = (s: string) => BUDGET_STATUS_NAMES[s as BudgetStatus] ?? s;
