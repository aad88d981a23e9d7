import type { ActivityKind } from "@conventio/domain";
import type { Generated } from "kysely";

export interface ActivityTable {
  id: string;
  kind: ActivityKind;
  title: string;
  description: string | null;
  status: "planned" | "ongoing" | "completed" | "cancelled";
  starts_on: string | null;
  ends_on: string | null;
  starts_on_precision: Generated<"day" | "month" | "year">;
  ends_on_precision: Generated<"day" | "month" | "year">;
  sort_key: string; // start date (or creation date) then nothing else: newest first
  sort_title: Generated<string>; // the folded title, for the title sort (migration 036)
  agreement_id: string | null;
  axis_id: string | null;
  partner_id: string | null; // the first partner, kept on the row for the exchange balance
  owner_id: string | null;
  place: string | null;
  laboratories: string; // JSON string[]
  direction: "incoming" | "outgoing" | null;
  level: string | null;
  academic_year: string | null;
  participants: number | null;
  participant_id: string | null; // a person, when the mobility is one individual record
  funding: string | null; // JSON
  created_at: string;
  updated_at: string;
}

export interface ActivityPartnerTable {
  activity_id: string;
  organisation_id: string;
}

export interface IndicatorTable {
  id: string;
  agreement_id: string | null;
  axis_id: string | null;
  name: string;
  unit: string;
  baseline: number | null;
  baseline_year: number | null;
  target: number | null;
  target_year: number | null;
  created_at: string;
}

export interface IndicatorValueTable {
  indicator_id: string;
  year: number;
  value: number;
  recorded_at: string;
}
