import type { Actor, EventInput, EventView, Page, SortOrder } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { afterKeyset, decodeCursor, type Keyset, toPage } from "#http/pagination.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { institutionNameOf, type SiteBrand } from "#modules/site-settings/site-settings.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { audiencesOf, type EventRow, presentEvents } from "./event.presenter.js";
import { renderCalendar } from "./event-calendar.js";
import { publicationPolicy } from "./publication.policy.js";
import { reindexEvent } from "./publication-search.js";

const utc = (iso: string) => new Date(iso).toISOString();

export function createEventService(deps: Deps, settings: { publicUrl: string; brand?: SiteBrand }) {
  const { db, search } = deps;

  function rowOf(id: string, e: EventInput, created: string, now: string): EventRow {
    return {
      id,
      title: e.title,
      description: e.description,
      starts_at: utc(e.startsAt),
      ends_at: e.endsAt ? utc(e.endsAt) : null,
      time_zone: e.timeZone,
      place: e.place,
      contact_name: e.contactName,
      contact_email: e.contactEmail,
      contact_phone: e.contactPhone,
      registration_deadline: e.registrationDeadline ? utc(e.registrationDeadline) : null,
      registration_url: e.registrationUrl,
      agreement_id: e.agreementId,
      axis_id: e.axisId,
      visibility: e.visibility,
      created_at: created,
      updated_at: now,
    };
  }

  async function saveAudiences(trx: Kysely<DB>, eventId: string, audiences: EventInput["audiences"]) {
    await trx.deleteFrom("event_audience").where("event_id", "=", eventId).execute();
    await trx
      .insertInto("event_audience")
      .values(audiences.map((audience) => ({ event_id: eventId, audience })))
      .execute();
  }

  async function rows(q: {
    from?: string | undefined;
    to?: string | undefined;
    endsBefore?: string | undefined;
    agreement?: string | undefined;
    partner?: string | undefined;
    publicOnly: boolean;
    limit?: number;
    after?: Keyset | null;
    order?: SortOrder | undefined;
  }) {
    const direction = q.order ?? "asc";
    let query = db.selectFrom("event").selectAll().orderBy("starts_at", direction).orderBy("id", direction);
    if (q.after) query = query.where(afterKeyset("starts_at", "id", q.after, direction));
    if (q.publicOnly) query = query.where("visibility", "=", "public");
    if (q.agreement) query = query.where("agreement_id", "=", q.agreement);
    if (q.partner) {
      const partner = q.partner;
      query = query.where("agreement_id", "in", (eb) =>
        eb.selectFrom("agreement_party").select("agreement_id").where("organisation_id", "=", partner),
      );
    }
    if (q.to) query = query.where("starts_at", "<", utc(q.to));
    if (q.endsBefore) {
      const before = utc(q.endsBefore);
      query = query.where((eb) => eb(eb.fn.coalesce("ends_at", "starts_at"), "<", before));
    }
    if (q.from) {
      const from = utc(q.from);
      query = query.where((eb) =>
        eb.or([eb("ends_at", ">=", from), eb.and([eb("ends_at", "is", null), eb("starts_at", ">=", from)])]),
      );
    }
    return query.limit(q.limit ?? 1000).execute();
  }

  /** The iCal feed of these public events, each in its own time zone. */
  async function calendar(name: string, events: EventRow[]): Promise<string> {
    const audiences = await audiencesOf(
      db,
      events.map((e) => e.id),
    );
    return renderCalendar(
      name,
      events.map((row) => ({ row, audiences: audiences.get(row.id) ?? [] })),
      (id) => `${settings.publicUrl}/events/${id}`,
      await institutionNameOf(settings.brand),
    );
  }

  return {
    /** Events in order of their start, a page at a time, keyed on (start, id). */
    async listEvents(
      actor: Actor,
      q: {
        from?: string | undefined;
        to?: string | undefined;
        endsBefore?: string | undefined;
        agreement?: string | undefined;
        partner?: string | undefined;
        limit?: number | undefined;
        cursor?: string | undefined;
        /** By start: the soonest first (asc), or the latest first (desc), as past events are read. */
        order?: SortOrder | undefined;
      },
    ): Promise<Page<EventView>> {
      const publicOnly = actor.kind === "public";
      const limit = q.limit ?? 100;
      const found = await rows({ ...q, publicOnly, limit: limit + 1, after: decodeCursor(q.cursor) });
      const page = toPage(
        found,
        limit,
        (r) => ({ key: r.starts_at, id: r.id }),
        (r) => r,
      );
      return { items: await presentEvents(db, page.items, publicOnly), nextCursor: page.nextCursor };
    },

    async getEvent(actor: Actor, id: string): Promise<EventView> {
      const row = await db.selectFrom("event").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row || (actor.kind === "public" && row.visibility !== "public")) throw AppError.notFound("This event");
      return (await presentEvents(db, [row], actor.kind === "public"))[0] as EventView;
    },

    /** The event as an anonymous reader gets it, internal or not, so staff can check it before publishing. */
    async previewEvent(actor: Actor, id: string): Promise<EventView> {
      publicationPolicy.preview(actor);
      const row = await db.selectFrom("event").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) throw AppError.notFound("This event");
      return (await presentEvents(db, [row], true))[0] as EventView;
    },

    async saveEvent(actor: Actor, id: string | null, input: EventInput): Promise<EventView> {
      publicationPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        if (
          input.agreementId &&
          !(await trx.selectFrom("agreement").select("id").where("id", "=", input.agreementId).executeTakeFirst())
        ) {
          throw AppError.field("validation_failed", "agreementId", "No agreement has this id.");
        }
        if (input.axisId) {
          const axis = await trx
            .selectFrom("agreement_axis")
            .select("agreement_id")
            .where("id", "=", input.axisId)
            .executeTakeFirst();
          if (!axis) throw AppError.field("validation_failed", "axisId", "No axis has this id.");
          if (axis.agreement_id !== input.agreementId) {
            throw AppError.field("validation_failed", "axisId", "This axis belongs to another agreement.");
          }
        }
        let created = now;
        if (id) {
          const before = await trx.selectFrom("event").select("created_at").where("id", "=", id).executeTakeFirst();
          if (!before) throw AppError.notFound("This event");
          created = before.created_at;
        }
        const row = rowOf(id ?? newId(), input, created, now);
        if (id) {
          const { id: _i, created_at: _c, ...set } = row;
          await trx.updateTable("event").set(set).where("id", "=", id).execute();
        } else {
          await trx.insertInto("event").values(row).execute();
        }
        await saveAudiences(trx, row.id, input.audiences);
        await reindexEvent(trx, search, row);
        await recordAudit(trx, now, {
          actor,
          action: id ? "event.update" : "event.create",
          entity: "event",
          entityId: row.id,
          changes: {
            title: row.title,
            startsAt: row.starts_at,
            audiences: input.audiences,
            visibility: row.visibility,
          },
        });
        return (await presentEvents(trx, [row]))[0] as EventView;
      });
    },

    async deleteEvent(actor: Actor, id: string): Promise<void> {
      publicationPolicy.write(actor);
      const r = await db.deleteFrom("event").where("id", "=", id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw AppError.notFound("This event");
      await search.remove(db, "event", id);
      await recordAudit(db, nowIso(deps), {
        actor,
        action: "event.delete",
        entity: "event",
        entityId: id,
        changes: {},
      });
    },

    /** iCal feed of every public event, or of one public partnership's. */
    async publicCalendar(agreementId?: string): Promise<string> {
      if (agreementId) {
        const a = await db
          .selectFrom("agreement")
          .select(["title", "visibility"])
          .where("id", "=", agreementId)
          .executeTakeFirst();
        if (a?.visibility !== "public") throw AppError.notFound("This partnership");
        return await calendar(a.title, await rows({ agreement: agreementId, publicOnly: true }));
      }
      const publisher = await institutionNameOf(settings.brand);
      return await calendar(`${publisher} — public events`, await rows({ publicOnly: true }));
    },
  };
}
export type EventService = ReturnType<typeof createEventService>;
