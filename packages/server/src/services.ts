import type { Config } from "#config.js";
import type { Database } from "#db/connection.js";
import { createSearchIndex } from "#db/search-index.js";
import { createAccountService } from "#modules/accounts/account.service.js";
import { createAccountSecurityService } from "#modules/accounts/account-security.service.js";
import { createActivityService } from "#modules/activities/activity.service.js";
import { createAgreementService } from "#modules/agreements/agreement.service.js";
import { createThemeService } from "#modules/agreements/theme.service.js";
import { createAuditService } from "#modules/audit/audit.service.js";
import { createCircuitService } from "#modules/circuits/circuit.service.js";
import { createDashboardService } from "#modules/dashboard/dashboard.service.js";
import { createDocumentService, type DocumentDetacher } from "#modules/documents/document.service.js";
import { catalogueSource } from "#modules/ewp/ewp-catalogue-source.js";
import { ewpClient } from "#modules/ewp/ewp-client.js";
import { createEwpFlow } from "#modules/ewp/ewp-flow.js";
import { createEwpInstitutionService } from "#modules/ewp/ewp-institution.service.js";
import { nodeKeyStore } from "#modules/ewp/ewp-keys.js";
import { createEwpNode } from "#modules/ewp/ewp-node.service.js";
import { createEwpStatusService } from "#modules/ewp/ewp-status.service.js";
import { createIiaService } from "#modules/ewp/iia.service.js";
import { createIiaExchange } from "#modules/ewp/iia-exchange.js";
import { createExportService } from "#modules/exports/exports.service.js";
import { createGovernanceService } from "#modules/governance/governance.service.js";
import { createImportService } from "#modules/imports/import.service.js";
import { createOpenDataService } from "#modules/open-data/open-data.service.js";
import { createOrganisationService } from "#modules/organisations/organisation.service.js";
import { createPersonService } from "#modules/people/person.service.js";
import { createPictureService, withPicturesRemoved } from "#modules/pictures/picture.service.js";
import { createPortalService } from "#modules/portal/portal.service.js";
import { createEventService } from "#modules/publication/event.service.js";
import { createNewsService } from "#modules/publication/news.service.js";
import { createRegistryService } from "#modules/registry/registry.service.js";
import { createReminderService } from "#modules/reminders/reminder.service.js";
import { createReviewService } from "#modules/reviews/review.service.js";
import { createSearchService } from "#modules/search/search.service.js";
import { createSiteService } from "#modules/site/site.service.js";
import { brandedMailer } from "#modules/site-settings/branded-mailer.js";
import { createSiteSettingsService, type SiteBrand } from "#modules/site-settings/site-settings.service.js";
import { createSso } from "#modules/sso/sso.js";
import { createTimelineService } from "#modules/timeline/timeline.service.js";
import { createSavedViewService } from "#modules/saved-views/saved-view.service.js";
import { createTokenService } from "#modules/tokens/token.service.js";
import { type Clock, systemClock } from "#shared/clock.js";
import type { Deps } from "#shared/deps.js";
import { chooseFileStore, createFileStore } from "#shared/file-store.js";
import type { Logger } from "#shared/logger.js";
import { createMailer, type Mailer } from "#shared/mailer.js";

/** Wires every service to one database; the HTTP app, the CLI and the seeds all use this. */
export function createServices(
  database: Database,
  config: Config,
  log: Logger,
  clock: Clock = systemClock,
  mailer: Mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }, log),
) {
  const deps: Deps = {
    db: database.db,
    dialect: database.dialect,
    search: createSearchIndex(database.dialect),
    clock,
    log,
  };
  const organisations = createOrganisationService(deps, { expiringWindowDays: config.EXPIRING_WINDOW_DAYS });
  // Uploaded files, where every process of the installation reaches them (decision 029).
  const files = createFileStore(chooseFileStore(config.FILE_STORE, database.dialect), {
    dataDir: config.dataDir,
    db: database.db,
    now: () => clock.now(),
  });
  const uploads = { files, dataDir: config.dataDir, maxBytes: config.UPLOAD_MAX_BYTES };
  const documents = createDocumentService(deps, uploads);
  const pictures = createPictureService(deps, uploads);
  const siteSettings = createSiteSettingsService(deps, { files, dataDir: config.dataDir });
  // Mail the institution signs: its name as the sender and at the foot of every message.
  const signedMailer = brandedMailer(mailer, siteSettings);
  const services = {
    deps,
    files,
    events: withPicturesRemoved(
      createEventService(deps, { publicUrl: config.publicUrl, brand: siteSettings }),
      "deleteEvent",
      "event",
      pictures,
    ),
    news: withPicturesRemoved(
      createNewsService(deps, { publicUrl: config.publicUrl, brand: siteSettings }),
      "deleteNews",
      "news",
      pictures,
    ),
    activities: withPicturesRemoved(
      createActivityService(deps, documents.detach),
      "deleteActivity",
      "activity",
      pictures,
    ),
    dashboard: createDashboardService(deps, {
      expiringWindowDays: config.EXPIRING_WINDOW_DAYS,
      dormantMonths: config.DORMANT_MONTHS,
      keepFiguresAfterMs: config.FIGURES_KEEP_AFTER_MS,
    }),
    accounts: createAccountService(deps, {
      sessionDays: config.SESSION_DAYS,
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockMinutes: config.LOGIN_LOCK_MINUTES,
    }),
    accountSecurity: createAccountSecurityService(
      deps,
      { publicUrl: config.publicUrl, requireAdminTotp: config.REQUIRE_ADMIN_TOTP === "true" },
      signedMailer,
    ),
    agreements: withPicturesRemoved(
      createAgreementService(deps, { expiringWindowDays: config.EXPIRING_WINDOW_DAYS }, documents.detach),
      "deleteAgreement",
      "agreement",
      pictures,
    ),
    audit: createAuditService(deps),
    circuits: createCircuitService(deps),
    documents,
    pictures,
    governance: createGovernanceService(deps),
    imports: createImportService(
      deps,
      {
        dataDir: config.dataDir,
        maxBytes: config.UPLOAD_MAX_BYTES,
        expiringWindowDays: config.EXPIRING_WINDOW_DAYS,
        publicUrl: config.publicUrl,
        sqliteFile: database.dialect === "sqlite" ? database.where : null,
      },
      documents.detach,
    ),
    organisations,
    people: createPersonService(deps),
    reminders: createReminderService(
      deps,
      {
        expiringWindowDays: config.EXPIRING_WINDOW_DAYS,
        reviewMonthsBefore: config.REVIEW_MONTHS_BEFORE_EXPIRY,
        actionDueDays: config.ACTION_DUE_DAYS,
        publicUrl: config.publicUrl,
      },
      signedMailer,
    ),
    mailer,
    themes: createThemeService(deps),
    timeline: createTimelineService(deps, { expiringWindowDays: config.EXPIRING_WINDOW_DAYS }),
    registry: createRegistryService(deps, organisations),
    ewp: createEwp(deps, config, documents.detach, siteSettings),
    sso: createSso(deps, config),
    tokens: createTokenService(deps),
    savedViews: createSavedViewService(deps),
    siteSettings,
  };
  const portal = createPortalService(deps, services);
  return {
    ...services,
    portal,
    site: createSiteService(deps, { ...services, portal }),
    reviews: createReviewService(deps, services),
    search: createSearchService(deps, services),
    exports: createExportService(deps, services),
    openData: createOpenDataService(deps, { publicUrl: config.publicUrl }, services),
  };
}
export type Services = ReturnType<typeof createServices>;

/** The EWP part: IIAs, the exchange with partners, the node's endpoints and its outbox. */
function createEwp(deps: Deps, config: Config, detach: DocumentDetacher, brand: SiteBrand) {
  const exchange = createIiaExchange(deps, { expiringWindowDays: config.EXPIRING_WINDOW_DAYS }, detach);
  const keys = nodeKeyStore(deps.db, () => deps.clock.now().toISOString());
  const catalogue = catalogueSource(config.EWP_CATALOGUE, deps.log);
  const node = createEwpNode({
    db: deps.db,
    clock: deps.clock,
    keys,
    catalogue,
    settings: {
      baseUrl: `${config.publicUrl.replace(/\/+$/, "")}/ewp`,
      adminEmail: ewpAdminEmail(config),
      limits: { maxIiaIds: 10, maxHeiIds: 10, maxOunitIds: 10 },
    },
  });
  const client = ewpClient({ db: deps.db, clock: deps.clock, keys, catalogue });
  const flow = createEwpFlow({
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    client,
    exchange,
    retryBaseMs: config.EWP_RETRY_SECONDS * 1000,
  });
  return {
    iias: createIiaService(deps, brand),
    exchange,
    institutions: createEwpInstitutionService(deps),
    node,
    flow,
    keys,
    catalogue,
    status: createEwpStatusService(deps, { node, keys, catalogue }),
  };
}

/**
 * Who the EWP manifest names: EWP_ADMIN_EMAIL, else the first administrator's or the mail
 * sender's address, else `ewp@` the public host; the first the network's schema accepts.
 */
function ewpAdminEmail(config: Config): string {
  const sender = /<([^>]+)>/.exec(config.MAIL_FROM)?.[1] ?? config.MAIL_FROM;
  const candidates = [config.EWP_ADMIN_EMAIL, config.ADMIN_EMAIL, sender, `ewp@${new URL(config.publicUrl).hostname}`];
  return candidates.find((c) => c !== undefined && /^[^@]+@[^.]+\..+$/.test(c)) ?? candidates[3] ?? "";
}
