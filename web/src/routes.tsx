/** The site's routes: public pages and the workspace, each page loaded on demand. */
import { Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router';
import { useSession } from './api/session.ts';
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
const IntakePage = lazy(() => import('./pages/hall/IntakePage.tsx'));
const MyCasesPage = lazy(() => import('./pages/hall/MyCasesPage.tsx'));
const CasePage = lazy(() => import('./pages/hall/CasePage.tsx'));
const SupervisionPage = lazy(() => import('./pages/hall/SupervisionPage.tsx'));
const JointPage = lazy(() => import('./pages/hall/JointPage.tsx'));
const HallReportsPage = lazy(() => import('./pages/hall/ReportsPage.tsx'));
const CataloguePage = lazy(() => import('./pages/hall/CataloguePage.tsx'));
const OrganisationPage = lazy(() => import('./pages/hall/OrganisationPage.tsx'));
const QueryPage = lazy(() => import('./pages/hall/QueryPage.tsx'));
const DashboardPage = lazy(() => import('./pages/hall/DashboardPage.tsx'));
const PreApprovalsPage = lazy(() => import('./pages/hall/PreApprovalsPage.tsx'));
const PreApprovalPage = lazy(() => import('./pages/hall/PreApprovalPage.tsx'));

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

/** The workspace's first page: the budgets, or the hall's cases for those who work only in the hall. */
function WorkspaceHome() {
  const roles = useSession().data?.user?.roles ?? [];
  const budget = roles.some((r) => r === 'editor' || r === 'reviewer' || r === 'admin');
  const hall = roles.some((r) => r === 'hallManager' || r === 'windowStaff');
  return !budget && hall ? <Navigate to="/workspace/hall/cases" replace /> : <BudgetListPage />;
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
        <Route path="hall/query" element={<QueryPage />} />
        <Route path="hall/screen" element={<DashboardPage />} />
        <Route path="workspace" element={<RequireLogin />}>
          <Route element={<WorkspaceLayout />}>
            <Route index element={<WorkspaceHome />} />
            <Route path="import" element={<ImportPage />} />
            <Route path="budgets/:id" element={<BudgetPage />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="overdue" element={<OverduePage />} />
            <Route path="hall">
              <Route index element={<Navigate to="/workspace/hall/cases" replace />} />
              <Route path="intake" element={<IntakePage />} />
              <Route path="cases" element={<MyCasesPage />} />
              <Route path="cases/:id" element={<CasePage />} />
              <Route path="supervision" element={<SupervisionPage />} />
              <Route path="joint" element={<JointPage />} />
              <Route path="joint/:id" element={<JointPage />} />
              <Route path="reports" element={<HallReportsPage />} />
              <Route path="catalogue" element={<CataloguePage />} />
              <Route path="organisation" element={<OrganisationPage />} />
              <Route path="pre-approvals" element={<PreApprovalsPage />} />
              <Route path="pre-approvals/:id" element={<PreApprovalPage />} />
            </Route>
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
