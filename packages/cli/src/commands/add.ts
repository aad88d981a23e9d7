import { readFileSync } from "node:fs";
import {
  ActivityInput,
  CreateActionInput,
  CreateAgreementInput,
  CreateBodyInput,
  CreateOrganisationInput,
  CreatePersonInput,
  EventInput,
  IndicatorInput,
  MeetingInput,
  MemberInput,
  NewsInput,
} from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Command } from "commander";
import { withServices } from "../context.js";

/** The kinds of record `add` creates, in the order their references allow. */
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

/** Adding records of any kind from JSON files. */
export function registerAddCommands(program: Command): void {
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
}
