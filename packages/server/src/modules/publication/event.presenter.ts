import { AUDIENCES, type Audience, type EventView } from "@conventio/domain";
import type { Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema.js";
import type { EventTable } from "./publication.table.js";

export type EventRow = Selectable<EventTable>;

/** The audiences of each event, in the order of AUDIENCES. */
export async function audiencesOf(trx: Kysely<DB>, eventIds: readonly string[]): Promise<Map<string, Audience[]>> {
  const rows = eventIds.length
    ? await trx
        .selectFrom("event_audience")
        .select(["event_id", "audience"])
        .where("event_id", "in", [...eventIds])
        .execute()
    : [];
  const byEvent = new Map<string, Audience[]>();
  for (const r of rows) byEvent.set(r.event_id, [...(byEvent.get(r.event_id) ?? []), r.audience]);
  for (const [id, list] of byEvent)
    byEvent.set(
      id,
      AUDIENCES.filter((a) => list.includes(a)),
    );
  return byEvent;
}

/** Events as views; for the public, an internal agreement (and so its areas) is not named. */
export async function presentEvents(trx: Kysely<DB>, rows: EventRow[], publicOnly = false): Promise<EventView[]> {
  const ids = [...new Set(rows.map((r) => r.agreement_id).filter((x): x is string => !!x))];
  let query = trx
    .selectFrom("agreement")
    .select(["id", "reference", "title", "language as lang"])
    .where("id", "in", ids);
  if (publicOnly) query = query.where("visibility", "=", "public");
  const agreements = ids.length ? await query.execute() : [];
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const axisIds = [...new Set(rows.map((r) => r.axis_id).filter((x): x is string => !!x))];
  const axes = axisIds.length
    ? await trx
        .selectFrom("agreement_axis")
        .select(["id", "title", "agreement_id"])
        .where("id", "in", axisIds)
        .execute()
    : [];
  const axisById = new Map(
    axes.filter((x) => byId.has(x.agreement_id)).map((x) => [x.id, { id: x.id, title: x.title }]),
  );
  const audiences = await audiencesOf(
    trx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timeZone: r.time_zone,
    place: r.place,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    registrationDeadline: r.registration_deadline,
    registrationUrl: r.registration_url,
    audiences: audiences.get(r.id) ?? [],
    agreement: (r.agreement_id && byId.get(r.agreement_id)) || null,
    axis: (r.axis_id && axisById.get(r.axis_id)) || null,
    visibility: r.visibility,
  }));
}
