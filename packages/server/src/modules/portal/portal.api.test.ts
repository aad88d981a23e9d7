import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let mel: string;
let internal: string;

const api = (method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: unknown, s?: Session) =>
  ctx.app.inject({
    method,
    url,
    headers: s?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  const lille = (
    await api("POST", "/api/organisations", { kind: "university", name: "Université de Lille" }, editor)
  ).json().id;
  const metro = (
    await api("POST", "/api/organisations", { kind: "local_authority", name: "Métropole Européenne de Lille" }, editor)
  ).json().id;
  const vp = (
    await api(
      "POST",
      "/api/people",
      { givenName: "Nour-Eddine", familyName: "Oussous", email: "vp@example.org", publicContact: true },
      editor,
    )
  ).json().id;
  const secret = (
    await api(
      "POST",
      "/api/people",
      { givenName: "Private", familyName: "Person", email: "private@example.org" },
      editor,
    )
  ).json().id;
  mel = (
    await api(
      "POST",
      "/api/agreements",
      {
        kind: "partnership_convention",
        title: "Convention MEL – Université de Lille",
        visibility: "public",
        signedOn: "2019-07-01",
        startsOn: "2019-07-01",
        parties: [{ organisationId: lille }, { organisationId: metro }],
        signatories: [{ personId: secret, name: "Private Person", signedOn: "2019-07-01" }],
        objectives: ["Develop synergies between the academic and economic worlds and public authorities"],
        axes: [
          { kind: "operational", title: "Research and innovation", coordinatorIds: [vp, secret] },
          { kind: "transversal", title: "Shared knowledge" },
        ],
      },
      editor,
    )
  ).json().id;
  await api("POST", `/api/agreements/${mel}/transitions`, { action: "activate" }, editor);
  const body = (
    await api("POST", "/api/bodies", { agreementId: mel, kind: "steering", name: "Comité de pilotage" }, editor)
  ).json().id;
  await api("POST", `/api/bodies/${body}/members`, { personId: vp, role: "Vice-president" }, editor);
  await api("POST", `/api/bodies/${body}/members`, { personId: secret, role: "Member" }, editor);
  const meeting = (
    await api(
      "POST",
      `/api/bodies/${body}/meetings`,
      { heldOn: "2021-07-02", place: "Espace culture", decisions: ["Settle the open files by year end"] },
      editor,
    )
  ).json().id;
  await api(
    "POST",
    "/api/actions",
    { title: "Settle the campus planning files", meetingId: meeting, dueOn: "2021-12-31" },
    editor,
  );
  await api(
    "POST",
    "/api/activities",
    { kind: "seminar", title: "Cooperative seminar of the working groups", agreementId: mel, startsOn: "2021-07-02" },
    editor,
  );
  await api(
    "POST",
    "/api/activities",
    { kind: "office_abroad", title: "Old activity", agreementId: mel, startsOn: "2019-10-01" },
    editor,
  );
  await api(
    "POST",
    "/api/activities",
    { kind: "seminar", title: "Soft mobility workshop", agreementId: mel, startsOn: "2021-09-20" },
    editor,
  );
  const ind = (
    await api(
      "POST",
      "/api/indicators",
      { agreementId: mel, name: "Joint projects", unit: "projects", baseline: 0, target: 10 },
      editor,
    )
  ).json().id;
  await api("PUT", `/api/indicators/${ind}/values`, { year: 2021, value: 4 }, editor);
  await api(
    "POST",
    "/api/events",
    { title: "Point d'étape", startsAt: "2021-07-02T09:00:00+02:00", agreementId: mel },
    editor,
  );
  await api(
    "POST",
    "/api/events",
    { title: "Internal prep", startsAt: "2021-06-30T09:00:00+02:00", agreementId: mel, visibility: "internal" },
    editor,
  );
  await api(
    "POST",
    "/api/news",
    {
      title: "Des synergies utiles au territoire",
      body: "…",
      agreementId: mel,
      status: "published",
      publishedOn: "2021-07-12",
      tags: ["MEL"],
    },
    editor,
  );
  internal = (
    await api("POST", "/api/agreements", { kind: "memorandum_of_understanding", title: "Internal MoU" }, editor)
  ).json().id;
});
afterAll(() => ctx.close());

describe("public portal", () => {
  it("assembles a public partnership page without internal data", async () => {
    const res = await api("GET", `/api/public/partnerships/${mel}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.agreement.objectives).toHaveLength(1);
    expect(page.agreement.signatories).toEqual([]);
    // Private Person did not agree to be named: the body still counts them, by their role.
    expect(page.governance[0].members.map((m: { name: string; email: string | null }) => [m.name, m.email])).toEqual([
      [null, null],
      ["Nour-Eddine Oussous", "vp@example.org"],
    ]);
    expect(page.agreement.axes[0].coordinators.map((p: { email: string | null }) => p.email)).toEqual([
      "vp@example.org",
      null,
    ]);
    expect(page.events.map((e: { title: string }) => e.title)).toEqual(["Point d'étape"]);
    expect(page.news.map((n: { title: string }) => n.title)).toEqual(["Des synergies utiles au territoire"]);
    expect(JSON.stringify(page)).not.toContain("private@example.org");
    expect(JSON.stringify(page)).not.toContain("Private Person");
    expect((await api("GET", `/api/public/partnerships/${internal}`)).statusCode).toBe(404);
  });

  it("shows the latest news and the coming events on the public home page", async () => {
    const home = (await api("GET", "/api/public/home")).json();
    expect(home.news.map((n: { title: string }) => n.title)).toEqual(["Des synergies utiles au territoire"]);
    expect(home.events).toEqual([]); // every event is in the past on 2026-03-02
  });
});

describe("public partner pages", () => {
  it("shows a public partner with its public networks, members and partnerships, and nothing internal", async () => {
    const org = (body: Record<string, unknown>) =>
      api("POST", "/api/organisations", { countryCode: "FR", city: "Lille", ...body }, editor).then((r) => r.json().id);
    const lille = await org({ kind: "university", name: "Université de Lille (public)", visibility: "public" });
    const sgroup = await org({ kind: "network", name: "SGroup", visibility: "public", countryCode: "BE" });
    const club = await org({ kind: "network", name: "Private club", visibility: "internal" });
    const hidden = await org({ kind: "unit", name: "Hidden lab", parentId: lille, visibility: "internal" });
    const lab = await org({ kind: "unit", name: "Open lab", parentId: lille, visibility: "public" });
    await api("POST", `/api/organisations/${sgroup}/memberships`, { memberId: lille, since: "2020-01-01" }, editor);
    await api("POST", `/api/organisations/${club}/memberships`, { memberId: lille }, editor);
    const page = (await api("GET", `/api/public/organisations/${lille}`)).json();
    expect(page.organisation).toMatchObject({
      name: { text: "Université de Lille (public)", lang: null },
      countryCode: "FR",
    });
    expect(page.memberOf).toEqual([
      {
        network: { id: sgroup, name: { text: "SGroup", lang: null }, kind: "network" },
        since: "2020-01-01",
        until: null,
      },
    ]);
    expect(page.units.map((u: { id: string }) => u.id)).toEqual([lab]);
    expect(JSON.stringify(page)).not.toContain("Private club");
    expect(JSON.stringify(page)).not.toContain(hidden);
    const network = (await api("GET", `/api/public/organisations/${sgroup}`)).json();
    expect(network.members.map((m: { member: { id: string } }) => m.member.id)).toEqual([lille]);
    expect((await api("GET", `/api/public/organisations/${club}`)).statusCode).toBe(404);
  });

  it("lists only public, signed partnerships of a partner and says which parties have a page", async () => {
    const page = (await api("GET", `/api/public/partnerships/${mel}`)).json();
    const publicParties = (p: { agreement: { parties: Array<{ organisation: { id: string; public: boolean } }> } }) =>
      p.agreement.parties.filter((x) => x.organisation.public).map((x) => x.organisation.id);
    expect(publicParties(page)).toEqual([]); // both parties are internal records
    const partyId = page.agreement.parties[0].organisation.id as string;
    await api("PATCH", `/api/organisations/${partyId}`, { visibility: "public" }, editor);
    expect(publicParties((await api("GET", `/api/public/partnerships/${mel}`)).json())).toEqual([partyId]);
    const partner = (await api("GET", `/api/public/organisations/${partyId}`)).json();
    expect(partner.partnerships.map((p: { id: string }) => p.id)).toEqual([mel]);
    expect(partner.partnerships.map((p: { id: string }) => p.id)).not.toContain(internal);
  });
});

describe("progress review", () => {
  it("assembles objectives, groups, activities since the last review, indicators, open actions and deadlines", async () => {
    const r = (await api("GET", `/api/agreements/${mel}/review?on=2021-11-15`, undefined, editor)).json();
    expect(r.since).toBe("2021-07-02");
    // The seminar held at the meeting itself was covered by that meeting; what came after is new.
    expect(r.activities.map((a: { title: string }) => a.title)).toEqual(["Soft mobility workshop"]);
    expect(r.indicators[0]).toMatchObject({ name: "Joint projects", progress: 0.4 });
    expect(r.openActions.map((a: { title: string }) => a.title)).toEqual(["Settle the campus planning files"]);
    expect(r.deadlines).toEqual([{ on: "2021-12-31", kind: "action", what: "Settle the campus planning files" }]);
    expect((await api("GET", `/api/agreements/${mel}/review?on=2021-11-15`)).statusCode).toBe(401);
  });

  it("starts the next review from the last one recorded", async () => {
    const first = (await api("GET", `/api/agreements/${mel}/review?on=2021-11-15`, undefined, editor)).json();
    expect(first).toMatchObject({ since: "2021-07-02", sinceKind: "meeting", recorded: [] });
    const viewer = await signedIn(ctx, "viewer");
    expect((await api("POST", `/api/agreements/${mel}/reviews`, { on: "2021-11-15" }, viewer)).statusCode).toBe(403);
    const saved = await api("POST", `/api/agreements/${mel}/reviews`, { on: "2021-11-15" }, editor);
    expect(saved.statusCode).toBe(201);
    expect(saved.json().recorded).toEqual(["2021-11-15"]);
    // Recording the same review twice keeps one.
    await api("POST", `/api/agreements/${mel}/reviews`, { on: "2021-11-15" }, editor);
    const next = (await api("GET", `/api/agreements/${mel}/review?on=2022-06-30`, undefined, editor)).json();
    expect(next).toMatchObject({ since: "2021-11-15", sinceKind: "review", recorded: ["2021-11-15"] });
    expect(next.activities).toEqual([]); // the workshop of 2021-09 was covered by the first review
    const bad = await api("POST", `/api/agreements/${mel}/reviews`, { on: "15/11/2021" }, editor);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe("on");
  });

  it("renders the review as a PDF that turns into an image", async () => {
    const res = await api("GET", `/api/agreements/${mel}/review.pdf?on=2021-11-15`, undefined, editor);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const dir = mkdtempSync(join(tmpdir(), "review-"));
    writeFileSync(join(dir, "review.pdf"), res.rawPayload);
    execFileSync("pdftoppm", ["-png", "-r", "40", join(dir, "review.pdf"), join(dir, "page")]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".png")).length).toBeGreaterThanOrEqual(1);
  });

  it("writes the PDF in the reader's language", async () => {
    const textOf = async (lang: string) => {
      const res = await api("GET", `/api/agreements/${mel}/review.pdf?on=2021-11-15&lang=${lang}`, undefined, editor);
      expect(res.statusCode).toBe(200);
      const dir = mkdtempSync(join(tmpdir(), "review-"));
      writeFileSync(join(dir, "review.pdf"), res.rawPayload);
      return execFileSync("pdftotext", [join(dir, "review.pdf"), "-"], { encoding: "utf8" });
    };
    const fr = await textOf("fr");
    expect(fr).toContain("Point d'étape");
    expect(fr).toContain("Échéances à venir");
    expect(fr).toContain("pour le 2021-12-31");
    const sv = await textOf("sv");
    expect(sv).toContain("Lägesavstämning");
    expect(sv).toContain("Öppna åtgärder");
    expect((await api("GET", `/api/agreements/${mel}/review.pdf?lang=de`, undefined, editor)).statusCode).toBe(422);
  });
});
