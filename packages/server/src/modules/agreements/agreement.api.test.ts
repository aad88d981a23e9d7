import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let viewer: Session;
const org: Record<string, string> = {};
let signer: string;

async function api(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown, s: Session = editor) {
  return ctx.app.inject({
    method,
    url,
    headers: s.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function draft(overrides: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/agreements", {
    kind: "memorandum_of_understanding",
    title: "Memorandum between Lorraine and Kyutech",
    parties: [
      { organisationId: org.lorraine, role: "partner" },
      { organisationId: org.kyutech, role: "partner" },
    ],
    signatories: [
      {
        personId: signer,
        name: "Karl Tombre",
        organisationId: org.lorraine,
        signedOn: "2022-09-01",
        place: "Kitakyushu",
      },
      { name: "Tohru Kamiya", organisationId: org.kyutech, signedOn: "2022-09-01" },
    ],
    signedOn: "2022-09-01",
    startsOn: "2022-09-01",
    endsOn: "2027-08-31",
    themes: ["Robotics", "Materials"],
    fields: ["061", "071"],
    objectives: ["Exchange students for double degrees", "Fund joint research projects"],
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

const act = (id: string, body: Record<string, unknown>) => api("POST", `/api/agreements/${id}/transitions`, body);

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  for (const [key, name, country] of [
    ["lorraine", "Université de Lorraine", "FR"],
    ["kyutech", "Kyushu Institute of Technology", "JP"],
    ["lille", "Université de Lille", "FR"],
    ["mel", "Métropole Européenne de Lille", "FR"],
  ] as const) {
    org[key] = (await api("POST", "/api/organisations", { kind: "university", name, countryCode: country })).json().id;
  }
  signer = (await api("POST", "/api/people", { givenName: "Karl", familyName: "Tombre" })).json().id;
});
afterAll(() => ctx.close());

describe("agreements API", () => {
  it("drafts an agreement with parties, signatories and content, under a reference of its year", async () => {
    const a = await draft();
    expect(a.status).toBe("draft");
    expect(a.reference).toMatch(/^2022-\d{4}$/); // the year of signature
    expect(a.parties.map((p: { name: string }) => p.name)).toEqual([
      "Université de Lorraine",
      "Kyushu Institute of Technology",
    ]);
    expect(a.signatories[0]).toMatchObject({ name: "Karl Tombre", person: { id: signer }, place: "Kitakyushu" });
    expect(a.fields).toEqual([
      { code: "061", name: "Information and Communication Technologies" },
      { code: "071", name: "Engineering and engineering trades" },
    ]);
    expect(a.allowedActions).toEqual(["start_negotiation", "request_signature", "activate"]);
    expect(a.history).toHaveLength(1);
  });

  it("refuses an end before the start and unknown references, on their fields", async () => {
    const backwards = await api("POST", "/api/agreements", {
      kind: "cotutelle",
      title: "Thesis",
      startsOn: "2024-01-01",
      endsOn: "2023-01-01",
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe("endsOn");
    const unknown = await api("POST", "/api/agreements", {
      kind: "cotutelle",
      title: "Thesis",
      parties: [{ organisationId: "nope" }],
    });
    expect(unknown.json().errors[0].field).toBe("parties.0.organisationId");
    const field = await api("POST", "/api/agreements", { kind: "cotutelle", title: "Thesis", fields: ["999"] });
    expect(field.json().errors[0].field).toBe("fields.0");
  });

  it("walks draft → negotiation → awaiting signature → active, recording who and when", async () => {
    const a = await draft();
    expect((await act(a.id, { action: "start_negotiation" })).json().status).toBe("negotiation");
    expect((await act(a.id, { action: "reopen" })).json().status).toBe("draft");
    expect((await act(a.id, { action: "request_signature" })).json().status).toBe("awaiting_signature");
    expect((await act(a.id, { action: "reopen" })).json().status).toBe("negotiation");
    await act(a.id, { action: "request_signature" });
    const active = (await act(a.id, { action: "activate", note: "Signed in Kitakyushu" })).json();
    expect(active.status).toBe("active");
    expect(active.history.map((h: { action: string }) => h.action)).toEqual([
      "create",
      "start_negotiation",
      "reopen",
      "request_signature",
      "reopen",
      "request_signature",
      "activate",
    ]);
    expect(active.history.at(-1)).toMatchObject({
      from: "awaiting_signature",
      to: "active",
      actor: "The editor",
      note: "Signed in Kitakyushu",
    });
  });

  it("refuses activation without a signature date, signatories or a second party", async () => {
    const a = await draft({ signedOn: null, signatories: [], parties: [{ organisationId: org.lorraine }] });
    const res = await act(a.id, { action: "activate" });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["signedOn", "signatories", "parties"]);
    expect((await api("GET", `/api/agreements/${a.id}`)).json().status).toBe("draft");
  });

  it("refuses actions that do not start from the current status", async () => {
    const a = await draft();
    const terminate = await act(a.id, { action: "terminate", on: "2023-01-01", reason: "x" });
    expect(terminate.statusCode).toBe(409);
    expect(terminate.json().errors[0].field).toBe("action");
    expect((await act(a.id, { action: "reopen" })).statusCode).toBe(409);
    expect((await api("POST", `/api/agreements/${a.id}/renewal`)).statusCode).toBe(409);
    await act(a.id, { action: "activate" });
    expect((await act(a.id, { action: "activate" })).statusCode).toBe(409);
    expect((await act(a.id, { action: "start_negotiation" })).statusCode).toBe(409);
  });

  it("terminates only with a date and a reason, and not before the start", async () => {
    const a = await draft();
    await act(a.id, { action: "activate" });
    const bare = await act(a.id, { action: "terminate" });
    expect(bare.json().errors.map((e: { field: string }) => e.field)).toEqual(["on", "reason"]);
    const early = await act(a.id, { action: "terminate", on: "2020-01-01", reason: "Too early" });
    expect(early.json().errors[0].field).toBe("on");
    const done = (
      await act(a.id, { action: "terminate", on: "2025-01-31", reason: "Replaced by a framework agreement" })
    ).json();
    expect(done).toMatchObject({
      status: "terminated",
      terminatedOn: "2025-01-31",
      endsOn: "2025-01-31",
      terminationReason: "Replaced by a framework agreement",
    });
    expect(done.allowedActions).toEqual([]);
    expect((await act(a.id, { action: "terminate", on: "2025-02-01", reason: "again" })).statusCode).toBe(409);
  });

  it("lists an agreement as expiring, then expired, as the clock moves", async () => {
    const a = await draft({
      title: "Clockwork convention",
      startsOn: "2024-01-01",
      endsOn: "2026-12-31",
      signedOn: "2023-12-15",
    });
    await act(a.id, { action: "activate" });
    const ids = async (qs: string) =>
      (await api("GET", `/api/agreements?${qs}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids("status=active")).toContain(a.id);
    expect(await ids("status=expiring")).not.toContain(a.id);
    ctx.clock.set(new Date("2026-10-01T09:00:00Z"));
    expect(await ids("status=expiring")).toContain(a.id);
    expect(await ids("expiringWithinDays=120")).toContain(a.id);
    expect(await ids("expiringWithinDays=30")).not.toContain(a.id);
    expect((await api("GET", `/api/agreements/${a.id}`)).json().status).toBe("expiring");
    ctx.clock.set(new Date("2027-01-15T09:00:00Z"));
    expect(await ids("status=expired")).toContain(a.id);
    const expired = (await api("GET", `/api/agreements/${a.id}`)).json();
    expect(expired.status).toBe("expired");
    expect(expired.allowedActions).toEqual(["renew"]);
    ctx.clock.set(new Date("2026-03-02T09:00:00Z"));
  });

  it("renews into a pre-filled successor and reads the chain as one history", async () => {
    const first = await draft({
      title: "Exchange agreement Lille–Kyutech",
      parties: [{ organisationId: org.lille }, { organisationId: org.kyutech }],
      startsOn: "2002-09-01",
      endsOn: "2005-08-31",
      signedOn: "2002-06-01",
    });
    await act(first.id, { action: "activate" });
    const second = (await api("POST", `/api/agreements/${first.id}/renewal`)).json();
    expect(second).toMatchObject({
      status: "draft",
      startsOn: "2005-09-01",
      endsOn: "2008-08-31",
      title: "Exchange agreement Lille–Kyutech",
    });
    expect(second.parties.map((p: { id: string }) => p.id)).toEqual([org.lille, org.kyutech]);
    expect(second.themes).toEqual(["Materials", "Robotics"]);
    expect(second.signatories).toEqual([]);
    expect((await api("POST", `/api/agreements/${first.id}/renewal`)).statusCode).toBe(409);
    const renewedOnce = (await api("GET", `/api/agreements/${first.id}`)).json();
    expect(renewedOnce.status).toBe("expired");
    expect(renewedOnce.allowedActions).toEqual([]);
    await api("PATCH", `/api/agreements/${second.id}`, {
      signedOn: "2005-07-01",
      signatories: [{ name: "A. President", organisationId: org.lille, signedOn: "2005-07-01" }],
    });
    const activated = (await act(second.id, { action: "activate" })).json();
    expect(activated.chain.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
    const old = (await api("GET", `/api/agreements/${first.id}`)).json();
    expect(old.status).toBe("renewed");
    expect(old.chain.map((c: { startsOn: string }) => c.startsOn)).toEqual(["2002-09-01", "2005-09-01"]);
  });

  it("hangs specific agreements under their framework agreement", async () => {
    const framework = await draft({ kind: "framework_agreement", title: "Accord-cadre Lorraine–Kyutech" });
    const specific = await draft({
      kind: "specific_agreement",
      title: "Double degree in materials",
      frameworkId: framework.id,
    });
    expect(specific.framework.id).toBe(framework.id);
    expect(
      (await api("GET", `/api/agreements/${framework.id}`)).json().specifics.map((s: { id: string }) => s.id),
    ).toEqual([specific.id]);
    const wrong = await api("POST", "/api/agreements", {
      kind: "specific_agreement",
      title: "Bad",
      frameworkId: specific.id,
    });
    expect(wrong.json().errors[0].field).toBe("frameworkId");
  });

  it("filters by kind, partner, country, theme and words", async () => {
    const conv = await draft({
      kind: "partnership_convention",
      title: "Convention MEL / Université de Lille",
      parties: [{ organisationId: org.lille }, { organisationId: org.mel }],
      themes: ["Territoire"],
    });
    const titles = async (qs: string) =>
      (await api("GET", `/api/agreements?${qs}`)).json().items.map((x: { title: string }) => x.title);
    expect(await titles("kind=partnership_convention")).toEqual([conv.title]);
    expect(await titles(`partner=${org.mel}`)).toEqual([conv.title]);
    expect(await titles("country=JP")).not.toContain(conv.title);
    expect(await titles("theme=territoire")).toEqual([conv.title]);
    expect(await titles("q=metropole")).toEqual([conv.title]);
    expect(await titles("q=kyutech")).toContain("Accord-cadre Lorraine–Kyutech");
  });

  it("lets viewers read but not write, and only deletes drafts", async () => {
    const a = await draft();
    expect((await api("GET", `/api/agreements/${a.id}`, undefined, viewer)).statusCode).toBe(200);
    expect((await api("PATCH", `/api/agreements/${a.id}`, { title: "x" }, viewer)).statusCode).toBe(403);
    expect((await act(a.id, { action: "activate" })).statusCode).toBe(200);
    expect((await api("DELETE", `/api/agreements/${a.id}`)).statusCode).toBe(409);
    const d = await draft();
    expect((await api("DELETE", `/api/agreements/${d.id}`)).statusCode).toBe(204);
  });
});

describe("partner timeline", () => {
  it("puts agreements, signatures, renewals and memberships of a partner on one axis, in order", async () => {
    const network = (await api("POST", "/api/organisations", { kind: "network", name: "Timeline Network" })).json();
    await api("POST", `/api/organisations/${network.id}/memberships`, { memberId: org.kyutech, since: "2010-01-01" });
    const items = (await api("GET", `/api/organisations/${org.kyutech}/timeline`, undefined, viewer)).json().items;
    const kinds = new Set(items.map((e: { kind: string }) => e.kind));
    expect(kinds).toEqual(new Set(["agreement", "signature", "renewal", "membership", "termination"]));
    const starts = items.map((e: { start: string }) => e.start);
    expect(starts).toEqual([...starts].sort());
    expect(items[0]).toMatchObject({ kind: "signature", start: "2002-06-01" });
    expect(
      (await ctx.app.inject({ method: "GET", url: `/api/organisations/${org.kyutech}/timeline` })).statusCode,
    ).toBe(401);
  });
});

describe("public agreements", () => {
  it("shows the public only public agreements, without the parts kept internal", async () => {
    const pub = await draft({
      title: "Public convention with Kyutech",
      visibility: "public",
      internalFields: ["signatories", "commitments"],
      commitments: [{ kind: "student_exchange", description: "Two students a year" }],
    });
    const internal = await draft({ title: "Internal memorandum" });
    const list = (await ctx.app.inject({ method: "GET", url: "/api/public/agreements?q=convention" }))
      .json()
      .items.map((a: { id: string }) => a.id);
    expect(list).toContain(pub.id);
    expect(list).not.toContain(internal.id);
    const seen = (await ctx.app.inject({ method: "GET", url: `/api/public/agreements/${pub.id}` })).json();
    expect(seen.signatories).toEqual([]);
    expect(seen.commitments).toEqual([]);
    expect(seen.objectives).toEqual(["Exchange students for double degrees", "Fund joint research projects"]);
    expect(seen.history).toHaveLength(1);
    expect((await ctx.app.inject({ method: "GET", url: `/api/public/agreements/${internal.id}` })).statusCode).toBe(
      404,
    );
    expect((await api("GET", `/api/agreements/${pub.id}`)).json().signatories).toHaveLength(2);
  });
});

describe("themes and summaries", () => {
  it("keeps a managed vocabulary of themes beside free tags, and summaries in several languages", async () => {
    const admin = await signedIn(ctx, "admin", "themes-admin@example.org");
    expect((await api("POST", "/api/themes", { label: "Mobility" }, editor)).statusCode).toBe(403);
    const added = await api(
      "POST",
      "/api/themes",
      {
        label: "Mobility",
        labels: [
          { lang: "fr", value: "Mobilité" },
          { lang: "sv", value: "Rörlighet" },
        ],
      },
      admin,
    );
    expect(added.statusCode).toBe(201);
    const a = await draft({
      themes: ["Mobility", "Cherry blossom"],
      summaries: [{ lang: "en", value: "Exchange of students" }],
    });
    expect(a.summaries).toEqual([{ lang: "en", value: "Exchange of students" }]);
    const themes = (await api("GET", "/api/themes", undefined, viewer)).json().items;
    expect(themes.find((t: { theme: string }) => t.theme === "mobility")).toMatchObject({
      managed: true,
      agreements: 1,
      labels: [
        { lang: "fr", value: "Mobilité" },
        { lang: "sv", value: "Rörlighet" },
      ],
    });
    expect(themes.find((t: { theme: string }) => t.theme === "cherry blossom")).toMatchObject({
      managed: false,
      agreements: 1,
    });
  });
});
