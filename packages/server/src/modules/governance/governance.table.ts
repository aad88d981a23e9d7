import type { Generated } from "kysely";
export interface GovernanceBodyTable {
  id: string;
  agreement_id: string;
  kind: "steering" | "working_group";
  name: string;
  theme: string | null;
  created_at: string;
}

export interface BodyMemberTable {
  id: string;
  body_id: string;
  person_id: string | null;
  organisation_id: string | null;
  role: string;
  starts_on: string | null;
  ends_on: string | null;
  student_representative: number;
}

export interface MeetingTable {
  id: string;
  body_id: string;
  agreement_id: string;
  held_on: string;
  held_on_precision: Generated<"day" | "month" | "year">;
  visibility: Generated<"internal" | "public">;
  place: string | null;
  agenda: string | null;
  minutes: string | null;
  decisions: string; // JSON string[]
  created_at: string;
}

export interface ActionItemTable {
  id: string;
  title: string;
  agreement_id: string | null;
  meeting_id: string | null;
  owner_id: string | null;
  due_on: string | null;
  status: "open" | "done" | "cancelled";
  created_at: string;
  updated_at: string;
}
