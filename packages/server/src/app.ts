import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "#config.js";
import { registerAuth } from "#http/auth.js";
import { healthSchema } from "#http/common.js";
import { registerEdgeGuard } from "#http/edge-guard.js";
import { PROBE_LOG_LEVEL, registerHealth } from "#http/health.js";
import { registerMetrics } from "#http/metrics.js";
import { registerOpenApi } from "#http/openapi.js";
import { registerProblemHandler } from "#http/problem.js";
import { readerLanguagePlugin } from "#http/reader-language.js";
import { registerSecurityHeaders } from "#http/security-headers.js";
import { registerWeb } from "#http/web.js";
import { accountRoutes } from "#modules/accounts/account.routes.js";
import { accountSecurityRoutes, registerSecondFactorRequirement } from "#modules/accounts/account-security.routes.js";
import { activityRoutes } from "#modules/activities/activity.routes.js";
import { agreementRoutes } from "#modules/agreements/agreement.routes.js";
import { themeRoutes } from "#modules/agreements/theme.routes.js";
import { auditRoutes } from "#modules/audit/audit.routes.js";
import { circuitRoutes } from "#modules/circuits/circuit.routes.js";
import { dashboardRoutes } from "#modules/dashboard/dashboard.routes.js";
import { documentRoutes } from "#modules/documents/document.routes.js";
import { ewpRoutes } from "#modules/ewp/ewp.routes.js";
import { ewpNodeRoutes } from "#modules/ewp/ewp-node.routes.js";
import { exportRoutes } from "#modules/exports/exports.routes.js";
import { governanceRoutes } from "#modules/governance/governance.routes.js";
import { importRoutes } from "#modules/imports/import.routes.js";
import { openDataRoutes } from "#modules/open-data/open-data.routes.js";
import { organisationRoutes } from "#modules/organisations/organisation.routes.js";
import { personRoutes } from "#modules/people/person.routes.js";
import { pictureRoutes } from "#modules/pictures/picture.routes.js";
import { portalRoutes } from "#modules/portal/portal.routes.js";
import { publicationRoutes } from "#modules/publication/publication.routes.js";
import { registryRoutes } from "#modules/registry/registry.routes.js";
import { reminderRoutes } from "#modules/reminders/reminder.routes.js";
import { reviewRoutes } from "#modules/reviews/review.routes.js";
import { searchRoutes } from "#modules/search/search.routes.js";
import { siteSettingsRoutes } from "#modules/site-settings/site-settings.routes.js";
import { ssoRoutes } from "#modules/sso/sso.routes.js";
import { timelineRoutes } from "#modules/timeline/timeline.routes.js";
import { savedViewRoutes } from "#modules/saved-views/saved-view.routes.js";
import { tokenRoutes } from "#modules/tokens/token.routes.js";
import type { Logger } from "#shared/logger.js";
import { registerRequestContext, requestIdOf, requestLogger } from "#shared/request-context.js";
import type { Services } from "./services.js";

export interface AppOptions {
  config: Config;
  services: Services;
  log: Logger;
  /** Serve the built web app (production); tests of the API leave it off. */
  serveWeb?: boolean;
}

const DEFAULT_WEB_DIST = resolve(fileURLToPath(new URL("../../web/dist", import.meta.url)));

/** Builds the HTTP application: API, OpenAPI docs and, when asked, the web app. */
export async function buildApp({ config, services, log, serveWeb = false }: AppOptions): Promise<FastifyInstance> {
  const tls =
    config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? { https: { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) } }
      : {};
  const app = Fastify({
    ...(tls as object),
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: 1_048_576,
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
    genReqId: requestIdOf,
    childLoggerFactory: requestLogger,
  }).withTypeProvider<ZodTypeProvider>();
  // First of all hooks, so every later hook, handler and service logs under the request's id.
  registerRequestContext(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  // The API speaks JSON only; a text body is refused with 415 instead of reaching validation.
  app.removeContentTypeParser("text/plain");

  registerSecurityHeaders(app, config.publicUrl.startsWith("https:"));
  // Pages, JSON, scripts and styles leave compressed; brotli at a quality that costs little time per response.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  registerEdgeGuard(app);
  await app.register(cookie);
  // preservePath: see the name as sent, so a path-like name is refused rather than silently trimmed.
  await app.register(multipart, { throwFileSizeLimit: false, preservePath: true });
  await registerOpenApi(app);

  // Before the authentication: /metrics takes its own bearer, not an API token.
  registerMetrics(app, { token: config.METRICS_TOKEN, db: services.deps.db });
  registerAuth(app, services.accounts, services.tokens);
  await app.register(readerLanguagePlugin);
  const secureCookies =
    config.COOKIE_SECURE === "true" || (config.COOKIE_SECURE === "auto" && config.publicUrl.startsWith("https:"));
  registerSecondFactorRequirement(app, services.accountSecurity);
  await app.register(accountRoutes(services.accounts, secureCookies));
  await app.register(accountSecurityRoutes(services.accountSecurity));
  await app.register(ssoRoutes(services.sso.providers, services.sso.flow, secureCookies));
  await app.register(agreementRoutes(services.agreements));
  await app.register(themeRoutes(services.themes));
  await app.register(auditRoutes(services.audit));
  await app.register(circuitRoutes(services.circuits));
  await app.register(documentRoutes(services.documents));
  await app.register(pictureRoutes(services.pictures));
  await app.register(governanceRoutes(services.governance));
  await app.register(reminderRoutes(services.reminders));
  await app.register(timelineRoutes(services.timeline));
  await app.register(activityRoutes(services.activities));
  await app.register(dashboardRoutes(services.dashboard));
  await app.register(publicationRoutes(services.events, services.news));
  await app.register(portalRoutes(services.portal));
  await app.register(reviewRoutes(services.reviews, services.deps.clock));
  await app.register(organisationRoutes(services.organisations));
  await app.register(personRoutes(services.people));
  await app.register(registryRoutes(services.registry));
  await app.register(searchRoutes(services.search));
  await app.register(importRoutes(services.imports));
  await app.register(exportRoutes(services.exports));
  await app.register(ewpRoutes(services.ewp));
  await app.register(tokenRoutes(services.tokens));
  await app.register(savedViewRoutes(services.savedViews));
  await app.register(siteSettingsRoutes(services.siteSettings));
  await app.register(openDataRoutes(services.openData));
  await app.register(
    ewpNodeRoutes({
      node: services.ewp.node,
      db: services.deps.db,
      clock: services.deps.clock,
      keys: services.ewp.keys,
      catalogue: services.ewp.catalogue,
    }),
    { prefix: "/ewp" },
  );
  app.get("/api/health", { schema: healthSchema, logLevel: PROBE_LOG_LEVEL }, async () => ({ ok: true }));
  registerHealth(app, services.deps.db);

  const webDist = config.WEB_DIST ? resolve(config.WEB_DIST) : DEFAULT_WEB_DIST;
  await registerWeb(app, {
    webDist,
    serveWeb,
    services,
    publicUrl: config.publicUrl,
    https: config.publicUrl.startsWith("https:"),
  });
  return app;
}
