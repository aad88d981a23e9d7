import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let viewer: Session;

const api = (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown, s?: Session) =>
  ctx.app.inject({
    method,
    url,
    headers: s?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const create = async (url: string, body: Record<string, unknown>) => {
  const res = await api("POST", url, body, editor);
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
});
afterAll(() => ctx.close());

describe("previewing a partner's public page", () => {
  it("lets staff with read rights preview it and refuses anonymous readers", async () => {
    const id = await create("/api/organisations", { kind: "university", name: "Kyushu Institute of Technology" });
    const asViewer = await api("GET", `/api/organisations/${id}/public-preview`, undefined, viewer);
    expect(asViewer.statusCode).toBe(200);
    expect(asViewer.json().organisation.id).toBe(id);
    const anonymous = await api("GET", `/api/organisations/${id}/public-preview`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["content-type"]).toContain("application/problem+json");
    expect((await api("GET", "/api/organisations/no-such-id/public-preview", undefined, viewer)).statusCode).toBe(404);
  });

  it("shows an internal organisation as its page would read, still hiding its internal units, networks and partnerships", async () => {
    const lorraine = await create("/api/organisations", {
      kind: "university",
      name: "Université de Lorraine",
      names: [{ lang: "en", value: "University of Lorraine" }],
      acronym: "UL",
      countryCode: "FR",
      city: "Nancy",
      website: "https://www.univ-lorraine.fr",
      description: "A multidisciplinary university in the Grand Est.",
    });
    const mines = await create("/api/organisations", {
      kind: "unit",
      name: "Mines Nancy",
      parentId: lorraine,
      visibility: "public",
    });
    const loria = await create("/api/organisations", { kind: "unit", name: "Loria", parentId: lorraine });
    const udice = await create("/api/organisations", { kind: "network", name: "Udice", visibility: "public" });
    const club = await create("/api/organisations", { kind: "network", name: "Private club" });
    await api("POST", `/api/organisations/${udice}/memberships`, { memberId: lorraine, since: "2020" }, editor);
    await api("POST", `/api/organisations/${club}/memberships`, { memberId: lorraine }, editor);
    const published = await create("/api/agreements", {
      kind: "memorandum_of_understanding",
      title: "Lorraine – Udice",
      visibility: "public",
      signedOn: "2020-03-01",
      startsOn: "2020-03-01",
      parties: [{ organisationId: lorraine }, { organisationId: udice }],
      signatories: [{ name: "Hélène Boulanger", signedOn: "2020-03-01" }],
    });
    await api("POST", `/api/agreements/${published}/transitions`, { action: "activate" }, editor);
    const secret = await create("/api/agreements", {
      kind: "memorandum_of_understanding",
      title: "Confidential talks",
      parties: [{ organisationId: lorraine }],
    });

    // The public finds nothing: the organisation itself is internal.
    expect((await api("GET", `/api/public/organisations/${lorraine}`)).statusCode).toBe(404);

    const res = await api("GET", `/api/organisations/${lorraine}/public-preview?lang=en`, undefined, editor);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.organisation).toMatchObject({
      id: lorraine,
      name: { text: "University of Lorraine", lang: "en" },
      acronym: "UL",
      city: "Nancy",
      website: "https://www.univ-lorraine.fr",
    });
    expect(page.units.map((u: { id: string }) => u.id)).toEqual([mines]);
    expect(page.memberOf.map((m: { network: { id: string } }) => m.network.id)).toEqual([udice]);
    expect(page.partnerships.map((p: { id: string }) => p.id)).toEqual([published]);
    const text = JSON.stringify(page);
    expect(text).not.toContain(loria);
    expect(text).not.toContain("Loria");
    expect(text).not.toContain("Private club");
    expect(text).not.toContain(secret);

    // A unit's preview names its parent only when the parent is public.
    const unit = (await api("GET", `/api/organisations/${mines}/public-preview`, undefined, viewer)).json();
    expect(unit.organisation.parent).toBeNull();
  });
});

describe("previewing an event or a post as the public reads it", () => {
  it("shows an internal event without naming its internal agreement, to staff only", async () => {
    const agreement = await create("/api/agreements", { kind: "memorandum_of_understanding", title: "Internal MoU" });
    const event = await create("/api/events", {
      title: "Preparatory meeting",
      startsAt: "2026-05-04T10:00:00+02:00",
      agreementId: agreement,
      visibility: "internal",
    });
    expect((await api("GET", `/api/events/${event}`)).statusCode).toBe(404);
    const preview = await api("GET", `/api/events/${event}/public-preview`, undefined, viewer);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ title: "Preparatory meeting", visibility: "internal", agreement: null });
    // Staff reading the event itself see the agreement: the preview is what differs.
    expect((await api("GET", `/api/events/${event}`, undefined, viewer)).json().agreement.id).toBe(agreement);
    expect((await api("GET", `/api/events/${event}/public-preview`)).statusCode).toBe(401);
  });

  it("shows a draft post as it would read once published, to staff only", async () => {
    const agreement = await create("/api/agreements", { kind: "memorandum_of_understanding", title: "Draft MoU" });
    const post = await create("/api/news", {
      title: "A new partner in Kyushu",
      body: "Soon.",
      agreementId: agreement,
      status: "draft",
    });
    expect((await api("GET", `/api/news/${post}`)).statusCode).toBe(404);
    const preview = await api("GET", `/api/news/${post}/public-preview`, undefined, viewer);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ title: "A new partner in Kyushu", status: "draft", agreement: null });
    expect((await api("GET", `/api/news/${post}/public-preview`)).statusCode).toBe(401);
  });
});
