import type { ActivityKind, ActivityView, BID_OUTCOMES } from "@conventio/domain";

type Outcome = (typeof BID_OUTCOMES)[number];

/** The funding part of an activity form, text and numbers as typed. */
export interface FundingDraft {
  /** Whether an activity other than a funding bid is funded at all; a bid always is. */
  funded: boolean;
  funder: string;
  programme: string;
  asked: number | string;
  granted: number | string;
  currency: string;
  deadline: string;
  outcome: Outcome;
  startsOn: string;
  endsOn: string;
}

export function fundingDraftOf(f?: ActivityView["funding"]): FundingDraft {
  return {
    funded: !!f,
    funder: f?.funder ?? "",
    programme: f?.programme ?? "",
    asked: f?.amountAsked ?? "",
    granted: f?.amountGranted ?? "",
    currency: f?.currency ?? "EUR",
    deadline: f?.deadline ?? "",
    outcome: f?.outcome ?? "pending",
    startsOn: f?.startsOn ?? "",
    endsOn: f?.endsOn ?? "",
  };
}

/** A funding bid always carries its funding; any other activity only once marked as funded. */
export function carriesFunding(kind: ActivityKind | null, d: FundingDraft): boolean {
  return kind === "funding_bid" || d.funded;
}

const num = (v: number | string) => (typeof v === "number" ? v : null);
const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The funding as the API takes it, or null when the activity carries none; the domain schema then checks it. */
export function fundingInputOf(kind: ActivityKind | null, d: FundingDraft) {
  if (!carriesFunding(kind, d)) return null;
  return {
    funder: d.funder,
    programme: orNull(d.programme),
    amountAsked: num(d.asked),
    amountGranted: num(d.granted),
    currency: d.currency,
    deadline: orNull(d.deadline),
    outcome: d.outcome,
    startsOn: orNull(d.startsOn),
    endsOn: orNull(d.endsOn),
  };
}
