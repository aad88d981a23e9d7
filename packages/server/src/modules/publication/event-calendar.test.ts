import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderCalendar } from "./event-calendar.js";
import type { EventRow } from "./event.presenter.js";

const row = (over: Partial<EventRow>): EventRow => ({
  id: "e1",
  title: "Open day",
  description: null,
  starts_at: "2026-03-10T09:00:00.000Z",
  ends_at: null,
  time_zone: "Europe/Paris",
  place: null,
  contact_name: null,
  contact_email: null,
  contact_phone: null,
  registration_deadline: null,
  registration_url: null,
  agreement_id: null,
  axis_id: null,
  visibility: "public",
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-02T00:00:00.000Z",
  ...over,
});

const render = (name: string, rows: EventRow[]) =>
  renderCalendar(
    name,
    rows.map((r) => ({ row: r, audiences: ["students"] })),
    (id) => `https://partnerships.example.org/events/${id}`,
  );

function parse(text: string) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

describe("the iCal calendar of events", () => {
  it("cleans text stored before control characters were refused", () => {
    const text = render("Feed", [
      row({
        title: "Open\u001b[1m day\u0007",
        description: "First\u0000 line\r\nsecond\u009b line",
        place: "Hall\u202e A",
      }),
    ]);
    const { events } = parse(text);
    expect(events[0]?.summary).toBe("Open[1m day");
    expect(events[0]?.description).toBe("First line\nsecond line");
    expect(events[0]?.location).toBe("Hall A");
  });

  it("keeps a partnership's title on one escaped line as the calendar's name", () => {
    const text = render("Accord; Lille, MEL\r\nX-INJECTED:1", []);
    expect(text).toContain("\r\nNAME:Accord\\; Lille\\, MEL X-INJECTED:1\r\n");
    expect(text).not.toMatch(/\r\nX-INJECTED/);
  });

  it("names a zone as the event does, with the rules of the zone it shares them with", () => {
    const { calendar, events } = parse(render("Feed", [row({ time_zone: "Europe/Stockholm" })]));
    expect(calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual([
      "Europe/Stockholm",
    ]);
    expect(events[0]?.startDate.zone?.tzid).toBe("Europe/Stockholm");
    expect(events[0]?.startDate.toString()).toBe("2026-03-10T10:00:00");
  });

  it("writes in UTC an event whose zone has no published definition", () => {
    const text = render("Feed", [row({ time_zone: "UTC" })]);
    expect(text).toContain("DTSTART:20260310T090000Z");
    expect(text).not.toContain("VTIMEZONE");
  });

  it("says how to register and whom to ask in the description", () => {
    const { events } = parse(
      render("Feed", [
        row({
          registration_url: "https://events.example.org/open-day",
          registration_deadline: "2026-03-01T22:59:00.000Z",
          contact_name: 'Ann "Nan" Lind',
          contact_email: "ann@example.org",
          contact_phone: "+46 13 28 10 00",
        }),
      ]),
    );
    expect(events[0]?.description).toBe(
      'Registration: https://events.example.org/open-day — closes 1 Mar 2026, 23:59 (Europe/Paris)\n\nContact: Ann "Nan" Lind · ann@example.org · +46 13 28 10 00',
    );
    expect(events[0]?.organizer).toBe("mailto:ann@example.org");
    expect(events[0]?.component.getFirstProperty("organizer")?.getParameter("cn")).toBe("Ann Nan Lind");
    expect(events[0]?.component.getFirstPropertyValue("categories")).toBe("students");
  });
});
