/**
 * Two Conventio installations approving each other's Erasmus+ agreement over EWP, as two
 * processes on loopback: the University of Lille on SQLite, Ghent University on PostgreSQL,
 * one local Registry catalogue compiled from their manifests. Runs the whole approval flow in
 * both directions, then an amendment and a termination, printing each step. Exits 0 only when
 * both sides hold each other's approval of the same hashes; stops everything it started.
 *
 *   npm run ewp:demo            (PostgreSQL from TEST_DATABASE_URL or the local server)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Iia, IiaExchangeView, IiaView, MobilitySpecInput } from "@conventio/domain";
import { writeCatalogue } from "../packages/server/src/modules/ewp/ewp-catalogue-writer.js";
import { call, freshPostgres, type Installation, loopbackCertificate, startInstallation } from "./ewp-demo-nodes.js";

const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const WAIT_MS = 60_000;

const started = Date.now();
const say = (who: string, text: string) =>
  console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${who.padEnd(6)} ${text}`);
const short = (hash: string | null | undefined) => (hash ? `${hash.slice(0, 12)}…` : "none");

const LILLE = {
  heiId: "univ-lille.fr",
  name: "Université de Lille",
  otherIds: [{ type: "erasmus", value: "F  LILLE103" }],
  country: "FR",
};
const GHENT = {
  heiId: "ugent.be",
  name: "Universiteit Gent",
  otherIds: [{ type: "erasmus", value: "B  GENT01" }],
  country: "BE",
};

async function describe(
  node: Installation,
  self: typeof LILLE,
  partner: typeof LILLE,
): Promise<Record<string, string>> {
  await node.api("PUT", `/api/ewp/institutions/${self.heiId}`, {
    heiId: self.heiId,
    otherIds: self.otherIds,
    names: [{ value: self.name }],
  });
  const ids: Record<string, string> = {};
  for (const hei of [self, partner]) {
    const created = await node.api<{ id: string }>("POST", "/api/organisations", {
      kind: "university",
      name: hei.name,
      countryCode: hei.country,
      visibility: "internal",
      identifiers: [{ scheme: "schac", value: hei.heiId }],
      confirmDuplicate: true,
    });
    ids[hei.heiId] = created.id;
  }
  return ids;
}

const studies = (from: string, to: string, language: string): MobilitySpecInput => ({
  kind: "student-studies",
  sendingHeiId: from,
  sendingContacts: [],
  receivingHeiId: to,
  receivingContacts: [],
  receivingFirstAcademicYearId: "2026/2027",
  receivingLastAcademicYearId: "2029/2030",
  mobilitiesPerYear: 2,
  recommendedLanguageSkills: [{ language, cefrLevel: "B2" }],
  subjectAreas: [{ iscedFCode: "0231" }],
  totalMonthsPerYear: 10,
  blended: false,
  eqfLevels: [6, 7],
});

/** Polls until `ready` holds, or fails naming what was awaited with both sides' outbox. */
async function until<T>(what: string, probe: () => Promise<T>, ready: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe().catch(() => undefined as T);
    if (last !== undefined && ready(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Gave up waiting for: ${what}\nLast seen: ${JSON.stringify(last, null, 2)?.slice(0, 4000)}`);
}

interface Side {
  node: Installation;
  agreementId: string;
}

const exchange = (side: Side) =>
  side.node.api<IiaExchangeView>("GET", `/api/agreements/${side.agreementId}/iia/exchange`);
const copyOf = async (side: Side) =>
  (await side.node.api<IiaView>("GET", `/api/agreements/${side.agreementId}/iia`)).iia;

/** Both copies held by both sides, each side's approval recorded by the other, all of the current hashes. */
async function mutuallyApproved(a: Side, b: Side): Promise<boolean> {
  const [ea, eb] = await Promise.all([exchange(a), exchange(b)]);
  return (
    ea.approvedByUs &&
    ea.approvedByPartner &&
    eb.approvedByUs &&
    eb.approvedByPartner &&
    ea.ourHash === eb.partnerHash &&
    eb.ourHash === ea.partnerHash &&
    ea.approvedByPartnerHash === eb.approvedByUsHash &&
    eb.approvedByPartnerHash === ea.approvedByUsHash
  );
}

/** Each side holds the other's current copy. */
async function inStep(a: Side, b: Side): Promise<boolean> {
  const [ea, eb] = await Promise.all([exchange(a), exchange(b)]);
  return ea.mapped && eb.mapped && ea.ourHash === eb.partnerHash && eb.ourHash === ea.partnerHash;
}

async function approveBoth(a: Side, b: Side): Promise<void> {
  await until("both copies in step", () => inStep(a, b), Boolean);
  await b.node.api("POST", `/api/agreements/${b.agreementId}/iia/approval`);
  say("Ghent", "approves Lille's copy after checking its hash; the approval CNR goes out");
  const ea = await until(
    "Lille records Ghent's approval",
    () => exchange(a),
    (e) => e.approvedByPartner,
  );
  say("Lille", `fetched Ghent's approval of ${short(ea.approvedByPartnerHash)} = our hash ${short(ea.ourHash)}`);
  await a.node.api("POST", `/api/agreements/${a.agreementId}/iia/approval`);
  say("Lille", "approves Ghent's copy; the approval CNR goes out");
  const eb = await until(
    "Ghent records Lille's approval",
    () => exchange(b),
    (e) => e.approvedByPartner,
  );
  say("Ghent", `fetched Lille's approval of ${short(eb.approvedByPartnerHash)} = our hash ${short(eb.ourHash)}`);
  await until("mutual approval of the same hashes", () => mutuallyApproved(a, b), Boolean);
  say("both", "mutually approved: each holds the other's approval of its current hash");
}

/** Lille changes its copy: a new hash, and the approvals of the old one no longer count. */
async function changeLille(a: Side, change: (iia: Iia) => Iia, what: string): Promise<string> {
  const before = await exchange(a);
  const changed = await a.node.api<IiaView>("PUT", `/api/agreements/${a.agreementId}/iia`, change(await copyOf(a)));
  say("Lille", `${what}: hash ${short(before.ourHash)} → ${short(changed.iiaHash)}; earlier approvals are void`);
  if ((await exchange(a)).approvedByPartner) throw new Error("Lille still counts an approval of a copy it has changed");
  return changed.iiaHash;
}

/** Ghent, holding Lille's new copy, makes the same change to its own so that the two agree again. */
async function mirrorInGhent(b: Side, change: (iia: Iia) => Iia, lilleHash: string): Promise<void> {
  await until(
    "Ghent receives Lille's new copy",
    () => exchange(b),
    (e) => e.partnerHash === lilleHash && !e.approvedByUs,
  );
  const changed = await b.node.api<IiaView>("PUT", `/api/agreements/${b.agreementId}/iia`, change(await copyOf(b)));
  say("Ghent", `makes the same change to its copy: hash ${short(changed.iiaHash)}`);
}

const threeStudents = (iia: Iia): Iia => ({
  ...iia,
  mobilitySpecs: iia.mobilitySpecs.map((s) => (s.sendingHeiId === LILLE.heiId ? { ...s, mobilitiesPerYear: 3 } : s)),
});
const terminated = (iia: Iia): Iia => ({ ...iia, terminatedAsAWhole: true });

/** Ghent's agreement whose copy names this iia-id of Lille's, if Ghent has mapped it. */
async function ghentCopyOf(ghent: Installation, lilleIiaId: string): Promise<string | null> {
  const status = await ghent.api<{ agreements: Array<{ agreementId: string }> }>("GET", "/api/ewp/node");
  for (const { agreementId } of status.agreements) {
    const view = await ghent.api<IiaView>("GET", `/api/agreements/${agreementId}/iia`);
    if (view.iia.partners[1]?.iiaId === lilleIiaId) return agreementId;
  }
  return null;
}

/** An agreement never approved may be deleted, and the partner drops its mapping; an approved one may not. */
async function deletionOfADraft(
  lille: Installation,
  ghent: Installation,
  orgs: Record<string, string>,
  approved: Side,
): Promise<void> {
  const draft = await lille.api<{ id: string }>("POST", "/api/agreements", {
    kind: "erasmus_iia",
    title: "Erasmus+ agreement Université de Lille – Universiteit Gent, staff training (draft)",
    parties: [{ organisationId: orgs[LILLE.heiId] }, { organisationId: orgs[GHENT.heiId] }],
  });
  const copy = await lille.api<IiaView>("PUT", `/api/agreements/${draft.id}/iia`, {
    partners: [
      { heiId: LILLE.heiId, contacts: [] },
      { heiId: GHENT.heiId, contacts: [] },
    ],
    inEffect: false,
    mobilitySpecs: [studies(LILLE.heiId, GHENT.heiId, "en")],
  });
  const lilleIiaId = copy.iia.partners[0]?.iiaId ?? "";
  say("Lille", "drafts a second agreement with Ghent");
  const ghentDraft = await until(
    "Ghent maps the draft",
    () => ghentCopyOf(ghent, lilleIiaId),
    (id) => id !== null,
  );
  say("Ghent", "fetched and mapped the draft");
  await lille.api("DELETE", `/api/agreements/${draft.id}`);
  say("Lille", "deletes the draft, never approved: it is served no more and Ghent is notified");
  await until(
    "Ghent drops the mapping of the deleted draft",
    () => ghent.api<IiaView>("GET", `/api/agreements/${ghentDraft}/iia`),
    (v) => v.partnerCopy === null && v.iia.partners[1]?.iiaId === undefined,
  );
  say("Ghent", "found Lille's copy gone: its own copy no longer names it");
  const refusal = await lille.api("DELETE", `/api/agreements/${approved.agreementId}`).then(
    () => null,
    (error: Error) => error.message,
  );
  if (!refusal?.includes("409")) throw new Error(`Lille deleted an approved agreement (${refusal})`);
  say("Lille", "cannot delete the approved agreement: it is terminated instead");
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "conventio-ewp-demo-"));
  const catalogue = join(dir, "catalogue.xml");
  const postgres = await freshPostgres(POSTGRES);
  const nodes: Installation[] = [];
  try {
    const tls = await loopbackCertificate(dir);
    for (const sub of ["lille", "ghent"]) mkdirSync(join(dir, sub));
    const startGhent = (more: { port?: number; env?: Record<string, string> } = {}) =>
      startInstallation({
        name: "Ghent",
        heiId: GHENT.heiId,
        dataDir: join(dir, "ghent"),
        databaseUrl: postgres.url,
        tls,
        catalogue,
        ...more,
      });
    const [lille, ghent] = await Promise.all([
      startInstallation({ name: "Lille", heiId: LILLE.heiId, dataDir: join(dir, "lille"), tls, catalogue }),
      startGhent(),
    ]);
    nodes.push(lille, ghent);
    say("Lille", `runs at ${lille.url} on ${lille.engine}`);
    say("Ghent", `runs at ${ghent.url} on ${ghent.engine}`);

    const lilleOrgs = await describe(lille, LILLE, GHENT);
    await describe(ghent, GHENT, LILLE);
    const manifests = await Promise.all(
      [lille, ghent].map(async (n) => (await call(tls.pem, "GET", `${n.url}/ewp/manifest.xml`)).body),
    );
    writeFileSync(catalogue, writeCatalogue(manifests));
    say("both", "manifests served; one local Registry catalogue compiled from them");

    const agreement = await lille.api<{ id: string; reference: string }>("POST", "/api/agreements", {
      kind: "erasmus_iia",
      title: "Erasmus+ inter-institutional agreement Université de Lille – Universiteit Gent",
      parties: [{ organisationId: lilleOrgs[LILLE.heiId] }, { organisationId: lilleOrgs[GHENT.heiId] }],
    });
    const created = await lille.api<IiaView>("PUT", `/api/agreements/${agreement.id}/iia`, {
      partners: [
        { heiId: LILLE.heiId, contacts: [] },
        { heiId: GHENT.heiId, contacts: [] },
      ],
      inEffect: true,
      mobilitySpecs: [studies(LILLE.heiId, GHENT.heiId, "nl"), studies(GHENT.heiId, LILLE.heiId, "fr")],
    });
    const a: Side = { node: lille, agreementId: agreement.id };
    say("Lille", `creates IIA ${agreement.reference} (hash ${short(created.iiaHash)}); its CNR goes to Ghent`);

    const status = await until(
      "Ghent maps Lille's agreement",
      () =>
        ghent.api<{ agreements: Array<{ agreementId: string; partnerHeiId: string; mapped: boolean }> }>(
          "GET",
          "/api/ewp/node",
        ),
      (s) => s.agreements.some((x) => x.partnerHeiId === LILLE.heiId && x.mapped),
    );
    const b: Side = {
      node: ghent,
      agreementId: status.agreements.find((x) => x.partnerHeiId === LILLE.heiId)?.agreementId ?? "",
    };
    say("Ghent", "fetched Lille's copy, made its own copy mapped to Lille's id, and notified Lille");
    const mappedA = await until(
      "Lille maps Ghent's copy",
      () => exchange(a),
      (e) => e.mapped,
    );
    say("Lille", `fetched Ghent's copy and mapped it: our hash is now ${short(mappedA.ourHash)}; notified Ghent`);

    await approveBoth(a, b);

    // The amendment is sent while Ghent is down: Lille's notification waits and is retried with
    // back-off, and Ghent, started again on the same database, polls Lille's index and catches up.
    await b.node.stop();
    say("Ghent", "stops; its database stays");
    const amended = await changeLille(a, threeStudents, "amends the agreement (three students a year to Ghent)");
    const waiting = await until(
      "Lille's notification to fail twice",
      () => exchange(a),
      (e) => e.outbox.some((o) => o.kind === "iia_cnr" && o.status === "pending" && o.attempts >= 2),
    );
    const item = waiting.outbox.find((o) => o.kind === "iia_cnr" && o.status === "pending");
    say("Lille", `cannot reach Ghent (attempt ${item?.attempts}): ${item?.lastError}; it will try again`);
    const restarted = await startGhent({ port: b.node.port, env: { EWP_POLL_MINUTES: "60" } });
    nodes[1] = restarted;
    b.node = restarted;
    say("Ghent", "starts again and polls Lille's index");
    await mirrorInGhent(b, threeStudents, amended);
    const calls = (
      await restarted.api<{ recentCalls: Array<{ direction: string; url: string }> }>("GET", "/api/ewp/node")
    ).recentCalls;
    if (!calls.some((c) => c.direction === "out" && c.url.includes("/iias/index"))) {
      throw new Error("Ghent caught up without polling Lille's index");
    }
    await approveBoth(a, b);

    const ended = await changeLille(a, terminated, "terminates the agreement as a whole");
    await mirrorInGhent(b, terminated, ended);
    await approveBoth(a, b);

    await deletionOfADraft(lille, b.node, lilleOrgs, a);

    const [ea, eb] = await Promise.all([exchange(a), exchange(b)]);
    say("Lille", `our hash ${ea.ourHash}, approved by Ghent: ${ea.approvedByPartnerHash}`);
    say("Ghent", `our hash ${eb.ourHash}, approved by Lille: ${eb.approvedByPartnerHash}`);
    const ok = await mutuallyApproved(a, b);
    say("both", ok ? "done: both sides hold each other's approval of the same hashes" : "FAILED: approvals differ");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all(nodes.map((n) => n.stop()));
    await postgres
      .drop()
      .catch((error) => console.error(`The demonstration database was not dropped: ${String(error)}`));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
