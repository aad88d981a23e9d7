import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";
import { adminCall } from "./support/site.js";

/**
 * The agreement list as a working view: sorted from its headers by keyboard, the sort held in
 * the address; a view saved and reopened; several rows picked and given a theme at once.
 */
describe("the agreement list's views", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const refs: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const call = await adminCall(server.url);
    for (const [key, title, startsOn, endsOn] of [
      ["late", "Arctic research network", "2023-09-01", "2031-06-30"],
      ["early", "Baltic summer school", "2025-03-01", "2026-01-31"],
      ["middle", "Celtic languages exchange", "2024-01-01", "2028-08-31"],
    ] as const) {
      const a = (await call("POST", "/api/agreements", {
        kind: "cotutelle",
        title,
        startsOn,
        endsOn,
      })) as {
        id: string;
        reference: string;
      };
      refs[key] = a.reference;
      ids[key] = a.id;
    }
    for (const [name, countryCode] of [
      ["Aalto University", "FI"],
      ["Université de Lille", "FR"],
      ["Linköping University", "SE"],
    ] as const) {
      await call("POST", "/api/organisations", { kind: "university", name, countryCode });
    }
    for (const [givenName, familyName, title] of [
      ["Zoé", "Adams", "Vice-rector"],
      ["Bo", "Berg", "Archivist"],
      ["Carl", "Carlsson", null],
    ] as const) {
      await call("POST", "/api/people", { givenName, familyName, ...(title ? { title } : {}) });
    }
    for (const [title, startsOn] of [
      ["Nordic doctoral school", "2024-05-13"],
      ["Arctic field week", "2025-09-08"],
      ["Mobility fair", "2023-02-01"],
    ] as const) {
      await call("POST", "/api/activities", { kind: "seminar", title, startsOn, status: "completed" });
    }
    for (const [title, startsAt] of [
      ["Welcome week 2024", "2024-09-02T09:00:00+02:00"],
      ["Erasmus days 2025", "2025-10-09T10:00:00+02:00"],
      ["Partners' forum 2031", "2031-02-12T09:30:00+01:00"],
    ] as const) {
      await call("POST", "/api/events", { title, startsAt, timeZone: "Europe/Paris", audiences: ["staff"] });
    }
    await server.running.services.accounts.createUserAsOperator({
      email: "vera@example.org",
      name: "Vera Viewer",
      role: "viewer",
      password: "a-long-enough-password",
    });
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const titles = () => page.locator("tbody tr td:nth-child(2) a").allTextContents();
  const header = (name: string) => page.getByRole("columnheader", { name });

  it("sorts by a column from the keyboard, keeps it in the address and across a reload", async () => {
    await page.goto(`${server.url}/agreements`);
    await page.getByRole("link", { name: "Arctic research network" }).waitFor();
    expect(await header("Title").getAttribute("aria-sort")).toBe("ascending");
    await page.getByRole("button", { name: "End", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/sort=endsOn/);
    await expect.poll(titles).toEqual(["Baltic summer school", "Celtic languages exchange", "Arctic research network"]);
    expect(await header("Validity").getAttribute("aria-sort")).toBe("ascending");
    expect(await header("Title").getAttribute("aria-sort")).toBeNull();
    await page.keyboard.press("Enter");
    await page.waitForURL(/order=desc/);
    await expect.poll(titles).toEqual(["Arctic research network", "Celtic languages exchange", "Baltic summer school"]);
    await page.reload();
    await page.getByRole("link", { name: "Arctic research network" }).waitFor();
    expect(await header("Validity").getAttribute("aria-sort")).toBe("descending");
    expect(await titles()).toEqual(["Arctic research network", "Celtic languages exchange", "Baltic summer school"]);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("order=desc"));
    await expect.poll(titles).toEqual(["Baltic summer school", "Celtic languages exchange", "Arctic research network"]);
  });

  it("sorts by reference and by start from the headers, in the address", async () => {
    await page.goto(`${server.url}/agreements`);
    await page.getByRole("link", { name: "Arctic research network" }).waitFor();
    const reference = page.getByRole("button", { name: "Reference", exact: true });
    await reference.click();
    await page.waitForURL(/sort=reference/);
    await reference.click();
    await page.waitForURL(/order=desc/);
    expect(await header("Reference").getAttribute("aria-sort")).toBe("descending");
    const titleOf = {
      late: "Arctic research network",
      early: "Baltic summer school",
      middle: "Celtic languages exchange",
    };
    const byReference = (Object.keys(titleOf) as Array<keyof typeof titleOf>)
      .sort((a, b) => ((refs[a] ?? "") < (refs[b] ?? "") ? 1 : -1))
      .map((k) => titleOf[k]);
    await expect.poll(titles).toEqual(byReference);

    await page.getByRole("button", { name: "Start", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("sort") === "startsOn" && !url.searchParams.has("order"));
    await expect.poll(titles).toEqual(["Arctic research network", "Celtic languages exchange", "Baltic summer school"]);
    expect(await header("Validity").getAttribute("aria-sort")).toBe("ascending");
    expect(await header("Reference").getAttribute("aria-sort")).toBeNull();
    await page.reload();
    await page.getByRole("link", { name: "Arctic research network" }).waitFor();
    expect(await titles()).toEqual(["Arctic research network", "Celtic languages exchange", "Baltic summer school"]);
  });

  it("sorts the people by name or by position from the keyboard, in the address", async () => {
    await page.goto(`${server.url}/people`);
    await page.getByRole("link", { name: "Zoé Adams" }).waitFor();
    const people = () => page.locator("tbody tr td:first-child a").allTextContents();
    expect(await page.getByRole("columnheader", { name: "Name" }).getAttribute("aria-sort")).toBe("ascending");
    expect(await people()).toEqual(["Zoé Adams", "Bo Berg", "Carl Carlsson"]);
    await page.getByRole("button", { name: "Position or title" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/sort=title/);
    await expect.poll(people).toEqual(["Bo Berg", "Zoé Adams", "Carl Carlsson"]);
    await page.keyboard.press("Enter");
    await page.waitForURL(/order=desc/);
    expect(await page.getByRole("columnheader", { name: "Position or title" }).getAttribute("aria-sort")).toBe(
      "descending",
    );
    await expect.poll(people).toEqual(["Carl Carlsson", "Zoé Adams", "Bo Berg"]);
    // A search keeps the sort; the sort survives a reload.
    await page.getByLabel("Search people").fill("carl");
    await page.waitForURL((url) => url.searchParams.get("q") === "carl" && url.searchParams.get("sort") === "title");
    await page.reload();
    await page.getByRole("link", { name: "Carl Carlsson" }).waitFor();
    expect(new URL(page.url()).searchParams.get("order")).toBe("desc");
    await page.goto(`${server.url}/people`);
    await page.getByRole("button", { name: "Name", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/order=desc/);
    await expect.poll(people).toEqual(["Carl Carlsson", "Bo Berg", "Zoé Adams"]);
  });

  it("saves the current view under a name and opens it again", async () => {
    await page.goto(`${server.url}/agreements?sort=endsOn&order=desc`);
    await page.getByRole("link", { name: "Arctic research network" }).waitFor();
    await page.getByLabel("Name of this view").fill("Latest ends first");
    await page.getByRole("button", { name: "Save this view" }).click();
    await page.goto(`${server.url}/agreements`);
    await page.getByRole("link", { name: "Arctic research network" }).waitFor();
    expect(await titles()).toEqual(["Arctic research network", "Baltic summer school", "Celtic languages exchange"]);
    await page.getByRole("button", { name: "Latest ends first", exact: true }).click();
    await page.waitForURL(/order=desc/);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("endsOn");
    await expect.poll(titles).toEqual(["Arctic research network", "Celtic languages exchange", "Baltic summer school"]);
    // The view is kept on the server: it is still there once this browser forgets everything it kept.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole("button", { name: "Latest ends first", exact: true }).waitFor();
    await page.getByRole("button", { name: "Delete the view Latest ends first" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Latest ends first", exact: true }).count()).toBe(0);
    const left = await page.evaluate(async () => (await fetch("/api/saved-views?list=agreements")).json());
    expect(left).toEqual({ items: [] });
  });

  it("moves the views this browser kept on its own to the server, once", async () => {
    const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
    const key = `conventio.views.${session.user.id}.organisations`;
    await page.evaluate(
      ([k, v]) => localStorage.setItem(k as string, v as string),
      [key, JSON.stringify([{ name: "Swedish partners", search: { country: "SE" } }])],
    );
    await page.goto(`${server.url}/organisations`);
    await page.getByRole("button", { name: "Swedish partners", exact: true }).click();
    await page.waitForURL(/country=SE/);
    await expect
      .poll(() => page.locator("tbody tr td:first-child a").allTextContents())
      .toEqual(["Linköping University"]);
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    const kept = await page.evaluate(async () => (await fetch("/api/saved-views?list=organisations")).json());
    expect(kept.items.map((v: { name: string; search: unknown }) => [v.name, v.search])).toEqual([
      ["Swedish partners", { country: "SE" }],
    ]);
  });

  it("exports two selected agreements, then adds a theme to both at once", async () => {
    await page.goto(`${server.url}/agreements`);
    await page.getByRole("link", { name: "Arctic research network" }).waitFor();
    await page.getByRole("checkbox", { name: `Select agreement ${refs.late}` }).check();
    await page.getByRole("checkbox", { name: `Select agreement ${refs.early}` }).check();
    await page.getByText("2 agreements selected").waitFor();
    await page.getByRole("button", { name: "Export the selection" }).click();
    const href = await page.getByRole("menuitem", { name: "CSV (UTF-8)" }).getAttribute("href");
    const csv = await (await page.request.get(`${server.url}${href}`)).text();
    expect(csv).toContain(ids.late);
    expect(csv).toContain(ids.early);
    expect(csv).not.toContain(ids.middle);
    await page.keyboard.press("Escape");
    await page.getByLabel("Theme to add").fill("Blue economy");
    await page.getByRole("button", { name: "Add a theme" }).click();
    await page.getByText("Theme added to 2 agreements").waitFor();
    for (const [key, title, has] of [
      ["late", "Arctic research network", true],
      ["early", "Baltic summer school", true],
      ["middle", "Celtic languages exchange", false],
    ] as const) {
      await page.goto(`${server.url}/agreements/${ids[key]}`);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      const theme = page.getByRole("listitem").filter({ hasText: "Blue economy" });
      if (has) await theme.waitFor();
      else expect(await theme.count(), key).toBe(0);
    }
  });

  it("has no serious accessibility violations on the list at 1280 px, in English and French", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/agreements`);
    await page.getByRole("link", { name: "Arctic research network" }).waitFor();
    await page.getByRole("checkbox", { name: `Select agreement ${refs.middle}` }).check();
    const english = await seriousViolations(page);
    expect(english, JSON.stringify(english, null, 2)).toEqual([]);
    await page.getByLabel("Language", { exact: true }).selectOption("fr");
    await page.getByRole("button", { name: "Enregistrer cette vue" }).waitFor();
    const french = await seriousViolations(page);
    await page.getByLabel("Langue", { exact: true }).selectOption("en");
    expect(french, JSON.stringify(french, null, 2)).toEqual([]);
  });

  it("sorts the organisations by country from the keyboard, in the address", async () => {
    await page.goto(`${server.url}/organisations`);
    await page.getByRole("link", { name: "Aalto University" }).waitFor();
    const names = () => page.locator("tbody tr td:first-child a").allTextContents();
    await page.getByRole("button", { name: "Country" }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.waitForURL(/sort=country&order=desc|order=desc&sort=country/);
    expect(await page.getByRole("columnheader", { name: "Country" }).getAttribute("aria-sort")).toBe("descending");
    await expect.poll(names).toEqual(["Linköping University", "Université de Lille", "Aalto University"]);
    await page.reload();
    await page.getByRole("link", { name: "Aalto University" }).waitFor();
    expect(await names()).toEqual(["Linköping University", "Université de Lille", "Aalto University"]);
  });

  it("sorts the activities by title or date from the headers, in the address", async () => {
    await page.goto(`${server.url}/activities`);
    await page.getByRole("link", { name: "Arctic field week" }).waitFor();
    const listed = () => page.locator("tbody tr td:first-child a").allTextContents();
    expect(await page.getByRole("columnheader", { name: "When" }).getAttribute("aria-sort")).toBe("descending");
    expect(await listed()).toEqual(["Arctic field week", "Nordic doctoral school", "Mobility fair"]);
    await page.getByRole("button", { name: "Title" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/sort=title/);
    await expect.poll(listed).toEqual(["Arctic field week", "Mobility fair", "Nordic doctoral school"]);
    await page.keyboard.press("Enter");
    await page.waitForURL(/order=desc/);
    await expect.poll(listed).toEqual(["Nordic doctoral school", "Mobility fair", "Arctic field week"]);
    await page.reload();
    await page.getByRole("link", { name: "Arctic field week" }).waitFor();
    expect(await listed()).toEqual(["Nordic doctoral school", "Mobility fair", "Arctic field week"]);
    await page.getByRole("button", { name: "When" }).click();
    await page.waitForURL((url) => url.searchParams.get("order") === "asc" && !url.searchParams.has("sort"));
    await expect.poll(listed).toEqual(["Mobility fair", "Nordic doctoral school", "Arctic field week"]);
  });

  it("lists the coming events soonest first, and the past ones latest first", async () => {
    await page.goto(`${server.url}/events`);
    await page.getByText("Partners' forum 2031").waitFor();
    const listed = () => page.locator("tbody tr td:first-child a").allTextContents();
    expect(await listed()).toEqual(["Partners' forum 2031"]);
    await page.getByText("Past", { exact: true }).click();
    await page.waitForURL(/view=past/);
    await expect.poll(listed).toEqual(["Erasmus days 2025", "Welcome week 2024"]);
  });

  it("offers a viewer no checkboxes", async () => {
    const other = await openBrowser();
    const viewer = await other.newPage();
    try {
      await signIn(viewer, server.url, { email: "vera@example.org", password: "a-long-enough-password" });
      await viewer.goto(`${server.url}/agreements`);
      await viewer.getByRole("link", { name: "Arctic research network" }).waitFor();
      expect(await viewer.getByRole("checkbox").count()).toBe(0);
      expect(await viewer.getByRole("button", { name: "End", exact: true }).count()).toBe(1);
    } finally {
      await other.close();
    }
  });

  it("moves two selected agreements to negotiation at once, then refuses a move one of them cannot make", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/agreements`);
    await page.getByRole("link", { name: "Arctic research network" }).waitFor();
    await page.getByRole("checkbox", { name: `Select agreement ${refs.late}` }).check();
    await page.getByRole("checkbox", { name: `Select agreement ${refs.middle}` }).check();
    await page.getByLabel("Step for the selection").selectOption("start_negotiation");
    await page.getByRole("button", { name: "Apply to the selection" }).click();
    await page.getByText("2 agreements moved").waitFor();
    const statusOf = async (id: string | undefined) =>
      ((await (await page.request.get(`${server.url}/api/agreements/${id}`)).json()) as { status: string }).status;
    expect(await statusOf(ids.late)).toBe("negotiation");
    expect(await statusOf(ids.middle)).toBe("negotiation");
    expect(await statusOf(ids.early)).toBe("draft");

    // Starting a negotiation again: refused for the whole selection, the first one named, none moved.
    await page.getByRole("checkbox", { name: `Select agreement ${refs.early}` }).check();
    await page.getByRole("checkbox", { name: `Select agreement ${refs.late}` }).check();
    await page.getByLabel("Step for the selection").selectOption("start_negotiation");
    await page.getByRole("button", { name: "Apply to the selection" }).click();
    await page.getByRole("alert").filter({ hasText: refs.late }).waitFor();
    expect(await statusOf(ids.early)).toBe("draft");
  });

  it("terminates two selected agreements at once, asking for the date and the reason", async () => {
    const call = await adminCall(server.url);
    const made: { id: string; reference: string }[] = [];
    for (const title of ["Danube rectors' forum", "Elbe summer exchange"]) {
      made.push(
        (await call("POST", "/api/agreements/past", {
          kind: "cotutelle",
          title,
          status: "active",
          startsOn: "2022-01-01",
          endsOn: "2029-12-31",
        })) as { id: string; reference: string },
      );
    }
    await page.goto(`${server.url}/agreements`);
    await page.getByRole("link", { name: "Danube rectors' forum" }).waitFor();
    for (const a of made) await page.getByRole("checkbox", { name: `Select agreement ${a.reference}` }).check();
    await page.getByLabel("Step for the selection").selectOption("terminate");
    // Without a date or reason the server names both fields, and nothing is terminated.
    await page.getByRole("button", { name: "Terminate 2 agreements" }).click();
    await page.getByText("Give the date the termination takes effect.").first().waitFor();
    await page.getByText("Give the reason for the termination.").first().waitFor();
    await page
      .getByRole("alert")
      .filter({ hasText: made[0]?.reference ?? "" })
      .waitFor();
    const statusOf = async (id: string | undefined) =>
      (await (await page.request.get(`${server.url}/api/agreements/${id}`)).json()) as {
        status: string;
        terminatedOn: string | null;
        terminationReason: string | null;
      };
    expect((await statusOf(made[0]?.id)).status).toBe("active");
    await page.getByLabel("Termination takes effect on").fill("2026-06-30");
    await page.getByLabel("Reason").fill("Merged into the alliance agreement");
    await page.getByRole("button", { name: "Terminate 2 agreements" }).click();
    await page.getByText("2 agreements moved").waitFor();
    for (const a of made) {
      expect(await statusOf(a.id)).toMatchObject({
        status: "terminated",
        terminatedOn: "2026-06-30",
        terminationReason: "Merged into the alliance agreement",
      });
    }
  });
});
