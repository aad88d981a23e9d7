import { createLogger, createServices, loadConfig, openDatabase, type Services } from "@conventio/server";

/** Opens the configured database for one command and closes it afterwards. */
export async function withServices<T>(run: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger({ ...config, LOG_LEVEL: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL });
  const database = await openDatabase(config, log);
  try {
    return await run(createServices(database, config, log));
  } finally {
    await database.destroy();
  }
}
