import type { ExportQuery, OrganisationListQuery, OrganisationSummary, PersonView } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { OrganisationService } from "#modules/organisations/organisation.service.js";
import type { PersonService } from "#modules/people/person.service.js";
import { type ExportDefinition, groupBy, importColumns } from "./export-definition.js";
import { organisationExtras, organisationNames } from "./exports.repository.js";

type Names = Awaited<ReturnType<typeof organisationNames>>;

/**
 * How a sheet names an organisation: by its name, which the import finds again, unless another
 * organisation shares it or it holds the separator of a list cell; then by its id.
 */
export function organisationLabel(names: Names, id: string | null | undefined): string | null {
  if (!id) return null;
  const known = names.get(id);
  return known && !known.shared && !known.name.includes(";") ? known.name : id;
}

type Extras = Awaited<ReturnType<typeof organisationExtras>>;
interface OrganisationExtra {
  rows: Extras["rows"];
  identifiers: Map<string, Extras["identifiers"]>;
  parents: Names;
}

const identifier =
  (scheme: string) =>
  (o: OrganisationSummary, x: OrganisationExtra): string[] =>
    (x.identifiers.get(o.id) ?? []).filter((i) => i.scheme === scheme).map((i) => i.value);

export const organisationColumns = importColumns<OrganisationSummary, OrganisationExtra>("organisations", {
  id: (o) => o.id,
  name: (o) => o.name,
  kind: (o) => o.kind,
  acronym: (o) => o.acronym,
  countryCode: (o) => o.countryCode,
  city: (o) => o.city,
  website: (o, x) => x.rows.get(o.id)?.website,
  description: (o, x) => x.rows.get(o.id)?.description,
  visibility: (o) => o.visibility,
  parent: (o, x) => organisationLabel(x.parents, x.rows.get(o.id)?.parent_id),
  ror: identifier("ror"),
  erasmusCode: identifier("erasmus"),
  pic: identifier("pic"),
  oid: identifier("oid"),
  schac: identifier("schac"),
});

export function organisationExport(
  db: Kysely<DB>,
  organisations: Pick<OrganisationService, "listOrganisations">,
): ExportDefinition<OrganisationListQuery, OrganisationSummary> {
  return {
    sheet: "organisations",
    header: organisationColumns.header,
    page: (actor, query, lang, cursor, limit) =>
      organisations.listOrganisations(actor, { ...query, cursor, limit }, lang),
    async rows(items) {
      const extras = await organisationExtras(
        db,
        items.map((o) => o.id),
      );
      const parentIds = [...extras.rows.values()].map((r) => r.parent_id).filter((p): p is string => !!p);
      const extra: OrganisationExtra = {
        rows: extras.rows,
        identifiers: groupBy(extras.identifiers, (i) => i.organisation_id),
        parents: await organisationNames(db, parentIds),
      };
      return items.map((o) => organisationColumns.row(o, extra));
    },
  };
}

/**
 * The role a row shows when a person holds several: a current one before an ended one, then the
 * most recently begun. One row per person keeps the sheet the list's rows; an import adds the
 * role to the person's roles, so the row imports again unchanged.
 */
function principalRole(person: PersonView): PersonView["roles"][number] | null {
  const ranked = [...person.roles].sort(
    (a, b) =>
      Number(a.until !== null) - Number(b.until !== null) ||
      (b.since ?? "").localeCompare(a.since ?? "") ||
      a.role.localeCompare(b.role),
  );
  return ranked[0] ?? null;
}

export const personColumns = importColumns<PersonView, Names>("people", {
  id: (p) => p.id,
  givenName: (p) => p.givenName,
  familyName: (p) => p.familyName,
  title: (p) => p.title,
  email: (p) => p.email,
  phone: (p) => p.phone,
  organisation: (p, names) => organisationLabel(names, p.organisation?.id),
  languages: (p) => p.languages,
  namedInPublic: (p) => p.namedInPublic,
  publicContact: (p) => p.publicContact,
  role: (p) => principalRole(p)?.role,
  roleOrganisation: (p, names) => organisationLabel(names, principalRole(p)?.organisation?.id),
  roleFrom: (p) => principalRole(p)?.since,
  roleTo: (p) => principalRole(p)?.until,
});

export function personExport(
  db: Kysely<DB>,
  people: Pick<PersonService, "listPeople">,
): ExportDefinition<ExportQuery<"people">, PersonView> {
  return {
    sheet: "people",
    header: personColumns.header,
    page: (actor, query, lang, cursor, limit) => people.listPeople(actor, { ...query, cursor, limit }, lang),
    async rows(items) {
      const ids = items.flatMap((p) => [p.organisation?.id, principalRole(p)?.organisation?.id]);
      const names = await organisationNames(
        db,
        [...new Set(ids)].filter((id): id is string => !!id),
      );
      return items.map((p) => personColumns.row(p, names));
    },
  };
}
