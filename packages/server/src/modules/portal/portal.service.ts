import type { AgreementView, EventView, NewsSummary } from "@conventio/domain";
import type { AgreementService } from "#modules/agreements/agreement.service.js";
import type { EventService } from "#modules/publication/event.service.js";
import type { NewsService } from "#modules/publication/news.service.js";
import { AppError } from "#shared/app-error.js";
import type { Deps } from "#shared/deps.js";

export interface PublicContact {
  name: string;
  title: string | null;
  organisation: string | null;
  role: string;
  email: string | null;
  phone: string | null;
}

export interface PartnershipPage {
  agreement: AgreementView;
  /** The parties that have a public partner page. */
  publicPartners: string[];
  governance: Array<{ name: string; kind: string; members: PublicContact[] }>;
  coordinators: Array<{ axis: string; people: PublicContact[] }>;
  events: EventView[];
  news: NewsSummary[];
  activities: Array<{
    id: string;
    kind: string;
    title: string;
    startsOn: string | null;
    endsOn: string | null;
    status: string;
  }>;
}

type Ref = { id: string; name: string; kind: string };

/** A partner as the public sees it: public facts, public networks and members, public partnerships. */
export interface PublicOrganisationPage {
  organisation: {
    id: string;
    name: string;
    names: Array<{ lang: string; value: string }>;
    acronym: string | null;
    kind: string;
    countryCode: string | null;
    city: string | null;
    website: string | null;
    description: string | null;
    parent: Ref | null;
  };
  units: Ref[];
  memberOf: Array<{ network: Ref; since: string | null; until: string | null }>;
  members: Array<{ member: Ref; since: string | null; until: string | null }>;
  partnerships: Array<{
    id: string;
    reference: string;
    title: string;
    kind: string;
    status: string;
    startsOn: string | null;
    endsOn: string | null;
  }>;
}

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

  return {
    async home(): Promise<{ news: NewsSummary[]; events: EventView[] }> {
      const now = clock.now().toISOString();
      const [news, events] = await Promise.all([
        parts.news.listNews(anonymous, { limit: 5 }).then((page) => page.items),
        parts.events.listEvents(anonymous, { from: now, limit: 5 }).then((page) => page.items),
      ]);
      return { news, events };
    },

    /** A public organisation's page; an internal one is not found, and neither are its internal links. */
    async organisation(id: string): Promise<PublicOrganisationPage> {
      const row = await db
        .selectFrom("organisation")
        .selectAll()
        .where("id", "=", id)
        .where("visibility", "=", "public")
        .executeTakeFirst();
      if (!row) throw AppError.notFound("This organisation");
      const ref = ["o.id", "o.name", "o.kind"] as const;
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
          .select([...ref, "m.since", "m.until"])
          .where("m.member_id", "=", id)
          .where("o.visibility", "=", "public")
          .orderBy("o.sort_name")
          .execute(),
        db
          .selectFrom("membership as m")
          .innerJoin("organisation as o", "o.id", "m.member_id")
          .select([...ref, "m.since", "m.until"])
          .where("m.network_id", "=", id)
          .where("o.visibility", "=", "public")
          .orderBy("o.sort_name")
          .execute(),
        db
          .selectFrom("agreement as a")
          .innerJoin("agreement_party as p", "p.agreement_id", "a.id")
          .select(["a.id", "a.reference", "a.title", "a.kind", "a.status", "a.starts_on", "a.ends_on"])
          .where("p.organisation_id", "=", id)
          .where("a.visibility", "=", "public")
          .where("a.status", "not in", ["draft", "negotiation", "awaiting_signature"])
          .orderBy("a.starts_on", "desc")
          .limit(200)
          .execute(),
      ]);
      const asRef = (o: { id: string; name: string; kind: string }): Ref => ({ id: o.id, name: o.name, kind: o.kind });
      return {
        organisation: {
          id: row.id,
          name: row.name,
          names: JSON.parse(row.names) as Array<{ lang: string; value: string }>,
          acronym: row.acronym,
          kind: row.kind,
          countryCode: row.country_code,
          city: row.city,
          website: row.website,
          description: row.description,
          parent: parent ? asRef(parent) : null,
        },
        units: units.map(asRef),
        memberOf: memberOf.map((m) => ({ network: asRef(m), since: m.since, until: m.until })),
        members: members.map((m) => ({ member: asRef(m), since: m.since, until: m.until })),
        partnerships: partnerships.map((a) => ({
          id: a.id,
          reference: a.reference,
          title: a.title,
          kind: a.kind,
          status: a.status,
          startsOn: a.starts_on,
          endsOn: a.ends_on,
        })),
      };
    },

    async partnership(id: string): Promise<PartnershipPage> {
      const agreement = await parts.agreements.getPublicAgreement(id);
      const [bodies, events, news, activities] = await Promise.all([
        db
          .selectFrom("governance_body as b")
          .leftJoin("body_member as m", "m.body_id", "b.id")
          .leftJoin("person as p", "p.id", "m.person_id")
          .leftJoin("organisation as o", "o.id", "m.organisation_id")
          .select([
            "b.id",
            "b.name",
            "b.kind",
            "m.role",
            "p.given_name",
            "p.family_name",
            "p.title",
            "p.email",
            "p.phone",
            "p.public_contact",
            "o.name as org",
          ])
          .where("b.agreement_id", "=", id)
          .orderBy("b.kind", "desc")
          .orderBy("b.name")
          .orderBy("m.role")
          .execute(),
        parts.events.listEvents(anonymous, { agreement: id, limit: 200 }).then((page) => page.items),
        parts.news.listNews(anonymous, { agreement: id, limit: 10 }).then((page) => page.items),
        db
          .selectFrom("activity")
          .select(["id", "kind", "title", "starts_on", "ends_on", "status"])
          .where("agreement_id", "=", id)
          .orderBy("sort_key", "desc")
          .limit(50)
          .execute(),
      ]);
      const governance = new Map<string, { name: string; kind: string; members: PublicContact[] }>();
      for (const r of bodies) {
        const body = governance.get(r.id) ?? { name: r.name, kind: r.kind, members: [] };
        if (r.role && (r.given_name || r.org)) {
          const open = r.public_contact === 1;
          body.members.push({
            name: r.given_name ? `${r.given_name} ${r.family_name}` : (r.org ?? ""),
            title: r.title,
            organisation: r.org,
            role: r.role,
            email: open ? r.email : null,
            phone: open ? r.phone : null,
          });
        }
        governance.set(r.id, body);
      }
      const coordinatorIds = agreement.axes.flatMap((a) => a.coordinators.map((c) => c.id));
      const people = coordinatorIds.length
        ? await db
            .selectFrom("person")
            .select(["id", "title", "email", "phone", "public_contact"])
            .where("id", "in", coordinatorIds)
            .execute()
        : [];
      const personById = new Map(people.map((p) => [p.id, p]));
      const partyIds = agreement.parties.map((p) => p.id);
      const publicPartners = partyIds.length
        ? await db
            .selectFrom("organisation")
            .select("id")
            .where("id", "in", partyIds)
            .where("visibility", "=", "public")
            .execute()
        : [];
      return {
        agreement,
        publicPartners: publicPartners.map((p) => p.id),
        governance: [...governance.values()],
        coordinators: agreement.axes.map((a) => ({
          axis: a.title,
          people: a.coordinators.map((c) => {
            const p = personById.get(c.id);
            const open = p?.public_contact === 1;
            return {
              name: c.name,
              title: p?.title ?? null,
              organisation: null,
              role: "coordinator",
              email: open ? (p?.email ?? null) : null,
              phone: open ? (p?.phone ?? null) : null,
            };
          }),
        })),
        events,
        news,
        activities: activities.map((a) => ({
          id: a.id,
          kind: a.kind,
          title: a.title,
          startsOn: a.starts_on,
          endsOn: a.ends_on,
          status: a.status,
        })),
      };
    },
  };
}
export type PortalService = ReturnType<typeof createPortalService>;
