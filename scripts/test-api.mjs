// Runs the API suite twice: on SQLite (temporary files) and on a real PostgreSQL server.
import { execSync, spawnSync } from "node:child_process";
import pg from "pg";

const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const extra = process.argv.slice(2);

function run(engine) {
  console.log(`\n── API suite on ${engine} ──`);
  const r = spawnSync("npx", ["vitest", "run", "--project", "api", ...extra], {
    stdio: "inherit",
    env: { ...process.env, TEST_ENGINE: engine, TEST_DATABASE_URL: url },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function reachable() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (err) {
    return err;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A local cluster that is installed but stopped is started, as a developer would by hand. */
function tryStartLocalCluster() {
  try {
    const version = execSync("ls /etc/postgresql", { encoding: "utf8" }).trim().split("\n")[0];
    if (!version) return;
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: "ignore" });
  } catch {
    // No local cluster: the message below says what is missing.
  }
}

run("sqlite");
let err = await reachable();
if (err && !process.env.TEST_DATABASE_URL) {
  tryStartLocalCluster();
  err = await reachable();
}
if (err) {
  console.error(
    `\nThe PostgreSQL half of the API suite needs a PostgreSQL server at ${url} (set TEST_DATABASE_URL to use another).\n` +
      `Connecting failed: ${err.message}\n` +
      "Install and start one (Debian: apt-get install postgresql, then pg_ctlcluster <version> main start), " +
      "with trust or password authentication for that user and an existing database.",
  );
  process.exit(1);
}
run("postgres");
