import { CreateAgreementInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser } from "./support/browser.js";
import { seedOrganisation, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

const HEAD = { email: "hedda@example.org", name: "Hedda Head", password: "a-head-of-unit-password" };

describe("an agreement through its approval circuit before signature", () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let agreementId = "";

  beforeAll(async () => {
    server = await startTestServer();
    await server.running.services.accounts.createUserAsOperator({ ...HEAD, role: "viewer" });
    const lille = await seedOrganisation(server, {
      kind: "university",
      name: "Université de Lille",
      countryCode: "FR",
      city: "Lille",
      visibility: "internal",
    });
    const linkoping = await seedOrganisation(server, {
      kind: "university",
      name: "Linköping University",
      countryCode: "SE",
      city: "Linköping",
      visibility: "internal",
    });
    const agreement = await server.running.services.agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "memorandum_of_understanding",
        title: "MoU Lille – Linköping",
        parties: [{ organisationId: lille }, { organisationId: linkoping }],
        signatories: [{ name: "Régis Bordet", organisationId: lille, signedOn: "2026-02-10" }],
        signedOn: "2026-02-10",
      }),
    );
    agreementId = agreement.id;
    browser = await openBrowser();
    admin = await browser.newPage();
    await signIn(admin, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function noViolations(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it("lets the administrator define a three-step circuit for memoranda", async () => {
    await admin.goto(`${server.url}/admin/circuits`);
    await admin.getByRole("heading", { level: 1, name: "Approval circuits" }).waitFor();
    await admin.getByRole("button", { name: "New circuit" }).click();
    const form = admin.getByRole("form", { name: "Approval circuit" });
    await form.getByRole("textbox", { name: "Kind of agreement" }).click();
    await admin.getByRole("option", { name: "Memorandum of understanding" }).click();
    await form.getByRole("textbox", { name: "Name of the circuit" }).fill("Memoranda");

    const step1 = form.getByRole("group", { name: "Step 1" });
    await step1.getByRole("textbox", { name: "Name of the step" }).fill("Head of unit");
    await step1.getByRole("textbox", { name: "Account" }).click();
    await admin.getByRole("option", { name: "Hedda Head" }).click();
    await step1.getByRole("textbox", { name: "Checklist" }).fill("Budget checked");
    await admin.keyboard.press("Enter");

    for (const [n, name, role] of [
      [2, "International office", "Editor"],
      [3, "Legal affairs", "Administrator"],
    ] as const) {
      await form.getByRole("button", { name: "Add a step" }).click();
      const step = form.getByRole("group", { name: `Step ${n}` });
      await step.getByRole("textbox", { name: "Name of the step" }).fill(name);
      await step.getByRole("radio", { name: "Anyone with a role" }).check();
      await step.getByRole("textbox", { name: "Role (or higher)" }).click();
      await admin.getByRole("option", { name: role, exact: true }).click();
    }
    await noViolations(admin);
    await form.getByRole("button", { name: "Save the circuit" }).click();
    await admin.getByRole("heading", { level: 2, name: /Memorandum of understanding — Memoranda/ }).waitFor();
    expect(await admin.getByText("Hedda Head").count()).toBeGreaterThan(0);
  });

  it("starts the circuit when the signature is requested and holds activation back", async () => {
    await admin.goto(`${server.url}/agreements/${agreementId}`);
    await admin.getByRole("heading", { level: 2, name: "Approval circuit" }).waitFor();
    await admin.getByRole("button", { name: "Request signature" }).click();
    await admin.getByRole("list", { name: "Steps of the circuit" }).waitFor();
    await admin.getByRole("button", { name: "Activate" }).click();
    await admin.getByText("Activation waits for the approval circuit: Head of unit has not approved yet.").waitFor();
    await noViolations(admin);
  });

  it("puts the step in its approver's queue; the approver ticks the checklist and approves by keyboard", async () => {
    // A browser of their own: the administrator stays signed in in the first one.
    const headBrowser = await openBrowser();
    try {
      const head = await headBrowser.newPage();
      await signIn(head, server.url, HEAD);
      await head.goto(`${server.url}/my/actions`);
      await head.getByRole("heading", { level: 2, name: "Approvals waiting for me" }).waitFor();
      await noViolations(head);
      await head.getByRole("link", { name: /MoU Lille – Linköping/ }).click();
      const decide = head.getByRole("form", { name: "Your decision on “Head of unit”" });
      await decide.waitFor();
      await noViolations(head);
      await decide.getByRole("checkbox", { name: "Budget checked" }).focus();
      await head.keyboard.press("Space");
      await decide.getByRole("button", { name: "Approve" }).focus();
      await head.keyboard.press("Enter");
      await head.getByRole("cell", { name: "Head of unit", exact: true }).waitFor();
      expect(await head.getByRole("form", { name: /Your decision/ }).count()).toBe(0);
    } finally {
      await headBrowser.close();
    }
  });

  it("asks for a comment on a send-back, then returns the circuit to its first step", async () => {
    await admin.reload();
    const decide = admin.getByRole("form", { name: "Your decision on “International office”" });
    await decide.getByRole("button", { name: "Send back" }).click();
    await decide.getByText("Say why the step is sent back.").waitFor();
    await decide.getByRole("textbox", { name: "Comment" }).fill("The partner's legal name is wrong");
    await decide.getByRole("button", { name: "Send back" }).click();
    await admin.getByText("Round 2").waitFor();
    await admin.getByRole("cell", { name: "The partner's legal name is wrong", exact: true }).waitFor();
  });

  it("activates once every step has approved, with each decision in the history", async () => {
    // The administrator may decide any step; the head of unit's turn is taken for them here.
    for (const step of ["Head of unit", "International office", "Legal affairs"]) {
      const decide = admin.getByRole("form", { name: `Your decision on “${step}”` });
      await decide.waitFor();
      if (step === "Head of unit") await decide.getByRole("checkbox", { name: "Budget checked" }).check();
      await decide.getByRole("button", { name: "Approve" }).click();
      await decide.waitFor({ state: "detached" });
    }
    await admin.getByText("Approved", { exact: true }).first().waitFor();
    await admin.getByRole("button", { name: "Activate" }).click();
    await admin.getByRole("button", { name: "Terminate" }).waitFor();
    await admin.getByText("International office: sent back. The partner's legal name is wrong").waitFor();
    await noViolations(admin);
  });
});
