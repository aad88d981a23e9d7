import type {
  AgreementSummary,
  AgreementView,
  EventView,
  NewsView,
  OrganisationKind,
  OrganisationSummary,
  Page,
  PublicHome,
  PublicOrganisationPage,
  PublicPartnershipPage,
} from "@conventio/domain";
import type { AgreementFilters } from "./agreements";
import { get, id, queryString } from "./core";

/** The public portal, and the staff previews of what it would show. */
export const portal = {
  home: () => get<PublicHome>("/api/public/home"),
  partnership: (agreementId: string, lang: string) =>
    get<PublicPartnershipPage>(`/api/public/partnerships/${id(agreementId)}${queryString({ lang })}`),
  /** The page as it would read once published; staff only. */
  partnershipPreview: (agreementId: string, lang: string) =>
    get<PublicPartnershipPage>(`/api/agreements/${id(agreementId)}/public-preview${queryString({ lang })}`),
  organisations: (
    filters: { q?: string | undefined; kind?: OrganisationKind | undefined },
    cursor: string | undefined,
    lang: string,
  ) =>
    get<Page<OrganisationSummary>>(`/api/public/organisations${queryString({ ...filters, cursor, limit: 50, lang })}`),
  organisation: (organisationId: string, lang: string) =>
    get<PublicOrganisationPage>(`/api/public/organisations/${id(organisationId)}${queryString({ lang })}`),
  /** The partner's page as it reads, or would once the organisation is public; staff only. */
  organisationPreview: (organisationId: string, lang: string) =>
    get<PublicOrganisationPage>(`/api/organisations/${id(organisationId)}/public-preview${queryString({ lang })}`),
  /** The event as an anonymous reader gets it, also while internal; staff only. */
  eventPreview: (eventId: string) => get<EventView>(`/api/events/${id(eventId)}/public-preview`),
  /** The post as an anonymous reader gets it, also while a draft; staff only. */
  newsPreview: (postId: string) => get<NewsView>(`/api/news/${id(postId)}/public-preview`),
  agreements: (filters: AgreementFilters, cursor: string | undefined, lang: string) =>
    get<Page<AgreementSummary>>(`/api/public/agreements${queryString({ ...filters, cursor, limit: 50, lang })}`),
  agreement: (agreementId: string) => get<AgreementView>(`/api/public/agreements/${id(agreementId)}`),
  calendarUrl: (agreementId: string) => `/api/public/agreements/${id(agreementId)}/calendar.ics`,
};
