import { type Audience, eventText } from "@conventio/domain";
import ical, { escape as escapeText } from "ical-generator";
import { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { EventRow } from "./event.presenter.js";

export interface CalendarEntry {
  row: EventRow;
  audiences: Audience[];
}

const zones = new Map<string, string | null>();

/**
 * The VTIMEZONE of an IANA zone, named as the event names it. The library files some zones
 * under another that shares their rules (Europe/Stockholm under Europe/Berlin, US/Pacific under
 * America/Los_Angeles); the rules are what a client needs, the name is what a reader expects.
 * Null for a zone it does not know, or whose name could not stand in a TZID parameter: such an
 * event is written in UTC rather than under a TZID no client could resolve.
 */
function vtimezone(zone: string): string | null {
  if (!zones.has(zone)) {
    const found = /^[A-Za-z0-9_+/-]+$/.test(zone) ? tzlib_get_ical_block(zone) : "";
    const block = Array.isArray(found) ? found[0] : undefined;
    zones.set(
      zone,
      block?.includes("BEGIN:VTIMEZONE")
        ? block.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`)
        : null,
    );
  }
  return zones.get(zone) ?? null;
}

/** Text for a one-line property: no control character, no line break. */
const line = (text: string) => eventText(text, true).trim();

/** A part of PRODID, which ical-generator writes as given: slashes would cut it into other parts. */
const prodIdPart = (text: string) => escapeText(line(text).replace(/\//g, " "), false) || "Conventio";

function whenRegistrationCloses(e: EventRow): string | null {
  if (!e.registration_deadline) return null;
  const at = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: e.time_zone });
  return `${at.format(new Date(e.registration_deadline))} (${e.time_zone})`;
}

/** The description, then how to register and whom to ask, which RFC 5545 has no property for. */
function descriptionOf(e: EventRow): string | null {
  const closes = whenRegistrationCloses(e);
  const registration = e.registration_url
    ? `Registration: ${e.registration_url}${closes ? ` — closes ${closes}` : ""}`
    : closes && `Registration closes ${closes}`;
  const contact = [e.contact_name, e.contact_email, e.contact_phone].filter((x): x is string => !!x).map(line);
  const parts = [
    e.description && eventText(e.description).trim(),
    registration,
    contact.length > 0 && `Contact: ${contact.join(" · ")}`,
  ].filter((x): x is string => !!x);
  return parts.length > 0 ? parts.join("\n\n") : null;
}

/**
 * An RFC 5545 calendar: each event in the wall-clock time of its own zone under a TZID, with one
 * VTIMEZONE for every zone used, so clients place it right whatever zone they or this server run in.
 */
export function renderCalendar(
  name: string,
  entries: readonly CalendarEntry[],
  eventUrl: (id: string) => string,
  publisher = "Conventio",
) {
  const used = new Map<string, string>();
  const cal = ical({
    // ical-generator writes the calendar's name as given; it is a partnership's title, so escape it here.
    name: escapeText(line(name), false),
    // The institution publishes the calendar with Conventio: -//<institution>//Conventio//EN.
    prodId: { company: prodIdPart(publisher), product: "Conventio", language: "EN" },
    timezone: { name: null, generator: (tzid) => used.get(tzid) ?? null },
  });
  for (const { row: e, audiences } of entries) {
    const zone = vtimezone(e.time_zone);
    if (zone) used.set(e.time_zone, zone);
    const start = DateTime.fromISO(e.starts_at, { zone: "utc" });
    const organizer = e.contact_email
      ? // A double quote would end the CN parameter early; parameters have no escape for it.
        { name: line(e.contact_name ?? e.contact_email).replace(/"/g, "") || e.contact_email, email: e.contact_email }
      : null;
    cal.createEvent({
      id: `${e.id}@conventio`,
      start,
      end: e.ends_at ? DateTime.fromISO(e.ends_at, { zone: "utc" }) : start.plus({ hours: 1 }),
      timezone: zone ? e.time_zone : null,
      summary: line(e.title),
      description: descriptionOf(e),
      location: e.place ? line(e.place) : null,
      url: eventUrl(e.id),
      stamp: new Date(e.updated_at),
      categories: audiences.map((audience) => ({ name: audience })),
      organizer,
    });
  }
  return cal.toString();
}
