/** The current session (who is logged in, and the CSRF token for writes). */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client.ts';
import type { Session } from './types.ts';

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      const s = await api.get<Session>('/api/auth/session');
      setCsrfToken(s.csrfToken);
      return s;
    },
    staleTime: 60_000,
  });
}

export function useSetSession() {
  const client = useQueryClient();
  return (s: Session) => {
    setCsrfToken(s.csrfToken);
    client.setQueryData(['session'], s);
  };
}

export const ROLE_NAMES: Record<string, string> = {
  admin: '系统管理员',
  reviewer: '财政局审核人员',
  editor: '部门编辑人员',
  hallManager: '政务大厅管理人员',
  windowStaff: '窗口工作人员',
};
