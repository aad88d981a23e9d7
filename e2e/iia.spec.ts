import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateAgreementInput, type Iia, type IiaView } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schacUniversity } from "../packages/server/src/modules/ewp/ewp-samples.js";
import { writeIiasApprovalResponse, writeIiasGetResponse } from "../packages/server/src/modules/ewp/iia-xml-writer.js";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

const EDITOR = { email: "erik@example.org", name: "Erik Editor", password: "a-long-enough-password" } as const;
const PARTNER_IIA_ID = "1954991";

const university = (server: TestServer, name: string, countryCode: string, schac: string): Promise<string> =>
  schacUniversity(server.running.services.organisations, SYSTEM_ACTOR, name, countryCode, schac);

/** The partner's copy of ours, as Warsaw would serve it: Warsaw first with its own ids, naming our iia-id. */
function partnerCopyOf(ours: Iia): Iia {
  const [us, them] = ours.partners;
  if (!us || !them) throw new Error("two partners expected");
  return {
    ...ours,
    partners: [
      { ...them, iiaId: PARTNER_IIA_ID, iiaCode: "2025/E+/PL/77" },
      { ...us, iiaCode: undefined },
    ],
  };
}

function writeXml(name: string, xml: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "conventio-ewp-")), name);
  writeFileSync(path, xml, "utf8");
  return path;
}

async function expectNoSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

/**
 * A mobility's fieldset on the form, by its legend: the innermost fieldset holding it (the list's
 * own fieldset holds every row's legend too).
 */
const mobility = (page: Page, n: number): Locator =>
  page
    .locator("fieldset")
    .filter({ has: page.locator("legend", { hasText: new RegExp(`^Mobility ${n}$`) }) })
    .last();

describe("an Erasmus+ IIA from the first draft to the partner's approval", () => {
  let server: TestServer;
  let admin: Browser;
  let adminPage: Page;
  let editor: Browser;
  let page: Page;
  let agreementId: string;
  const iiaOf = (): Promise<IiaView> => server.running.services.ewp.iias.getIia(SYSTEM_ACTOR, agreementId);

  beforeAll(async () => {
    server = await startTestServer();
    await server.running.services.accounts.createUserAsOperator({ ...EDITOR, role: "editor" });
    const lille = await university(server, "Université de Lille", "FR", "univ-lille.fr");
    const warsaw = await university(server, "Uniwersytet Warszawski", "PL", "uw.edu.pl");
    const agreement = await server.running.services.agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "erasmus_iia",
        title: "Erasmus+ Lille – Warszawa",
        parties: [{ organisationId: lille }, { organisationId: warsaw }],
      }),
    );
    agreementId = agreement.id;
    admin = await openBrowser();
    adminPage = await admin.newPage();
    await signIn(adminPage, server.url);
    editor = await openBrowser();
    page = await editor.newPage();
    await signIn(page, server.url, EDITOR);
  });

  afterAll(async () => {
    await admin?.close();
    await editor?.close();
    await server?.stop();
  });

  it("lets an administrator describe the institution, its Erasmus code kept with its spaces", async () => {
    await adminPage.goto(`${server.url}/admin/users`);
    await adminPage
      .getByRole("navigation", { name: "Administration" })
      .getByRole("link", { name: "Erasmus Without Paper" })
      .click();
    await adminPage.getByRole("heading", { level: 1, name: "Erasmus Without Paper" }).waitFor();
    await adminPage.getByRole("heading", { level: 2, name: "Describe an institution" }).waitFor();
    await adminPage.getByRole("textbox", { name: "SCHAC code (hei-id)" }).fill("univ-lille.fr");
    await adminPage.getByRole("textbox", { name: "Name 1", exact: true }).fill("Université de Lille");
    await adminPage.getByRole("textbox", { name: "Language of name 1" }).fill("fr");
    await adminPage.getByRole("textbox", { name: "Erasmus code", exact: true }).fill("F  LILLE103");
    await adminPage.getByRole("button", { name: "Save the description" }).click();
    await adminPage.getByRole("status").getByText("Description of univ-lille.fr saved.").waitFor();
    await adminPage.getByRole("heading", { level: 2, name: "Units as served" }).waitFor();
    const [described] = await server.running.services.ewp.institutions.listInstitutions(SYSTEM_ACTOR);
    expect(described?.otherIds).toEqual([{ type: "erasmus", value: "F  LILLE103" }]);
    expect(described?.names).toEqual([{ value: "Université de Lille", lang: "fr" }]);
    await screenshot(adminPage, "ewp-admin");
    await expectNoSeriousViolations(adminPage);
  });

  it("creates the IIA from the draft with one studies mobility, the wrong ISCED code shown on its field", async () => {
    await page.goto(`${server.url}/agreements/${agreementId}`);
    await page.getByRole("link", { name: "Erasmus+ IIA" }).click();
    await page.getByRole("heading", { level: 1, name: "Erasmus+ IIA: Erasmus+ Lille – Warszawa" }).waitFor();
    await page.getByRole("button", { name: "Start the IIA from the agreement" }).click();
    expect(await page.getByRole("textbox", { name: "Our SCHAC code (hei-id)" }).inputValue()).toBe("univ-lille.fr");
    expect(await page.getByRole("textbox", { name: "Partner's SCHAC code (hei-id)" }).inputValue()).toBe("uw.edu.pl");

    // A SCHAC code the schema accepts but the server does not know is refused on its field.
    const ourCode = page.getByRole("textbox", { name: "Our SCHAC code (hei-id)" });
    await ourCode.fill("univ-lile.fr");
    await page.getByRole("button", { name: "Save the IIA" }).click();
    await page.getByText("univ-lile.fr is not one of this installation's institutions.").first().waitFor();
    expect(await ourCode.getAttribute("aria-invalid")).toBe("true");
    await ourCode.fill("univ-lille.fr");

    await page.getByRole("button", { name: "Add a mobility" }).click();
    const first = mobility(page, 1);
    expect(await first.getByRole("combobox", { name: "Kind of mobility" }).inputValue()).toBe("student-studies");
    await first.getByRole("textbox", { name: "First academic year" }).fill("2025/2026");
    await first.getByRole("textbox", { name: "Last academic year" }).fill("2027/2028");
    await first.getByRole("textbox", { name: "Mobilities per year" }).fill("3");
    await first.getByRole("textbox", { name: "Language 1", exact: true }).fill("en");
    await first.getByRole("combobox", { name: "CEFR level of language 1" }).selectOption("B2");
    const isced = first.getByRole("textbox", { name: "ISCED-F code 1" });
    await isced.fill("041");
    await page.getByRole("button", { name: "Save the IIA" }).click();
    await first.getByText("An ISCED-F code of four digits, such as 0314").waitFor();
    expect(await isced.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))).toBe("true");
    await expect(iiaOf()).rejects.toThrow();

    await isced.fill("0421");
    await first.getByText("In 042 Law").waitFor();
    await page.getByRole("button", { name: "Save the IIA" }).click();
    const hash = page.getByTestId("iia-our-hash");
    await hash.waitFor();
    const stored = await iiaOf();
    expect(await hash.getAttribute("data-hash")).toBe(stored.iiaHash);
    expect(await hash.textContent()).toBe(`${stored.iiaHash.slice(0, 12)}…`);
    expect(stored.iia.mobilitySpecs).toEqual([
      expect.objectContaining({
        kind: "student-studies",
        mobilitiesPerYear: 3,
        subjectAreas: [{ iscedFCode: "0421" }],
        recommendedLanguageSkills: [expect.objectContaining({ language: "en", cefrLevel: "B2" })],
      }),
    ]);
    // Empty inputs were sent as absent: nothing empty reaches the XML, and so the hash.
    expect(JSON.stringify(stored.iia)).not.toContain('""');
    // Our iia-id is for machines only.
    expect(await page.getByText(stored.iia.partners[0]?.iiaId ?? "-").count()).toBe(0);
    await page.getByText(`IIA code: ${stored.iia.partners[0]?.iiaCode}, the agreement's reference.`).waitFor();
  });

  it("imports the partner's copy, shows no differences and approves it", async () => {
    const ours = await iiaOf();
    const file = writeXml("warsaw-iias.xml", writeIiasGetResponse([partnerCopyOf(ours.iia)]).xml);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: "Import the partner's copy" }).click();
    const report = page.getByTestId("iias-import-report");
    await report.getByRole("cell", { name: "Mapped onto our copy" }).waitFor();
    await page.getByTestId("iia-no-differences").waitFor();
    expect(await page.getByTestId("iia-no-differences").textContent()).toBe(
      "No differences: both copies say the same.",
    );
    const mapped = await iiaOf();
    await expect
      .poll(() => page.getByTestId("iia-their-hash").getAttribute("data-hash"))
      .toBe(mapped.partnerCopy?.iiaHash);

    await page.getByRole("button", { name: "Approve the partner's copy" }).click();
    await page.getByTestId("iia-approved-by-us").getByText("Current").waitFor();
    expect((await iiaOf()).approvedByUs).toMatchObject({ iiaHash: mapped.partnerCopy?.iiaHash, current: true });
    expect(await page.getByRole("button", { name: "Approve the partner's copy" }).isDisabled()).toBe(true);
    await screenshot(page, "iia-approved");
  });

  it("shows the change on its row and the partner's approval void once mobilities per year change", async () => {
    const before = await iiaOf();
    const approval = writeIiasApprovalResponse([
      { iiaId: before.iia.partners[0]?.iiaId ?? "", iiaHash: before.iiaHash },
    ]);
    const recorded = await server.running.services.ewp.exchange.importPartnerApprovals(SYSTEM_ACTOR, approval);
    expect(recorded.approvals).toEqual([expect.objectContaining({ action: "recorded", agreementId })]);
    await page.reload();
    const byPartner = page.getByTestId("iia-approved-by-partner");
    await byPartner.getByText("Current").waitFor();
    // The partner's approval response is kept as it came and offered as the proof of that version.
    const proofLink = page.getByRole("link", { name: "The partner's approval (XML)" });
    const proof = await page.request.get(new URL((await proofLink.getAttribute("href")) ?? "", page.url()).toString());
    expect(proof.status()).toBe(200);
    expect(await proof.text()).toBe(approval);

    await mobility(page, 1).getByRole("textbox", { name: "Mobilities per year" }).fill("5");
    await page.getByRole("button", { name: "Save the IIA" }).click();
    const row = page
      .getByTestId("iia-differences")
      .getByRole("row", { name: /Mobility 1 \(Student mobility for studies\) › Mobilities per year/ });
    await row.waitFor();
    expect(await row.getByRole("cell").allTextContents()).toEqual(["5", "3"]);
    await byPartner.getByText("Void", { exact: true }).waitFor();
    await byPartner
      .getByText(
        "Void: our copy changed after the partner approved it. The partner has to approve the current version.",
      )
      .waitFor();
    const after = await iiaOf();
    expect(after.approvedByPartner).toMatchObject({ iiaHash: before.iiaHash, current: false });
    expect(await page.getByTestId("iia-our-hash").getAttribute("data-hash")).toBe(after.iiaHash);
    await screenshot(page, "iia-approval-void");
  });

  it("reads in French, with the PDF in the reader's language, and passes the accessibility checks", async () => {
    await page.getByLabel("Language", { exact: true }).selectOption("fr");
    await page.getByRole("heading", { level: 1, name: "IIA Erasmus+ : Erasmus+ Lille – Warszawa" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Échange avec le partenaire" }).waitFor();
    await page
      .getByTestId("iia-differences")
      .getByRole("row", { name: /Mobilité 1 \(Mobilité étudiante d'études\) › Mobilités par an/ })
      .waitFor();
    expect(await page.getByRole("link", { name: "PDF" }).getAttribute("href")).toBe(
      `/api/agreements/${agreementId}/iia.pdf?lang=fr`,
    );
    await expectNoSeriousViolations(page);

    await adminPage.getByLabel("Language", { exact: true }).selectOption("fr");
    await adminPage.getByRole("heading", { level: 2, name: "L'établissement" }).waitFor();
    await adminPage.getByRole("heading", { level: 2, name: "Fichiers d'un partenaire" }).waitFor();
    await expectNoSeriousViolations(adminPage);
  });
});
