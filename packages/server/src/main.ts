import { CreateUserInput } from "@conventio/domain";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { type Config, loadConfig } from "./config.js";
import { connect, type Database } from "./db/connection.js";
import { migrateToLatest } from "./db/migrate.js";
import { loadDemoData } from "./db/seed/demo.js";
import { closeHttp, SHUTDOWN_GRACE_MS, within } from "./http/shutdown.js";
import { scheduleEwp } from "./modules/ewp/ewp-flow.js";
import { readBundledRegistry } from "./modules/registry/bundled-registry.js";
import { scheduleReminders } from "./modules/reminders/reminder.service.js";
import { createServices, type Services } from "./services.js";
import type { Clock } from "./shared/clock.js";
import { jobLocks, runJobAlone } from "./shared/job-lock.js";
import { createLogger, type Logger } from "./shared/logger.js";
import type { Mailer } from "./shared/mailer.js";
import { allJobs } from "./shared/scheduled-job.js";

export interface Running {
  app: FastifyInstance;
  services: Services;
  database: Database;
  url: string;
  /**
   * Shuts down gracefully: /ready turns 503, no new connection is accepted, requests in flight
   * and a scheduled job's pass under way get SHUTDOWN_GRACE_MS to finish, then the mailer and
   * the database close. Calling it again waits for the same shutdown.
   */
  stop(): Promise<void>;
}

/** Opens the configured database and brings it up to date. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const database = connect({ url: config.DATABASE_URL, sqliteFile: `${config.dataDir}/conventio.db` });
  const applied = await migrateToLatest(database.db);
  log.info({ database: database.where, dialect: database.dialect, applied }, "database ready");
  return database;
}

/** First start: the bundled registry, the demo data if asked, and a way to create the first administrator. */
async function prepare(services: Services, config: Config, log: Logger, demo: boolean): Promise<void> {
  if ((await services.registry.countEntries()) === 0) {
    const started = Date.now();
    const r = await services.registry.loadRegistry(readBundledRegistry());
    log.info({ entries: r.inserted, ms: Date.now() - started }, "bundled registry loaded");
  }
  if (demo) {
    const loaded = await loadDemoData(services);
    if (loaded) log.info(loaded, "demo data loaded");
  }
  if (await services.accounts.hasUsers()) return;
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const input = CreateUserInput.parse({
      email: config.ADMIN_EMAIL,
      password: config.ADMIN_PASSWORD,
      name: "Administrator",
      role: "admin",
    });
    await services.accounts.createUserAsOperator(input);
    log.info({ email: input.email }, "first administrator created from ADMIN_EMAIL");
    return;
  }
  const token = await services.accounts.issueSetupToken();
  if (token) {
    log.warn(`No account exists yet. Create the first administrator at ${config.publicUrl}/setup?token=${token}`);
  }
}

/** Starts Conventio: database, first-start preparation, HTTP. */
export async function startServer(
  options: { demo?: boolean; config?: Config; reminders?: boolean; ewp?: boolean; clock?: Clock; mailer?: Mailer } = {},
): Promise<Running> {
  const config = options.config ?? loadConfig();
  const log = createLogger(config);
  const database = await openDatabase(config, log);
  const services = createServices(database, config, log, options.clock, options.mailer);
  // Several processes may start on one new database at once: one prepares it, the others then find it ready.
  const locks = jobLocks(database);
  await locks.runInTurn("first-start", () => prepare(services, config, log, options.demo ?? false));
  const app = await buildApp({ config, services, log, serveWeb: true });
  const url = await app.listen({ host: config.HOST, port: config.PORT });
  // Each pass of a scheduled job runs in one process of the installation only (decision 029).
  const runJob = runJobAlone(locks, app.metrics.runJob, app.metrics.skipJob);
  const reminders =
    options.reminders === false
      ? allJobs([])
      : scheduleReminders(services.reminders, config.REMINDER_INTERVAL_MINUTES, log, runJob);
  // The network reaches a node over HTTPS only: without an https:// PUBLIC_URL, nothing is sent.
  const ewp =
    options.ewp === false || !config.publicUrl.startsWith("https://")
      ? allJobs([])
      : scheduleEwp(
          services.ewp.flow,
          { outboxMs: config.EWP_OUTBOX_SECONDS * 1000, pollMs: config.EWP_POLL_MINUTES * 60_000 },
          log,
          runJob,
        );
  log.info(`Conventio is ready at ${config.PUBLIC_URL ?? url}`);
  let stopping: Promise<void> | null = null;
  return {
    app,
    services,
    database,
    url,
    stop() {
      stopping ??= (async () => {
        log.info("shutting down");
        // No scheduled pass starts any more; the one under way has the same grace as the requests.
        const jobsDone = within(allJobs([reminders, ewp]).stop(), SHUTDOWN_GRACE_MS);
        await closeHttp(app, log);
        if (!(await jobsDone)) log.warn("a scheduled job was still running at the end of the shutdown grace period");
        services.mailer.close();
        await database.destroy();
        log.info("stopped");
      })();
      return stopping;
    },
  };
}

/** On SIGTERM or SIGINT: stop gracefully, then exit 0; a second signal ends the process at once. */
export function stopOnSignals(running: Running): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      running.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          running.app.log.error({ err }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  stopOnSignals(await startServer({ demo: process.argv.includes("--demo") }));
}
