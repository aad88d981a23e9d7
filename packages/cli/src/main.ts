import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import {
  ActivityInput,
  ActivityKind,
  ActivityListQuery,
  AgreementKind,
  AgreementListQuery,
  AgreementStatus,
  CreateActionInput,
  CreateAgreementInput,
  CreateBodyInput,
  CreateOrganisationInput,
  CreatePersonInput,
  CreateUserInput,
  EventInput,
  IndicatorInput,
  IndicatorValueInput,
  MeetingInput,
  MemberInput,
  NewsInput,
  TransitionAction,
  TransitionInput,
  UI_LANGUAGES,
  UiLanguage,
  UpdateAgreementInput,
  UserRole,
} from "@conventio/domain";
import {
  AppError,
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
  .option("--partner <organisationId>", "only agreements this organisation is party to")
  .option("--country <code>", "only agreements with a party in this country (ISO 3166-1, e.g. JP)")
  .option("--theme <theme>")
  .action(
    (opts: {
      status?: string;
      kind?: string;
      expiringWithin?: string;
      search?: string;
      partner?: string;
      country?: string;
      theme?: string;
    }) =>
      withServices(async ({ agreements }) => {
        const query = AgreementListQuery.parse({
          status: opts.status,
          kind: opts.kind,
          expiringWithinDays: opts.expiringWithin,
          q: opts.search,
          partner: opts.partner,
          country: opts.country,
          theme: opts.theme,
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
  .addOption(new Option("--lang <lang>", "the language of the PDF").choices(UI_LANGUAGES).default("en"))
  .action((agreementId: string, opts: { on?: string; pdf?: string; lang: string }) =>
    withServices(async ({ reviews }) => {
      const on = opts.on ?? new Date().toISOString().slice(0, 10);
      if (opts.pdf) {
        writeFileSync(opts.pdf, await reviews.pdf(SYSTEM_ACTOR, agreementId, on, UiLanguage.parse(opts.lang)));
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

program
  .command("agreement <id>")
  .description("Show an agreement: parties, content, renewal chain, history, documents")
  .action((id: string) =>
    withServices(async ({ agreements, documents }) => {
      const view = await agreements.getAgreement(SYSTEM_ACTOR, id);
      console.log(
        JSON.stringify({ ...view, documents: await documents.listDocuments(SYSTEM_ACTOR, "agreement", id) }, null, 2),
      );
    }),
  );

program
  .command("transition <id> <action>")
  .description(`Move an agreement through its life (${TransitionAction.options.join(", ")})`)
  .option("--on <date>", "date of a termination")
  .option("--reason <text>", "reason of a termination")
  .option("--note <text>")
  .action((id: string, action: string, opts: { on?: string; reason?: string; note?: string }) =>
    withServices(async ({ agreements }) => {
      const input = TransitionInput.parse({
        action,
        on: opts.on ?? null,
        reason: opts.reason ?? null,
        note: opts.note ?? null,
      });
      const view = await agreements.transitionAgreement(SYSTEM_ACTOR, id, input);
      console.log(`${view.reference} is now ${view.status}.`);
    }),
  );

program
  .command("renew <id>")
  .description("Create the successor of an agreement as a pre-filled draft")
  .action((id: string) =>
    withServices(async ({ agreements }) => {
      const view = await agreements.renewAgreement(SYSTEM_ACTOR, id);
      console.log(
        `Drafted ${view.reference} (${view.startsOn ?? "?"} – ${view.endsOn ?? "open-ended"}), id ${view.id}.`,
      );
    }),
  );

program
  .command("attach <recordId> <file>")
  .description("Attach a document (signed scan, annex) to an agreement, or with --activity to an activity")
  .addOption(new Option("--kind <kind>").choices(["signed", "annex", "other"]).default("other"))
  .option("--activity", "the id is an activity's")
  .option("--title <title>")
  .option("--replaces <documentId>", "the document this one is a new version of")
  .action(
    (
      recordId: string,
      file: string,
      opts: { kind: "signed" | "annex" | "other"; title?: string; replaces?: string; activity?: boolean },
    ) =>
      withServices(async ({ documents }) => {
        const entity = opts.activity ? "activity" : "agreement";
        const doc = await documents.storeUpload(
          SYSTEM_ACTOR,
          entity,
          recordId,
          basename(file),
          createReadStream(file),
          { kind: opts.kind, title: opts.title ?? null, replacesId: opts.replaces ?? null },
        );
        console.log(`Stored ${doc.fileName} (${doc.mediaType}, ${doc.size} bytes), version ${doc.version}.`);
      }),
  );

program
  .command("timeline <organisationId>")
  .description("A partner's relationship on one time axis")
  .action((organisationId: string) =>
    withServices(async ({ timeline }) => {
      for (const e of await timeline.partnerTimeline(SYSTEM_ACTOR, organisationId)) {
        console.log([e.start, e.end ?? "", e.kind, e.label].join("\t"));
      }
    }),
  );

program
  .command("events")
  .description("List events; --ical prints every public event as an iCal feed")
  .option("--from <instant>", "ISO date-time")
  .option("--to <instant>", "ISO date-time")
  .option("--ical", "print the public iCal feed")
  .action((opts: { from?: string; to?: string; ical?: boolean }) =>
    withServices(async ({ events }) => {
      if (opts.ical) {
        process.stdout.write(await events.publicCalendar());
        return;
      }
      const page = await events.listEvents(SYSTEM_ACTOR, { from: opts.from, to: opts.to, limit: 500 });
      for (const e of page.items) {
        console.log([e.startsAt, e.timeZone, e.visibility, e.title].join("\t"));
      }
    }),
  );

program
  .command("activities")
  .description("List activities, newest first")
  .addOption(new Option("--kind <kind>").choices(ActivityKind.options))
  .option("--agreement <id>")
  .action((opts: { kind?: string; agreement?: string }) =>
    withServices(async ({ activities }) => {
      const query = ActivityListQuery.parse({ kind: opts.kind, agreement: opts.agreement });
      let cursor: string | undefined;
      do {
        const page = await activities.listActivities(SYSTEM_ACTOR, { ...query, cursor, limit: 200 });
        for (const a of page.items) console.log([a.startsOn ?? "", a.kind, a.status, a.title].join("\t"));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }),
  );

program
  .command("news")
  .description("List news posts; --pending lists comments awaiting moderation")
  .option("--pending")
  .action((opts: { pending?: boolean }) =>
    withServices(async ({ news }) => {
      if (opts.pending) {
        for (const c of (await news.pendingComments(SYSTEM_ACTOR, { limit: 200 })).items)
          console.log([c.id, c.createdAt, c.author, JSON.stringify(c.body)].join("\t"));
        return;
      }
      for (const p of (await news.listNews(SYSTEM_ACTOR, { limit: 100 })).items)
        console.log([p.publishedOn ?? "draft", p.tags.join(","), p.title].join("\t"));
    }),
  );

program
  .command("moderate <commentId> <decision>")
  .description("Approve or remove a comment (approved | removed)")
  .action((commentId: string, decision: string) =>
    withServices(async ({ news }) => {
      if (decision !== "approved" && decision !== "removed") throw new Error("The decision is approved or removed.");
      const c = await news.moderateComment(SYSTEM_ACTOR, commentId, decision);
      console.log(`Comment by ${c.author} ${c.status}.`);
    }),
  );

const RECORD_KINDS = [
  "organisation",
  "person",
  "agreement",
  "activity",
  "indicator",
  "event",
  "news",
  "group",
  "member",
  "meeting",
  "action",
] as const;

program
  .command("update-agreement <id> <file>")
  .description("Change an agreement from a JSON file of the fields to change, validated like the API")
  .action((id: string, file: string) =>
    withServices(async ({ agreements }) => {
      const parsed = UpdateAgreementInput.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
        process.exitCode = 1;
        return;
      }
      const a = await agreements.updateAgreement(SYSTEM_ACTOR, id, parsed.data);
      console.log(`${a.reference}\t${a.status}\t${a.title}`);
    }),
  );

program
  .command("governance <agreementId>")
  .description("Show the groups of an agreement with their members and meetings, and its action items")
  .action((agreementId: string) =>
    withServices(async ({ governance }) => {
      for (const b of await governance.listBodies(SYSTEM_ACTOR, agreementId)) {
        console.log(`${b.name} (${b.kind}${b.theme ? `, ${b.theme}` : ""})`);
        for (const m of b.members) {
          const who = [m.person?.name, m.organisation?.name].filter(Boolean).join(", ");
          console.log(`  member\t${who}\t${m.role}${m.studentRepresentative ? "\tstudent representative" : ""}`);
        }
        for (const m of b.meetings)
          console.log(`  meeting\t${m.heldOn}\t${m.place ?? ""}\t${m.decisions.length} decisions`);
      }
      for (const a of await governance.agreementActions(SYSTEM_ACTOR, agreementId)) {
        console.log(["action", a.status, a.dueOn ?? "", a.owner?.name ?? "", a.title].join("\t"));
      }
    }),
  );

program
  .command("indicator-value <indicatorId> <year> <value>")
  .description("Record an indicator's value for a year (replacing that year's value)")
  .action((indicatorId: string, year: string, value: string) =>
    withServices(async ({ activities }) => {
      const parsed = IndicatorValueInput.safeParse({ year: Number(year), value: Number(value) });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
        process.exitCode = 1;
        return;
      }
      const i = await activities.recordIndicatorValue(SYSTEM_ACTOR, indicatorId, parsed.data);
      const target = i.target == null ? "" : `, target ${i.target}${i.targetYear ? ` by ${i.targetYear}` : ""}`;
      console.log(`${i.name}: ${i.values.map((v) => `${v.year} ${v.value}`).join(", ")} ${i.unit}${target}`);
    }),
  );

program
  .command("dashboard")
  .description("Print the staff dashboard: agreements by status, kind and country, expiring, mobility flows, dormant")
  .action(() =>
    withServices(async ({ dashboard }) => {
      const d = await dashboard.overview(SYSTEM_ACTOR);
      const line = (label: string, rows: Array<[string, number | string]>) =>
        console.log(`${label}: ${rows.map(([k, n]) => `${k} ${n}`).join(", ") || "none"}`);
      line(
        "By status",
        d.byStatus.map((r) => [r.status, r.count]),
      );
      line(
        "By kind",
        d.byKind.map((r) => [r.kind, r.count]),
      );
      line(
        "By country",
        d.byCountry.map((r) => [r.countryCode, r.count]),
      );
      line(
        "Expiring",
        d.expiring.map((r) => [r.reference, r.endsOn ?? ""]),
      );
      line(
        "Mobility (in/out)",
        d.mobility.map((r) => [r.academicYear, `${r.incoming}/${r.outgoing}`]),
      );
      line(
        "Dormant",
        d.dormant.map((r) => [r.reference, r.lastSign ?? "never"]),
      );
    }),
  );

program
  .command("add <kind> <file>")
  .description(
    `Create records from a JSON file (one object or an array), validated like the API: ${RECORD_KINDS.join(", ")}`,
  )
  .action((kind: string, file: string) =>
    withServices(async (s) => {
      if (!(RECORD_KINDS as readonly string[]).includes(kind))
        throw new Error(`Choose one of ${RECORD_KINDS.join(", ")}.`);
      const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
      const items = Array.isArray(raw) ? raw : [raw];
      for (const [i, item] of items.entries()) {
        const fail = (issues: Array<{ path: PropertyKey[]; message: string }>) => {
          for (const issue of issues) console.error(`#${i} ${issue.path.join(".")}: ${issue.message}`);
          process.exitCode = 1;
        };
        const created = await (async () => {
          switch (kind as (typeof RECORD_KINDS)[number]) {
            case "organisation": {
              const p = CreateOrganisationInput.safeParse(item);
              return p.success
                ? (await s.organisations.createOrganisation(SYSTEM_ACTOR, p.data)).id
                : fail(p.error.issues);
            }
            case "person": {
              const p = CreatePersonInput.safeParse(item);
              return p.success ? (await s.people.createPerson(SYSTEM_ACTOR, p.data)).id : fail(p.error.issues);
            }
            case "agreement": {
              const p = CreateAgreementInput.safeParse(item);
              return p.success ? (await s.agreements.createAgreement(SYSTEM_ACTOR, p.data)).id : fail(p.error.issues);
            }
            case "activity": {
              const p = ActivityInput.safeParse(item);
              return p.success ? (await s.activities.createActivity(SYSTEM_ACTOR, p.data)).id : fail(p.error.issues);
            }
            case "indicator": {
              const p = IndicatorInput.safeParse(item);
              return p.success ? (await s.activities.createIndicator(SYSTEM_ACTOR, p.data)).id : fail(p.error.issues);
            }
            case "event": {
              const p = EventInput.safeParse(item);
              return p.success ? (await s.events.saveEvent(SYSTEM_ACTOR, null, p.data)).id : fail(p.error.issues);
            }
            case "group": {
              const p = CreateBodyInput.safeParse(item);
              return p.success ? (await s.governance.createBody(SYSTEM_ACTOR, p.data)).id : fail(p.error.issues);
            }
            case "member": {
              const { bodyId, ...rest } = item as { bodyId?: string };
              const p = MemberInput.safeParse(rest);
              return p.success
                ? (await s.governance.addMember(SYSTEM_ACTOR, String(bodyId ?? ""), p.data)).id
                : fail(p.error.issues);
            }
            case "meeting": {
              const { bodyId, ...rest } = item as { bodyId?: string };
              const p = MeetingInput.safeParse(rest);
              return p.success
                ? (await s.governance.recordMeeting(SYSTEM_ACTOR, String(bodyId ?? ""), p.data)).id
                : fail(p.error.issues);
            }
            case "action": {
              const p = CreateActionInput.safeParse(item);
              return p.success ? (await s.governance.createAction(SYSTEM_ACTOR, p.data)).id : fail(p.error.issues);
            }
            case "news": {
              const p = NewsInput.safeParse(item);
              return p.success ? (await s.news.saveNews(SYSTEM_ACTOR, null, p.data)).id : fail(p.error.issues);
            }
          }
        })();
        if (created) console.log(`${kind} ${created}`);
      }
    }),
  );

try {
  await program.parseAsync();
} catch (err) {
  // Refusals (a rule, a missing record, a bad value) are told plainly; anything else keeps its stack.
  if (err instanceof AppError) {
    console.error(`${err.message}`);
    for (const e of err.details.errors ?? []) console.error(`  ${e.field}: ${e.message}`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
