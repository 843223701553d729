/**
 * The HTTP server: Fastify with the routes of src/server/routes, over the services. Everything the server
 * does to a request before a handler runs is here, in order: cookies, the session and CSRF hook, the
 * security headers, the body parsers; then the routes; then one error handler.
 */
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Services } from '../services/services.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { buildOpenApi } from './openapi.ts';
import { type AnyRoute, registerRoutes } from './route.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { budgetRoutes } from './routes/budgets.ts';
import { documentRoutes } from './routes/documents.ts';
import { hallCaseRoutes } from './routes/hall-cases.ts';
import { hallCatalogueRoutes } from './routes/hall-catalogue.ts';
import { hallOrganisationRoutes } from './routes/hall-organisation.ts';
import { hallPreApprovalRoutes } from './routes/hall-pre-approvals.ts';
import { hallReportRoutes } from './routes/hall-reports.ts';
import { metaRoutes } from './routes/meta.ts';
import { openDataRoutes } from './routes/open-data.ts';
import { portalRoutes } from './routes/portal.ts';
import { workflowRoutes } from './routes/workflow.ts';
import { DEFAULT_RATE_LIMITS, installSecurity, type SecurityOptions } from './security.ts';
import { registerWebUi } from './static.ts';

/** JSON bodies: 1 MiB is ten times the largest budget we have seen. Uploads have their own limit. */
export const JSON_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  services: Services;
  security?: Partial<SecurityOptions>;
  /** Fastify's logger (pino): true for the server, false in tests. */
  logger?: boolean;
  version?: string;
  /** The built web UI (default dist/web; the plain home page when it is missing). */
  webRoot?: string;
  /** Fastify's trustProxy: the reverse proxies' addresses or CIDR ranges. */
  trustProxy?: string | string[] | false;
}

export interface App {
  app: FastifyInstance;
  routes: readonly AnyRoute[];
}

export async function buildApp(options: AppOptions): Promise<App> {
  const security: SecurityOptions = {
    secureCookies: false,
    rateLimits: DEFAULT_RATE_LIMITS,
    ...options.security,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    // Behind a reverse proxy, its address(es) (ZHENGWU_TRUST_PROXY): request.ip is then the client's,
    // from X-Forwarded-For, which the rate limits count by. Never trust the header from anyone else.
    trustProxy: options.trustProxy ?? false,
    // Failing requests are answered by the error handler; these only name the request in the log.
    requestIdHeader: false,
  });
  await app.register(cookie);
  installSecurity(app, options.services, security);
  // Files are uploaded as raw bytes, whatever their type; JSON routes refuse them (route.ts).
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.setErrorHandler(errorHandler(JSON_BODY_LIMIT));
  app.setNotFoundHandler(notFoundHandler);

  let openApi: Record<string, unknown> | null = null;
  const routes: AnyRoute[] = [];
  routes.push(
    ...metaRoutes(() => {
      openApi ??= buildOpenApi(routes, { version: options.version ?? '0' });
      return openApi;
    }),
    ...authRoutes(security),
    ...adminRoutes,
    ...budgetRoutes,
    ...workflowRoutes,
    ...documentRoutes,
    ...openDataRoutes,
    ...hallOrganisationRoutes,
    ...hallCatalogueRoutes,
    ...hallCaseRoutes,
    ...hallReportRoutes,
    ...hallPreApprovalRoutes,
    ...portalRoutes,
  );
  registerRoutes(app, routes, options.services, security.rateLimits);
  registerWebUi(app, options.services, options.webRoot);
  return { app, routes };
}
