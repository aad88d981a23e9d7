import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { SearchDocumentParts, SearchIndex } from "#db/search-index.js";

type EventParts = { id: string; title: string; place: string | null; description: string | null };
type NewsParts = { id: string; title: string; summary: string | null; body: string; translations: string };

/** What finds an event: its title, place and description. */
function eventDocument(row: EventParts): SearchDocumentParts {
  return { id: row.id, parts: [row.title, row.place, row.description] };
}

/** What finds a post: its title, summary and text in each of its languages, and its tags. */
function newsDocument(row: NewsParts, tags: readonly string[]): SearchDocumentParts {
  const translations = JSON.parse(row.translations) as Array<{ title?: string; body?: string }>;
  return {
    id: row.id,
    parts: [row.title, row.summary, ...tags, row.body, ...translations.flatMap((t) => [t.title, t.body])],
  };
}

/** Rewrites the search document of one event, in the transaction that saved it. */
export function reindexEvent(db: Kysely<DB>, search: SearchIndex, row: EventParts): Promise<void> {
  return search.putMany(db, "event", [eventDocument(row)]);
}

/** Rewrites the search document of one post, with the tags just written. */
export function reindexNews(db: Kysely<DB>, search: SearchIndex, row: NewsParts, tags: readonly string[]) {
  return search.putMany(db, "news", [newsDocument(row, tags)]);
}

/** Every event and post indexed again, a few hundred rows at a time (the migration that added them). */
export async function reindexAllPublications(db: Kysely<DB>, search: SearchIndex): Promise<void> {
  const BATCH = 500;
  for (let after = ""; ; ) {
    const rows = await db
      .selectFrom("event")
      .select(["id", "title", "place", "description"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    await search.putMany(db, "event", rows.map(eventDocument));
    after = rows[rows.length - 1]?.id ?? after;
  }
  for (let after = ""; ; ) {
    const rows = await db
      .selectFrom("news_post")
      .select(["id", "title", "summary", "body", "translations"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    const tags = await db
      .selectFrom("news_tag")
      .select(["post_id", "label"])
      .where(
        "post_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    const labels = (id: string) => tags.filter((t) => t.post_id === id).map((t) => t.label);
    await search.putMany(
      db,
      "news",
      rows.map((r) => newsDocument(r, labels(r.id))),
    );
    after = rows[rows.length - 1]?.id ?? after;
  }
}
