import { ActivityInput } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import { fundingDraftOf, fundingInputOf } from "./activity-funding";

const granted = {
  funder: "Région Hauts-de-France",
  programme: "STIMULE",
  amountAsked: 150_000,
  amountGranted: 120_000,
  currency: "EUR",
  deadline: "2023-10-15",
  outcome: "granted" as const,
  startsOn: "2024",
  endsOn: "2026-06",
};

describe("activity funding drafts", () => {
  it("sends nothing for an activity not marked as funded, but always a bid's funding", () => {
    const empty = fundingDraftOf();
    expect(empty.funded).toBe(false);
    expect(fundingInputOf("research_project", empty)).toBeNull();
    expect(fundingInputOf("funding_bid", empty)).toMatchObject({ funder: "", currency: "EUR", outcome: "pending" });
  });

  it("gives back recorded funding with its period as written, on any kind of activity", () => {
    const input = fundingInputOf("research_project", fundingDraftOf(granted));
    expect(input).toEqual(granted);
    const parsed = ActivityInput.parse({ kind: "research_project", title: "Hydrogen valley", funding: input });
    expect(parsed.funding).toMatchObject({ startsOn: "2024", endsOn: "2026-06", amountGranted: 120_000 });
  });

  it("leaves blank amounts, programme and period out", () => {
    const draft = { ...fundingDraftOf(), funded: true, funder: "ANR", programme: " ", asked: "", startsOn: "" };
    expect(fundingInputOf("seminar", draft)).toMatchObject({
      programme: null,
      amountAsked: null,
      amountGranted: null,
      startsOn: null,
      endsOn: null,
    });
  });
});
