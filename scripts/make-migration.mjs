// Creates the next numbered migration file: npm run db:make -- add-agreements
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "-")
  .replace(/^-|-$/g, "");
if (!name) {
  console.error("Usage: npm run db:make -- <name-in-words>");
  process.exit(2);
}
const dir = join("packages", "server", "src", "db", "migrations");
const last = readdirSync(dir)
  .map((f) => Number.parseInt(f, 10))
  .filter(Number.isFinite)
  .reduce((a, b) => Math.max(a, b), 0);
const file = join(dir, `${String(last + 1).padStart(3, "0")}-${name}.ts`);
writeFileSync(
  file,
  `import type { Kysely } from "kysely";\nimport { dialectOf } from "../dialect.js";\n\n/** ${name.replace(/-/g, " ")} */\nexport async function up(db: Kysely<unknown>): Promise<void> {\n  const pg = dialectOf(db) === "postgres";\n  void pg;\n}\n`,
);
console.log(`Created ${file}. List it in packages/server/src/db/migrate.ts; migrations are never edited once merged.`);
