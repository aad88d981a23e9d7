import type { Audience, Visibility } from "@conventio/domain";

export interface EventTable {
  id: string;
  title: string;
  description: string | null;
  starts_at: string; // UTC ISO instant
  ends_at: string | null;
  time_zone: string; // IANA zone the event is held in
  place: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  registration_deadline: string | null;
  registration_url: string | null;
  agreement_id: string | null;
  axis_id: string | null;
  visibility: Visibility;
  created_at: string;
  updated_at: string;
}

/** Who an event is for: one row per audience. */
export interface EventAudienceTable {
  event_id: string;
  audience: Audience;
}

export interface NewsPostTable {
  id: string;
  lang: string;
  title: string;
  summary: string | null;
  body: string;
  translations: string; // JSON [{lang, title, body}]
  category: string | null;
  agreement_id: string | null;
  author_id: string | null;
  author_name: string;
  status: "draft" | "published";
  published_on: string | null;
  created_at: string;
  updated_at: string;
  source_outlet: string | null; // the outlet a relayed article first appeared in
  source_url: string | null;
  source_published_on: string | null;
}

export interface NewsTagTable {
  post_id: string;
  tag: string;
  label: string;
}

export interface NewsCommentTable {
  id: string;
  post_id: string;
  user_id: string | null;
  author_name: string;
  body: string;
  status: "pending" | "approved" | "removed";
  created_at: string;
  moderated_by: string | null;
  moderated_at: string | null;
}
