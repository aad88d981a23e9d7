import { type ActivityView, asWritten, type UiLanguage } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { shownTitle } from "#modules/agreements/agreement.presenter.js";
import { presentRef } from "#modules/organisations/organisation.presenter.js";
import type { ActivityRow } from "./activity.service.js";

type Funding = NonNullable<ActivityView["funding"]>;

/** Funding as stored; funding recorded before funded periods existed has none. */
function fundingOf(json: string): Funding {
  const stored = JSON.parse(json) as Omit<Funding, "startsOn" | "endsOn"> & Partial<Funding>;
  return { ...stored, startsOn: stored.startsOn ?? null, endsOn: stored.endsOn ?? null };
}

/**
 * Activity rows as the API shows them, with their partners, agreement, axis, owner and participant;
 * partners' names and the agreement's title in `lang`, the reader's language.
 */
export async function views(trx: Kysely<DB>, rows: ActivityRow[], lang: UiLanguage): Promise<ActivityView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const participantIds = rows.map((r) => r.participant_id).filter((x): x is string => !!x);
  const [partners, agreements, axes, owners, participants] = await Promise.all([
    trx
      .selectFrom("activity_partner as p")
      .innerJoin("organisation as o", "o.id", "p.organisation_id")
      .select(["p.activity_id", "o.id", "o.name", "o.names", "o.kind"])
      .where("p.activity_id", "in", ids)
      .execute(),
    trx
      .selectFrom("agreement")
      .select(["id", "reference", "title", "language", "titles"])
      .where(
        "id",
        "in",
        rows.map((r) => r.agreement_id ?? ""),
      )
      .execute(),
    trx
      .selectFrom("agreement_axis")
      .select(["id", "title"])
      .where(
        "id",
        "in",
        rows.map((r) => r.axis_id ?? ""),
      )
      .execute(),
    trx
      .selectFrom("app_user")
      .select(["id", "name"])
      .where(
        "id",
        "in",
        rows.map((r) => r.owner_id ?? ""),
      )
      .execute(),
    participantIds.length
      ? trx.selectFrom("person").select(["id", "given_name", "family_name"]).where("id", "in", participantIds).execute()
      : Promise.resolve([]),
  ]);
  const people = new Map(participants.map((p) => [p.id, { id: p.id, name: `${p.given_name} ${p.family_name}` }]));
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const ag = byId(
    agreements.map((a) => ({ id: a.id, reference: a.reference, title: a.title, shown: shownTitle(a, lang) })),
  );
  const ax = byId(axes);
  const ow = byId(owners);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    status: r.status,
    startsOn: asWritten(r.starts_on, r.starts_on_precision),
    endsOn: asWritten(r.ends_on, r.ends_on_precision),
    agreement: (r.agreement_id && ag.get(r.agreement_id)) || null,
    axis: (r.axis_id && ax.get(r.axis_id)) || null,
    partners: partners.filter((p) => p.activity_id === r.id).map((p) => presentRef(p, lang)),
    owner: (r.owner_id && ow.get(r.owner_id)) || null,
    place: r.place,
    laboratories: JSON.parse(r.laboratories) as string[],
    mobility:
      r.direction && r.level && r.academic_year && r.participants
        ? {
            direction: r.direction,
            level: r.level as "master",
            academicYear: r.academic_year,
            count: r.participants,
            participant: (r.participant_id && people.get(r.participant_id)) || null,
          }
        : null,
    funding: r.funding ? fundingOf(r.funding) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
