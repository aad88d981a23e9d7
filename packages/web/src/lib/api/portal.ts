import type { AgreementView, EventView, NewsView } from "@conventio/domain";
import { get, id } from "./core";

/**
 * What the staff app reads of the public side; the public pages themselves are rendered by the
 * server (decision 028).
 */
export const portal = {
  /** The event as an anonymous reader gets it, also while internal; staff only. */
  eventPreview: (eventId: string) => get<EventView>(`/api/events/${id(eventId)}/public-preview`),
  /** The post as an anonymous reader gets it, also while a draft; staff only. */
  newsPreview: (postId: string) => get<NewsView>(`/api/news/${id(postId)}/public-preview`),
  agreement: (agreementId: string) => get<AgreementView>(`/api/public/agreements/${id(agreementId)}`),
};
