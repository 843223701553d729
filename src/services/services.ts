/** The services the server (and the CLI) use, over one store. */
import { AdminService } from './admin-service.ts';
import { AuthService } from './auth-service.ts';
import { BudgetService } from './budget-service.ts';
import { DocumentService } from './document-service.ts';
import { OpenDataExports, OpenDataService } from './open-data-service.ts';
import type { ServiceDeps } from './service-context.ts';
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
  };
}
