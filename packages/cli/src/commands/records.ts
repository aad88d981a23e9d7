import { ActivityKind, ActivityListQuery, IndicatorValueInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import { type Command, Option } from "commander";
import { withServices } from "../context.js";

/** Reminders, timelines, events, activities, news, comments, governance and indicators. */
export function registerRecordsCommands(program: Command): void {
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
}
