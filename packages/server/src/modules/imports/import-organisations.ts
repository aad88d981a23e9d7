import {
  countryCodeOf,
  CreateOrganisationInput,
  foldText,
  type IdentifierScheme,
  type ImportRowOutcome,
  type UpdateOrganisationInput,
} from "@conventio/domain";
import {
  findOrganisation,
  holdersOfIdentifiers,
  identifiersOf,
} from "#modules/organisations/organisation.repository.js";
import type { KindImporter } from "./import-kind.js";
import { resolveOrganisation } from "./import-refs.js";
import { outcome, type RowNote, type RowReader, topField } from "./import-row.js";
import type { Writers } from "./import-writers.js";

/** Identifier columns and the scheme each holds. */
const IDENTIFIER_FIELDS: ReadonlyArray<[field: string, scheme: IdentifierScheme]> = [
  ["ror", "ror"],
  ["erasmusCode", "erasmus"],
  ["pic", "pic"],
  ["oid", "oid"],
  ["schac", "schac"],
];

interface OrganisationRowInput {
  id: string | null;
  parent: string | null;
  input: CreateOrganisationInput;
  /** The identifier field of each identifier, by position. */
  identifierFields: string[];
  /** Fields the row gives a value for. */
  given: Set<string>;
}

type Stored = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;
type Ident = { scheme: IdentifierScheme; value: string };

const sameText = (a: string | null, b: string | null) => (a ? foldText(a) : "") === (b ? foldText(b) : "");

/** The patch that brings the stored organisation to what the row gives; empty when nothing differs. */
function patchOf(v: OrganisationRowInput, stored: Stored, held: Ident[], parentId: string | null) {
  const { input, given } = v;
  const patch: UpdateOrganisationInput = {};
  if (!sameText(stored.name, input.name)) patch.name = input.name;
  if (given.has("kind") && input.kind !== stored.kind) patch.kind = input.kind;
  if (given.has("acronym") && input.acronym !== stored.acronym) patch.acronym = input.acronym;
  if (given.has("countryCode") && input.countryCode !== stored.country_code) patch.countryCode = input.countryCode;
  if (given.has("city") && !sameText(input.city, stored.city)) patch.city = input.city;
  if (given.has("website") && input.website !== stored.website) patch.website = input.website;
  if (given.has("description") && input.description !== stored.description) patch.description = input.description;
  if (given.has("visibility") && input.visibility !== stored.visibility) patch.visibility = input.visibility;
  if (parentId && parentId !== stored.parent_id) patch.parentId = parentId;
  const added = input.identifiers.filter((i) => !held.some((h) => h.scheme === i.scheme && h.value === i.value));
  if (added.length > 0) patch.identifiers = [...held, ...added];
  return patch;
}

/** Schemes an organisation holds one value of; Erasmus codes are reissued, so one may hold several. */
const SINGLE_VALUED: ReadonlySet<IdentifierScheme> = new Set(["ror", "pic", "oid", "schac"]);

/** The row's identifiers that a stored organisation holds another value of, for a scheme it holds only one of. */
function conflicting(row: Ident[], held: Ident[]): Ident[] {
  return row.filter(
    (i) =>
      SINGLE_VALUED.has(i.scheme) &&
      held.some((h) => h.scheme === i.scheme) &&
      !held.some((h) => h.scheme === i.scheme && h.value === i.value),
  );
}

/** How well a stored organisation fits the row: identifiers in common, less single-valued ones that differ. */
function fit(row: Ident[], held: Ident[]): number {
  const common = row.filter((i) => held.some((h) => h.scheme === i.scheme && h.value === i.value)).length;
  return common - conflicting(row, held).length;
}

/** Website cells as offices and lists write them: "www. x.fr", "http//x.fr", two addresses with a slash. */
export function websiteOf(text: string): string | null {
  const whole = text.replace(/^(https?)\/\//i, "$1://").replace(/^(https?):?\/\/?(?=[^/])/i, "$1://");
  const listed = whole.split(/\s+\/\s+|\s*;\s*/);
  const candidates = [whole, ...listed, whole.replace(/\s+/g, ""), ...whole.split(/\s+/)];
  for (const c of candidates) {
    if (!c || c.includes("@") || /\s/.test(c)) continue;
    const parsed = CreateOrganisationInput.shape.website.safeParse(c);
    if (parsed.success && parsed.data && /\.[a-z]{2,}(\/|$)/i.test(`${new URL(parsed.data).hostname}/`))
      return parsed.data;
  }
  return null;
}

async function heldBy(w: Writers, id: string): Promise<Ident[]> {
  return (await identifiersOf(w.db, [id])).get(id) ?? [];
}

/** The organisation the row's id or identifiers point to, and the identifiers it cannot take. */
async function matchByIdentifiers(w: Writers, v: OrganisationRowInput, r: RowReader) {
  const { identifiers } = v.input;
  let match: Stored | undefined;
  if (v.id) {
    match = await findOrganisation(w.db, v.id);
    if (!match) {
      r.fail("id", "No organisation has this id.");
      return null;
    }
  }
  const holders = await holdersOfIdentifiers(w.db, identifiers, null);
  const heldByHolder = new Map<string, Ident[]>();
  for (const h of holders) if (!heldByHolder.has(h.id)) heldByHolder.set(h.id, await heldBy(w, h.id));
  if (!match) {
    // The holder the row fits best, if it fits at all.
    let best: { id: string; score: number } | undefined;
    for (const [id, held] of heldByHolder) {
      const score = fit(identifiers, held);
      if (score > 0 && (!best || score > best.score)) best = { id, score };
    }
    if (best) match = await findOrganisation(w.db, best.id);
  }
  const held = match ? (heldByHolder.get(match.id) ?? (await heldBy(w, match.id))) : [];
  const contested: Ident[] = [];
  for (const i of identifiers) {
    const other = holders.find((h) => h.scheme === i.scheme && h.value === i.value && h.id !== match?.id);
    if (other) {
      contested.push(i);
      r.note("{{value}} already identifies {{name}}; it was left out.", { value: i.value, name: other.name });
    }
  }
  if (match) {
    for (const i of conflicting(identifiers, held)) {
      contested.push(i);
      r.note("{{name}} has another {{scheme}}; the row's {{value}} was left out.", {
        name: match.name,
        scheme: i.scheme,
        value: i.value,
      });
    }
  }
  const kept = identifiers.filter((i) => !contested.includes(i));
  return { match, held, kept, byIdentifier: Boolean(match && !v.id) };
}

export const organisationImporter: KindImporter<OrganisationRowInput> = {
  fallback: "name",

  fieldOf(path, v) {
    const m = /^identifiers\.(\d+)/.exec(path);
    if (m) return v.identifierFields[Number(m[1])] ?? "name";
    const top = topField(path);
    return top === "parentId" ? "parent" : top;
  },

  read(r: RowReader): OrganisationRowInput | null {
    const given = new Set(
      ["kind", "acronym", "countryCode", "city", "website", "description", "visibility"].filter((f) => r.text(f)),
    );
    const identifiers: Ident[] = [];
    const identifierFields: string[] = [];
    for (const [field, scheme] of IDENTIFIER_FIELDS) {
      const value = r.text(field);
      if (value) {
        identifiers.push({ scheme, value });
        identifierFields.push(field);
      }
    }
    const country = r.text("countryCode");
    const parent = r.text("parent");
    const websiteText = r.text("website");
    const website = websiteText ? websiteOf(websiteText) : null;
    if (websiteText && !website) {
      given.delete("website");
      r.note("{{value}} is not a web address; it was left out.", { value: websiteText });
    }
    const parsed = CreateOrganisationInput.safeParse({
      kind: r.text("kind")?.toLowerCase() ?? "university",
      name: r.text("name") ?? "",
      acronym: r.text("acronym"),
      countryCode: country ? (countryCodeOf(country) ?? country) : null,
      city: r.text("city"),
      website,
      description: r.text("description"),
      visibility: r.text("visibility")?.toLowerCase() ?? "internal",
      parentId: parent ? "parent" : null,
      identifiers,
      confirmDuplicate: true,
    });
    if (!parsed.success) {
      r.addIssues(parsed.error.issues, (path) => {
        if (path[0] === "identifiers") return identifierFields[Number(path[1])] ?? "name";
        return path[0] === "parentId" ? "parent" : String(path[0] ?? "name");
      });
      return null;
    }
    return { id: r.text("id"), parent, input: parsed.data, identifierFields, given };
  },

  async write(v, w, actor, r): Promise<ImportRowOutcome | null> {
    const label = v.input.name;
    const parentId = v.parent ? ((await resolveOrganisation(w.db, r, "parent", v.parent))?.id ?? null) : null;
    if (v.parent && !parentId) return null;
    const found = await matchByIdentifiers(w, v, r);
    if (!found) return null;
    const input = { ...v.input, identifiers: found.kept, parentId };
    let { match } = found;
    let note: RowNote | undefined;
    if (!match) {
      // No identifier matches: a likely duplicate by name in the same place is merged when no
      // identifier disagrees, else the row is created beside it and the likeness reported.
      for (const c of await w.organisations.suggestDuplicates(actor, input)) {
        const stored = await findOrganisation(w.db, c.id);
        if (!stored) continue;
        const sameName = sameText(stored.name, input.name);
        const samePlace = stored.country_code === input.countryCode && sameText(stored.city, input.city);
        if (sameName && samePlace && conflicting(input.identifiers, await heldBy(w, stored.id)).length === 0) {
          match = stored;
          note = {
            template: "Merged with {{name}}: same name in {{city}}, and no identifier differs.",
            params: { name: stored.name, city: stored.city ?? "" },
          };
          break;
        }
        note ??= {
          template: "Created beside {{name}} ({{reason}}), whose identifiers differ.",
          params: { name: stored.name, reason: c.reason },
        };
      }
    }
    if (!match) {
      const created = await w.organisations.createOrganisation(actor, input);
      return outcome(r.row, "create", created.id, label, note);
    }
    const held = match.id === found.match?.id ? found.held : await heldBy(w, match.id);
    const patch = patchOf({ ...v, input }, match, held, parentId);
    if (Object.keys(patch).length === 0) return outcome(r.row, "unchanged", match.id, label, note);
    if (!note && patch.identifiers && found.byIdentifier) {
      note = {
        template: "Matched {{name}} by an identifier; the row's other identifiers were added.",
        params: { name: match.name },
      };
    }
    await w.organisations.updateOrganisation(actor, match.id, patch);
    return outcome(r.row, "update", match.id, label, note);
  },
};
