import { ActivityInput, CreateAgreementInput, EventInput, NewsInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import { seedPartnership, type TestServer } from "./server.js";

export interface StaffRecords {
  networkId: string;
  personId: string;
  agreementId: string;
  activityId: string;
  eventId: string;
  newsId: string;
}

/**
 * One record of each kind the staff app lists, with accented names to search for unaccented:
 * the partnership of seedPartnership, an agreement of its two universities with a long title,
 * an activity, an event and a news post.
 */
export async function seedStaffRecords(server: TestServer): Promise<StaffRecords> {
  const { networkId, personId } = await seedPartnership(server);
  const { agreements, activities, events, news, organisations } = server.running.services;
  const members = await organisations.listOrganisations(SYSTEM_ACTOR, { q: "univ", limit: 10 });
  const parties = members.items.map((o) => ({ organisationId: o.id }));
  const agreement = await agreements.createAgreement(
    SYSTEM_ACTOR,
    CreateAgreementInput.parse({
      kind: "memorandum_of_understanding",
      title: "Mémorandum d'entente interuniversitaire sur la co-supervision doctorale transfrontalière",
      parties,
      signedOn: "2024-02-10",
      startsOn: "2024-02-10",
      endsOn: "2029-02-09",
    }),
  );
  const activity = await activities.createActivity(
    SYSTEM_ACTOR,
    ActivityInput.parse({
      kind: "seminar",
      title: "Séminaire d'hydrologie à Linköping",
      startsOn: "2026-04-10",
      agreementId: agreement.id,
      partnerIds: [parties[0]?.organisationId],
    }),
  );
  const event = await events.saveEvent(
    SYSTEM_ACTOR,
    null,
    EventInput.parse({ title: "Journée d'accueil à Malmö", startsAt: "2026-09-10T09:00:00Z", place: "Hörsal B" }),
  );
  const post = await news.saveNews(
    SYSTEM_ACTOR,
    null,
    NewsInput.parse({ title: "Rentrée à Göteborg", body: "Les étudiants arrivent.", status: "published" }),
  );
  return {
    networkId,
    personId,
    agreementId: agreement.id,
    activityId: activity.id,
    eventId: event.id,
    newsId: post.id,
  };
}
