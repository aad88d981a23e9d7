import type { Generated } from "kysely";

export interface PersonTable {
  id: string;
  given_name: string;
  family_name: string;
  sort_name: string; // folded family then given name: the keyset key by name
  sort_title: Generated<string>; // folded title ("~" for none), a space, then sort_name: the keyset key by title
  title: string | null;
  organisation_id: string | null;
  email: string | null;
  phone: string | null;
  languages: string; // JSON string[]
  named_in_public: Generated<number>; // consent to be named on public pages
  public_contact: number; // consent to show e-mail and phone on public pages; implies named_in_public
  created_at: string;
  updated_at: string;
}

export interface PersonRoleTable {
  id: string;
  person_id: string;
  role: string;
  organisation_id: string | null;
  since: string | null;
  until: string | null;
}
