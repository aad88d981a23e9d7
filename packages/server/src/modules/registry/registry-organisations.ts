import type { Actor, IdentifierScheme } from "@conventio/domain";
import { foldText, hostOf, searchDocument, UNIQUE_SCHEMES } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { SearchIndex } from "#db/search-index.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { heldUniqueIdentifiers, type OrganisationRow } from "#modules/organisations/organisation.repository.js";
import { insertOrganisations } from "#modules/organisations/organisation-bulk.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import type { Crosswalk, CsvRow } from "./eche-file.js";
import { candidateFromEche, echeFactsOf } from "./eche-row.js";
import { BATCH, type ImportProgress, newReport, type RegistryImport, skip } from "./registry-import.js";
import { collectLinks, completeLinks, emptyLinks, linkOrganisations } from "./registry-relatives.js";
import type { IndexedCandidate, RegistryCandidate, RorRead } from "./ror-record.js";

/** A record of a file that could not be read as a candidate. */
export type RorRefused = Extract<RorRead, { ok: false }>;

type Identifier = { scheme: IdentifierScheme; value: string };
type OnProgress = (p: ImportProgress) => void;

/** Every identifier of a candidate, the registry's columns first, each once. */
export function identifiersOf(c: RegistryCandidate): Identifier[] {
  const all: Identifier[] = [
    ...(c.rorId ? [{ scheme: "ror" as const, value: c.rorId }] : []),
    ...(c.erasmusCode ? [{ scheme: "erasmus" as const, value: c.erasmusCode }] : []),
    ...(c.pic ? [{ scheme: "pic" as const, value: c.pic }] : []),
    ...(c.oid ? [{ scheme: "oid" as const, value: c.oid }] : []),
    ...c.identifiers,
  ];
  return [...new Map(all.map((i) => [`${i.scheme}:${i.value}`, i])).values()];
}

const key = (i: { scheme: string; value: string }) => `${i.scheme}:${i.value}`;

function searchParts(c: IndexedCandidate): Array<string | null> {
  return [
    c.name,
    ...c.names.map((n) => n.value),
    ...(c.aliases ?? []),
    c.acronym,
    c.city,
    hostOf(c.website),
    c.erasmusCode,
    c.pic,
  ];
}

/** Creates partner organisations with their identifiers, search documents and audit events; a unit is "other" until it has its parent. */
async function insertCandidates(
  trx: Kysely<DB>,
  search: SearchIndex,
  items: ReadonlyArray<{ c: IndexedCandidate; ids: Identifier[] }>,
  now: string,
  actor: Actor,
): Promise<void> {
  const rows = items.map(({ c, ids }) => ({
    source: c,
    identifiers: ids,
    searchParts: searchParts(c),
    row: {
      id: newId(),
      kind: c.kind === "unit" ? "other" : c.kind,
      name: c.name,
      sort_name: foldText(c.name),
      names: JSON.stringify(c.names),
      acronym: c.acronym,
      country_code: c.countryCode,
      city: c.city,
      city_folded: c.city ? foldText(c.city) : null,
      lat: c.lat,
      lng: c.lng,
      website: c.website && !/^https?:\/\//i.test(c.website) ? `https://${c.website}` : c.website,
      website_host: hostOf(c.website),
      description: null,
      parent_id: null,
      successor_id: null,
      visibility: "internal",
      created_at: now,
      updated_at: now,
    } satisfies OrganisationRow,
  }));
  await insertOrganisations(
    trx,
    search,
    rows,
    ({ source, row }) => ({
      actor,
      action: "organisation.import",
      entity: "organisation",
      entityId: row.id,
      changes: { source: source.source, from: source.id, name: row.name },
    }),
    now,
  );
}

export function createRegistryOrganisations(deps: Deps) {
  const { db, search } = deps;

  async function finish(actor: Actor, report: RegistryImport, started: number): Promise<RegistryImport> {
    report.processed = report.rows;
    report.inserted = report.created + report.updated;
    report.seconds = (performance.now() - started) / 1000;
    await recordAudit(db, nowIso(deps), {
      actor,
      action: "organisation.import.run",
      entity: "import",
      entityId: newId(),
      changes: { ...report, skips: report.skips.length },
    });
    return report;
  }

  return {
    /**
     * Creates partner organisations in bulk (one transaction per batch). A candidate whose unique
     * identifiers (ROR id, Erasmus code, PIC…) a partner already holds is left unchanged; withdrawn
     * records are never created, inactive ones only when asked; every one is reported. Then ROR's
     * parents and successors are applied between partners.
     */
    async importOrganisations(
      actor: Actor,
      candidates: AsyncIterable<IndexedCandidate | RorRefused> | Iterable<IndexedCandidate | RorRefused>,
      onProgress?: OnProgress,
      options: { includeInactive?: boolean; source?: RegistryImport["source"] } = {},
    ): Promise<RegistryImport> {
      const started = performance.now();
      const report = newReport(options.source ?? "bundle", "organisations");
      const links = emptyLinks();
      const inverse = emptyLinks();
      const seen = new Set<string>();
      let batch: IndexedCandidate[] = [];
      const flush = async () => {
        const now = nowIso(deps);
        await db.transaction().execute(async (trx) => {
          const held = await heldUniqueIdentifiers(trx, batch.flatMap(identifiersOf));
          const taken = new Set(held.map(key));
          const fresh = batch.filter((c) => !identifiersOf(c).some((i) => taken.has(key(i))));
          report.unchanged += batch.length - fresh.length;
          report.created += fresh.length;
          report.imported += batch.length;
          await insertCandidates(
            trx,
            search,
            fresh.map((c) => ({ c, ids: identifiersOf(c) })),
            now,
            actor,
          );
        });
        batch = [];
        report.processed = report.rows;
        report.inserted = report.created;
        onProgress?.({ processed: report.processed, inserted: report.inserted, skipped: report.skipped });
      };
      for await (const c of candidates) {
        const line = ++report.rows;
        if ("reason" in c) {
          skip(report, { line, key: c.key, reason: c.reason });
          continue;
        }
        collectLinks(links, inverse, c);
        if (c.status === "withdrawn") report.withdrawn++;
        if (c.status === "inactive") report.inactive++;
        if (seen.has(c.id)) skip(report, { line, key: c.id, reason: "repeated_in_file" });
        else if (c.status === "withdrawn") skip(report, { line, key: c.id, reason: "withdrawn" });
        else if (c.status === "inactive" && !options.includeInactive)
          skip(report, { line, key: c.id, reason: "inactive" });
        else batch.push(c);
        seen.add(c.id);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      const linked = await db
        .transaction()
        .execute((trx) => linkOrganisations(trx, actor, nowIso(deps), completeLinks(links, inverse)));
      report.parentsLinked = linked.parents;
      report.successorsLinked = linked.successors;
      return finish(actor, report, started);
    },

    /**
     * Imports the Erasmus charter list as partner organisations. A row whose Erasmus code a partner
     * holds is unchanged; a row whose ROR id (through the crosswalk) or PIC a partner without an
     * Erasmus code holds is merged into it, its codes added; any other row becomes a partner, without
     * a PIC or OID another partner already holds.
     */
    async importEcheOrganisations(
      actor: Actor,
      rows: readonly CsvRow[],
      crosswalk: Crosswalk,
      onProgress?: OnProgress,
    ): Promise<RegistryImport> {
      const started = performance.now();
      const report = newReport("eche", "organisations");
      const seen = new Set<string>();
      for (let start = 0; start < rows.length; start += BATCH) {
        const part = rows.slice(start, start + BATCH);
        const now = nowIso(deps);
        await db.transaction().execute(async (trx) => {
          const valid: Array<{ c: IndexedCandidate; ror: string | undefined }> = [];
          for (const { line, row } of part) {
            report.rows++;
            const read = echeFactsOf(row);
            if (!read.ok) skip(report, { line, key: read.key, reason: read.reason });
            else if (seen.has(read.facts.erasmusCode)) {
              skip(report, { line, key: read.facts.erasmusCode, reason: "repeated_in_file" });
            } else {
              seen.add(read.facts.erasmusCode);
              valid.push({ c: candidateFromEche(read.facts), ror: crosswalk.get(read.facts.erasmusCode)?.rorId });
            }
          }
          const lookups = valid.flatMap(({ c, ror }) => [
            ...identifiersOf(c),
            ...(ror ? [{ scheme: "ror" as const, value: ror }] : []),
          ]);
          const held = new Map((await heldUniqueIdentifiers(trx, lookups)).map((h) => [key(h), h.organisation_id]));
          const withCode = await erasmusHolders(trx, [...new Set(held.values())]);
          const fresh: Array<{ c: IndexedCandidate; ids: Identifier[] }> = [];
          for (const { c, ror } of valid) {
            if (held.has(`erasmus:${c.erasmusCode}`)) {
              report.imported++;
              report.unchanged++;
              continue;
            }
            const target = (ror && held.get(`ror:${ror}`)) || (c.pic && held.get(`pic:${c.pic}`)) || undefined;
            const free = identifiersOf(c).filter((i) => !held.has(key(i)));
            if (target && !withCode.has(target)) {
              await addIdentifiers(trx, actor, now, target, free);
              withCode.add(target);
              for (const i of free) held.set(key(i), target);
              report.merged++;
              report.updated++;
              continue;
            }
            for (const i of free) held.set(key(i), "");
            fresh.push({ c, ids: free });
            report.imported++;
            report.created++;
          }
          await insertCandidates(trx, search, fresh, now, actor);
        });
        report.processed = report.rows;
        report.inserted = report.created + report.updated;
        onProgress?.({
          processed: report.processed,
          inserted: report.inserted,
          skipped: report.skipped,
          total: rows.length,
        });
      }
      return finish(actor, report, started);
    },
  };
}

/** Which of these organisations already hold an Erasmus code. */
async function erasmusHolders(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("organisation_identifier")
    .select("organisation_id")
    .where("scheme", "=", "erasmus")
    .where("organisation_id", "in", ids)
    .execute();
  return new Set(rows.map((r) => r.organisation_id));
}

/** Adds a charter row's codes to the partner it was merged into, with its search document and an audit event. */
async function addIdentifiers(
  trx: Kysely<DB>,
  actor: Actor,
  now: string,
  organisationId: string,
  ids: Identifier[],
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .insertInto("organisation_identifier")
    .values(
      ids.map((x) => ({
        organisation_id: organisationId,
        scheme: x.scheme,
        value: x.value,
        unique_value: UNIQUE_SCHEMES.has(x.scheme) ? x.value : null,
      })),
    )
    .execute();
  const doc = await trx
    .selectFrom("search_document")
    .select("body")
    .where("entity", "=", "organisation")
    .where("entity_id", "=", organisationId)
    .executeTakeFirst();
  await trx
    .updateTable("search_document")
    .set({ body: searchDocument([doc?.body, ...ids.map((i) => i.value)]) })
    .where("entity", "=", "organisation")
    .where("entity_id", "=", organisationId)
    .execute();
  await trx.updateTable("organisation").set({ updated_at: now }).where("id", "=", organisationId).execute();
  await recordAudit(trx, now, {
    actor,
    action: "organisation.update",
    entity: "organisation",
    entityId: organisationId,
    changes: { identifiers: [null, ids.map((i) => `${i.scheme}:${i.value}`)] },
  });
}
