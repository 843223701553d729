/** The workspace's frame: only for logged-in users; a menu by role and the user with a logout button. */
import { Button, Menu, Space, Spin, Typography } from 'antd';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { ROLE_NAMES, useSession, useSetSession } from '../api/session.ts';

export function RequireLogin() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin aria-label="正在加载" />
      </div>
    );
  if (!session.data?.user)
    return <Navigate to={`/workspace/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <Outlet />;
}

export function WorkspaceLayout() {
  const { data } = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const user = data?.user;
  const roles = user?.roles ?? [];
  const budget = roles.includes('editor') || roles.includes('reviewer') || roles.includes('admin');
  const manager = roles.includes('hallManager');
  const hall = manager || roles.includes('windowStaff');
  const link = (to: string, label: string) => ({ key: to, label: <Link to={to}>{label}</Link> });
  // The hall's section: window staff take in and handle cases; the hall's managers also supervise and report.
  const hallItems = [
    ...(hall ? [link('/workspace/hall/intake', '窗口受理'), link('/workspace/hall/cases', '我的办件')] : []),
    ...(hall ? [link('/workspace/hall/joint', '联办件')] : []),
    ...(hall || roles.includes('admin') ? [link('/workspace/hall/pre-approvals', '项目预审')] : []),
    ...(manager || roles.includes('admin')
      ? [link('/workspace/hall/supervision', '电子监察'), link('/workspace/hall/reports', '报表')]
      : []),
    ...(hall || roles.includes('admin') ? [link('/workspace/hall/catalogue', '事项目录')] : []),
    ...(manager || roles.includes('admin') ? [link('/workspace/hall/organisation', '中心与窗口')] : []),
  ];
  const items = [
    ...(budget || !hall ? [{ key: '/workspace', label: <Link to="/workspace">预算</Link> }] : []),
    ...(budget
      ? [{ key: '/workspace/import', label: <Link to="/workspace/import">导入公开文件</Link> }]
      : []),
    ...(roles.includes('reviewer') || roles.includes('admin')
      ? [{ key: '/workspace/overdue', label: <Link to="/workspace/overdue">逾期未公开</Link> }]
      : []),
    ...(roles.includes('admin')
      ? [{ key: '/workspace/users', label: <Link to="/workspace/users">用户与角色</Link> }]
      : []),
    ...hallItems,
    { key: '/', label: <Link to="/">公开门户</Link> },
  ];
  const selected = [...items].reverse().find((i) => i.key !== '/' && pathname.startsWith(i.key))?.key ?? '';
  const logout = async () => {
    await api.post('/api/auth/logout');
    setSession({ user: null, csrfToken: null, expiresAt: null });
    navigate('/');
  };
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="site-header">
        <Link to="/workspace" className="site-title">
          {pathname.startsWith('/workspace/hall') || (hall && !budget) ? '政务大厅工作台' : '预算公开工作台'}
        </Link>
        <nav aria-label="工作台导航" style={{ flex: 1, minWidth: 0 }}>
          <Menu mode="horizontal" selectedKeys={[selected]} items={items} />
        </nav>
        <Space wrap>
          <Typography.Text>
            {user?.displayName}（{roles.map((r) => ROLE_NAMES[r] ?? r).join('、') || '无角色'}）
          </Typography.Text>
          <Button onClick={logout}>退出登录</Button>
        </Space>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}
