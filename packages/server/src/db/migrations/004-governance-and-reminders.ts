import type { Kysely } from "kysely";

/** Governance bodies, members, meetings, action items; reminders, the in-app inbox and the mail outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("governance_body")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("theme", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("governance_body_agreement").on("governance_body").column("agreement_id").execute();

  await db.schema
    .createTable("body_member")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("body_id", "text", (c) => c.notNull().references("governance_body.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.references("person.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("starts_on", "text")
    .addColumn("ends_on", "text")
    .addColumn("student_representative", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("body_member_body").on("body_member").column("body_id").execute();
  await db.schema.createIndex("body_member_person").on("body_member").column("person_id").execute();

  await db.schema
    .createTable("meeting")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("body_id", "text", (c) => c.notNull().references("governance_body.id").onDelete("cascade"))
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("place", "text")
    .addColumn("agenda", "text")
    .addColumn("minutes", "text")
    .addColumn("decisions", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("meeting_body").on("meeting").columns(["body_id", "held_on"]).execute();
  await db.schema.createIndex("meeting_agreement").on("meeting").columns(["agreement_id", "held_on"]).execute();

  await db.schema
    .createTable("action_item")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("agreement_id", "text", (c) => c.references("agreement.id").onDelete("cascade"))
    .addColumn("meeting_id", "text", (c) => c.references("meeting.id").onDelete("set null"))
    .addColumn("owner_id", "text", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("due_on", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("action_item_owner")
    .on("action_item")
    .columns(["owner_id", "status", "due_on"])
    .execute();
  await db.schema.createIndex("action_item_agreement").on("action_item").columns(["agreement_id", "status"]).execute();
  await db.schema.createIndex("action_item_due").on("action_item").columns(["status", "due_on"]).execute();

  await db.schema
    .createTable("inbox_message")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema.createIndex("inbox_message_user").on("inbox_message").columns(["user_id", "created_at"]).execute();

  // One row per reminder ever issued: the primary key is what makes a reminder go out once.
  await db.schema
    .createTable("reminder_sent")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .execute();
  await db.schema.createIndex("mail_outbox_pending").on("mail_outbox").columns(["sent_at", "created_at"]).execute();
}
