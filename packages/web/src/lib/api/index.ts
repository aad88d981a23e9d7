import { me, session, users } from "./accounts";
import { activities, indicators } from "./activities";
import { agreements, themes } from "./agreements";
import { audit } from "./audit";
import { dashboard } from "./dashboard";
import { documents } from "./documents";
import { governance } from "./governance";
import { imports } from "./imports";
import { map, organisations, registry, timeline } from "./organisations";
import { people } from "./people";
import { portal } from "./portal";
import { comments, events, news } from "./publication";
import { savedViews } from "./saved-views";

export type { ActivityFilters } from "./activities";
export type { AgreementFilters } from "./agreements";
export { ApiError, csrfHeader, isApiError, problemOf, rememberCsrfToken, send } from "./core";
export type { DocumentRecord } from "./documents";
export type { Candidate, OrganisationFilters } from "./organisations";

/**
 * Every call the web app makes, one file a module. Request and response types come from
 * `@conventio/domain`, the same zod schemas the server validates and serialises with.
 */
export const api = {
  ...session,
  organisations,
  map,
  registry,
  people,
  documents,
  themes,
  users,
  agreements,
  governance,
  me,
  timeline,
  activities,
  indicators,
  dashboard,
  events,
  news,
  comments,
  portal,
  audit,
  imports,
  savedViews,
};
