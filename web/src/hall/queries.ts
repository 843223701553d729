/** react-query hooks over the hall API shared by several pages. */
import { useQuery } from '@tanstack/react-query';
import { officialCalendar } from '../../../src/core/hall/calendar.ts';
import { shanghaiDate } from '../../../src/core/workflow/deadlines.ts';
import { api } from '../api/client.ts';
import type { ServiceCenterNode } from './organisation-logic.ts';
import type { HallWindow, ServiceItem, StaffAssignment, StationedDepartment } from './types.ts';

export const calendar = officialCalendar;
export const todayInShanghai = () => shanghaiDate(new Date());

export function useWindows() {
  return useQuery({
    queryKey: ['hall', 'windows'],
    queryFn: () => api.get<HallWindow[]>('/api/hall/windows'),
  });
}

/** The hall's people by id → name (GET /api/hall/people), for actorLabel; empty until loaded. */
export function usePeople(): ReadonlyMap<string, string> {
  const q = useQuery({
    queryKey: ['hall', 'people'],
    queryFn: () => api.get<{ id: string; displayName: string }[]>('/api/hall/people'),
    staleTime: 60_000,
  });
  return new Map((q.data ?? []).map((p) => [p.id, p.displayName]));
}

/** The service centers as a tree (district → township → village). */
export function useCenters() {
  return useQuery({
    queryKey: ['hall', 'centers'],
    queryFn: () => api.get<ServiceCenterNode[]>('/api/hall/centers'),
    staleTime: 60_000,
  });
}

/** The departments stationed in a center (none asked for without a center). */
export function useDepartments(centerId: string | undefined) {
  return useQuery({
    queryKey: ['hall', 'departments', centerId ?? ''],
    queryFn: () => api.get<StationedDepartment[]>(`/api/hall/centers/${centerId}/departments`),
    enabled: Boolean(centerId),
  });
}

export function useItems() {
  return useQuery({ queryKey: ['hall', 'items'], queryFn: () => api.get<ServiceItem[]>('/api/hall/items') });
}

export function useStaff() {
  return useQuery({
    queryKey: ['hall', 'staff'],
    queryFn: () => api.get<StaffAssignment[]>('/api/hall/staff'),
  });
}

export function windowLabel(windows: readonly HallWindow[] | undefined, id: string): string {
  const w = windows?.find((x) => x.id === id);
  return w ? `${w.number}号窗口 ${w.name}` : '窗口';
}
