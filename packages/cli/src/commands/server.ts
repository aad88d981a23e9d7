import { CreateUserInput, UserRole } from "@conventio/domain";
import { loadConfig, loadDemoData, readBundledRegistry, resetDatabase, startServer } from "@conventio/server";
import { type Command, Option } from "commander";
import { withServices } from "../context.js";

/** Running the server, the schema, accounts and demo data. */
export function registerServerCommands(program: Command): void {
  program
    .command("serve")
    .description("Start the web app and API (runs migrations and first-start preparation)")
    .option("--demo", "load demo data into an empty database")
    .action(async (opts: { demo?: boolean }) => {
      const running = await startServer({ demo: opts.demo ?? false });
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => void running.stop().then(() => process.exit(0)));
      }
    });

  program
    .command("migrate")
    .description("Apply pending database migrations")
    .option("--reset", "erase every table first (asks for --yes)")
    .option("--yes", "confirm --reset")
    .action(async (opts: { reset?: boolean; yes?: boolean }) => {
      if (opts.reset) {
        if (!opts.yes) {
          console.error("migrate --reset erases all data. Run it again with --yes to confirm.");
          process.exitCode = 2;
          return;
        }
        await resetDatabase(loadConfig());
        console.log("Database erased.");
      }
      await withServices(async () => console.log("Database is up to date."));
    });

  program
    .command("create-user")
    .description("Create an account (the first administrator, for example)")
    .requiredOption("--email <email>")
    .requiredOption("--name <name>")
    .addOption(new Option("--role <role>").choices(UserRole.options).default("admin"))
    .option("--password <password>", "at least 12 characters; read from CONVENTIO_PASSWORD when omitted")
    .action((opts: { email: string; name: string; role: string; password?: string }) =>
      withServices(async ({ accounts }) => {
        const parsed = CreateUserInput.safeParse({
          ...opts,
          password: opts.password ?? process.env.CONVENTIO_PASSWORD ?? "",
        });
        if (!parsed.success) {
          for (const i of parsed.error.issues) console.error(`${i.path.join(".")}: ${i.message}`);
          process.exitCode = 2;
          return;
        }
        const user = await accounts.createUserAsOperator(parsed.data);
        console.log(`Created ${user.role} ${user.email}.`);
      }),
    );

  program
    .command("demo")
    .description("Load the demo data into an empty database")
    .action(() =>
      withServices(async (services) => {
        if ((await services.registry.countEntries()) === 0) await services.registry.loadRegistry(readBundledRegistry());
        const r = await loadDemoData(services);
        console.log(
          r
            ? `Loaded ${r.organisations} organisations, ${r.people} people and ${r.agreements} agreements.`
            : "The database already holds organisations; nothing loaded.",
        );
      }),
    );
}
