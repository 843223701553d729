/** The services the server (and the CLI) use, over one store. */
import { AdminService } from './admin-service.ts';
import { AuthService } from './auth-service.ts';
import { BudgetService } from './budget-service.ts';
import { CaseService } from './case-service.ts';
import { CatalogueService } from './catalogue-service.ts';
import { DocumentService } from './document-service.ts';
import { HallContext } from './hall-context.ts';
import { HallOrganisationService } from './hall-organisation-service.ts';
import { HallReportService } from './hall-report-service.ts';
import { JointCaseService } from './joint-case-service.ts';
import { OpenDataExports, OpenDataService } from './open-data-service.ts';
import { PreApprovalService } from './pre-approval-service.ts';
import type { ServiceDeps } from './service-context.ts';
import { SupervisionService } from './supervision-service.ts';
import { WorkflowService } from './workflow-service.ts';

export interface Services {
  deps: ServiceDeps;
  auth: AuthService;
  budgets: BudgetService;
  workflow: WorkflowService;
  documents: DocumentService;
  admin: AdminService;
  openData: OpenDataService;
  exports: OpenDataExports;
  hall: {
    organisation: HallOrganisationService;
    catalogue: CatalogueService;
    cases: CaseService;
    joint: JointCaseService;
    supervision: SupervisionService;
    reports: HallReportService;
    preApprovals: PreApprovalService;
  };
}

export function createServices(deps: ServiceDeps): Services {
  const budgets = new BudgetService(deps);
  const openData = new OpenDataService(deps);
  return {
    deps,
    auth: new AuthService(deps),
    budgets,
    workflow: new WorkflowService(deps, budgets),
    documents: new DocumentService(deps),
    admin: new AdminService(deps),
    openData,
    exports: new OpenDataExports(deps, openData),
    hall: hallServices(new HallContext(deps)),
  };
}

function hallServices(hall: HallContext): Services['hall'] {
  return {
    organisation: new HallOrganisationService(hall),
    catalogue: new CatalogueService(hall),
    cases: new CaseService(hall),
    joint: new JointCaseService(hall),
    supervision: new SupervisionService(hall),
    reports: new HallReportService(hall),
    preApprovals: new PreApprovalService(hall),
  };
}
