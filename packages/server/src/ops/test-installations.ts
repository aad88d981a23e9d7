import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { type Kysely, sql } from "kysely";
import sharp from "sharp";
import { connect, type Database, type Dialect } from "#db/connection.js";
import type { DB } from "#db/schema.js";
import { SYSTEM_ACTOR } from "#db/seed/system-actor.js";
import { chooseFileStore, createFileStore, type FileStore } from "#shared/file-store.js";
import { freshPostgresSchema, TEST_DATABASE_URL, type TestContext } from "#test/harness.js";
import { planTables } from "./table-order.js";
import { countRows } from "./table-rows.js";

/** Test support for backups and copies: empty installations of either engine, and what is in them. */
export interface Installation {
  database: Database;
  dataDir: string;
  /** Where its uploaded files are kept: FILE_STORE auto, as a server on it would choose. */
  files: FileStore;
  close(): Promise<void>;
}

/** A new installation of the engine, with nothing in it, not even its tables. */
export async function freshInstallation(engine: Dialect): Promise<Installation> {
  const dataDir = mkdtempSync(join(tmpdir(), "conventio-ops-"));
  if (engine === "sqlite") {
    const database = connect({ sqliteFile: join(dataDir, "conventio.db") });
    return {
      database,
      dataDir,
      files: storeOf(database, dataDir),
      async close() {
        await database.destroy();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const fresh = await freshPostgresSchema();
  const database = connect({ url: TEST_DATABASE_URL, schema: fresh.schema });
  return {
    database,
    dataDir,
    files: storeOf(database, dataDir),
    async close() {
      await database.destroy();
      await fresh.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function storeOf(database: Database, dataDir: string): FileStore {
  return createFileStore(chooseFileStore("auto", database.dialect), { dataDir, db: database.db });
}

/** The row count of every data table. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const plan of await planTables(database.db, database.dialect)) {
    out[plan.name] = await countRows(database.db, plan.name);
  }
  return out;
}

/** Every row of a table, in id order, for field-by-field comparison. */
export async function rowsOf(db: Kysely<DB>, table: string, orderBy = "id"): Promise<Array<Record<string, unknown>>> {
  const r = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.ref(orderBy)}`.execute(
    db,
  );
  return r.rows;
}

/** Adds a signed PDF and a photo to an agreement of the test installation, through the services. */
export async function uploadFiles(ctx: TestContext, agreementId: string): Promise<void> {
  const pdf = readFileSync(new URL("../../../../docs/decisions/001-databases.md", import.meta.url));
  const body = Buffer.concat([
    Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"),
    pdf,
    Buffer.from("\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
  ]);
  await ctx.services.documents.storeUpload(
    SYSTEM_ACTOR,
    "agreement",
    agreementId,
    "convention-signed.pdf",
    Readable.from([body]),
    { kind: "signed", title: "Signed convention", replacesId: null },
  );
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#3366aa" } })
    .jpeg({ quality: 80 })
    .toBuffer();
  await ctx.services.pictures.storePicture(
    SYSTEM_ACTOR,
    "agreement",
    agreementId,
    "site-visit.jpg",
    Readable.from([photo]),
  );
}
