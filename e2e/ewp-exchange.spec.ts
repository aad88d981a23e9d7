import {
  CreateAgreementInput,
  type EwpNodeStatus,
  type EwpOutboxKind,
  type EwpOutboxStatus,
  type IiaExchangeView,
} from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logCall } from "../packages/server/src/modules/ewp/ewp-call-log.js";
import { buildIia, buildInstitution, schacUniversity } from "../packages/server/src/modules/ewp/ewp-samples.js";
import { writeIiasApprovalResponse } from "../packages/server/src/modules/ewp/iia-xml-writer.js";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

const EDITOR = { email: "erik@example.org", name: "Erik Editor", password: "a-long-enough-password" } as const;
const VIEWER = { email: "victor@example.org", name: "Victor Viewer", password: "a-viewer-password" } as const;
const FAILED_CALL = { url: "https://ewp.uw.edu.pl/iia-cnr", error: "The partner's node answered 503", ms: 412 };
/** Enough older calls that the log overflows its frame. */
const OLDER_CALLS = 29;

/** The words a person reads for each state the API reports. */
const KINDS: Record<EwpOutboxKind, string> = {
  iia_cnr: "Notify the partner of our IIA",
  iia_approval_cnr: "Notify the partner of our approval",
  fetch_iia: "Fetch the partner's IIA",
  fetch_approval: "Fetch the partner's approval",
};
const STATUSES: Record<EwpOutboxStatus, string> = {
  pending: "Waiting",
  running: "Being sent",
  done: "Done",
  failed: "Failed",
  skipped: "Skipped",
};

const university = (server: TestServer, name: string, countryCode: string, schac: string): Promise<string> =>
  schacUniversity(server.running.services.organisations, SYSTEM_ACTOR, name, countryCode, schac);

/** A GET through the page's own session, as the web app makes it. */
async function readApi<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

async function expectNoSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

describe("an IIA's exchange with the partner's node, and the node itself", () => {
  let server: TestServer;
  let editor: Browser;
  let viewer: Browser;
  let admin: Browser;
  let page: Page;
  let agreementId: string;
  let ourIiaId: string;
  const exchangeOf = (p: Page) =>
    readApi<IiaExchangeView>(p, `${server.url}/api/agreements/${agreementId}/iia/exchange`);

  beforeAll(async () => {
    server = await startTestServer();
    const { services } = server.running;
    await services.accounts.createUserAsOperator({ ...EDITOR, role: "editor" });
    await services.accounts.createUserAsOperator({ ...VIEWER, role: "viewer" });
    await services.ewp.institutions.saveInstitution(SYSTEM_ACTOR, "univ-lille.fr", buildInstitution());
    const lille = await university(server, "Université de Lille", "FR", "univ-lille.fr");
    const warsaw = await university(server, "Uniwersytet Warszawski", "PL", "uw.edu.pl");
    const agreement = await services.agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "erasmus_iia",
        title: "Erasmus+ Lille – Warszawa",
        parties: [{ organisationId: lille }, { organisationId: warsaw }],
      }),
    );
    agreementId = agreement.id;
    // Our copy only: Warsaw's iia-id is not known yet, so the copies are not mapped.
    const iia = buildIia();
    iia.partners[1] = { ...iia.partners[1], heiId: "uw.edu.pl", iiaId: undefined, contacts: [] };
    const saved = await services.ewp.iias.saveIia(SYSTEM_ACTOR, agreementId, iia);
    ourIiaId = saved.iia.partners[0]?.iiaId ?? "";
    const [notification] = (await services.ewp.status.exchangeOf(SYSTEM_ACTOR, agreementId)).outbox;

    // The node's log as a failing partner leaves it: the newest call failed, older ones went through.
    const now = Date.now();
    for (let i = OLDER_CALLS; i >= 0; i--) {
      const failed = i === 0;
      await logCall(services.deps.db, {
        at: new Date(now - i * 60_000).toISOString(),
        direction: failed ? "out" : "in",
        api: failed ? "iiaCnr" : "iias",
        method: failed ? "POST" : "GET",
        url: failed ? FAILED_CALL.url : `${server.url}/ewp/iias/get?hei_id=univ-lille.fr`,
        status: failed ? 503 : 200,
        duration_ms: failed ? FAILED_CALL.ms : 20 + i,
        error: failed ? FAILED_CALL.error : null,
        partner_hei_id: "uw.edu.pl",
        iia_id: ourIiaId,
        agreement_id: agreementId,
        outbox_id: failed ? (notification?.id ?? null) : null,
      });
    }

    editor = await openBrowser();
    page = await editor.newPage();
    await signIn(page, server.url, EDITOR);
    viewer = await openBrowser();
    admin = await openBrowser();
  });

  afterAll(async () => {
    await editor?.close();
    await viewer?.close();
    await admin?.close();
    await server?.stop();
  });

  it("shows the editor where the exchange stands: not sent, not mapped, nothing approved", async () => {
    await page.goto(`${server.url}/agreements/${agreementId}`);
    await page.getByRole("link", { name: "Erasmus+ IIA" }).click();
    const section = page.getByRole("region", { name: "Exchange with the partner's node" });
    await section.getByTestId("ewp-outbox").waitFor();
    const view = await exchangeOf(page);

    await section.getByText(view.partnerHeiId, { exact: true }).waitFor();
    expect(await section.getByTestId("exchange-sent").textContent()).toBe(
      view.sent
        ? "Yes: the partner was notified of our current copy"
        : "Not yet: the partner has not been notified of our current copy",
    );
    expect(await section.getByTestId("exchange-mapped").textContent()).toBe(
      view.mapped ? "Yes: each copy names the other's iia-id" : "Not yet: the copies do not name each other",
    );
    // Neither side approved: no hash to compare, and the state says so in words.
    expect(view.approvedByUsHash).toBeNull();
    expect(view.approvedByPartnerHash).toBeNull();
    for (const side of ["exchange-approved-by-us", "exchange-approved-by-partner"]) {
      const approval = section.getByTestId(side);
      expect(await approval.getAttribute("data-state")).toBe("none");
      await approval.getByText("Not yet", { exact: true }).waitFor();
    }
  });

  it("lists the pending notification and keeps it listed, due now, after Retry now", async () => {
    const before = await exchangeOf(page);
    const item = before.outbox.find((o) => o.kind === "iia_cnr");
    if (!item) throw new Error("saving the IIA should have queued a notification for the partner");
    expect(item.status).toBe("pending");
    const row = page.locator(`li[data-outbox-id="${item.id}"]`);
    const fact = (label: string) => row.locator("dt", { hasText: label }).locator("+ dd");
    const nextTry = fact("Next try").locator("time");
    expect(await row.getByTestId("outbox-kind").textContent()).toBe(KINDS[item.kind]);
    expect(await row.getByTestId("outbox-status").textContent()).toBe(STATUSES[item.status]);
    expect(await fact("Attempts").textContent()).toBe(String(item.attempts));
    expect(await nextTry.getAttribute("datetime")).toBe(item.nextAttemptAt);
    expect(await nextTry.textContent()).not.toBe("");
    expect(await fact("Last error").count()).toBe(item.lastError === null ? 0 : 1);

    await row.getByRole("button", { name: "Retry now" }).click();
    await row.getByRole("status").getByText("Due now: the node tries it at its next round.").waitFor();
    // The test server's address is http, so the node's scheduler is off: the item stays waiting.
    await expect
      .poll(async () => (await exchangeOf(page)).outbox.find((o) => o.id === item.id)?.nextAttemptAt)
      .not.toBe(item.nextAttemptAt);
    const after = (await exchangeOf(page)).outbox.find((o) => o.id === item.id);
    expect(after).toMatchObject({ status: "pending", attempts: 0 });
    await expect.poll(() => nextTry.getAttribute("datetime")).toBe(after?.nextAttemptAt);
    expect(await row.getByTestId("outbox-status").textContent()).toBe(STATUSES.pending);
    expect(await fact("Attempts").textContent()).toBe(String(after?.attempts));
  });

  it("shows the logged calls in a frame that scrolls, by keyboard too", async () => {
    const view = await exchangeOf(page);
    expect(view.calls).toHaveLength(OLDER_CALLS + 1);
    const log = page.getByRole("region", { name: "Log of calls" });
    await log.waitFor();
    expect(await log.getByRole("row").count()).toBe(view.calls.length + 1);
    const newest = view.calls[0];
    expect(newest).toMatchObject({ status: 503, error: FAILED_CALL.error });
    const failed = log.getByRole("row").filter({ hasText: FAILED_CALL.error });
    const cells = await failed.getByRole("cell").allTextContents();
    expect(cells[0]).not.toBe("");
    expect(cells.slice(1)).toEqual([
      "Outgoing",
      newest?.api,
      String(newest?.status),
      `${newest?.durationMs} ms`,
      FAILED_CALL.error,
    ]);
    expect(await failed.locator("time").getAttribute("datetime")).toBe(newest?.at);

    const frame = await log.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
    expect(frame.scrollHeight).toBeGreaterThan(frame.clientHeight);
    await log.focus();
    expect(await log.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("End");
    await expect.poll(() => log.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await screenshot(page, "iia-node-exchange");
  });

  it("passes the accessibility checks on the IIA page", async () => {
    await expectNoSeriousViolations(page);
  });

  it("shows a viewer the same state with no Retry now button", async () => {
    const viewerPage = await viewer.newPage();
    await signIn(viewerPage, server.url, VIEWER);
    await viewerPage.goto(`${server.url}/agreements/${agreementId}/iia`);
    const section = viewerPage.getByRole("region", { name: "Exchange with the partner's node" });
    const view = await exchangeOf(viewerPage);
    for (const item of view.outbox) {
      await section.locator(`li[data-outbox-id="${item.id}"]`).getByText(KINDS[item.kind], { exact: true }).waitFor();
    }
    await section.getByRole("region", { name: "Log of calls" }).getByText(FAILED_CALL.error).waitFor();
    expect(await viewerPage.getByRole("button", { name: "Retry now" }).count()).toBe(0);
    await expectNoSeriousViolations(viewerPage);
  });

  it("shows the partner's approval of the current version, then of an earlier one once our copy changes", async () => {
    const before = await exchangeOf(page);
    const recorded = await server.running.services.ewp.exchange.importPartnerApprovals(
      SYSTEM_ACTOR,
      writeIiasApprovalResponse([{ iiaId: ourIiaId, iiaHash: before.ourHash }]),
    );
    expect(recorded.approvals).toEqual([expect.objectContaining({ action: "recorded", agreementId })]);
    await page.reload();
    const byPartner = page.getByTestId("exchange-approved-by-partner");
    await byPartner.getByText("Of the current version", { exact: true }).waitFor();
    const approved = await exchangeOf(page);
    expect(approved).toMatchObject({ approvedByPartner: true, approvedByPartnerHash: approved.ourHash });
    expect(await byPartner.getByTestId("exchange-approved-by-partner-approved-hash").getAttribute("data-hash")).toBe(
      approved.approvedByPartnerHash,
    );

    // Our copy changes: the partner's approval is now of an earlier version, both hashes side by side.
    const perYear = page
      .locator("fieldset")
      .filter({ has: page.locator("legend", { hasText: /^Mobility 1$/ }) })
      .last()
      .getByRole("textbox", { name: "Mobilities per year" });
    await perYear.fill(String(Number(await perYear.inputValue()) + 1));
    await page.getByRole("button", { name: "Save the IIA" }).click();
    await byPartner.getByText("Of an earlier version", { exact: true }).waitFor();
    const changed = await exchangeOf(page);
    expect(changed.approvedByPartner).toBe(false);
    expect(changed.approvedByPartnerHash).toBe(approved.ourHash);
    expect(changed.ourHash).not.toBe(approved.ourHash);
    expect(await byPartner.getAttribute("data-state")).toBe("earlier");
    expect(await byPartner.getByTestId("exchange-approved-by-partner-approved-hash").getAttribute("data-hash")).toBe(
      changed.approvedByPartnerHash,
    );
    expect(await byPartner.getByTestId("exchange-approved-by-partner-current-hash").getAttribute("data-hash")).toBe(
      changed.ourHash,
    );
  });

  it("shows the administrator the node: manifest, key ids, catalogue, outbox counts and recent calls", async () => {
    const adminPage = await admin.newPage();
    await signIn(adminPage, server.url);
    await adminPage.goto(`${server.url}/admin/users`);
    await adminPage
      .getByRole("navigation", { name: "Administration" })
      .getByRole("link", { name: "Erasmus Without Paper" })
      .click();
    const section = adminPage.getByRole("region", { name: "Node", exact: true });
    await section.getByTestId("ewp-client-key").waitFor();
    const node = await readApi<EwpNodeStatus>(adminPage, `${server.url}/api/ewp/node`);

    expect(await section.getByRole("link", { name: node.manifestUrl }).getAttribute("href")).toBe(node.manifestUrl);
    expect(await section.getByTestId("ewp-client-key").textContent()).toBe(node.clientKeyId);
    expect(await section.getByTestId("ewp-server-key").textContent()).toBe(node.serverKeyId);
    expect(node.clientKeyId).not.toBe(node.serverKeyId);
    await section.getByText(node.heiIds.join(", "), { exact: true }).waitFor();
    await section.getByText(node.catalogue.location, { exact: true }).waitFor();
    // Tests have no network catalogue of their own: whichever way it went, the page says what the API says.
    if (node.catalogue.error !== null) {
      expect(await section.getByTestId("ewp-catalogue-error").textContent()).toBe(
        `Could not be read: ${node.catalogue.error}`,
      );
    } else {
      const plural = (n: number | null, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
      expect(await section.getByTestId("ewp-catalogue-read").textContent()).toBe(
        `${plural(node.catalogue.hosts, "host")}, ${plural(node.catalogue.heis, "institution")}`,
      );
    }

    const counts = section.getByTestId("ewp-outbox-counts");
    expect(node.outbox.pending).toBeGreaterThan(0);
    for (const [status, word] of Object.entries(STATUSES) as [EwpOutboxStatus, string][]) {
      expect(await counts.locator("dt", { hasText: word }).locator("+ dd").textContent()).toBe(
        String(node.outbox[status] ?? 0),
      );
    }

    const log = section.getByRole("region", { name: "Recent calls" });
    expect(await log.getByRole("row").count()).toBe(node.recentCalls.length + 1);
    await log
      .getByRole("row")
      .filter({ hasText: FAILED_CALL.error })
      .getByRole("cell", { name: "uw.edu.pl", exact: true })
      .waitFor();
    await screenshot(adminPage, "ewp-node");
    await expectNoSeriousViolations(adminPage);
  });
});
