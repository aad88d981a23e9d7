import { searchDocument, searchTokens } from "@conventio/domain";
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import type { Dialect } from "./connection.js";
import type { DB } from "./schema.js";

/**
 * What a document describes. An agreement has two: "agreement", everything staff may search, and
 * "agreement_public", only what its public page shows, kept for public agreements alone.
 */
export type SearchEntity =
  | "organisation"
  | "person"
  | "registry"
  | "agreement"
  | "agreement_public"
  | "activity"
  | "event"
  | "news";

/** A further condition on the matched ids, such as "within the caller's units", for `ranked`. */
export type SearchRestriction = (entityId: Expression<string>) => Expression<SqlBool>;

/** One row's document, as the parts it is made of. */
export interface SearchDocumentParts {
  id: string;
  parts: ReadonlyArray<string | null | undefined>;
}

/**
 * Full-text search inside the database, one interface over FTS5 (SQLite) and tsvector
 * (PostgreSQL). Documents are folded by the application (see foldText), so accents,
 * case and letters like ø are handled identically on both engines; every query word
 * matches as a prefix, which is what search-as-you-type needs.
 */
export interface SearchIndex {
  /** Replaces the document of one row. */
  put(db: Kysely<DB>, entity: SearchEntity, id: string, parts: ReadonlyArray<string | null | undefined>): Promise<void>;
  /** Replaces the documents of many rows with a few statements, for reindexing in bulk. */
  putMany(db: Kysely<DB>, entity: SearchEntity, documents: ReadonlyArray<SearchDocumentParts>): Promise<void>;
  /** Removes a row's document: erased data must not linger in the index. */
  remove(db: Kysely<DB>, entity: SearchEntity, id: string): Promise<void>;
  /** Removes the documents of many rows. */
  removeMany(db: Kysely<DB>, entity: SearchEntity, ids: ReadonlyArray<string>): Promise<void>;
  /** A condition "id column matches the query", to combine with filters and keyset paging. */
  matches(entity: SearchEntity, idColumn: Expression<string>, query: string): Expression<SqlBool> | null;
  /**
   * PostgreSQL only, for lists in their own sort order: the same condition as a per-row probe
   * ("probe", to walk a bounded stretch of the order) or with every match collected once
   * ("collect", when matches cluster far along the order). Null on SQLite, which needs neither.
   */
  matchesBy(
    entity: SearchEntity,
    idColumn: Expression<string>,
    query: string,
    plan: "probe" | "collect",
  ): Expression<SqlBool> | null;
  /** Ids of the best matches, best first; `within` keeps only the ids the caller may see. */
  ranked(
    db: Kysely<DB>,
    entity: SearchEntity,
    query: string,
    limit: number,
    within?: SearchRestriction,
  ): Promise<string[]>;
}

/** Turns typed words into the engine's query: every token a prefix, all tokens required. */
function queryTokens(query: string): string[] {
  return searchTokens(query).slice(0, 12);
}

/** Rows written or deleted per statement: well under both engines' limits on bound parameters. */
const CHUNK = 500;

function chunks<T>(items: ReadonlyArray<T>): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The restriction on this id column, or a condition always true. */
function restricted(entityId: Expression<string>, within: SearchRestriction | undefined): Expression<SqlBool> {
  return within ? within(entityId) : sql<SqlBool>`1 = 1`;
}

export function createSearchIndex(dialect: Dialect): SearchIndex {
  const putMany: SearchIndex["putMany"] = async (db, entity, documents) => {
    for (const chunk of chunks(documents)) {
      await db
        .insertInto("search_document")
        .values(chunk.map((d) => ({ entity, entity_id: d.id, body: searchDocument(d.parts) })))
        .onConflict((oc) =>
          oc.columns(["entity", "entity_id"]).doUpdateSet((eb) => ({ body: eb.ref("excluded.body") })),
        )
        .execute();
    }
  };
  const removeMany: SearchIndex["removeMany"] = async (db, entity, ids) => {
    for (const chunk of chunks(ids)) {
      await db.deleteFrom("search_document").where("entity", "=", entity).where("entity_id", "in", chunk).execute();
    }
  };
  const put: SearchIndex["put"] = (db, entity, id, parts) => putMany(db, entity, [{ id, parts }]);
  const remove: SearchIndex["remove"] = (db, entity, id) => removeMany(db, entity, [id]);

  if (dialect === "postgres") {
    const tsquery = (tokens: string[]) => tokens.map((t) => `${t}:*`).join(" & ");
    return {
      put,
      putMany,
      remove,
      removeMany,
      matches(entity, idColumn, query) {
        const tokens = queryTokens(query);
        if (tokens.length === 0) return null;
        return sql<SqlBool>`${idColumn} in (select entity_id from search_document
          where entity = ${entity} and tsv @@ to_tsquery('simple', ${tsquery(tokens)}))`;
      },
      matchesBy(entity, idColumn, query, plan) {
        const tokens = queryTokens(query);
        if (tokens.length === 0) return null;
        return plan === "probe"
          ? sql<SqlBool>`(select tsv from search_document where entity = ${entity}
              and entity_id = ${idColumn}) @@ to_tsquery('simple', ${tsquery(tokens)})`
          : sql<SqlBool>`${idColumn} = any(array(select entity_id from search_document
              where entity = ${entity} and tsv @@ to_tsquery('simple', ${tsquery(tokens)})))`;
      },
      async ranked(db, entity, query, limit, within) {
        const tokens = queryTokens(query);
        if (tokens.length === 0) return [];
        const q = tsquery(tokens);
        const r = await sql<{ entity_id: string }>`select entity_id from search_document
          where entity = ${entity} and tsv @@ to_tsquery('simple', ${q})
          and ${restricted(sql.ref<string>("entity_id"), within)}
          order by ts_rank(tsv, to_tsquery('simple', ${q})) desc, length(body), entity_id
          limit ${limit}`.execute(db);
        return r.rows.map((row) => row.entity_id);
      },
    };
  }

  // FTS5: each token quoted (tokens are letters and digits only) and marked as a prefix.
  const ftsQuery = (tokens: string[]) => tokens.map((t) => `"${t}"*`).join(" ");
  return {
    put,
    putMany,
    remove,
    removeMany,
    matches(entity, idColumn, query) {
      const tokens = queryTokens(query);
      if (tokens.length === 0) return null;
      return sql<SqlBool>`${idColumn} in (select d.entity_id from search_fts f
        join search_document d on d.id = f.rowid
        where search_fts match ${ftsQuery(tokens)} and d.entity = ${entity})`;
    },
    matchesBy: () => null,
    async ranked(db, entity, query, limit, within) {
      const tokens = queryTokens(query);
      if (tokens.length === 0) return [];
      const r = await sql<{ entity_id: string }>`select d.entity_id from search_fts f
        join search_document d on d.id = f.rowid
        where search_fts match ${ftsQuery(tokens)} and d.entity = ${entity}
        and ${restricted(sql.ref<string>("d.entity_id"), within)}
        order by f.rank, length(d.body), d.entity_id
        limit ${limit}`.execute(db);
      return r.rows.map((row) => row.entity_id);
    },
  };
}
