import type { Kysely } from "kysely";

/** What partnerships publish: events, news posts with tags, and moderated comments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text")
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("place", "text")
    .addColumn("contact_name", "text")
    .addColumn("contact_email", "text")
    .addColumn("registration_deadline", "text")
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("agreement_id", "text", (c) => c.references("agreement.id").onDelete("set null"))
    .addColumn("axis_id", "text", (c) => c.references("agreement_axis.id").onDelete("set null"))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_start").on("event").columns(["starts_at", "id"]).execute();
  await db.schema.createIndex("event_agreement").on("event").columns(["agreement_id", "starts_at"]).execute();

  await db.schema
    .createTable("news_post")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("translations", "text", (c) => c.notNull())
    .addColumn("category", "text")
    .addColumn("agreement_id", "text", (c) => c.references("agreement.id").onDelete("set null"))
    .addColumn("author_id", "text", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("published_on", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("news_post_published")
    .on("news_post")
    .columns(["status", "published_on", "id"])
    .execute();
  await db.schema
    .createIndex("news_post_agreement")
    .on("news_post")
    .columns(["agreement_id", "published_on"])
    .execute();

  await db.schema
    .createTable("news_tag")
    .addColumn("post_id", "text", (c) => c.notNull().references("news_post.id").onDelete("cascade"))
    .addColumn("tag", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("news_tag_pk", ["post_id", "tag"])
    .execute();
  await db.schema.createIndex("news_tag_tag").on("news_tag").columns(["tag", "post_id"]).execute();

  await db.schema
    .createTable("news_comment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("post_id", "text", (c) => c.notNull().references("news_post.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("moderated_by", "text")
    .addColumn("moderated_at", "text")
    .execute();
  await db.schema
    .createIndex("news_comment_post")
    .on("news_comment")
    .columns(["post_id", "status", "created_at"])
    .execute();
  await db.schema.createIndex("news_comment_status").on("news_comment").columns(["status", "created_at"]).execute();
}
