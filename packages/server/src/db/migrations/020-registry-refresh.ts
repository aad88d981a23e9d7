import { type Kysely, sql } from "kysely";

/** The name's words as the search of this version folds them, frozen here so the migration never changes. */
function matchName(name: string): string {
  const special: Record<string, string> = {
    ß: "ss",
    æ: "ae",
    œ: "oe",
    ø: "o",
    đ: "d",
    ð: "d",
    þ: "th",
    ł: "l",
    ı: "i",
  };
  const folded = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/g, (ch) => special[ch] ?? ch);
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
}

type Row = {
  id: string;
  name: string;
  country_code: string | null;
  city: string | null;
  website: string | null;
  erasmus_code: string | null;
  pic: string | null;
  oid: string | null;
  source: string;
};

/**
 * Registry entries keep what each source said, so a newer ROR dump updates an entry without
 * losing the Erasmus code, PIC and OID the charter list gave it: ROR's status (withdrawn and
 * inactive records are flagged, not dropped), its relationships with the parent and successor
 * derived from them, the aliases, the charter row, and the folded name search ranks by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const add = (column: string, type: "text", notNullDefault?: string) =>
    db.schema
      .alterTable("registry_entry")
      .addColumn(column, type, (c) => (notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault)))
      .execute();
  await add("status", "text", "active");
  await add("relationships", "text", "[]");
  await add("parent_ror_id", "text");
  await add("successor_ror_id", "text");
  await add("aliases", "text", "[]");
  await add("match_name", "text", "");
  await add("eche_record", "text");
  await db.schema.createIndex("registry_entry_erasmus_code").on("registry_entry").column("erasmus_code").execute();
  await db.schema.createIndex("registry_entry_pic").on("registry_entry").column("pic").execute();
  await db.schema.createIndex("registry_entry_ror_id").on("registry_entry").column("ror_id").execute();
  await db.schema.createIndex("registry_entry_parent").on("registry_entry").column("parent_ror_id").execute();
  await db.schema.createIndex("registry_entry_successor").on("registry_entry").column("successor_ror_id").execute();

  // Entries loaded before: their folded names, and what the charter list said of those holding its codes.
  let after = "";
  for (;;) {
    const rows = (
      await sql<Row>`select id, name, country_code, city, website, erasmus_code, pic, oid, source
        from registry_entry where id > ${after} order by id limit 1000`.execute(db)
    ).rows;
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id ?? after;
    for (const r of rows) {
      const eche = r.erasmus_code
        ? JSON.stringify({
            erasmusCode: r.erasmus_code,
            pic: r.pic,
            oid: r.oid,
            name: r.name,
            countryCode: r.country_code,
            city: r.city,
            website: r.website,
          })
        : null;
      await sql`update registry_entry set match_name = ${matchName(r.name)}, eche_record = ${eche}
        where id = ${r.id}`.execute(db);
    }
  }
}
