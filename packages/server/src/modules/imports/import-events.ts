import { EventInput, type EventView, type ImportRowOutcome } from "@conventio/domain";
import { DateTime } from "luxon";
import type { KindImporter } from "./import-kind.js";
import { resolveAgreement } from "./import-refs.js";
import { outcome, type RowReader, topField } from "./import-row.js";

interface EventRowInput {
  id: string | null;
  input: EventInput;
  given: Set<(typeof TEXT_FIELDS)[number]>;
}

const TEXT_FIELDS = [
  "description",
  "endsAt",
  "timeZone",
  "place",
  "contactName",
  "contactEmail",
  "contactPhone",
  "registrationDeadline",
  "registrationUrl",
  "audiences",
  "visibility",
] as const;

/** A sheet's date or date and time, read in the event's time zone unless it carries an offset. */
function instant(text: string | null, zone: string): string | null {
  if (!text) return null;
  const t = DateTime.fromISO(text.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, "$1T$2"), { zone, setZone: true });
  return t.isValid ? (t.toISO({ suppressMilliseconds: true }) ?? text) : text;
}

const sameInstant = (a: string | null, b: string | null) => (a ? Date.parse(a) : null) === (b ? Date.parse(b) : null);

/** The input an event was saved from, so an update keeps what the sheet does not hold. */
function inputOf(e: EventView): EventInput {
  return {
    title: e.title,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    place: e.place,
    contactName: e.contactName,
    contactEmail: e.contactEmail,
    contactPhone: e.contactPhone,
    registrationDeadline: e.registrationDeadline,
    registrationUrl: e.registrationUrl,
    audiences: e.audiences,
    agreementId: e.agreement?.id ?? null,
    axisId: e.axis?.id ?? null,
    visibility: e.visibility,
  };
}

function differs(field: keyof EventInput, a: EventInput, b: EventInput): boolean {
  const x = a[field];
  const y = b[field];
  if (field === "startsAt" || field === "endsAt" || field === "registrationDeadline")
    return !sameInstant(x as string | null, y as string | null);
  return JSON.stringify(x) !== JSON.stringify(y);
}

export const eventImporter: KindImporter<EventRowInput> = {
  fallback: "title",

  fieldOf(path) {
    const top = topField(path);
    return top === "agreementId" || top === "axisId" ? "agreement" : top;
  },

  read(r: RowReader): EventRowInput | null {
    const zone = r.text("timeZone") ?? "Europe/Paris";
    const audiences = r.list("audiences").map((a) => a.toLowerCase());
    const parsed = EventInput.safeParse({
      title: r.text("title") ?? "",
      description: r.text("description"),
      startsAt: instant(r.text("startsAt"), zone) ?? "",
      endsAt: instant(r.text("endsAt"), zone),
      timeZone: zone,
      place: r.text("place"),
      contactName: r.text("contactName"),
      contactEmail: r.text("contactEmail"),
      contactPhone: r.text("contactPhone"),
      registrationDeadline: instant(r.text("registrationDeadline"), zone),
      registrationUrl: r.text("registrationUrl"),
      ...(audiences.length > 0 ? { audiences } : {}),
      agreementId: r.text("agreement") ? "agreement" : null,
      visibility: r.text("visibility")?.toLowerCase() ?? "public",
    });
    if (!parsed.success) {
      r.addIssues(parsed.error.issues, (path) => eventImporter.fieldOf(path.map(String).join("."), null as never));
      return null;
    }
    return { id: r.text("id"), input: parsed.data, given: new Set(TEXT_FIELDS.filter((f) => r.text(f))) };
  },

  async write(v, w, actor, r): Promise<ImportRowOutcome | null> {
    const agreementId = await resolveAgreement(w.db, r, "agreement");
    if (agreementId === null) return null;
    const input: EventInput = { ...v.input, agreementId: agreementId ?? null };
    let before: EventView | undefined;
    if (v.id) {
      const found = await w.db.selectFrom("event").select("id").where("id", "=", v.id).executeTakeFirst();
      if (!found) {
        r.fail("id", "No event has this id.");
        return null;
      }
      before = await w.events.getEvent(actor, found.id);
    } else {
      const rows = await w.db
        .selectFrom("event")
        .select(["id", "starts_at"])
        .where("title", "=", input.title)
        .execute();
      const same = rows.find((e) => sameInstant(e.starts_at, input.startsAt));
      if (same) before = await w.events.getEvent(actor, same.id);
    }
    if (!before) {
      const created = await w.events.saveEvent(actor, null, input);
      return outcome(r.row, "create", created.id, input.title);
    }
    const current = inputOf(before);
    const next: EventInput = {
      ...current,
      title: input.title,
      startsAt: input.startsAt,
      agreementId: input.agreementId ?? current.agreementId,
      axisId: input.agreementId && input.agreementId !== current.agreementId ? null : current.axisId,
      ...Object.fromEntries([...v.given].map((f) => [f, input[f]])),
    };
    const changed = (Object.keys(next) as Array<keyof EventInput>).some((f) => differs(f, next, current));
    if (!changed) return outcome(r.row, "unchanged", before.id, input.title);
    await w.events.saveEvent(actor, before.id, next);
    return outcome(r.row, "update", before.id, input.title);
  },
};
