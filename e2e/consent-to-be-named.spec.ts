import axe from "axe-core";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { ADMIN, seedOrganisation, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/** The person who agreed to be named, entered in the form with that consent alone. */
const NAMED = {
  given: "Ingrid",
  family: "Vasseur",
  title: "Vice-president for partnerships",
  email: "ingrid.vasseur@example.fr",
};
/** The person who agreed to nothing: entered in the form with both boxes left empty. */
const UNNAMED = {
  given: "Oskar",
  family: "Brandvold",
  title: "Dean of engineering",
  email: "oskar.brandvold@example.org",
  printedName: "Pr. Oskar Brandvold",
};
/** A third person, entered through the API as a public contact, to show what that consent adds. */
const CONTACT = { givenName: "Maja", familyName: "Ek", email: "maja.ek@example.se", publicContact: true };

const AGREEMENT = "Convention Lille – MEL 2021";
const BODY = "Comité de pilotage de la convention";
const AREA = "Student life";

/** Signs in over HTTP and returns a call that sends the session cookie and CSRF token, as the web app does. */
async function editorCall(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, url: string, body?: unknown): Promise<{ id: string }> => {
    const r = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as { id: string };
  };
}

/**
 * The serious and critical axe violations of the page. The app's policy forbids inline script, so
 * axe is evaluated through the browser's debugging protocol, which that policy does not govern,
 * before the shared check runs it.
 */
async function axeViolations(page: Page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return seriousViolations(page);
}

/** The text of an element as laid out for a reader, with runs of white space made single. */
async function textOf(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: innerText is the text as laid out for a reader, line breaks included.
  return (await locator.innerText()).replace(/\s+/g, " ").trim();
}

/** The value a person's page gives beside a label of its facts list. */
function fact(page: Page, label: string): Locator {
  return page
    .locator("dl.facts dt")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

describe("consent to be named in public", () => {
  let server: TestServer;
  let staff: Browser;
  let reader: Browser;
  let page: Page;
  let anon: Page;
  let lille: string;
  let metropole: string;
  const ids = { named: "", unnamed: "", agreement: "" };

  beforeAll(async () => {
    server = await startTestServer();
    lille = await seedOrganisation(server, {
      kind: "university",
      name: "Université de Lille",
      countryCode: "FR",
      city: "Lille",
      visibility: "public",
    });
    metropole = await seedOrganisation(server, {
      kind: "local_authority",
      name: "Métropole Européenne de Lille",
      countryCode: "FR",
      city: "Lille",
      visibility: "public",
    });
    staff = await openBrowser();
    page = await staff.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await reader?.close();
    await staff?.close();
    await server?.stop();
  });

  /** Opens the new-person form and types the person's name, position and e-mail. */
  async function startPerson(p: { given: string; family: string; title: string; email: string }) {
    await page.goto(`${server.url}/people/new`);
    await page.getByRole("textbox", { name: "Given name" }).fill(p.given);
    await page.getByRole("textbox", { name: "Family name" }).fill(p.family);
    await page.getByLabel("Position or title").fill(p.title);
    await page.getByRole("textbox", { name: "E-mail" }).fill(p.email);
  }

  const namedBox = () => page.getByRole("checkbox", { name: "Named in public", exact: true });
  const contactBox = () => page.getByRole("checkbox", { name: "Public contact", exact: true });
  const boxes = async () => ({ named: await namedBox().isChecked(), contact: await contactBox().isChecked() });

  /** Saves the form and returns the new person's id, read from the address of their page. */
  async function create(name: string): Promise<string> {
    await page.getByRole("button", { name: "Create person" }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const id = new URL(page.url()).pathname.split("/").pop() ?? "";
    expect(id).not.toBe("new");
    return id;
  }

  it("ticks the name with the contact and unticks the contact with the name, by keyboard and by mouse", async () => {
    await startPerson(NAMED);
    expect(await boxes()).toEqual({ named: false, contact: false });

    // Keyboard: the space bar on the focused box, as a keyboard user toggles it.
    await contactBox().focus();
    await page.keyboard.press("Space");
    await expect.poll(boxes).toEqual({ named: true, contact: true });
    await namedBox().focus();
    await page.keyboard.press("Space");
    await expect.poll(boxes).toEqual({ named: false, contact: false });

    // Mouse: the same coupling, and unticking the contact alone leaves the name given.
    await contactBox().click();
    await expect.poll(boxes).toEqual({ named: true, contact: true });
    await contactBox().click();
    await expect.poll(boxes).toEqual({ named: true, contact: false });
    await namedBox().click();
    await expect.poll(boxes).toEqual({ named: false, contact: false });

    // This person agreed to be named, not to be a public contact.
    await namedBox().click();
    await expect.poll(boxes).toEqual({ named: true, contact: false });
    await screenshot(page, "person-form-consents");
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    ids.named = await create(`${NAMED.given} ${NAMED.family}`);
    expect(await textOf(fact(page, "Named in public"))).toBe("Named in public");
    expect(await textOf(fact(page, "Public contact"))).toBe("Not listed publicly");

    // The edit form opens with the consents as saved.
    await page.getByRole("link", { name: "Edit" }).click();
    await namedBox().waitFor();
    expect(await boxes()).toEqual({ named: true, contact: false });
  });

  it("records a person who agreed to nothing as shown by role only", async () => {
    await startPerson(UNNAMED);
    expect(await boxes()).toEqual({ named: false, contact: false });
    ids.unnamed = await create(`${UNNAMED.given} ${UNNAMED.family}`);
    expect(await textOf(fact(page, "Named in public"))).toBe("Shown by role only");
    expect(await textOf(fact(page, "Public contact"))).toBe("Not listed publicly");
  });

  it("shows an anonymous reader the named person by name and the other by role alone", async () => {
    const call = await editorCall(server.url);
    const contact = await call("POST", "/api/people", CONTACT);
    const agreement = await call("POST", "/api/agreements", {
      kind: "partnership_convention",
      title: AGREEMENT,
      visibility: "public",
      internalFields: [],
      signedOn: "2021-03",
      startsOn: "2021-03-15",
      parties: [{ organisationId: lille }, { organisationId: metropole }],
      signatories: [
        {
          personId: ids.named,
          name: `Pr. ${NAMED.given} ${NAMED.family}`,
          title: "President",
          organisationId: lille,
          signedOn: "2021-03",
          place: "Lille",
        },
        {
          personId: ids.unnamed,
          name: UNNAMED.printedName,
          title: "Vice-president",
          organisationId: metropole,
          signedOn: "2021-03",
          place: "Lille",
        },
      ],
      axes: [{ kind: "area", title: AREA, coordinatorIds: [ids.named, ids.unnamed, contact.id] }],
    });
    ids.agreement = agreement.id;
    await call("POST", `/api/agreements/${agreement.id}/transitions`, { action: "activate" });
    const body = await call("POST", "/api/bodies", { agreementId: agreement.id, kind: "steering", name: BODY });
    await call("POST", `/api/bodies/${body.id}/members`, { personId: ids.named, role: "Chair", organisationId: lille });
    await call("POST", `/api/bodies/${body.id}/members`, {
      personId: ids.unnamed,
      role: "Member",
      organisationId: metropole,
    });

    // A fresh profile: no session cookie, as anyone on the web reads it.
    reader = await openBrowser();
    anon = await reader.newPage();
    await anon.goto(`${server.url}/en/partnerships/${agreement.id}`);
    await anon.getByRole("heading", { level: 1, name: AGREEMENT }).waitFor();
    const main = anon.locator("main");
    await main.getByText(BODY).waitFor();
    await screenshot(anon, "partnership-consent-to-be-named");

    const text = await textOf(main);
    const html = await anon.content();
    for (const hidden of [UNNAMED.family, UNNAMED.title, UNNAMED.email, NAMED.email]) {
      expect(text, `"${hidden}" in the page text`).not.toContain(hidden);
      expect(html, `"${hidden}" in the page source`).not.toContain(hidden);
    }
    expect(html).not.toContain(UNNAMED.given);

    // The signatories: the named one as printed, the other by the word alone, with their function.
    const signed = main.getByRole("region", { name: "Signed by" });
    const signatories = await signed.getByRole("listitem").allInnerTexts();
    expect(signatories).toHaveLength(2);
    expect(signatories[0]).toContain(`Pr. ${NAMED.given} ${NAMED.family}`);
    // The person is named first, in bold: here by the word alone.
    expect(await signed.getByRole("listitem").nth(1).locator("strong").first().textContent()).toBe("Signatory");
    expect(signatories[1]).toContain("Vice-president");

    // The steering group: the chair by name, the other member by the role they hold there.
    const governance = main.getByRole("region", { name: "Who runs it" });
    const members = (await governance.getByRole("listitem").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    expect(members).toEqual([
      `${NAMED.given} ${NAMED.family} · Chair · ${NAMED.title} · Université de Lille`,
      "Member · Métropole Européenne de Lille",
    ]);

    // The area: three coordinators, one of them without a name, and an e-mail only for the public contact.
    const axes = main.getByRole("region", { name: "Axes and collaboration areas" });
    const coordinators = (await axes.getByRole("listitem").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    expect(coordinators).toHaveLength(3);
    expect(coordinators[0]).toContain(`${NAMED.given} ${NAMED.family}`);
    // By the role alone: no name, no position.
    expect(coordinators[1]).toBe("Coordinator");
    expect(coordinators[2]).toContain(`${CONTACT.givenName} ${CONTACT.familyName}`);
    expect(await axes.getByRole("link", { name: CONTACT.email }).getAttribute("href")).toBe(`mailto:${CONTACT.email}`);
    expect(await main.getByRole("link", { name: /@/ }).count()).toBe(1);

    const violations = await axeViolations(anon);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it("says Signataire in French, and still names only who agreed", async () => {
    await anon.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
    await anon.waitForURL((url) => url.pathname.startsWith("/fr/partnerships/"));
    const main = anon.locator("main");
    const signed = main.getByRole("region", { name: "Signé par" });
    await signed.waitFor();
    expect(await anon.locator("html").getAttribute("lang")).toBe("fr");
    const signatories = await signed.getByRole("listitem").allInnerTexts();
    expect(signatories[0]).toContain(`Pr. ${NAMED.given} ${NAMED.family}`);
    expect(await signed.getByRole("listitem").nth(1).locator("strong").first().textContent()).toBe("Signataire");
    expect(await textOf(main)).not.toContain("Signatory");

    const axes = main.getByRole("region", { name: "Axes et domaines" });
    const coordinators = (await axes.getByRole("listitem").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    expect(coordinators[1]).toBe("Coordinateur");

    const governance = main.getByRole("region", { name: "Gouvernance" });
    expect(await textOf(governance)).toContain(`${NAMED.given} ${NAMED.family}`);
    expect(await textOf(governance)).toContain("Member · Métropole Européenne de Lille");
    const html = await anon.content();
    for (const hidden of [UNNAMED.family, UNNAMED.given, UNNAMED.title, UNNAMED.email]) {
      expect(html, `"${hidden}" in the French page source`).not.toContain(hidden);
    }
    await screenshot(anon, "partnership-consent-to-be-named-fr");
  });

  it("labels the consent on the person's page in French", async () => {
    await page.goto(`${server.url}/people/${ids.unnamed}`);
    await page.getByLabel("Language", { exact: true }).selectOption("fr");
    await page.getByRole("heading", { level: 2, name: "Coordonnées" }).waitFor();
    await expect.poll(() => textOf(fact(page, "Nommée publiquement"))).toBe("Indiquée par son rôle seulement");
    await page.goto(`${server.url}/people/${ids.named}`);
    await expect.poll(() => textOf(fact(page, "Nommée publiquement"))).toBe("Nommée publiquement");
  });
});
