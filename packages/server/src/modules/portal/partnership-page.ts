/**
 * Read model: a partnership's public page, assembled in the reader's language from the
 * agreement, its partners, governance, calendar, news and activities. Only what is public
 * leaves: the parts of the agreement kept internal are left out, related agreements appear only
 * when public and past the draft, meetings only when marked public. A person of the register is
 * named only if they agreed to be named in public, and otherwise appears by their role and
 * organisation alone, so that bodies keep their true count of members; their e-mail and phone
 * appear only if they also agreed to be a public contact.
 */
import {
  type AgreementView,
  asWritten,
  GUARDED_FIELDS,
  type GuardedField,
  iscedName,
  type LocalisedText,
  type OrganisationKind,
  type PublicAgreementRef,
  type PublicContact,
  type PublicOrganisationRef,
  type PublicPartnershipPage,
  pickLocalised,
  type ShownText,
  shownOrganisationName,
  type UiLanguage,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";

type Page = PublicPartnershipPage;

interface OrganisationFacts {
  id: string;
  name: string;
  names: LocalisedText[];
  kind: OrganisationKind;
  public: boolean;
}

/** An organisation's name in the reader's language; the primary name's language is the one its names list gives it. */
export function organisationName(o: { name: string; names: LocalisedText[] }, lang: UiLanguage): ShownText {
  return shownOrganisationName(o, lang);
}

async function organisationsById(db: Kysely<DB>, ids: string[]): Promise<Map<string, OrganisationFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisation")
    .select(["id", "name", "names", "kind", "visibility"])
    .where("id", "in", unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        names: JSON.parse(r.names) as LocalisedText[],
        kind: r.kind,
        public: r.visibility === "public",
      },
    ]),
  );
}

/** Everything the page needs besides the agreement view, read in a handful of queries. */
async function readParts(db: Kysely<DB>, agreementId: string) {
  const [bodies, members, meetings, activities, themes] = await Promise.all([
    db
      .selectFrom("governance_body")
      .select(["id", "name", "kind", "theme"])
      .where("agreement_id", "=", agreementId)
      .orderBy("kind", "desc")
      .orderBy("name")
      .execute(),
    db
      .selectFrom("body_member as m")
      .innerJoin("governance_body as b", "b.id", "m.body_id")
      .leftJoin("person as p", "p.id", "m.person_id")
      .select([
        "m.body_id",
        "m.role",
        "m.organisation_id",
        "m.student_representative",
        "p.id as person_id",
        "p.given_name",
        "p.family_name",
        "p.title",
        "p.email",
        "p.phone",
        "p.named_in_public",
        "p.public_contact",
      ])
      .where("b.agreement_id", "=", agreementId)
      .orderBy("m.student_representative")
      .orderBy("m.role")
      .execute(),
    db
      .selectFrom("meeting")
      .select(["id", "body_id", "held_on", "held_on_precision", "place", "decisions"])
      .where("agreement_id", "=", agreementId)
      .where("visibility", "=", "public")
      .orderBy("held_on", "desc")
      .execute(),
    db
      .selectFrom("activity")
      .select([
        "id",
        "kind",
        "title",
        "description",
        "starts_on",
        "starts_on_precision",
        "ends_on",
        "ends_on_precision",
        "status",
        "place",
        "funding",
      ])
      .where("agreement_id", "=", agreementId)
      .orderBy("sort_key", "desc")
      .limit(50)
      .execute(),
    db
      .selectFrom("agreement_theme as a")
      .leftJoin("theme as t", "t.theme", "a.theme")
      .select(["a.label", "t.labels"])
      .where("a.agreement_id", "=", agreementId)
      .orderBy("a.label")
      .execute(),
  ]);
  const activityIds = activities.map((a) => a.id);
  const activityPartners = activityIds.length
    ? await db
        .selectFrom("activity_partner")
        .select(["activity_id", "organisation_id"])
        .where("activity_id", "in", activityIds)
        .execute()
    : [];
  return { bodies, members, meetings, activities, activityPartners, themes };
}

/** The people who coordinate the agreement's axes or signed it, with what they agreed to show. */
async function peopleById(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("person")
    .select(["id", "given_name", "family_name", "title", "email", "phone", "named_in_public", "public_contact"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((p) => [p.id, p]));
}

interface FundingJson {
  funder: string;
  programme: string | null;
  amountAsked: number | null;
  amountGranted: number | null;
  currency: string;
  outcome: string;
  startsOn?: string | null;
  endsOn?: string | null;
}

/**
 * Assembles the page from the full agreement view. `related` holds the ids of the agreements of
 * its chain, framework and specifics that are public and past the draft.
 */
export async function assemblePartnershipPage(
  db: Kysely<DB>,
  full: AgreementView,
  related: Set<string>,
  parts: { events: Page["events"]; news: Page["news"] },
  lang: UiLanguage,
  preview: boolean,
): Promise<Page> {
  const hidden = new Set<GuardedField>(full.internalFields);
  const shows = (field: GuardedField) => !hidden.has(field);
  const original = full.language;
  const { bodies, members, meetings, activities, activityPartners, themes } = await readParts(db, full.id);
  const coordinatorIds = full.axes.flatMap((a) => a.coordinators.map((c) => c.id));
  const [orgs, people] = await Promise.all([
    organisationsById(db, [
      ...full.partyDetails.flatMap((p) => [p.organisation.id, p.responsibleUnit?.id ?? ""]),
      ...full.signatories.map((s) => s.organisation?.id ?? ""),
      ...full.commitments.map((c) => c.organisation?.id ?? ""),
      ...members.map((m) => m.organisation_id ?? ""),
      ...activityPartners.map((p) => p.organisation_id),
    ]),
    peopleById(db, [...coordinatorIds, ...full.signatories.flatMap((s) => (s.person ? [s.person.id] : []))]),
  ]);

  const orgRef = (id: string | null | undefined): PublicOrganisationRef | null => {
    const o = id ? orgs.get(id) : undefined;
    return o ? { id: o.id, name: organisationName(o, lang), kind: o.kind, public: o.public } : null;
  };
  const text = (value: string, translations: ReadonlyArray<LocalisedText>) =>
    pickLocalised(value, original, translations, lang);
  const refOf = (r: AgreementView["chain"][number]): PublicAgreementRef => ({
    id: r.id,
    reference: r.reference,
    kind: full.kind,
    title: { text: r.title, lang: original },
    status: r.status,
    signedOn: null,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    recordedAsPast: false,
  });
  const contact = (
    p: {
      given_name: string | null;
      family_name: string | null;
      title: string | null;
      email: string | null;
      phone: string | null;
      named_in_public: number | null;
      public_contact: number | null;
    },
    extra: { organisation: PublicOrganisationRef | null; role: string; studentRepresentative: boolean },
  ): PublicContact => {
    // Their position would name them as surely as their name does: an unnamed person is their role.
    if (p.named_in_public !== 1) return { name: null, title: null, ...extra, email: null, phone: null };
    const open = p.public_contact === 1;
    return {
      name: `${p.given_name ?? ""} ${p.family_name ?? ""}`.trim(),
      title: p.title,
      ...extra,
      email: open ? p.email : null,
      phone: open ? p.phone : null,
    };
  };
  // A signatory typed as printed, with no person of the register behind it, is shown as printed.
  const signatoryNamed = (s: AgreementView["signatories"][number]) =>
    !s.person || people.get(s.person.id)?.named_in_public === 1;

  const chainRows = shows("history") ? full.chain.filter((c) => c.id === full.id || related.has(c.id)) : [];
  const titles = await agreementTitles(db, [
    ...chainRows.map((c) => c.id),
    ...(full.framework ? [full.framework.id] : []),
    ...full.specifics.map((s) => s.id),
  ]);
  const relatedRef = (r: AgreementView["chain"][number]): PublicAgreementRef => {
    const row = titles.get(r.id);
    if (!row) return refOf(r);
    return {
      ...refOf(r),
      kind: row.kind,
      title: pickLocalised(row.title, row.language, JSON.parse(row.titles) as LocalisedText[], lang),
      signedOn: asWritten(row.signed_on, row.signed_on_precision),
      recordedAsPast: row.recorded_as_past === 1,
    };
  };

  const meetingsByBody = new Map<string, Page["governance"][number]["meetings"]>();
  for (const m of meetings) {
    const list = meetingsByBody.get(m.body_id) ?? [];
    list.push({
      id: m.id,
      heldOn: asWritten(m.held_on, m.held_on_precision) ?? m.held_on,
      place: m.place,
      decisions: JSON.parse(m.decisions) as string[],
    });
    meetingsByBody.set(m.body_id, list);
  }

  return {
    lang,
    preview,
    agreement: {
      id: full.id,
      reference: full.reference,
      kind: full.kind,
      title: text(full.title, full.titles),
      status: full.status,
      signedOn: full.signedOn,
      startsOn: full.startsOn,
      endsOn: full.endsOn,
      recordedAsPast: full.recordedAsPast,
      summary: shows("summary") && full.summary ? text(full.summary, full.summaries) : null,
      noticeMonths: full.noticeMonths,
      tacitRenewal: full.tacitRenewal,
      terminatedOn: full.terminatedOn,
      parties: full.partyDetails.flatMap((p) => {
        const organisation = orgRef(p.organisation.id);
        return organisation ? [{ organisation, role: p.role, responsibleUnit: orgRef(p.responsibleUnit?.id) }] : [];
      }),
      signatories: shows("signatories")
        ? full.signatories.map((s) => ({
            name: signatoryNamed(s) ? s.name : null,
            title: s.title ? text(s.title, s.titles) : null,
            organisation: orgRef(s.organisation?.id),
            signedOn: s.signedOn,
            place: s.place,
          }))
        : [],
      themes: themes.map((t) => {
        const labels = t.labels ? (JSON.parse(t.labels) as LocalisedText[]) : [];
        return pickLocalised(t.label, null, labels, lang);
      }),
      fields: full.fields.map((f) => ({ code: f.code, name: iscedName(f.code, lang) })),
      objectives: shows("objectives") ? full.objectives : [],
      commitments: shows("commitments")
        ? full.commitments.map((c) => ({
            organisation: orgRef(c.organisation?.id),
            kind: c.kind,
            description: c.description,
            levels: c.levels,
          }))
        : [],
      axes: shows("axes")
        ? full.axes.map((a) => ({
            id: a.id,
            kind: a.kind,
            title: a.title,
            description: a.description,
            objectives: a.objectives,
            coordinators: a.coordinators.flatMap((c) => {
              const p = people.get(c.id);
              return p ? [contact(p, { organisation: null, role: "coordinator", studentRepresentative: false })] : [];
            }),
          }))
        : [],
    },
    history: {
      chain: chainRows.map(relatedRef),
      framework: full.framework && related.has(full.framework.id) ? relatedRef(full.framework) : null,
      specifics: full.specifics.filter((s) => related.has(s.id)).map(relatedRef),
    },
    governance: bodies.map((b) => ({
      id: b.id,
      name: b.name,
      kind: b.kind,
      theme: b.theme,
      members: members
        .filter((m) => m.body_id === b.id && (m.person_id || m.organisation_id))
        .map((m) => {
          const organisation = orgRef(m.organisation_id);
          const extra = { organisation, role: m.role, studentRepresentative: m.student_representative === 1 };
          if (m.person_id) return contact(m, extra);
          return { name: organisation?.name.text ?? "", title: null, ...extra, email: null, phone: null };
        }),
      meetings: meetingsByBody.get(b.id) ?? [],
    })),
    events: parts.events,
    news: parts.news,
    activities: activities.map((a) => {
      const funding = a.funding ? (JSON.parse(a.funding) as FundingJson) : null;
      return {
        id: a.id,
        kind: a.kind,
        title: a.title,
        description: a.description,
        startsOn: asWritten(a.starts_on, a.starts_on_precision),
        endsOn: asWritten(a.ends_on, a.ends_on_precision),
        status: a.status,
        place: a.place,
        partners: activityPartners
          .filter((p) => p.activity_id === a.id)
          .flatMap((p) => {
            const ref = orgRef(p.organisation_id);
            return ref ? [ref] : [];
          }),
        // A bid still being decided, or refused, is the office's business; granted funding is news.
        funding:
          funding && funding.outcome === "granted"
            ? {
                funder: funding.funder,
                programme: funding.programme,
                amount: funding.amountGranted ?? funding.amountAsked,
                currency: funding.currency,
                outcome: funding.outcome,
                startsOn: funding.startsOn ?? null,
                endsOn: funding.endsOn ?? null,
              }
            : null,
      };
    }),
    publicFields: GUARDED_FIELDS.filter(shows),
  };
}

async function agreementTitles(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("agreement")
    .select(["id", "kind", "title", "titles", "language", "signed_on", "signed_on_precision", "recorded_as_past"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
