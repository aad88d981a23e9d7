import { describe, expect, it } from "vitest";
import { actionReminder, addMonths, agreementReminders } from "./reminder-rules.js";

const s = { expiringWindowDays: 90, reviewMonthsBefore: 9, actionDueDays: 7 };

describe("reminder rules", () => {
  it("adds months and keeps to the last day of short months", () => {
    expect(addMonths("2024-08-31", -6)).toBe("2024-02-29");
    expect(addMonths("2027-06-30", -9)).toBe("2026-09-30");
  });
  it("asks for a review months ahead, then warns of the expiry, then of the end", () => {
    const a = { id: "a1", endsOn: "2027-06-30" };
    expect(agreementReminders(a, "2026-09-29", s)).toEqual([]);
    expect(agreementReminders(a, "2026-09-30", s).map((r) => r.kind)).toEqual(["review"]);
    expect(agreementReminders(a, "2027-04-01", s).map((r) => r.kind)).toEqual(["review", "expiring"]);
    expect(agreementReminders(a, "2027-07-01", s)).toEqual([{ kind: "expired", key: "expired:a1:2027-06-30" }]);
    expect(agreementReminders({ id: "b", endsOn: null }, "2027-07-01", s)).toEqual([]);
  });
  it("reminds of an action a week before it is due", () => {
    expect(actionReminder({ id: "x", dueOn: "2021-12-31" }, "2021-12-23", s)).toBeNull();
    expect(actionReminder({ id: "x", dueOn: "2021-12-31" }, "2021-12-24", s)).toBe("action:x:2021-12-31");
  });
});

describe("notice reminder", () => {
  it("warns a month before the notice period of a tacitly renewed agreement starts", () => {
    const a = { id: "n", endsOn: "2027-06-30", noticeMonths: 6 };
    expect(agreementReminders(a, "2026-11-29", s).map((r) => r.kind)).not.toContain("notice");
    expect(agreementReminders(a, "2026-12-01", s).map((r) => r.kind)).toContain("notice");
    expect(agreementReminders(a, "2027-01-01", s).map((r) => r.kind)).not.toContain("notice");
  });
});
