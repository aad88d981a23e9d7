import {
  type CreateOrganisationInput,
  type DuplicateCandidate,
  foldText,
  hostOf,
  IDENTIFIER_SCHEMES,
  type IdentifierScheme,
  normaliseIdentifier,
  UNIQUE_SCHEMES,
  type UpdateOrganisationInput,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import {
  heldUniqueIdentifiers,
  identifiersOf,
  type OrganisationRow,
} from "#modules/organisations/organisation.repository.js";
import { duplicatesAmong, organisationRow } from "#modules/organisations/organisation-records.js";
import { chunksOf } from "#shared/chunks.js";
import { newId } from "#shared/ids.js";
import type { OrganisationRef } from "./import-refs.js";
import type { RowReader } from "./import-row.js";

export type Ident = { scheme: IdentifierScheme; value: string };

/** What a file's rows ask of the store: ids, identifiers, parents, and places and hosts to compare with. */
export interface StageWants {
  ids: string[];
  identifiers: Ident[];
  parents: string[];
  hosts: string[];
  /** Country code and folded city name. */
  places: Array<[string, string]>;
}

const LOOKUP_SCHEMES = IDENTIFIER_SCHEMES.filter((s): s is IdentifierScheme => UNIQUE_SCHEMES.has(s));
const identKey = (i: { scheme: string; value: string }) => `${i.scheme}\u0000${i.value}`;

function add(index: Map<string, Set<string>>, key: string | null, id: string): void {
  if (!key) return;
  const set = index.get(key) ?? new Set<string>();
  set.add(id);
  index.set(key, set);
}

/**
 * The organisations an import of organisations can meet, read from the store in a few queries
 * per few hundred rows, then kept in memory with every row's creations and changes applied in
 * file order. Each row is matched, compared and checked against it as the row-by-row rules did
 * against the store, and the writes are made afterwards in bulk.
 */
export class OrganisationStage {
  private readonly rows = new Map<string, OrganisationRow>();
  private readonly held = new Map<string, Ident[]>();
  private readonly holders = new Map<string, string>();
  private readonly byHost = new Map<string, Set<string>>();
  private readonly byPlace = new Map<string, Set<string>>();
  private readonly byName = new Map<string, Set<string>>();
  /** Organisations the file creates, in file order, with the input each is created from. */
  readonly created = new Map<string, CreateOrganisationInput>();

  private constructor(private readonly now: string) {}

  static async load(db: Kysely<DB>, wants: StageWants, now: string): Promise<OrganisationStage> {
    const stage = new OrganisationStage(now);
    const ids = new Set(wants.ids);
    const parentIds = wants.parents.flatMap((ref) =>
      LOOKUP_SCHEMES.flatMap((scheme) => {
        const n = normaliseIdentifier(scheme, ref);
        return n.ok ? [{ scheme, value: n.value }] : [];
      }),
    );
    for (const chunk of chunksOf([...wants.identifiers, ...parentIds])) {
      for (const h of await heldUniqueIdentifiers(db, chunk)) ids.add(h.organisation_id);
    }
    const byColumn = async (column: "id" | "website_host" | "sort_name" | "acronym", values: string[]) => {
      for (const chunk of chunksOf([...new Set(values)])) {
        const found = await db.selectFrom("organisation").select("id").where(column, "in", chunk).execute();
        for (const f of found) ids.add(f.id);
      }
    };
    await byColumn("id", wants.parents);
    await byColumn("website_host", wants.hosts);
    const citiesByCountry = new Map<string, Set<string>>();
    for (const [country, city] of wants.places) add(citiesByCountry, country, city);
    for (const [country, cities] of citiesByCountry) {
      for (const chunk of chunksOf([...cities])) {
        const found = await db
          .selectFrom("organisation")
          .select("id")
          .where("country_code", "=", country)
          .where("city_folded", "in", chunk)
          .execute();
        for (const f of found) ids.add(f.id);
      }
    }
    await byColumn("sort_name", wants.parents.map(foldText));
    await byColumn("acronym", wants.parents);
    for (const chunk of chunksOf([...ids])) {
      const rows = await db.selectFrom("organisation").selectAll().where("id", "in", chunk).execute();
      const held = await identifiersOf(db, chunk);
      for (const row of rows) stage.put(row, held.get(row.id) ?? []);
    }
    return stage;
  }

  private put(row: OrganisationRow, identifiers: Ident[]): void {
    const before = this.rows.get(row.id);
    if (before) this.forget(before);
    this.rows.set(row.id, row);
    this.held.set(row.id, identifiers);
    for (const i of identifiers) if (UNIQUE_SCHEMES.has(i.scheme)) this.holders.set(identKey(i), row.id);
    add(this.byHost, row.website_host, row.id);
    add(this.byPlace, row.country_code && row.city_folded ? `${row.country_code}|${row.city_folded}` : null, row.id);
    add(this.byName, row.sort_name, row.id);
    add(this.byName, row.acronym ? `acronym:${row.acronym}` : null, row.id);
  }

  private forget(row: OrganisationRow): void {
    for (const i of this.held.get(row.id) ?? []) this.holders.delete(identKey(i));
    this.byHost.get(row.website_host ?? "")?.delete(row.id);
    this.byPlace.get(`${row.country_code}|${row.city_folded}`)?.delete(row.id);
    this.byName.get(row.sort_name)?.delete(row.id);
    this.byName.get(`acronym:${row.acronym}`)?.delete(row.id);
  }

  find(id: string): OrganisationRow | undefined {
    return this.rows.get(id);
  }

  identifiersOf(id: string): Ident[] {
    return this.held.get(id) ?? [];
  }

  /** The organisations holding any of these unique identifiers, one entry per identifier held. */
  holdersOf(identifiers: readonly Ident[]): Array<Ident & { id: string; name: string }> {
    return identifiers.flatMap((i) => {
      const id = UNIQUE_SCHEMES.has(i.scheme) ? this.holders.get(identKey(i)) : undefined;
      const row = id ? this.rows.get(id) : undefined;
      return row ? [{ ...i, id: row.id, name: row.name }] : [];
    });
  }

  /** Likely duplicates of a new organisation: the same website's host, or a similar name in its city. */
  duplicates(input: CreateOrganisationInput): DuplicateCandidate[] {
    const host = hostOf(input.website);
    const city = input.city ? foldText(input.city) : null;
    const ids = new Set([
      ...(host ? (this.byHost.get(host) ?? []) : []),
      ...(city && input.countryCode ? (this.byPlace.get(`${input.countryCode}|${city}`) ?? []) : []),
    ]);
    const rows = [...ids].flatMap((id) => this.rows.get(id) ?? []);
    return duplicatesAmong(rows, input);
  }

  /**
   * The organisation a cell names: by id, by a unique identifier, or by its exact name or
   * acronym. Null, with the error on the row, when none or several match.
   */
  resolve(r: RowReader, field: string, ref: string): OrganisationRef | null {
    const byId = this.rows.get(ref);
    if (byId) return byId;
    const identifiers = LOOKUP_SCHEMES.flatMap((scheme) => {
      const n = normaliseIdentifier(scheme, ref);
      return n.ok ? [{ scheme, value: n.value }] : [];
    });
    const holder = this.holdersOf(identifiers)[0];
    if (holder) return holder;
    const named = new Set([...(this.byName.get(foldText(ref)) ?? []), ...(this.byName.get(`acronym:${ref}`) ?? [])]);
    const [first, second] = [...named].flatMap((id) => this.rows.get(id) ?? []);
    if (first && !second) return first;
    if (second) {
      r.fail(field, "Several organisations are named {{value}}; give an identifier instead.", { value: ref });
      return null;
    }
    r.fail(field, "No organisation is named or identified by {{value}}.", { value: ref });
    return null;
  }

  /** Records a new organisation; its id is fixed now so later rows can match it or name it as a parent. */
  create(input: CreateOrganisationInput): string {
    const id = newId();
    this.created.set(id, input);
    this.put(organisationRow(id, input, this.now), input.identifiers);
    return id;
  }

  /**
   * Whether an organisation can be the parent of another the file creates: it is stored, or
   * created by an earlier row (new organisations are written in file order).
   */
  createdBefore(parentId: string, id: string): boolean {
    if (!this.created.has(id) || !this.created.has(parentId)) return true;
    for (const key of this.created.keys()) {
      if (key === parentId) return true;
      if (key === id) return false;
    }
    return false;
  }

  /** Applies a change; a change to an organisation the file creates becomes part of its creation. */
  update(id: string, patch: UpdateOrganisationInput): void {
    const row = this.rows.get(id);
    if (!row) return;
    const creating = this.created.get(id);
    const identifiers = patch.identifiers ?? this.identifiersOf(id);
    if (creating) {
      const input = { ...creating, ...patch, identifiers } as CreateOrganisationInput;
      this.created.set(id, input);
      this.put(organisationRow(id, input, this.now), identifiers);
      return;
    }
    const next = organisationRow(
      id,
      {
        kind: patch.kind ?? row.kind,
        name: patch.name ?? row.name,
        names: JSON.parse(row.names),
        acronym: patch.acronym === undefined ? row.acronym : patch.acronym,
        countryCode: patch.countryCode === undefined ? row.country_code : patch.countryCode,
        city: patch.city === undefined ? row.city : patch.city,
        lat: row.lat,
        lng: row.lng,
        website: patch.website === undefined ? row.website : patch.website,
        description: patch.description === undefined ? row.description : patch.description,
        parentId: patch.parentId === undefined ? row.parent_id : patch.parentId,
        successorId: row.successor_id,
        visibility: patch.visibility ?? row.visibility,
        identifiers,
        confirmDuplicate: true,
      } as CreateOrganisationInput,
      row.created_at,
    );
    this.put(next, identifiers);
  }
}
