/** Queries the public pages share. */
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuditReport, DepartmentNode, PortalBudget, Publication, PublicationHeader } from './types.ts';

export const usePortalBudgets = () =>
  useQuery({ queryKey: ['portal-budgets'], queryFn: () => api.get<PortalBudget[]>('/api/portal/budgets') });

export const useDepartments = () =>
  useQuery({ queryKey: ['departments'], queryFn: () => api.get<DepartmentNode[]>('/api/departments') });

export const useVersions = (budgetId: string | undefined) =>
  useQuery({
    queryKey: ['versions', budgetId],
    enabled: !!budgetId,
    queryFn: () => api.get<PublicationHeader[]>(`/api/open-data/budgets/${budgetId}/versions`),
  });

export const usePublication = (budgetId: string | undefined, version: number | undefined) =>
  useQuery({
    queryKey: ['publication', budgetId, version],
    enabled: !!budgetId && !!version,
    queryFn: () => api.get<Publication>(`/api/open-data/budgets/${budgetId}/versions/${version}`),
  });

export const useBudgetAudit = (budgetId: string | undefined) =>
  useQuery({
    queryKey: ['audit', budgetId],
    enabled: !!budgetId,
    queryFn: () => api.get<AuditReport>(`/api/budgets/${budgetId}/audit`),
  });

/** The department tree as a flat list. */
export function flatDepartments(nodes: readonly DepartmentNode[]): DepartmentNode[] {
  return nodes.flatMap((n) => [n, ...flatDepartments(n.children)]);
}

/** Label of a budget in pickers: 部门 2018年. */
export const budgetLabel = (b: PortalBudget) => `${b.departmentName} ${b.fiscalYear}年`;
