import {
  CreateOrganisationInput,
  countryCodeOf,
  foldText,
  hostOf,
  type IdentifierScheme,
  type ImportRowOutcome,
  type UpdateOrganisationInput,
} from "@conventio/domain";
import type { OrganisationRow } from "#modules/organisations/organisation.repository.js";
import { guarded, type KindImporter } from "./import-kind.js";
import { type Ident, OrganisationStage, type StageWants } from "./import-organisation-stage.js";
import { outcome, type RowNote, type RowReader, topField } from "./import-row.js";

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

type Stored = OrganisationRow;

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

/** The organisation the row's id or identifiers point to, and the identifiers it cannot take. */
function matchByIdentifiers(stage: OrganisationStage, v: OrganisationRowInput, r: RowReader) {
  const { identifiers } = v.input;
  let match: Stored | undefined;
  if (v.id) {
    match = stage.find(v.id);
    if (!match) {
      r.fail("id", "No organisation has this id.");
      return null;
    }
  }
  const holders = stage.holdersOf(identifiers);
  if (!match) {
    // The holder the row fits best, if it fits at all.
    let best: { id: string; score: number } | undefined;
    for (const id of new Set(holders.map((h) => h.id))) {
      const score = fit(identifiers, stage.identifiersOf(id));
      if (score > 0 && (!best || score > best.score)) best = { id, score };
    }
    if (best) match = stage.find(best.id);
  }
  const held = match ? stage.identifiersOf(match.id) : [];
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

/** A change to an organisation the store holds, made once every creation is written. */
interface StoredChange {
  v: OrganisationRowInput;
  r: RowReader;
  id: string;
  patch: UpdateOrganisationInput;
}

/**
 * What a row does, decided against the stage: create, update or leave an organisation. The stage
 * takes the change at once, so the next rows meet the organisations as this row leaves them.
 */
function decide(stage: OrganisationStage, v: OrganisationRowInput, r: RowReader, changes: StoredChange[]) {
  const label = v.input.name;
  const parentId = v.parent ? (stage.resolve(r, "parent", v.parent)?.id ?? null) : null;
  if (v.parent && !parentId) return null;
  const found = matchByIdentifiers(stage, v, r);
  if (!found) return null;
  const input = { ...v.input, identifiers: found.kept, parentId };
  let { match } = found;
  let note: RowNote | undefined;
  if (!match) {
    // No identifier matches: a likely duplicate by name in the same place is merged when no
    // identifier disagrees, else the row is created beside it and the likeness reported.
    for (const c of stage.duplicates(input)) {
      const stored = stage.find(c.id);
      if (!stored) continue;
      const sameName = sameText(stored.name, input.name);
      const samePlace = stored.country_code === input.countryCode && sameText(stored.city, input.city);
      if (sameName && samePlace && conflicting(input.identifiers, stage.identifiersOf(stored.id)).length === 0) {
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
  if (!match) return outcome(r.row, "create", stage.create(input), label, note);
  const patch = patchOf({ ...v, input }, match, stage.identifiersOf(match.id), parentId);
  if (Object.keys(patch).length === 0) return outcome(r.row, "unchanged", match.id, label, note);
  if (patch.parentId && !stage.createdBefore(patch.parentId, match.id)) {
    r.fail("parent", "Give the parent before its units in the file.");
    return null;
  }
  if (!note && patch.identifiers && found.byIdentifier) {
    note = {
      template: "Matched {{name}} by an identifier; the row's other identifiers were added.",
      params: { name: match.name },
    };
  }
  stage.update(match.id, patch);
  if (!stage.created.has(match.id)) changes.push({ v, r, id: match.id, patch });
  return outcome(r.row, "update", match.id, label, note);
}

/** What the rows ask of the store. */
function wantsOf(values: readonly OrganisationRowInput[]): StageWants {
  return {
    ids: values.flatMap((v) => (v.id ? [v.id] : [])),
    identifiers: values.flatMap((v) => v.input.identifiers),
    parents: values.flatMap((v) => (v.parent ? [v.parent] : [])),
    hosts: values.flatMap((v) => hostOf(v.input.website) ?? []),
    places: values.flatMap((v) =>
      v.input.countryCode && v.input.city ? [[v.input.countryCode, foldText(v.input.city)] as [string, string]] : [],
    ),
  };
}

/** New organisations per call of the bulk create, so progress moves while they are written. */
const CREATE_BATCH = 2000;

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

  async writeAll(entries, w, actor, progress) {
    const stage = await OrganisationStage.load(w.db, wantsOf(entries.map((e) => e.value)), new Date().toISOString());
    const out = new Map<RowReader, ImportRowOutcome>();
    const changes: StoredChange[] = [];
    const half = Math.floor(entries.length / 2);
    for (const [i, { value, r }] of entries.entries()) {
      const decided = decide(stage, value, r, changes);
      if (decided) out.set(r, decided);
      await progress(Math.floor(i / 2));
    }
    const created = [...stage.created].map(([id, input]) => ({ id, input }));
    for (let i = 0; i < created.length; i += CREATE_BATCH) {
      await w.organisations.createOrganisations(actor, created.slice(i, i + CREATE_BATCH));
      await progress(half + Math.floor((i + CREATE_BATCH) / 2));
    }
    for (const { v, r, id, patch } of changes) {
      const written = await guarded(w.db, organisationImporter, v, r, async () => {
        await w.organisations.updateOrganisation(actor, id, patch);
        return out.get(r) ?? null;
      });
      if (!written) out.delete(r);
    }
    return out;
  },
};
