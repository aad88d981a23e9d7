import { describe, expect, it } from "vitest";
import { dayIn, isoToZoned, zonedToIso, zoneName } from "./time-zone";

describe("time zones", () => {
  it("gives a summer afternoon in Paris its +02:00 offset", () => {
    expect(zonedToIso("2026-09-20T14:00", "Europe/Paris")).toBe("2026-09-20T14:00:00+02:00");
  });

  it("gives a winter morning in Paris +01:00 and one in Tokyo +09:00", () => {
    expect(zonedToIso("2026-01-15T09:30", "Europe/Paris")).toBe("2026-01-15T09:30:00+01:00");
    expect(zonedToIso("2026-01-15T09:30", "Asia/Tokyo")).toBe("2026-01-15T09:30:00+09:00");
  });

  it("handles zones west of Greenwich", () => {
    expect(zonedToIso("2026-07-01T08:00", "America/Sao_Paulo")).toBe("2026-07-01T08:00:00-03:00");
  });

  it("turns an instant back into the wall-clock time and day of the place", () => {
    expect(isoToZoned("2026-09-20T12:00:00Z", "Europe/Paris")).toBe("2026-09-20T14:00");
    expect(dayIn("2026-09-20T23:30:00Z", "Asia/Tokyo")).toBe("2026-09-21");
  });
});

describe("zoneName", () => {
  it("names a zone in the reader's language, summer and winter apart", () => {
    expect(zoneName("en", "Europe/Paris", new Date("2026-07-01T12:00:00Z"))).toBe("Central European Summer Time");
    expect(zoneName("en", "Europe/Paris", new Date("2026-12-01T12:00:00Z"))).toBe("Central European Standard Time");
    expect(zoneName("fr", "America/New_York", new Date("2026-12-01T12:00:00Z"))).toBe(
      "heure normale de l’Est nord-américain",
    );
  });
});
