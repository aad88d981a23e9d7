import {
  type Actor,
  asWritten,
  type EventView,
  type LocalisedText,
  type NewsView,
  type PublicHome,
  type PublicOrganisationPage,
  type PublicPartnershipPage,
  pickLocalised,
  type UiLanguage,
} from "@conventio/domain";
import type { AgreementService } from "#modules/agreements/agreement.service.js";
import { organisationPolicy } from "#modules/organisations/organisation.policy.js";
import type { EventService } from "#modules/publication/event.service.js";
import type { NewsService } from "#modules/publication/news.service.js";
import { AppError } from "#shared/app-error.js";
import type { Deps } from "#shared/deps.js";
import { assemblePartnershipPage, organisationName } from "./partnership-page.js";

/**
 * The public side: a home page of news and coming events, and one page per public
 * partnership assembled from its agreement, governance, calendar, news and activities.
 * Only what is public leaves: internal agreements are not found, internal events are
 * skipped, and a person's e-mail and phone appear only if they agreed to be a public contact.
 */
export function createPortalService(
  deps: Deps,
  parts: { agreements: AgreementService; events: EventService; news: NewsService },
) {
  const { db, clock } = deps;
  const anonymous = { kind: "public" } as const;

  async function partnershipPage(
    actor: Actor,
    id: string,
    lang: UiLanguage,
    mode: "public" | "preview",
  ): Promise<PublicPartnershipPage> {
    const { full, related } = await parts.agreements.partnershipSource(actor, id, mode);
    const [events, news] = await Promise.all([
      parts.events.listEvents(anonymous, { agreement: id, limit: 200 }).then((page) => page.items),
      parts.news.listNews(anonymous, { agreement: id, limit: 10 }).then((page) => page.items),
    ]);
    return assemblePartnershipPage(db, full, related, { events, news }, lang, mode === "preview");
  }

  /**
   * A partner's page; the public's finds only a public organisation, a preview any one. Either
   * way its parent, units, networks, members and partnerships appear only when public.
   */
  async function organisationPage(
    id: string,
    lang: UiLanguage,
    mode: "public" | "preview",
  ): Promise<PublicOrganisationPage> {
    const row = await db
      .selectFrom("organisation")
      .selectAll()
      .where("id", "=", id)
      .$if(mode === "public", (q) => q.where("visibility", "=", "public"))
      .executeTakeFirst();
    if (!row) throw AppError.notFound("This organisation");
    const ref = ["o.id", "o.name", "o.names", "o.kind"] as const;
    const [parent, units, memberOf, members, partnerships] = await Promise.all([
      row.parent_id
        ? db
            .selectFrom("organisation as o")
            .select(ref)
            .where("o.id", "=", row.parent_id)
            .where("o.visibility", "=", "public")
            .executeTakeFirst()
        : Promise.resolve(undefined),
      db
        .selectFrom("organisation as o")
        .select(ref)
        .where("o.parent_id", "=", id)
        .where("o.visibility", "=", "public")
        .orderBy("o.sort_name")
        .execute(),
      db
        .selectFrom("membership as m")
        .innerJoin("organisation as o", "o.id", "m.network_id")
        .select([...ref, "m.since", "m.since_precision", "m.until", "m.until_precision"])
        .where("m.member_id", "=", id)
        .where("o.visibility", "=", "public")
        .orderBy("o.sort_name")
        .execute(),
      db
        .selectFrom("membership as m")
        .innerJoin("organisation as o", "o.id", "m.member_id")
        .select([...ref, "m.since", "m.since_precision", "m.until", "m.until_precision"])
        .where("m.network_id", "=", id)
        .where("o.visibility", "=", "public")
        .orderBy("o.sort_name")
        .execute(),
      db
        .selectFrom("agreement as a")
        .innerJoin("agreement_party as p", "p.agreement_id", "a.id")
        .select([
          "a.id",
          "a.reference",
          "a.title",
          "a.titles",
          "a.language",
          "a.kind",
          "a.status",
          "a.ends_on",
          "a.recorded_as_past",
          "a.signed_on",
          "a.signed_on_precision",
          "a.starts_on",
          "a.starts_on_precision",
          "a.ends_on_precision",
        ])
        .where("p.organisation_id", "=", id)
        .where("a.visibility", "=", "public")
        .where("a.status", "not in", ["draft", "negotiation", "awaiting_signature"])
        .orderBy("a.starts_on", "desc")
        .limit(200)
        .execute(),
    ]);
    const asRef = (o: {
      id: string;
      name: string;
      names: string;
      kind: PublicOrganisationPage["units"][number]["kind"];
    }) => ({
      id: o.id,
      name: organisationName({ name: o.name, names: JSON.parse(o.names) as LocalisedText[] }, lang),
      kind: o.kind,
    });
    const names = JSON.parse(row.names) as LocalisedText[];
    return {
      lang,
      organisation: {
        id: row.id,
        name: organisationName({ name: row.name, names }, lang),
        names,
        acronym: row.acronym,
        kind: row.kind,
        countryCode: row.country_code,
        city: row.city,
        website: row.website,
        description: row.description,
        parent: parent ? asRef(parent) : null,
      },
      units: units.map(asRef),
      memberOf: memberOf.map((m) => ({
        network: asRef(m),
        since: asWritten(m.since, m.since_precision),
        until: asWritten(m.until, m.until_precision),
      })),
      members: members.map((m) => ({
        member: asRef(m),
        since: asWritten(m.since, m.since_precision),
        until: asWritten(m.until, m.until_precision),
      })),
      partnerships: partnerships.map((a) => ({
        id: a.id,
        reference: a.reference,
        kind: a.kind,
        title: pickLocalised(a.title, a.language, JSON.parse(a.titles) as LocalisedText[], lang),
        status: parts.agreements.statusOf(a),
        signedOn: asWritten(a.signed_on, a.signed_on_precision),
        startsOn: asWritten(a.starts_on, a.starts_on_precision),
        endsOn: asWritten(a.ends_on, a.ends_on_precision),
        recordedAsPast: a.recorded_as_past === 1,
      })),
    };
  }

  return {
    async home(): Promise<PublicHome> {
      const now = clock.now().toISOString();
      const [news, events] = await Promise.all([
        parts.news.listNews(anonymous, { limit: 5 }).then((page) => page.items),
        parts.events.listEvents(anonymous, { from: now, limit: 5 }).then((page) => page.items),
      ]);
      return { news, events };
    },

    /** A public organisation's page; an internal one is not found, and neither are its internal links. */
    async organisation(id: string, lang: UiLanguage): Promise<PublicOrganisationPage> {
      return organisationPage(id, lang, "public");
    },

    /** What the partner's public page shows, or would show once the organisation is public; staff only. */
    async previewOrganisation(actor: Actor, id: string, lang: UiLanguage): Promise<PublicOrganisationPage> {
      organisationPolicy.read(actor);
      return organisationPage(id, lang, "preview");
    },

    /** An event as an anonymous reader gets it, or would once it is public; staff only. */
    async previewEvent(actor: Actor, id: string): Promise<EventView> {
      return parts.events.previewEvent(actor, id);
    },

    /** A news post as an anonymous reader gets it, or would once it is published; staff only. */
    async previewNews(actor: Actor, id: string): Promise<NewsView> {
      return parts.news.previewNews(actor, id);
    },

    /** A public partnership's page in the reader's language; internal agreements are not found. */
    async partnership(id: string, lang: UiLanguage): Promise<PublicPartnershipPage> {
      return partnershipPage(anonymous, id, lang, "public");
    },

    /** What the partnership's public page would show once published, for staff about to publish it. */
    async previewPartnership(actor: Actor, id: string, lang: UiLanguage): Promise<PublicPartnershipPage> {
      return partnershipPage(actor, id, lang, "preview");
    },
  };
}
export type PortalService = ReturnType<typeof createPortalService>;
