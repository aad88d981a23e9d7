import {
  type AgreementRef,
  type AgreementStatus,
  type AgreementView,
  allowedActions,
  asWritten,
  type GuardedField,
  ISCED_FIELDS,
  type LocalisedText,
  type OrganisationKind,
  type ShownText,
  shownAgreementTitle,
  type UiLanguage,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { presentJoinedRef, presentRef } from "#modules/organisations/organisation.presenter.js";
import type { AgreementRow } from "./agreement.repository.js";
import * as repo from "./agreement.repository.js";

/** An agreement's title in the reader's language, from the row's title, language and JSON list of titles. */
export function shownTitle(r: Pick<AgreementRow, "title" | "language" | "titles">, lang: UiLanguage): ShownText {
  return shownAgreementTitle(
    { title: r.title, language: r.language, titles: JSON.parse(r.titles) as LocalisedText[] },
    lang,
  );
}

/**
 * Turns agreement rows into the API's views; the status shown depends on the clock, and titles and
 * organisations' names are shown in `lang`, the reader's language.
 */
export function createAgreementPresenter(statusOf: (r: Pick<AgreementRow, "status" | "ends_on">) => AgreementStatus) {
  const refOf = (r: AgreementRow, lang: UiLanguage): AgreementRef => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    shown: shownTitle(r, lang),
    status: statusOf(r),
    startsOn: asWritten(r.starts_on, r.starts_on_precision),
    endsOn: asWritten(r.ends_on, r.ends_on_precision),
  });

  /** The renewal chain through predecessor links, oldest first. */
  async function chainOf(trx: Kysely<DB>, row: AgreementRow): Promise<AgreementRow[]> {
    const back: AgreementRow[] = [];
    let cursor: AgreementRow | undefined = row;
    const seen = new Set([row.id]);
    while (cursor?.predecessor_id && !seen.has(cursor.predecessor_id)) {
      seen.add(cursor.predecessor_id);
      cursor = await repo.findAgreement(trx, cursor.predecessor_id);
      if (cursor) back.unshift(cursor);
    }
    const forward: AgreementRow[] = [];
    let next = await trx
      .selectFrom("agreement")
      .selectAll()
      .where("predecessor_id", "=", row.id)
      .orderBy("starts_on")
      .executeTakeFirst();
    while (next && !seen.has(next.id)) {
      seen.add(next.id);
      forward.push(next);
      next = await trx
        .selectFrom("agreement")
        .selectAll()
        .where("predecessor_id", "=", next.id)
        .orderBy("starts_on")
        .executeTakeFirst();
    }
    return [...back, row, ...forward];
  }

  async function view(trx: Kysely<DB>, row: AgreementRow, lang: UiLanguage): Promise<AgreementView> {
    const [parties, signatories, themes, axes, commitments, events, specifics, framework, chain] = await Promise.all([
      repo.partiesOf(trx, [row.id]),
      trx
        .selectFrom("agreement_signatory as s")
        .leftJoin("person as p", "p.id", "s.person_id")
        .leftJoin("organisation as o", "o.id", "s.organisation_id")
        .select([
          "s.id",
          "s.name",
          "s.title",
          "s.titles",
          "s.signed_on",
          "s.signed_on_precision",
          "s.place",
          "p.id as person_id",
          "p.given_name",
          "p.family_name",
          "o.id as org_id",
          "o.name as org_name",
          "o.names as org_names",
          "o.kind as org_kind",
        ])
        .where("s.agreement_id", "=", row.id)
        .orderBy("s.position")
        .execute(),
      trx.selectFrom("agreement_theme").select("label").where("agreement_id", "=", row.id).orderBy("label").execute(),
      trx.selectFrom("agreement_axis").selectAll().where("agreement_id", "=", row.id).orderBy("position").execute(),
      trx
        .selectFrom("agreement_commitment as c")
        .leftJoin("organisation as o", "o.id", "c.organisation_id")
        .select([
          "c.kind",
          "c.description",
          "c.levels",
          "o.id as org_id",
          "o.name as org_name",
          "o.names as org_names",
          "o.kind as org_kind",
        ])
        .where("c.agreement_id", "=", row.id)
        .orderBy("c.position")
        .execute(),
      trx
        .selectFrom("agreement_event as e")
        .leftJoin("app_user as u", "u.id", "e.actor_id")
        .select(["e.at", "e.action", "e.from_status", "e.to_status", "e.note", "u.name as actor"])
        .where("e.agreement_id", "=", row.id)
        .orderBy("e.at")
        .orderBy("e.id")
        .execute(),
      trx.selectFrom("agreement").selectAll().where("framework_id", "=", row.id).orderBy("sort_key").execute(),
      row.framework_id ? repo.findAgreement(trx, row.framework_id) : Promise.resolve(undefined),
      chainOf(trx, row),
    ]);
    const coordinatorIds = [...new Set(axes.flatMap((a) => JSON.parse(a.coordinator_ids) as string[]))];
    const coordinators = coordinatorIds.length
      ? await trx
          .selectFrom("person")
          .select(["id", "given_name", "family_name"])
          .where("id", "in", coordinatorIds)
          .execute()
      : [];
    const personName = new Map(coordinators.map((p) => [p.id, `${p.given_name} ${p.family_name}`]));
    const status = statusOf(row);
    const org = (r: {
      org_id: string | null;
      org_name: string | null;
      org_names: string | null;
      org_kind: OrganisationKind | null;
    }) => presentJoinedRef({ id: r.org_id, name: r.org_name, names: r.org_names, kind: r.org_kind }, lang);
    return {
      id: row.id,
      reference: row.reference,
      kind: row.kind,
      title: row.title,
      shown: shownTitle(row, lang),
      status,
      signedOn: asWritten(row.signed_on, row.signed_on_precision),
      startsOn: asWritten(row.starts_on, row.starts_on_precision),
      endsOn: asWritten(row.ends_on, row.ends_on_precision),
      visibility: row.visibility,
      parties: parties.map((p) => presentRef(p, lang)),
      titles: JSON.parse(row.titles) as AgreementView["titles"],
      language: row.language,
      recordedAsPast: row.recorded_as_past === 1,
      summary: row.summary,
      summaries: JSON.parse(row.summaries) as AgreementView["summaries"],
      noticeMonths: row.notice_months,
      tacitRenewal: row.tacit_renewal === 1,
      terminatedOn: row.terminated_on,
      terminationReason: row.termination_reason,
      framework: framework ? refOf(framework, lang) : null,
      specifics: specifics.map((s) => refOf(s, lang)),
      chain: chain.map((c) => refOf(c, lang)),
      partyDetails: parties.map((p) => ({
        organisation: presentRef(p, lang),
        role: p.role,
        responsibleUnit: presentJoinedRef(
          { id: p.unit_id, name: p.unit_name, names: p.unit_names, kind: p.unit_kind },
          lang,
        ),
      })),
      signatories: signatories.map((s) => ({
        id: s.id,
        name: s.name,
        title: s.title,
        titles: JSON.parse(s.titles) as AgreementView["titles"],
        person: s.person_id ? { id: s.person_id, name: `${s.given_name} ${s.family_name}` } : null,
        organisation: org(s),
        signedOn: asWritten(s.signed_on, s.signed_on_precision),
        place: s.place,
      })),
      themes: themes.map((t) => t.label),
      fields: (JSON.parse(row.fields) as string[]).map((code) => ({ code, name: ISCED_FIELDS[code] ?? code })),
      objectives: JSON.parse(row.objectives) as string[],
      axes: axes.map((a) => ({
        id: a.id,
        kind: a.kind,
        title: a.title,
        description: a.description,
        coordinators: (JSON.parse(a.coordinator_ids) as string[])
          .filter((id) => personName.has(id))
          .map((id) => ({ id, name: personName.get(id) ?? "" })),
        objectives: JSON.parse(a.objectives) as string[],
      })),
      commitments: commitments.map((c) => ({
        organisation: org(c),
        kind: c.kind as AgreementView["commitments"][number]["kind"],
        description: c.description,
        levels: JSON.parse(c.levels) as string[],
      })),
      history: events.map((e) => ({
        at: e.at,
        action: e.action,
        from: e.from_status,
        to: e.to_status,
        actor: e.actor,
        note: e.note,
      })),
      internalFields: JSON.parse(row.internal_fields) as GuardedField[],
      // Once renewed, the way forward is the successor, not a second renewal.
      allowedActions: allowedActions(status).filter((a) => a !== "renew" || chain.at(-1)?.id === row.id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  return { refOf, chainOf, view };
}
export type AgreementPresenter = ReturnType<typeof createAgreementPresenter>;
