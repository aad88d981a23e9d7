import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect.js";

/** Accounts, audit, organisations, people, the bundled registry and the search index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === "postgres";
  const real = pg ? "double precision" : "real";

  await db.schema
    .createTable("app_user")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user_session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("user_session_user").on("user_session").column("user_id").execute();

  await db.schema
    .createTable("login_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("first_failure_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .execute();

  await db.schema
    .createTable("setup_token")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("changes", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_event_at").on("audit_event").columns(["at", "id"]).execute();
  await db.schema.createIndex("audit_event_entity").on("audit_event").columns(["entity", "entity_id", "at"]).execute();

  await db.schema
    .createTable("organisation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sort_name", "text", (c) => c.notNull())
    .addColumn("names", "text", (c) => c.notNull())
    .addColumn("acronym", "text")
    .addColumn("country_code", "text")
    .addColumn("city", "text")
    .addColumn("city_folded", "text")
    .addColumn("lat", real)
    .addColumn("lng", real)
    .addColumn("website", "text")
    .addColumn("website_host", "text")
    .addColumn("description", "text")
    .addColumn("parent_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("successor_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // One index per list filter, each ending in the keyset (sort_name, id).
  await db.schema.createIndex("organisation_sort").on("organisation").columns(["sort_name", "id"]).execute();
  await db.schema.createIndex("organisation_kind").on("organisation").columns(["kind", "sort_name", "id"]).execute();
  await db.schema
    .createIndex("organisation_country")
    .on("organisation")
    .columns(["country_code", "sort_name", "id"])
    .execute();
  await db.schema.createIndex("organisation_parent").on("organisation").column("parent_id").execute();
  await db.schema.createIndex("organisation_successor").on("organisation").column("successor_id").execute();
  await db.schema.createIndex("organisation_host").on("organisation").column("website_host").execute();
  await db.schema
    .createIndex("organisation_city")
    .on("organisation")
    .columns(["country_code", "city_folded"])
    .execute();

  await db.schema
    .createTable("organisation_identifier")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("scheme", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("unique_value", "text")
    .addPrimaryKeyConstraint("organisation_identifier_pk", ["organisation_id", "scheme", "value"])
    .execute();
  await db.schema
    .createIndex("organisation_identifier_unique")
    .on("organisation_identifier")
    .columns(["scheme", "unique_value"])
    .unique()
    .execute();
  await db.schema
    .createIndex("organisation_identifier_value")
    .on("organisation_identifier")
    .columns(["scheme", "value"])
    .execute();

  await db.schema
    .createTable("membership")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("network_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("since", "text")
    .addColumn("until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("membership_network").on("membership").columns(["network_id", "member_id"]).execute();
  await db.schema.createIndex("membership_member").on("membership").columns(["member_id"]).execute();

  await db.schema
    .createTable("person")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("given_name", "text", (c) => c.notNull())
    .addColumn("family_name", "text", (c) => c.notNull())
    .addColumn("sort_name", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("organisation_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("languages", "text", (c) => c.notNull())
    .addColumn("public_contact", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("person_sort").on("person").columns(["sort_name", "id"]).execute();
  await db.schema
    .createIndex("person_organisation")
    .on("person")
    .columns(["organisation_id", "sort_name", "id"])
    .execute();

  await db.schema
    .createTable("person_role")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("since", "text")
    .addColumn("until", "text")
    .execute();
  await db.schema.createIndex("person_role_person").on("person_role").column("person_id").execute();

  await db.schema
    .createTable("registry_entry")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("names", "text", (c) => c.notNull())
    .addColumn("acronym", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("country_code", "text")
    .addColumn("city", "text")
    .addColumn("lat", real)
    .addColumn("lng", real)
    .addColumn("website", "text")
    .addColumn("ror_id", "text")
    .addColumn("erasmus_code", "text")
    .addColumn("pic", "text")
    .addColumn("oid", "text")
    .addColumn("identifiers", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .execute();

  // The search index: one document per searchable row, folded in the application so both
  // engines see the same tokens; each engine then indexes it its own way.
  if (pg) {
    await sql`create table search_document (
      id bigserial primary key,
      entity text not null,
      entity_id text not null,
      body text not null,
      tsv tsvector generated always as (to_tsvector('simple', body)) stored,
      unique (entity, entity_id)
    )`.execute(db);
    await sql`create index search_document_tsv on search_document using gin (tsv)`.execute(db);
  } else {
    await sql`create table search_document (
      id integer primary key,
      entity text not null,
      entity_id text not null,
      body text not null,
      unique (entity, entity_id)
    )`.execute(db);
    await sql`create virtual table search_fts using fts5(
      body, content='search_document', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
    )`.execute(db);
    await sql`create trigger search_document_ai after insert on search_document begin
      insert into search_fts(rowid, body) values (new.id, new.body); end`.execute(db);
    await sql`create trigger search_document_ad after delete on search_document begin
      insert into search_fts(search_fts, rowid, body) values ('delete', old.id, old.body); end`.execute(db);
    await sql`create trigger search_document_au after update on search_document begin
      insert into search_fts(search_fts, rowid, body) values ('delete', old.id, old.body);
      insert into search_fts(rowid, body) values (new.id, new.body); end`.execute(db);
  }
}
