/** Login, logout and the current session. */
import { z } from 'zod';
import { ZhengwuError } from '../../core/errors.ts';
import type { User } from '../../store/repositories/index.ts';
import { type AnyRoute, route } from '../route.ts';
import { clearSessionCookie, SESSION_COOKIE, type SecurityOptions, setSessionCookie } from '../security.ts';

const UserOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.string().nullable(),
  roles: z.array(z.string()),
});
const SessionOut = z.object({
  user: UserOut.nullable(),
  csrfToken: z.string().nullable().describe('已登录时的 CSRF 令牌：写入请求放在 x-csrf-token 请求头中'),
  expiresAt: z.string().nullable(),
});

const publicUser = (u: User) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  departmentId: u.departmentId,
  roles: u.roles,
});

export function authRoutes(security: SecurityOptions): AnyRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/auth/login',
      tag: '登录',
      summary: '登录',
      description:
        '用户名和密码正确时设置 httpOnly 会话 Cookie，并返回 CSRF 令牌。连续失败 5 次锁定 15 分钟；每个地址每分钟最多尝试 30 次。',
      audience: 'public',
      body: z.strictObject({
        username: z.string({ error: '用户名应为文本' }).min(1, { error: '请输入用户名' }).max(100),
        password: z.string({ error: '密码应为文本' }).min(1, { error: '请输入密码' }).max(1000),
      }),
      response: SessionOut,
      errors: ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'RATE_LIMITED'],
      rateLimit: 'login',
      async handler({ body, services, request, reply }) {
        const r = await services.auth.login(body.username, body.password);
        setSessionCookie(reply, request, r.token, r.session.expiresAt, security);
        return { user: publicUser(r.user), csrfToken: r.session.csrfToken, expiresAt: r.session.expiresAt };
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/logout',
      tag: '登录',
      summary: '退出登录',
      audience: 'login',
      response: z.object({ ok: z.literal(true) }),
      async handler({ services, request, reply, auth }) {
        if (!auth) throw new ZhengwuError('UNAUTHENTICATED', '尚未登录。');
        const token = request.cookies[SESSION_COOKIE];
        if (token) await services.auth.logout(token);
        clearSessionCookie(reply, request, security);
        return { ok: true as const };
      },
    }),
    route({
      method: 'GET',
      url: '/api/auth/session',
      tag: '登录',
      summary: '当前会话',
      description: '未登录时 user 为 null。',
      audience: 'public',
      response: SessionOut,
      async handler({ auth }) {
        return auth
          ? {
              user: publicUser(auth.user),
              csrfToken: auth.session.csrfToken,
              expiresAt: auth.session.expiresAt,
            }
          : { user: null, csrfToken: null, expiresAt: null };
      },
    }),
    route({
      method: 'PUT',
      url: '/api/auth/password',
      tag: '登录',
      summary: '修改本人密码',
      audience: 'login',
      body: z.strictObject({
        currentPassword: z.string().min(1, { error: '请输入当前密码' }).max(1000),
        newPassword: z.string().min(1, { error: '请输入新密码' }).max(1000),
      }),
      response: z.object({ ok: z.literal(true) }),
      errors: ['INVALID_CREDENTIALS', 'WEAK_PASSWORD'],
      async handler({ body, services, actor }) {
        await services.admin.changeOwnPassword(actor, body.currentPassword, body.newPassword);
        return { ok: true as const };
      },
    }),
  ];
}

export { publicUser, UserOut };
