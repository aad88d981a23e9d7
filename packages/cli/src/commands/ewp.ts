import { readFileSync, writeFileSync } from "node:fs";
import {
  EWP_DOCUMENTS,
  hashIiasGetResponse,
  localNameOf,
  parseXml,
  SYSTEM_ACTOR,
  XmlSyntaxError,
} from "@conventio/server";
import type { Command } from "commander";
import { withServices } from "../context.js";
import { registerEwpStatusCommand } from "./ewp-status.js";

/**
 * Erasmus Without Paper from the command line: one `ewp` group whose subcommands work on EWP
 * documents: hashing a get-response the way the official XSLT does, exporting every IIA, and
 * importing a partner's agreements or approvals.
 */

/** Where IIAs v6 get-responses live: agreements still served in v6 are hashed by the v6 transform. */
const IIAS_V6_GET_NAMESPACE =
  "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v6/endpoints/get-response.xsd";

/** A file the command cannot work on, told in one line. */
class UnusableFile extends Error {}

/** The document as a parsed IIAs get-response, or the reason it is not one. */
function readGetResponse(file: string, v6: boolean) {
  let xml: string;
  try {
    xml = readFileSync(file, "utf8");
  } catch (err) {
    throw new UnusableFile(`cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let doc: ReturnType<typeof parseXml>;
  try {
    doc = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new UnusableFile(`not well-formed XML: ${err.message}`);
    throw err;
  }
  const root = doc.documentElement;
  const expected = {
    root: EWP_DOCUMENTS.iiasGet.root,
    namespace: v6 ? IIAS_V6_GET_NAMESPACE : EWP_DOCUMENTS.iiasGet.namespace,
  };
  if (!root || localNameOf(root) !== expected.root || root.namespaceURI !== expected.namespace) {
    const found = root ? `{${root.namespaceURI ?? ""}}${localNameOf(root)}` : "empty";
    const hint = !v6 && root?.namespaceURI === IIAS_V6_GET_NAMESPACE ? " (use --v6 for an IIAs v6 get-response)" : "";
    throw new UnusableFile(
      `the document is ${found}, not an IIAs ${v6 ? "v6" : "v7"} get-response {${expected.namespace}}${expected.root}${hint}`,
    );
  }
  return doc;
}

function registerHashCommand(ewp: Command): void {
  ewp
    .command("hash")
    .description(
      "Print each agreement of an IIAs get-response as: iia-id iia-hash valid-for-approval (true or false), each hashed as if alone in its document",
    )
    .argument("<file>", "an iias-get-response XML document")
    .option("--v6", "the document is an IIAs v6 get-response: compute the v7 hash as transform_version_6.xsl does")
    .action((file: string, opts: { v6?: boolean }) => {
      try {
        const doc = readGetResponse(file, opts.v6 === true);
        for (const h of hashIiasGetResponse(doc, { rules: opts.v6 ? "v6" : "v7" })) {
          // A first partner without an iia-id still gets a line, its id shown as "-".
          console.log(`${h.iiaId || "-"} ${h.iiaHash} ${h.validForApproval}`);
        }
      } catch (err) {
        if (!(err instanceof UnusableFile)) throw err;
        console.error(`${file}: ${err.message}`);
        process.exitCode = 1;
      }
    });
}

function registerExchangeCommands(ewp: Command): void {
  ewp
    .command("export-iias")
    .description("Write every IIA as one IIAs v7 get-response, valid against the official schema")
    .option("--out <file>", "write to this file rather than to standard output")
    .action((opts: { out?: string }) =>
      withServices(async (services) => {
        const xml = await services.ewp.iias.exportXml(SYSTEM_ACTOR);
        if (opts.out) {
          writeFileSync(opts.out, xml);
          console.error(`Wrote ${opts.out}`);
        } else process.stdout.write(xml);
      }),
    );
  ewp
    .command("import")
    .description(
      "Import a partner's IIAs get-response (each agreement mapped onto ours or created), or with --approvals its IIAs Approval response; all or nothing",
    )
    .argument("<file>", "the partner's XML document")
    .option("--approvals", "the file is an iias-approval-response")
    .action((file: string, opts: { approvals?: boolean }) =>
      withServices(async (services) => {
        const xml = readFileSync(file, "utf8");
        if (opts.approvals) {
          const report = await services.ewp.exchange.importPartnerApprovals(SYSTEM_ACTOR, xml);
          for (const a of report.approvals) {
            console.log(`${a.iiaId} ${a.action}${a.reason ? `: ${a.reason.message}` : ""}`);
          }
          return;
        }
        const report = await services.ewp.exchange.importPartnerIias(SYSTEM_ACTOR, xml);
        for (const i of report.iias) {
          console.log(
            `${i.partnerHeiId} ${i.partnerIiaId} ${i.action} agreement ${i.agreementId}, ${i.differences} difference(s)`,
          );
        }
      }),
    );
}

/** The `ewp` command group; each subcommand registers itself on it. */
export function registerEwpCommands(program: Command): void {
  const ewp = program
    .command("ewp")
    .description("Erasmus Without Paper: IIA documents and their hashes, and the node's exchange with partners");
  registerHashCommand(ewp);
  registerExchangeCommands(ewp);
  registerEwpStatusCommand(ewp);
}
