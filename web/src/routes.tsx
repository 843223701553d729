/** The site's routes: public pages and the workspace, each page loaded on demand. */
import { Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import { PortalLayout } from './layout/PortalLayout.tsx';
import { RequireLogin, WorkspaceLayout } from './layout/WorkspaceLayout.tsx';

const HomePage = lazy(() => import('./pages/portal/HomePage.tsx'));
const DepartmentPage = lazy(() => import('./pages/portal/DepartmentPage.tsx'));
const ReaderPage = lazy(() => import('./pages/portal/ReaderPage.tsx'));
const ComparePage = lazy(() => import('./pages/portal/ComparePage.tsx'));
const RegionPage = lazy(() => import('./pages/portal/RegionPage.tsx'));
const LoginPage = lazy(() => import('./pages/workspace/LoginPage.tsx'));
const BudgetListPage = lazy(() => import('./pages/workspace/BudgetListPage.tsx'));
const ImportPage = lazy(() => import('./pages/workspace/ImportPage.tsx'));
const BudgetPage = lazy(() => import('./pages/workspace/BudgetPage.tsx'));
const UsersPage = lazy(() => import('./pages/workspace/UsersPage.tsx'));
const OverduePage = lazy(() => import('./pages/workspace/OverduePage.tsx'));

const loading = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin aria-label="正在加载" />
  </div>
);

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在。"
      extra={<Link to="/">返回首页</Link>}
    />
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={loading}>
      <Routes>
        <Route element={<PortalLayout />}>
          <Route index element={<HomePage />} />
          <Route path="departments/:id" element={<DepartmentPage />} />
          <Route path="budgets/:id" element={<ReaderPage />} />
          <Route path="compare" element={<ComparePage />} />
          <Route path="region" element={<RegionPage />} />
          <Route path="workspace/login" element={<LoginPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="workspace" element={<RequireLogin />}>
          <Route element={<WorkspaceLayout />}>
            <Route index element={<BudgetListPage />} />
            <Route path="import" element={<ImportPage />} />
            <Route path="budgets/:id" element={<BudgetPage />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="overdue" element={<OverduePage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
