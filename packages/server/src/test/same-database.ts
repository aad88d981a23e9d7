import { sql } from "kysely";
import { connect, type Database } from "#db/connection.js";
import { TEST_DATABASE_URL } from "./harness.js";

/**
 * A second connection to a test's database, as another process of the installation would open
 * it: its own pool on PostgreSQL (the same schema), its own handle on the same SQLite file.
 */
export async function connectAgain(database: Database): Promise<Database> {
  if (database.dialect === "sqlite") return connect({ sqliteFile: database.where });
  const r = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  const schema = r.rows[0]?.schema;
  if (!schema) throw new Error("The test database has no current schema.");
  return connect({ url: TEST_DATABASE_URL, schema });
}
