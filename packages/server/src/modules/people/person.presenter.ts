import type { OrganisationRef, PersonView } from "@conventio/domain";
import type { Selectable } from "kysely";
import type { PersonRoleTable, PersonTable } from "./person.table.js";

export function presentPerson(
  row: Selectable<PersonTable>,
  roles: Selectable<PersonRoleTable>[],
  refs: Map<string, OrganisationRef>,
): PersonView {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    title: row.title,
    organisation: (row.organisation_id && refs.get(row.organisation_id)) || null,
    email: row.email,
    phone: row.phone,
    languages: JSON.parse(row.languages) as string[],
    namedInPublic: row.named_in_public === 1,
    publicContact: row.public_contact === 1,
    roles: roles.map((r) => ({
      id: r.id,
      role: r.role,
      organisation: (r.organisation_id && refs.get(r.organisation_id)) || null,
      since: r.since,
      until: r.until,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
