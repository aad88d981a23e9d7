import { CreateUserInput } from "@conventio/domain";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { type Config, loadConfig } from "./config.js";
import { connect, type Database } from "./db/connection.js";
import { migrateToLatest } from "./db/migrate.js";
import { loadDemoData } from "./db/seed/demo.js";
import { scheduleEwp } from "./modules/ewp/ewp-flow.js";
import { readBundledRegistry } from "./modules/registry/bundled-registry.js";
import { scheduleReminders } from "./modules/reminders/reminder.service.js";
import { createServices, type Services } from "./services.js";
import type { Clock } from "./shared/clock.js";
import { createLogger, type Logger } from "./shared/logger.js";
import type { Mailer } from "./shared/mailer.js";

export interface Running {
  app: FastifyInstance;
  services: Services;
  database: Database;
  url: string;
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
  await prepare(services, config, log, options.demo ?? false);
  const app = await buildApp({ config, services, log, serveWeb: true });
  const url = await app.listen({ host: config.HOST, port: config.PORT });
  const stopReminders =
    options.reminders === false
      ? () => {}
      : scheduleReminders(services.reminders, config.REMINDER_INTERVAL_MINUTES, log);
  // The network reaches a node over HTTPS only: without an https:// PUBLIC_URL, nothing is sent.
  const stopEwp =
    options.ewp === false || !config.publicUrl.startsWith("https://")
      ? () => {}
      : scheduleEwp(
          services.ewp.flow,
          { outboxMs: config.EWP_OUTBOX_SECONDS * 1000, pollMs: config.EWP_POLL_MINUTES * 60_000 },
          log,
        );
  log.info(`Conventio is ready at ${config.PUBLIC_URL ?? url}`);
  return {
    app,
    services,
    database,
    url,
    async stop() {
      stopReminders();
      stopEwp();
      await app.close();
      services.mailer.close();
      await database.destroy();
    },
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const running = await startServer({ demo: process.argv.includes("--demo") });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void running.stop().then(() => process.exit(0)));
  }
}
