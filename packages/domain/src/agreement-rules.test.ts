import { describe, expect, it } from "vitest";
import { allowedActions, effectiveStatus, transitionViolations } from "./agreement-rules.js";

const facts = {
  status: "awaiting_signature" as const,
  signedOn: "2019-06-20",
  startsOn: "2019-07-01",
  endsOn: "2024-06-30",
  signatories: 2,
  parties: 2,
};

describe("effectiveStatus", () => {
  it("turns an active agreement expiring, then expired, as the clock moves", () => {
    expect(effectiveStatus("active", "2024-06-30", "2023-06-01", 180)).toBe("active");
    expect(effectiveStatus("active", "2024-06-30", "2024-03-01", 180)).toBe("expiring");
    expect(effectiveStatus("active", "2024-06-30", "2024-07-01", 180)).toBe("expired");
    expect(effectiveStatus("active", null, "2099-01-01", 180)).toBe("active");
    expect(effectiveStatus("terminated", "2024-06-30", "2030-01-01", 180)).toBe("terminated");
  });
});

describe("transition rules", () => {
  it("activates only with a signature date, signatories and two parties", () => {
    expect(transitionViolations("activate", facts, { on: null, reason: null })).toEqual([]);
    const fields = transitionViolations(
      "activate",
      { ...facts, signedOn: null, signatories: 0, parties: 1 },
      { on: null, reason: null },
    ).map((v) => v.field);
    expect(fields).toEqual(["signedOn", "signatories", "parties"]);
  });
  it("terminates only with a date not before the start, and a reason", () => {
    const active = { ...facts, status: "active" as const };
    expect(transitionViolations("terminate", active, { on: null, reason: null }).map((v) => v.field)).toEqual([
      "on",
      "reason",
    ]);
    expect(transitionViolations("terminate", active, { on: "2019-01-01", reason: "x" }).map((v) => v.field)).toEqual([
      "on",
    ]);
    expect(
      transitionViolations("terminate", active, { on: "2021-01-01", reason: "Merged into a new framework" }),
    ).toEqual([]);
  });
  it("refuses an action from a status it does not start from", () => {
    expect(
      transitionViolations("terminate", { ...facts, status: "draft" }, { on: "2021-01-01", reason: "x" })[0]?.field,
    ).toBe("action");
  });
  it("offers renewal to active, expiring and expired agreements only", () => {
    expect(allowedActions("expired")).toEqual(["renew"]);
    expect(allowedActions("active")).toEqual(["terminate", "renew"]);
    expect(allowedActions("draft")).toEqual(["start_negotiation", "request_signature", "activate"]);
  });
});
