import type { Generated } from "kysely";
import type { AgreementKind, StoredStatus, Visibility } from "@conventio/domain";

export interface AgreementTable {
  id: string;
  reference: string;
  kind: AgreementKind;
  title: string;
  sort_key: string;
  titles: string; // JSON [{lang, value}]
  summary: string | null;
  summaries: string; // JSON [{lang, value}]
  status: StoredStatus;
  signed_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  signed_on_precision: Generated<"day" | "month" | "year">;
  starts_on_precision: Generated<"day" | "month" | "year">;
  ends_on_precision: Generated<"day" | "month" | "year">;
  language: Generated<string | null>;
  recorded_as_past: Generated<number>;
  notice_months: number | null;
  tacit_renewal: number;
  terminated_on: string | null;
  termination_reason: string | null;
  framework_id: string | null;
  predecessor_id: string | null;
  visibility: Visibility;
  internal_fields: string; // JSON GuardedField[]
  fields: string; // JSON ISCED codes
  objectives: string; // JSON string[]
  created_at: string;
  updated_at: string;
}

/** The managed vocabulary of themes; agreements may also carry free tags beside it. */
export interface ThemeTable {
  theme: string; // folded label, the key
  label: string;
  labels: string; // JSON [{lang, value}]
  created_at: string;
}

export interface AgreementPartyTable {
  agreement_id: string;
  organisation_id: string;
  role: "coordinator" | "partner" | "member" | "associate";
  responsible_unit_id: string | null;
  position: number;
}

export interface AgreementThemeTable {
  agreement_id: string;
  theme: string; // folded, for filtering
  label: string;
}

export interface AgreementSignatoryTable {
  id: string;
  agreement_id: string;
  person_id: string | null;
  name: string;
  title: Generated<string | null>;
  titles: Generated<string>; // JSON [{lang, value}]
  organisation_id: string | null;
  signed_on: string | null;
  signed_on_precision: Generated<"day" | "month" | "year">;
  place: string | null;
  position: number;
}

export interface AgreementAxisTable {
  id: string;
  agreement_id: string;
  kind: "operational" | "transversal" | "area";
  title: string;
  description: string | null;
  coordinator_ids: string; // JSON person ids
  objectives: string; // JSON string[]
  position: number;
}

export interface AgreementCommitmentTable {
  id: string;
  agreement_id: string;
  organisation_id: string | null;
  kind: string;
  description: string;
  levels: string; // JSON
  position: number;
}

export interface AgreementEventTable {
  id: string;
  agreement_id: string;
  at: string;
  actor_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
}
