import type { Config } from "#config.js";
import type { Database } from "#db/connection.js";
import { createSearchIndex } from "#db/search-index.js";
import { createAccountService } from "#modules/accounts/account.service.js";
import { createActivityService } from "#modules/activities/activity.service.js";
import { createAgreementService } from "#modules/agreements/agreement.service.js";
import { createThemeService } from "#modules/agreements/theme.service.js";
import { createAuditService } from "#modules/audit/audit.service.js";
import { createDashboardService } from "#modules/dashboard/dashboard.service.js";
import { createDocumentService } from "#modules/documents/document.service.js";
import { createEwpInstitutionService } from "#modules/ewp/ewp-institution.service.js";
import { createIiaService } from "#modules/ewp/iia.service.js";
import { createIiaExchange } from "#modules/ewp/iia-exchange.js";
import { createExportService } from "#modules/exports/exports.service.js";
import { createGovernanceService } from "#modules/governance/governance.service.js";
import { createImportService } from "#modules/imports/import.service.js";
import { createOrganisationService } from "#modules/organisations/organisation.service.js";
import { createPersonService } from "#modules/people/person.service.js";
import { createPictureService, withPicturesRemoved } from "#modules/pictures/picture.service.js";
import { createPortalService } from "#modules/portal/portal.service.js";
import { createEventService } from "#modules/publication/event.service.js";
import { createNewsService } from "#modules/publication/news.service.js";
import { createRegistryService } from "#modules/registry/registry.service.js";
import { createReminderService } from "#modules/reminders/reminder.service.js";
import { createReviewService } from "#modules/reviews/review.service.js";
import { createTimelineService } from "#modules/timeline/timeline.service.js";
import { type Clock, systemClock } from "#shared/clock.js";
import type { Deps } from "#shared/deps.js";
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
  const organisations = createOrganisationService(deps);
  const documents = createDocumentService(deps, { dataDir: config.dataDir, maxBytes: config.UPLOAD_MAX_BYTES });
  const pictures = createPictureService(deps, { dataDir: config.dataDir, maxBytes: config.UPLOAD_MAX_BYTES });
  const services = {
    deps,
    events: withPicturesRemoved(
      createEventService(deps, { publicUrl: config.publicUrl }),
      "deleteEvent",
      "event",
      pictures,
    ),
    news: withPicturesRemoved(createNewsService(deps, { publicUrl: config.publicUrl }), "deleteNews", "news", pictures),
    activities: withPicturesRemoved(
      createActivityService(deps, documents.detach),
      "deleteActivity",
      "activity",
      pictures,
    ),
    dashboard: createDashboardService(deps, {
      expiringWindowDays: config.EXPIRING_WINDOW_DAYS,
      dormantMonths: config.DORMANT_MONTHS,
    }),
    accounts: createAccountService(deps, {
      sessionDays: config.SESSION_DAYS,
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockMinutes: config.LOGIN_LOCK_MINUTES,
    }),
    agreements: withPicturesRemoved(
      createAgreementService(deps, { expiringWindowDays: config.EXPIRING_WINDOW_DAYS }, documents.detach),
      "deleteAgreement",
      "agreement",
      pictures,
    ),
    audit: createAuditService(deps),
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
      mailer,
    ),
    mailer,
    themes: createThemeService(deps),
    timeline: createTimelineService(deps, { expiringWindowDays: config.EXPIRING_WINDOW_DAYS }),
    registry: createRegistryService(deps, organisations),
    ewp: {
      iias: createIiaService(deps),
      exchange: createIiaExchange(deps, { expiringWindowDays: config.EXPIRING_WINDOW_DAYS }, documents.detach),
      institutions: createEwpInstitutionService(deps),
    },
  };
  return {
    ...services,
    portal: createPortalService(deps, services),
    reviews: createReviewService(deps, services),
    exports: createExportService(deps, services),
  };
}
export type Services = ReturnType<typeof createServices>;
