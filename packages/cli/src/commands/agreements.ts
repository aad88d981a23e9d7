import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import {
  AgreementKind,
  AgreementListQuery,
  AgreementStatus,
  AgreementSummary,
  AgreementView,
  BalanceRow,
  DashboardView,
  DocumentList,
  DormantAgreements,
  type Page,
  pageOf,
  TransitionAction,
  TransitionInput,
  UI_LANGUAGES,
  UiLanguage,
  UpdateAgreementInput,
} from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import { type Command, Option } from "commander";
import { z } from "zod";
import { withServices } from "../context.js";
import { queryString, readFrom, worksRemotely, writeTo } from "../remote.js";

const AgreementPage = pageOf(AgreementSummary);
const BalanceList = z.object({ items: z.array(BalanceRow) });

/** Prints every page of the agreement list, one agreement a line. */
async function printPages(read: (cursor: string | undefined) => Promise<Page<AgreementSummary>>): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    for (const a of page.items) {
      console.log([a.reference, a.status, a.startsOn ?? "", a.endsOn ?? "open-ended", a.title].join("\t"));
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Agreements: lists, lifecycle, renewal, files, reviews and figures. */
export function registerAgreementsCommands(program: Command): void {
  worksRemotely(program.command("agreements"))
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
      }) => {
        const query = AgreementListQuery.parse({
          status: opts.status,
          kind: opts.kind,
          expiringWithinDays: opts.expiringWithin,
          q: opts.search,
          partner: opts.partner,
          country: opts.country,
          theme: opts.theme,
        });
        return readFrom(
          program,
          ({ agreements }) =>
            printPages((cursor) => agreements.listAgreements(SYSTEM_ACTOR, { ...query, cursor, limit: 200 })),
          (api) =>
            printPages((cursor) =>
              api.get(`/api/agreements${queryString({ ...query, cursor, limit: 200 })}`, AgreementPage),
            ),
        );
      },
    );

  worksRemotely(program.command("dormant"))
    .description("List active agreements with no activity, meeting or indicator value for N months")
    .option("--months <n>", "quiet period in months (default: DORMANT_MONTHS)")
    .action((opts: { months?: string }) =>
      readFrom(
        program,
        ({ dashboard }) =>
          dashboard.dormantAgreements(SYSTEM_ACTOR, opts.months ? Number(opts.months) : undefined, 1000),
        (api) => api.get(`/api/dormant-agreements${queryString({ months: opts.months })}`, DormantAgreements),
      ).then((r) => {
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

  worksRemotely(program.command("balance"))
    .description("Incoming against outgoing mobility per academic year")
    .option("--partner <organisationId>")
    .action((opts: { partner?: string }) =>
      readFrom(
        program,
        ({ activities }) => activities.exchangeBalance(SYSTEM_ACTOR, { partner: opts.partner }),
        async (api) =>
          (await api.get(`/api/exchange-balance${queryString({ partner: opts.partner })}`, BalanceList)).items,
      ).then((rows) => {
        for (const r of rows) {
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

  worksRemotely(program.command("agreement <id>"))
    .description("Show an agreement: parties, content, renewal chain, history, documents")
    .action((id: string) =>
      readFrom(
        program,
        async ({ agreements, documents }) => ({
          ...(await agreements.getAgreement(SYSTEM_ACTOR, id)),
          documents: await documents.listDocuments(SYSTEM_ACTOR, "agreement", id),
        }),
        async (api) => ({
          ...(await api.get(`/api/agreements/${encodeURIComponent(id)}`, AgreementView)),
          documents: (await api.get(`/api/agreements/${encodeURIComponent(id)}/documents`, DocumentList)).items,
        }),
      ).then((shown) => console.log(JSON.stringify(shown, null, 2))),
    );

  worksRemotely(program.command("transition <id> <action>"))
    .description(`Move an agreement through its life (${TransitionAction.options.join(", ")})`)
    .option("--on <date>", "date of a termination")
    .option("--reason <text>", "reason of a termination")
    .option("--note <text>")
    .action((id: string, action: string, opts: { on?: string; reason?: string; note?: string }) => {
      const input = TransitionInput.parse({
        action,
        on: opts.on ?? null,
        reason: opts.reason ?? null,
        note: opts.note ?? null,
      });
      return writeTo(
        program,
        ({ agreements }) => agreements.transitionAgreement(SYSTEM_ACTOR, id, input),
        (api) => api.send("POST", `/api/agreements/${encodeURIComponent(id)}/transitions`, input, AgreementView),
      ).then((view) => console.log(`${view.reference} is now ${view.status}.`));
    });

  worksRemotely(program.command("renew <id>"))
    .description("Create the successor of an agreement as a pre-filled draft")
    .action((id: string) =>
      writeTo(
        program,
        ({ agreements }) => agreements.renewAgreement(SYSTEM_ACTOR, id),
        (api) => api.send("POST", `/api/agreements/${encodeURIComponent(id)}/renewal`, {}, AgreementView),
      ).then((view) =>
        console.log(
          `Drafted ${view.reference} (${view.startsOn ?? "?"} – ${view.endsOn ?? "open-ended"}), id ${view.id}.`,
        ),
      ),
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

  worksRemotely(program.command("update-agreement <id> <file>"))
    .description("Change an agreement from a JSON file of the fields to change, validated like the API")
    .action(async (id: string, file: string) => {
      const parsed = UpdateAgreementInput.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
        process.exitCode = 1;
        return;
      }
      const a = await writeTo(
        program,
        ({ agreements }) => agreements.updateAgreement(SYSTEM_ACTOR, id, parsed.data),
        (api) => api.send("PATCH", `/api/agreements/${encodeURIComponent(id)}`, parsed.data, AgreementView),
      );
      console.log(`${a.reference}\t${a.status}\t${a.title}`);
    });

  worksRemotely(program.command("dashboard"))
    .description("Print the staff dashboard: agreements by status, kind and country, expiring, mobility flows, dormant")
    .action(() =>
      readFrom(
        program,
        ({ dashboard }) => dashboard.overview(SYSTEM_ACTOR),
        (api) => api.get("/api/dashboard", DashboardView),
      ).then((d) => {
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
}
