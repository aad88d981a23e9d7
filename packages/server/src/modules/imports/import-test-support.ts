import { sql } from "kysely";
import type { Session, TestContext } from "#test/harness.js";

/** A multipart upload built by hand: the kind field, then the file. */
export function uploadSheet(ctx: TestContext, s: Session, kind: string, fileName: string, content: Buffer) {
  const boundary = "----conventio-import-boundary";
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: "POST",
    url: "/api/imports",
    headers: { ...s.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** A dry run or an apply of an upload, with the mapping when one is given. */
export function runSheet(
  ctx: TestContext,
  s: Session,
  id: string,
  step: "dry-run" | "apply",
  mapping?: Record<string, string | null>,
) {
  return ctx.app.inject({
    method: "POST",
    url: `/api/imports/${id}/${step}`,
    headers: s.headers,
    payload: mapping ? { mapping } : {},
  });
}

/** The number of rows of every table, to show that something wrote nothing. */
export async function tableCounts(ctx: TestContext): Promise<Record<string, number>> {
  const db = ctx.database.db;
  const names =
    ctx.database.dialect === "sqlite"
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)
        ).rows.map((r) => r.name);
  const out: Record<string, number> = {};
  for (const name of names.sort()) {
    const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    out[name] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}
