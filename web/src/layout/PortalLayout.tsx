/** The public site's frame: a skip link, the title, the main menu, the page, the footer. */
import { Menu } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';

const ITEMS = [
  { key: '/', label: <Link to="/">首页</Link> },
  { key: '/region', label: <Link to="/region">区域汇总</Link> },
  { key: '/compare', label: <Link to="/compare">对比</Link> },
  { key: '/workspace', label: <Link to="/workspace">工作台</Link> },
];

export function PortalLayout() {
  const { pathname } = useLocation();
  const selected =
    ITEMS.find((i) => i.key !== '/' && pathname.startsWith(i.key))?.key ?? (pathname === '/' ? '/' : '');
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="site-header">
        <Link to="/" className="site-title">
          部门预算公开
        </Link>
        <nav aria-label="主导航" style={{ flex: 1, minWidth: 0 }}>
          <Menu mode="horizontal" selectedKeys={[selected]} items={ITEMS} />
        </nav>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
      <footer className="site-footer">
        政务服务中心 · 部门预算公开 · 数据接口 <a href="/api/docs">/api/docs</a>
      </footer>
    </>
  );
}
