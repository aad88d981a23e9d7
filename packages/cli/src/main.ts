import { writeFileSync } from "node:fs";
import { AgreementKind, AgreementListQuery, AgreementStatus, CreateUserInput, UserRole } from "@conventio/domain";
import {
  aliasesOfRor,
  candidateFromRor,
  loadConfig,
  loadDemoData,
  readBundledRegistry,
  readRorRecords,
  resetDatabase,
  SYSTEM_ACTOR,
  startServer,
} from "@conventio/server";
import { Command, Option } from "commander";
import { withServices } from "./context.js";
import { progressBar } from "./progress.js";

const program = new Command("conventio").description(
  "Conventio: institutional partnerships, from partners to publication.",
);

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

program
  .command("import-ror <file>")
  .description("Import a ROR dump (JSON array of schema v2, or JSON lines; .gz accepted) with progress")
  .addOption(
    new Option("--into <target>", "registry: searchable candidates; organisations: partners")
      .choices(["registry", "organisations"])
      .default("registry"),
  )
  .option("--include-inactive", "also import inactive and withdrawn records")
  .action((file: string, opts: { into: "registry" | "organisations"; includeInactive?: boolean }) =>
    withServices(async ({ registry }) => {
      let bytes = { bytesRead: 0, totalBytes: 1 };
      const bar = progressBar(`Importing ${file}`, 100);
      async function* candidates() {
        for await (const record of readRorRecords(file, (p) => (bytes = p))) {
          const c = candidateFromRor(record);
          if (!c || (!opts.includeInactive && c.status !== "active")) continue;
          yield { ...c, aliases: aliasesOfRor(record).filter((a) => a !== c.name) };
        }
      }
      const report = (p: { processed: number; inserted: number; skipped: number }) =>
        bar.update(
          Math.floor((100 * bytes.bytesRead) / bytes.totalBytes),
          `${p.processed} read, ${p.inserted} saved, ${p.skipped} skipped`,
        );
      const result =
        opts.into === "registry"
          ? await registry.loadRegistry(candidates(), report)
          : await registry.importOrganisations(SYSTEM_ACTOR, candidates(), report);
      bar.update(100, `${result.processed} read, ${result.inserted} saved, ${result.skipped} skipped`);
      bar.stop();
      console.log(`Done: ${result.inserted} saved, ${result.skipped} skipped, ${result.processed} read.`);
    }),
  );

program
  .command("agreements")
  .description("List agreements, with the filters of the web app")
  .addOption(new Option("--status <status>").choices(AgreementStatus.options))
  .addOption(new Option("--kind <kind>").choices(AgreementKind.options))
  .option("--expiring-within <days>", "only active agreements ending within this many days")
  .option("--search <words>")
  .action((opts: { status?: string; kind?: string; expiringWithin?: string; search?: string }) =>
    withServices(async ({ agreements }) => {
      const query = AgreementListQuery.parse({
        status: opts.status,
        kind: opts.kind,
        expiringWithinDays: opts.expiringWithin,
        q: opts.search,
      });
      let cursor: string | undefined;
      do {
        const page = await agreements.listAgreements(SYSTEM_ACTOR, { ...query, cursor, limit: 200 });
        for (const a of page.items) {
          console.log([a.reference, a.status, a.startsOn ?? "", a.endsOn ?? "open-ended", a.title].join("\t"));
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }),
  );

program
  .command("reminders")
  .description("Run the reminder job once: expiry, review and action reminders to inboxes and by e-mail")
  .action(() =>
    withServices(async ({ reminders }) => {
      const r = await reminders.runReminders();
      console.log(`${r.issued} reminders issued, ${r.mailed} e-mails sent.`);
    }),
  );

program
  .command("dormant")
  .description("List active agreements with no activity, meeting or indicator value for N months")
  .option("--months <n>", "quiet period in months (default: DORMANT_MONTHS)")
  .action((opts: { months?: string }) =>
    withServices(async ({ dashboard }) => {
      const r = await dashboard.dormantAgreements(SYSTEM_ACTOR, opts.months ? Number(opts.months) : undefined, 1000);
      for (const a of r.items)
        console.log([a.reference, a.startsOn ?? "", a.lastSign ?? "nothing recorded", a.title].join("\t"));
      console.log(`${r.total} dormant agreements.`);
    }),
  );

program
  .command("review <agreementId>")
  .description("Assemble the progress review of a partnership; --pdf writes it as a PDF")
  .option("--on <date>", "the date of the review (YYYY-MM-DD), today by default")
  .option("--pdf <file>", "write the review to this PDF file")
  .action((agreementId: string, opts: { on?: string; pdf?: string }) =>
    withServices(async ({ reviews }) => {
      const on = opts.on ?? new Date().toISOString().slice(0, 10);
      if (opts.pdf) {
        writeFileSync(opts.pdf, await reviews.pdf(SYSTEM_ACTOR, agreementId, on));
        console.log(`Wrote ${opts.pdf}.`);
        return;
      }
      console.log(JSON.stringify(await reviews.assemble(SYSTEM_ACTOR, agreementId, on), null, 2));
    }),
  );

program
  .command("balance")
  .description("Incoming against outgoing mobility per academic year")
  .option("--partner <organisationId>")
  .action((opts: { partner?: string }) =>
    withServices(async ({ activities }) => {
      for (const r of await activities.exchangeBalance(SYSTEM_ACTOR, { partner: opts.partner })) {
        console.log(
          [
            r.academicYear,
            r.partner?.name ?? "all partners",
            `in ${r.incoming}`,
            `out ${r.outgoing}`,
            `balance ${r.balance}`,
          ].join("\t"),
        );
      }
    }),
  );

await program.parseAsync();
