import type { PictureOwnerKind } from "@conventio/domain";
import type { Kysely, Selectable, Updateable } from "kysely";
import type { DB } from "#db/schema.js";
import type { PictureTable } from "./picture.table.js";

export type PictureRow = Selectable<PictureTable>;

/** The table behind each kind of owner. */
const OWNER_TABLES = {
  agreement: "agreement",
  event: "event",
  news: "news_post",
  activity: "activity",
} as const satisfies Record<PictureOwnerKind, keyof DB>;

export async function ownerExists(db: Kysely<DB>, kind: PictureOwnerKind, id: string): Promise<boolean> {
  const row = await db.selectFrom(OWNER_TABLES[kind]).select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether the public sees the record, by each module's own rule: an agreement that is public
 * and past its draft; a public event; a published news post; an activity of such an agreement
 * (activities are shown on their partnership's public page, and nowhere else).
 */
export async function ownerIsPublic(db: Kysely<DB>, kind: PictureOwnerKind, id: string): Promise<boolean> {
  switch (kind) {
    case "agreement":
      return (
        (await db
          .selectFrom("agreement")
          .select("id")
          .where("id", "=", id)
          .where("visibility", "=", "public")
          .where("status", "!=", "draft")
          .executeTakeFirst()) !== undefined
      );
    case "event":
      return (
        (await db
          .selectFrom("event")
          .select("id")
          .where("id", "=", id)
          .where("visibility", "=", "public")
          .executeTakeFirst()) !== undefined
      );
    case "news":
      return (
        (await db
          .selectFrom("news_post")
          .select("id")
          .where("id", "=", id)
          .where("status", "=", "published")
          .executeTakeFirst()) !== undefined
      );
    case "activity":
      return (
        (await db
          .selectFrom("activity as x")
          .innerJoin("agreement as a", "a.id", "x.agreement_id")
          .select("x.id")
          .where("x.id", "=", id)
          .where("a.visibility", "=", "public")
          .where("a.status", "!=", "draft")
          .executeTakeFirst()) !== undefined
      );
  }
}

export function findPicture(db: Kysely<DB>, id: string): Promise<PictureRow | undefined> {
  return db.selectFrom("picture").selectAll().where("id", "=", id).executeTakeFirst();
}

export function picturesOf(db: Kysely<DB>, kind: PictureOwnerKind, ownerId: string): Promise<PictureRow[]> {
  return db
    .selectFrom("picture")
    .selectAll()
    .where("owner_kind", "=", kind)
    .where("owner_id", "=", ownerId)
    .orderBy("position")
    .orderBy("uploaded_at")
    .orderBy("id")
    .execute();
}

/** The pictures the public may see of a record, before the record's own visibility is checked. */
export function publishedPicturesOf(db: Kysely<DB>, kind: PictureOwnerKind, ownerId: string): Promise<PictureRow[]> {
  return db
    .selectFrom("picture")
    .selectAll()
    .where("owner_kind", "=", kind)
    .where("owner_id", "=", ownerId)
    .where("is_public", "=", 1)
    .where("alt", "!=", "[]")
    .orderBy("position")
    .orderBy("uploaded_at")
    .orderBy("id")
    .execute();
}

export async function nextPosition(db: Kysely<DB>, kind: PictureOwnerKind, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom("picture")
    .select(({ fn }) => fn.max<number | null>("position").as("last"))
    .where("owner_kind", "=", kind)
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertPicture(db: Kysely<DB>, row: PictureRow): Promise<void> {
  await db.insertInto("picture").values(row).execute();
}

export async function updatePicture(db: Kysely<DB>, id: string, patch: Updateable<PictureTable>): Promise<void> {
  await db.updateTable("picture").set(patch).where("id", "=", id).execute();
}

export async function deletePicture(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom("picture").where("id", "=", id).execute();
}

/** Deletes every picture of a record and returns what names their files, for the files to follow. */
export function deletePicturesOf(
  db: Kysely<DB>,
  kind: PictureOwnerKind,
  ownerId: string,
): Promise<Array<Pick<PictureRow, "file_key" | "original_ext">>> {
  return db
    .deleteFrom("picture")
    .where("owner_kind", "=", kind)
    .where("owner_id", "=", ownerId)
    .returning(["file_key", "original_ext"])
    .execute();
}
