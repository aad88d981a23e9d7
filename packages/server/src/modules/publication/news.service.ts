import {
  type Actor,
  type CommentView,
  foldText,
  type NewsInput,
  type NewsSummary,
  type NewsView,
  type Page,
  sanitiseComment,
} from "@conventio/domain";
import { type Kysely, type SqlBool, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { afterKeyset, decodeCursor, toPage } from "#http/pagination.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { institutionNameOf, type SiteBrand } from "#modules/site-settings/site-settings.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import { type PostRow, presentComment, presentNewsSummary, presentTranslations } from "./news.presenter.js";
import { type FeedFormat, renderNewsFeed } from "./news-feed.js";
import { publicationPolicy } from "./publication.policy.js";
import { reindexNews } from "./publication-search.js";

/** Where drafts, which have no publication date yet, sort: before every dated post. */
const UNDATED = "9999-12-31";

export function createNewsService(deps: Deps, settings: { publicUrl: string; brand?: SiteBrand }) {
  const { db, search } = deps;

  async function tagsOf(trx: Kysely<DB>, ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (ids.length === 0) return out;
    for (const t of await trx
      .selectFrom("news_tag")
      .select(["post_id", "label"])
      .where("post_id", "in", ids)
      .orderBy("tag")
      .execute()) {
      out.set(t.post_id, [...(out.get(t.post_id) ?? []), t.label]);
    }
    return out;
  }

  async function summaries(trx: Kysely<DB>, rows: PostRow[]): Promise<NewsSummary[]> {
    const tags = await tagsOf(
      trx,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentNewsSummary(r, tags.get(r.id) ?? []));
  }

  async function requireVisiblePost(actor: Actor, id: string): Promise<PostRow> {
    const row = await db.selectFrom("news_post").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row || (row.status !== "published" && !publicationPolicy.seesUnpublished(actor)))
      throw AppError.notFound("This post");
    return row;
  }

  /** A post with its body, translations and related posts; for the public, an internal partnership is not named. */
  async function postView(row: PostRow, publicOnly: boolean): Promise<NewsView> {
    const id = row.id;
    const [summary] = await summaries(db, [row]);
    // Related: published posts sharing the most tags with this one.
    const related = await db
      .selectFrom("news_tag as t")
      .innerJoin("news_tag as o", "o.tag", "t.tag")
      .innerJoin("news_post as p", "p.id", "o.post_id")
      .select(({ fn }) => ["p.id", fn.countAll<number | string>().as("shared")])
      .where("t.post_id", "=", id)
      .where("o.post_id", "!=", id)
      .where("p.status", "=", "published")
      .groupBy("p.id")
      .orderBy(sql`count(*)`, "desc")
      .orderBy("p.id", "desc")
      .limit(4)
      .execute();
    const relatedRows = related.length
      ? await db
          .selectFrom("news_post")
          .selectAll()
          .where(
            "id",
            "in",
            related.map((r) => r.id),
          )
          .execute()
      : [];
    const order = new Map(related.map((r, i) => [r.id, i]));
    relatedRows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    // The public learns of the partnership behind a post only when its agreement is public.
    let agreementQuery = db
      .selectFrom("agreement")
      .select(["id", "reference", "title"])
      .where("id", "=", row.agreement_id ?? "");
    if (publicOnly) agreementQuery = agreementQuery.where("visibility", "=", "public");
    const agreement = row.agreement_id ? await agreementQuery.executeTakeFirst() : undefined;
    return {
      ...(summary as NewsSummary),
      body: row.body,
      translations: presentTranslations(row),
      agreement: agreement ?? null,
      related: await summaries(db, relatedRows),
    };
  }

  async function publishedRows(limit: number, agreementId?: string) {
    let q = db
      .selectFrom("news_post")
      .selectAll()
      .where("status", "=", "published")
      .orderBy("published_on", "desc")
      .orderBy("id", "desc")
      .limit(limit);
    if (agreementId) q = q.where("agreement_id", "=", agreementId);
    return q.execute();
  }

  return {
    /**
     * Published posts for everyone, drafts too for staff (first, as they have no date yet);
     * newest first, a page at a time, keyed on (publication date, id).
     */
    async listNews(
      actor: Actor,
      q: { tag?: string | undefined; agreement?: string | undefined; limit: number; cursor?: string | undefined },
    ): Promise<Page<NewsSummary>> {
      const sortKey = sql<string>`coalesce(published_on, ${UNDATED})`;
      let query = db
        .selectFrom("news_post")
        .selectAll()
        .select(sortKey.as("sort_key"))
        .orderBy(sortKey, "desc")
        .orderBy("id", "desc")
        .limit(q.limit + 1);
      if (!publicationPolicy.seesUnpublished(actor)) query = query.where("status", "=", "published");
      if (q.agreement) query = query.where("agreement_id", "=", q.agreement);
      if (q.tag) {
        const tag = foldText(q.tag);
        query = query.where("id", "in", (eb) => eb.selectFrom("news_tag").select("post_id").where("tag", "=", tag));
      }
      const after = decodeCursor(q.cursor);
      if (after) query = query.where(sql<SqlBool>`(${sortKey}, id) < (${after.key}, ${after.id})`);
      const rows = await query.execute();
      const page = toPage(
        rows,
        q.limit,
        (r) => ({ key: r.sort_key, id: r.id }),
        (r) => r,
      );
      return { items: await summaries(db, page.items), nextCursor: page.nextCursor };
    },

    async getNews(actor: Actor, id: string): Promise<NewsView> {
      return postView(await requireVisiblePost(actor, id), !publicationPolicy.seesUnpublished(actor));
    },

    /** The post as an anonymous reader gets it, draft or published, so staff can check it before publishing. */
    async previewNews(actor: Actor, id: string): Promise<NewsView> {
      publicationPolicy.preview(actor);
      const row = await db.selectFrom("news_post").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) throw AppError.notFound("This post");
      return postView(row, true);
    },

    async saveNews(actor: Actor, id: string | null, input: NewsInput): Promise<NewsView> {
      publicationPolicy.write(actor);
      const now = nowIso(deps);
      const saved = await db.transaction().execute(async (trx) => {
        if (
          input.agreementId &&
          !(await trx.selectFrom("agreement").select("id").where("id", "=", input.agreementId).executeTakeFirst())
        ) {
          throw AppError.field("validation_failed", "agreementId", "No agreement has this id.");
        }
        const before = id
          ? await trx.selectFrom("news_post").selectAll().where("id", "=", id).executeTakeFirst()
          : undefined;
        if (id && !before) throw AppError.notFound("This post");
        const row: PostRow = {
          id: id ?? newId(),
          lang: input.lang,
          title: input.title,
          summary: input.summary,
          body: input.body,
          translations: JSON.stringify(input.translations),
          category: input.category,
          agreement_id: input.agreementId,
          author_id: before?.author_id ?? actorId(actor),
          author_name: before?.author_name ?? (actor.kind === "user" ? actor.name : "Conventio"),
          status: input.status,
          published_on:
            input.status === "published"
              ? (input.publishedOn ?? before?.published_on ?? now.slice(0, 10))
              : input.publishedOn,
          created_at: before?.created_at ?? now,
          updated_at: now,
          source_outlet: input.sourceOutlet,
          source_url: input.sourceUrl,
          source_published_on: input.sourcePublishedOn,
        };
        if (before) {
          const { id: _i, created_at: _c, ...set } = row;
          await trx.updateTable("news_post").set(set).where("id", "=", row.id).execute();
        } else {
          await trx.insertInto("news_post").values(row).execute();
        }
        await trx.deleteFrom("news_tag").where("post_id", "=", row.id).execute();
        const tags = new Map(input.tags.map((t) => [foldText(t), t]));
        if (tags.size)
          await trx
            .insertInto("news_tag")
            .values([...tags].map(([tag, label]) => ({ post_id: row.id, tag, label })))
            .execute();
        await reindexNews(trx, search, row, [...tags.values()]);
        await recordAudit(trx, now, {
          actor,
          action: before ? "news.update" : "news.create",
          entity: "news",
          entityId: row.id,
          changes: { title: row.title, status: row.status },
        });
        return row.id;
      });
      return this.getNews(actor, saved);
    },

    async deleteNews(actor: Actor, id: string): Promise<void> {
      publicationPolicy.write(actor);
      const r = await db.deleteFrom("news_post").where("id", "=", id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw AppError.notFound("This post");
      await search.remove(db, "news", id);
      await recordAudit(db, nowIso(deps), { actor, action: "news.delete", entity: "news", entityId: id, changes: {} });
    },

    async listComments(actor: Actor, postId: string): Promise<CommentView[]> {
      await requireVisiblePost(actor, postId);
      let q = db
        .selectFrom("news_comment")
        .selectAll()
        .where("post_id", "=", postId)
        .orderBy("created_at")
        .orderBy("id");
      // The public sees approved comments; a signed-in author also sees their own pending ones.
      if (!publicationPolicy.moderates(actor)) {
        const me = actor.kind === "user" ? actor.id : "";
        q = q.where((eb) =>
          eb.or([eb("status", "=", "approved"), eb.and([eb("status", "=", "pending"), eb("user_id", "=", me)])]),
        );
      }
      return (await q.execute()).map(presentComment);
    },

    /** Signed-in users comment; every comment waits for moderation, stored as plain text. */
    async addComment(actor: Actor, postId: string, body: string): Promise<CommentView> {
      publicationPolicy.comment(actor);
      const post = await requireVisiblePost(actor, postId);
      if (post.status !== "published") throw new AppError("conflict", "Comments open once the post is published.");
      const text = sanitiseComment(body);
      if (!text) throw AppError.field("validation_failed", "body", "The comment is empty.");
      const now = nowIso(deps);
      const row = {
        id: newId(),
        post_id: postId,
        user_id: actor.id,
        author_name: actor.name,
        body: text,
        status: "pending" as const,
        created_at: now,
        moderated_by: null,
        moderated_at: null,
      };
      await db.insertInto("news_comment").values(row).execute();
      return { id: row.id, postId, author: row.author_name, body: text, status: "pending", createdAt: now };
    },

    /** The moderation queue, oldest first (first come, first moderated), a page at a time. */
    async pendingComments(
      actor: Actor,
      q: { limit?: number | undefined; cursor?: string | undefined } = {},
    ): Promise<Page<CommentView>> {
      publicationPolicy.readQueue(actor);
      const limit = q.limit ?? 50;
      let query = db
        .selectFrom("news_comment")
        .selectAll()
        .where("status", "=", "pending")
        .orderBy("created_at")
        .orderBy("id")
        .limit(limit + 1);
      const after = decodeCursor(q.cursor);
      if (after) query = query.where(afterKeyset("created_at", "id", after));
      return toPage(await query.execute(), limit, (c) => ({ key: c.created_at, id: c.id }), presentComment);
    },

    async moderateComment(actor: Actor, id: string, status: "approved" | "removed"): Promise<CommentView> {
      publicationPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const c = await trx.selectFrom("news_comment").selectAll().where("id", "=", id).executeTakeFirst();
        if (!c) throw AppError.notFound("This comment");
        await trx
          .updateTable("news_comment")
          .set({ status, moderated_by: actorId(actor), moderated_at: now })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: `comment.${status}`,
          entity: "news",
          entityId: c.post_id,
          changes: { comment: id },
        });
        return { id, postId: c.post_id, author: c.author_name, body: c.body, status, createdAt: c.created_at };
      });
    },

    /**
     * RSS 2.0 or Atom 1.0 of the latest published posts; with `lang`, each post in its
     * translation into that language when it has one.
     */
    async feed(format: FeedFormat, lang?: string): Promise<string> {
      const rows = await publishedRows(30);
      const tags = await tagsOf(
        db,
        rows.map((r) => r.id),
      );
      const posts = rows.map((row) => ({ row, tags: tags.get(row.id) ?? [] }));
      const publisher = await institutionNameOf(settings.brand);
      return renderNewsFeed(format, posts, { publicUrl: settings.publicUrl, lang, publisher });
    },

    publishedRows,
  };
}
export type NewsService = ReturnType<typeof createNewsService>;
