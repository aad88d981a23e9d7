import { EwpNodeStatus } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Command } from "commander";
import { readFrom, worksRemotely } from "../remote.js";

const yes = (flag: boolean, text: string) => (flag ? text : `not ${text}`);

/** `conventio ewp status`: the node's address, keys and catalogue, its outbox and where each IIA stands. */
export function registerEwpStatusCommand(ewp: Command): void {
  worksRemotely(ewp.command("status"))
    .description(
      "Show the EWP node: address, keys, Registry catalogue, outbox, each IIA's exchange state, recent calls",
    )
    .option("--json", "print the status as JSON")
    .action((opts: { json?: boolean }) =>
      readFrom(
        ewp,
        (services) => services.ewp.status.nodeStatus(SYSTEM_ACTOR),
        (api) => api.get("/api/ewp/node", EwpNodeStatus),
      ).then((status) => {
        if (opts.json) {
          console.log(JSON.stringify(status, null, 2));
          return;
        }
        const { catalogue } = status;
        console.log(`EWP node     ${status.baseUrl}`);
        console.log(`Manifest     ${status.manifestUrl}`);
        console.log(`Institutions ${status.heiIds.join(", ") || "none described yet"}`);
        console.log(`Client key   ${status.clientKeyId}`);
        console.log(`Server key   ${status.serverKeyId}`);
        console.log(
          `Catalogue    ${catalogue.location}: ${
            catalogue.error === null
              ? `${catalogue.hosts} host(s), ${catalogue.heis} institution(s)`
              : `cannot be read (${catalogue.error})`
          }`,
        );
        console.log(
          `Outbox       ${Object.entries(status.outbox)
            .map(([state, n]) => `${state} ${n}`)
            .join(", ")}`,
        );
        console.log(status.agreements.length ? "Agreements" : "Agreements   none with an IIA");
        for (const a of status.agreements) {
          console.log(
            `  ${a.reference}  ${a.partnerHeiId}  ${yes(a.mapped, "mapped")}, ${yes(a.approvedByUs, "approved by us")}, ${yes(a.approvedByPartner, "approved by the partner")}`,
          );
        }
        console.log(status.recentCalls.length ? "Recent calls" : "Recent calls none");
        for (const c of status.recentCalls) {
          console.log(
            `  ${c.at}  ${c.direction === "out" ? "→" : "←"} ${c.api} ${c.method} ${c.status ?? "no answer"} ${c.durationMs} ms ${c.url}${c.error ? `  ${c.error}` : ""}`,
          );
        }
      }),
    );
}
