import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

/**
 * Who may read and write activities, indicators, events and news, and what the public
 * portal lets out. Anonymous callers are told to sign in (401), viewers read but are
 * refused every write (403), editors write; refused writes change nothing.
 */

let ctx: TestContext;
let editor: Session;
let viewer: Session;
const anonymous: Session = { cookie: "", csrf: "", headers: {} };
const ids: Record<string, string> = {};

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Call = { method: Method; url: string; payload?: object };

const api = (method: Method, url: string, payload?: unknown, s: Session = editor) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const send = (c: Call, s: Session) => api(c.method, c.url, c.payload, s);

async function created(res: Awaited<ReturnType<typeof api>>): Promise<string> {
  if (res.statusCode !== 201) throw new Error(`expected 201, got ${res.statusCode}: ${res.body}`);
  return res.json().id;
}

const activityBody = () => ({
  kind: "seminar",
  title: "Joint robotics seminar",
  startsOn: "2026-04-10",
  agreementId: ids.agreement,
  partnerIds: [ids.kyutech],
});
const indicatorBody = () => ({
  agreementId: ids.agreement,
  name: "Exchange students per year",
  unit: "students",
  target: 10,
  targetYear: 2027,
});
const eventBody = (over: Record<string, unknown> = {}) => ({
  title: "Steering committee",
  startsAt: "2026-06-15T09:00:00+02:00",
  agreementId: ids.agreement,
  visibility: "internal",
  ...over,
});
const newsBody = (over: Record<string, unknown> = {}) => ({
  title: "A new double degree",
  body: "The double degree opens in September.",
  agreementId: ids.agreement,
  tags: ["double degree"],
  status: "draft",
  ...over,
});

/** Every write of the four areas, on records that exist, each with a body that would be accepted. */
const WRITES: Array<[string, () => Call]> = [
  ["create an activity", () => ({ method: "POST", url: "/api/activities", payload: activityBody() })],
  [
    "update an activity",
    () => ({ method: "PUT", url: `/api/activities/${ids.activity}`, payload: { ...activityBody(), title: "Renamed" } }),
  ],
  ["delete an activity", () => ({ method: "DELETE", url: `/api/activities/${ids.activity}` })],
  ["define an indicator", () => ({ method: "POST", url: "/api/indicators", payload: indicatorBody() })],
  [
    "record an indicator value",
    () => ({ method: "PUT", url: `/api/indicators/${ids.indicator}/values`, payload: { year: 2025, value: 9 } }),
  ],
  ["create an event", () => ({ method: "POST", url: "/api/events", payload: eventBody() })],
  [
    "update an event",
    () => ({ method: "PUT", url: `/api/events/${ids.internalEvent}`, payload: eventBody({ visibility: "public" }) }),
  ],
  ["delete an event", () => ({ method: "DELETE", url: `/api/events/${ids.publicEvent}` })],
  ["write a post", () => ({ method: "POST", url: "/api/news", payload: newsBody() })],
  [
    "update a post",
    () => ({ method: "PUT", url: `/api/news/${ids.draftPost}`, payload: newsBody({ status: "published" }) }),
  ],
  ["delete a post", () => ({ method: "DELETE", url: `/api/news/${ids.publishedPost}` })],
  [
    "moderate a comment",
    () => ({ method: "POST", url: `/api/comments/${ids.comment}/moderation`, payload: { status: "approved" } }),
  ],
];

/** Internal reads of the four areas. */
const READS: Array<[string, () => string]> = [
  ["the activity list", () => "/api/activities"],
  ["an activity", () => `/api/activities/${ids.activity}`],
  ["an activity's documents", () => `/api/activities/${ids.activity}/documents`],
  ["the exchange balance", () => "/api/exchange-balance"],
  ["the dormant agreements", () => "/api/dormant-agreements"],
  ["an agreement's indicators", () => `/api/agreements/${ids.agreement}/indicators`],
  ["the comments awaiting moderation", () => "/api/comments/pending"],
];

/** Everything the four areas hold, as an editor sees it, and how many rows each table has. */
async function snapshot() {
  const reads = [
    `/api/activities/${ids.activity}`,
    "/api/activities",
    `/api/agreements/${ids.agreement}/indicators`,
    `/api/events/${ids.internalEvent}`,
    `/api/events/${ids.publicEvent}`,
    "/api/events",
    `/api/news/${ids.draftPost}`,
    `/api/news/${ids.publishedPost}`,
    "/api/news",
    "/api/comments/pending",
  ];
  const bodies: Record<string, unknown> = {};
  for (const url of reads) {
    const res = await api("GET", url);
    bodies[url] = [res.statusCode, res.json()];
  }
  const counts: Record<string, number> = {};
  for (const t of [
    "activity",
    "activity_partner",
    "indicator",
    "indicator_value",
    "event",
    "news_post",
    "news_tag",
    "news_comment",
    "audit_event",
  ] as const) {
    const r = await ctx.database.db
      .selectFrom(t)
      .select(({ fn }) => fn.countAll<string | number>().as("n"))
      .executeTakeFirst();
    counts[t] = Number(r?.n);
  }
  return { bodies, counts };
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  for (const [key, name] of [
    ["lorraine", "Université de Lorraine"],
    ["kyutech", "Kyushu Institute of Technology"],
  ] as const) {
    ids[key] = await created(await api("POST", "/api/organisations", { kind: "university", name }));
  }
  ids.agreement = await created(
    await api("POST", "/api/agreements", {
      kind: "framework_agreement",
      title: "Open partnership Lorraine – Kyutech",
      visibility: "public",
      signedOn: "2022-09-01",
      startsOn: "2022-09-01",
      endsOn: "2030-08-31",
      parties: [{ organisationId: ids.lorraine }, { organisationId: ids.kyutech }],
      signatories: [{ name: "The President", signedOn: "2022-09-01" }],
    }),
  );
  const activated = await api("POST", `/api/agreements/${ids.agreement}/transitions`, { action: "activate" });
  if (activated.statusCode !== 200) throw new Error(activated.body);
  ids.activity = await created(await api("POST", "/api/activities", activityBody()));
  ids.indicator = await created(await api("POST", "/api/indicators", indicatorBody()));
  await api("PUT", `/api/indicators/${ids.indicator}/values`, { year: 2024, value: 3 });
  ids.internalEvent = await created(
    await api("POST", "/api/events", eventBody({ title: "Hidden briefing for staff", visibility: "internal" })),
  );
  ids.publicEvent = await created(
    await api(
      "POST",
      "/api/events",
      eventBody({ title: "Open forum on robotics", startsAt: "2026-06-20T14:00:00+02:00", visibility: "public" }),
    ),
  );
  ids.draftPost = await created(
    await api("POST", "/api/news", newsBody({ title: "Hidden draft about the forum", tags: ["robotics"] })),
  );
  ids.publishedPost = await created(
    await api(
      "POST",
      "/api/news",
      newsBody({ title: "Open announcement of the forum", tags: ["robotics"], status: "published" }),
    ),
  );
  const comment = await api("POST", `/api/news/${ids.publishedPost}/comments`, { body: "Count me in" }, viewer);
  ids.comment = await created(comment);
});
afterAll(() => ctx.close());

describe("anonymous callers", () => {
  it.each(READS)("get 401 problem+json reading %s", async (_label, url) => {
    const res = await api("GET", url(), undefined, anonymous);
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ status: 401, code: "unauthenticated", detail: "Sign in to do this." });
  });

  it.each(WRITES)("get 401 problem+json when they %s, and nothing changes", async (_label, call) => {
    const before = await snapshot();
    const res = await send(call(), anonymous);
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ status: 401, code: "unauthenticated" });
    expect(await snapshot()).toEqual(before);
  });

  it("get 401 when they comment, and nothing is stored", async () => {
    const before = await snapshot();
    const res = await api("POST", `/api/news/${ids.publishedPost}/comments`, { body: "Anonymous" }, anonymous);
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(await snapshot()).toEqual(before);
  });

  it("cannot tell an internal event or a draft post from one that does not exist", async () => {
    for (const url of [
      `/api/events/${ids.internalEvent}`,
      `/api/news/${ids.draftPost}`,
      `/api/news/${ids.draftPost}/comments`,
    ]) {
      const hidden = await api("GET", url, undefined, anonymous);
      const missing = await api("GET", url.replace(/\/(events|news)\/[^/]+/, "/$1/no-such-id"), undefined, anonymous);
      expect(hidden.statusCode, url).toBe(404);
      expect(hidden.headers["content-type"]).toContain("application/problem+json");
      expect(hidden.body).not.toMatch(/Hidden/);
      expect(missing.statusCode).toBe(404);
      expect(hidden.json().detail).toBe(missing.json().detail);
    }
  });
});

describe("viewers", () => {
  it.each(READS)("read %s", async (_label, url) => {
    const res = await api("GET", url(), undefined, viewer);
    // The moderation queue is for editors only.
    expect(res.statusCode).toBe(url() === "/api/comments/pending" ? 403 : 200);
  });

  it("see internal events and draft posts, as staff", async () => {
    const event = await api("GET", `/api/events/${ids.internalEvent}`, undefined, viewer);
    expect(event.statusCode).toBe(200);
    expect(event.json()).toMatchObject({ title: "Hidden briefing for staff", visibility: "internal" });
    const post = await api("GET", `/api/news/${ids.draftPost}`, undefined, viewer);
    expect(post.statusCode).toBe(200);
    expect(post.json()).toMatchObject({ title: "Hidden draft about the forum", status: "draft" });
    const events = (await api("GET", "/api/events", undefined, viewer)).json().items.map((e: { id: string }) => e.id);
    expect(events).toEqual(expect.arrayContaining([ids.internalEvent, ids.publicEvent]));
    const news = (await api("GET", "/api/news", undefined, viewer)).json().items.map((p: { id: string }) => p.id);
    expect(news).toEqual(expect.arrayContaining([ids.draftPost, ids.publishedPost]));
    const indicators = (await api("GET", `/api/agreements/${ids.agreement}/indicators`, undefined, viewer)).json();
    expect(indicators.items).toHaveLength(1);
    expect(indicators.items[0].values).toEqual([{ year: 2024, value: 3 }]);
  });

  it.each(WRITES)("get 403 problem+json when they %s, and nothing changes", async (_label, call) => {
    const before = await snapshot();
    const res = await send(call(), viewer);
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ status: 403, code: "forbidden", detail: "This needs the editor role." });
    expect(await snapshot()).toEqual(before);
  });
});

describe("editors", () => {
  it("create, change and delete an activity", async () => {
    const res = await api("POST", "/api/activities", { ...activityBody(), title: "Editor's seminar" });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(res.json()).toMatchObject({ title: "Editor's seminar", agreement: { id: ids.agreement } });
    const put = await api("PUT", `/api/activities/${id}`, { ...activityBody(), title: "Editor's workshop" });
    expect(put.statusCode).toBe(200);
    expect((await api("GET", `/api/activities/${id}`, undefined, viewer)).json().title).toBe("Editor's workshop");
    expect((await api("DELETE", `/api/activities/${id}`)).statusCode).toBe(204);
    expect((await api("GET", `/api/activities/${id}`)).statusCode).toBe(404);
  });

  it("define an indicator and record, then correct, its values", async () => {
    const res = await api("POST", "/api/indicators", { ...indicatorBody(), name: "Joint publications" });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const v1 = await api("PUT", `/api/indicators/${id}/values`, { year: 2025, value: 2 });
    expect(v1.statusCode).toBe(200);
    const v2 = await api("PUT", `/api/indicators/${id}/values`, { year: 2025, value: 5 });
    expect(v2.json().values).toEqual([{ year: 2025, value: 5 }]);
    const listed = (await api("GET", `/api/agreements/${ids.agreement}/indicators`, undefined, viewer)).json().items;
    expect(listed.find((i: { id: string }) => i.id === id)?.values).toEqual([{ year: 2025, value: 5 }]);
  });

  it("create, change and delete an event", async () => {
    const res = await api("POST", "/api/events", eventBody({ title: "Editor's meeting" }));
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const put = await api("PUT", `/api/events/${id}`, eventBody({ title: "Editor's meeting", place: "Nancy" }));
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ place: "Nancy", visibility: "internal" });
    expect((await api("DELETE", `/api/events/${id}`)).statusCode).toBe(204);
    expect((await api("GET", `/api/events/${id}`)).statusCode).toBe(404);
  });

  it("write, publish and delete a post, and moderate comments", async () => {
    const res = await api("POST", "/api/news", newsBody({ title: "Editor's draft" }));
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await api("GET", `/api/news/${id}`, undefined, anonymous)).statusCode).toBe(404);
    const put = await api("PUT", `/api/news/${id}`, newsBody({ title: "Editor's draft", status: "published" }));
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ status: "published", publishedOn: "2026-03-02", author: "The editor" });
    expect((await api("GET", `/api/news/${id}`, undefined, anonymous)).statusCode).toBe(200);
    expect((await api("DELETE", `/api/news/${id}`)).statusCode).toBe(204);
    expect((await api("GET", `/api/news/${id}`)).statusCode).toBe(404);
    const pending = (await api("GET", "/api/comments/pending")).json().items.map((c: { id: string }) => c.id);
    expect(pending).toContain(ids.comment);
    const comment = await api("POST", `/api/news/${ids.publishedPost}/comments`, { body: "Great news" }, viewer);
    const moderated = await api("POST", `/api/comments/${comment.json().id}/moderation`, { status: "approved" });
    expect(moderated.statusCode).toBe(200);
    expect(moderated.json().status).toBe("approved");
    const shown = (await api("GET", `/api/news/${ids.publishedPost}/comments`, undefined, anonymous)).json().items;
    expect(shown.map((c: { body: string }) => c.body)).toEqual(["Great news"]);
  });
});

describe("the public portal", () => {
  /** Every public endpoint that shows events or news, read anonymously. */
  const PUBLIC_READS = () => [
    "/api/public/home",
    `/api/public/partnerships/${ids.agreement}`,
    "/api/events",
    "/api/events?from=2026-01-01T00:00:00Z",
    `/api/events?agreement=${ids.agreement}`,
    "/api/news",
    `/api/news?agreement=${ids.agreement}`,
    "/api/news?tag=robotics",
    `/api/news/${ids.publishedPost}`,
    `/api/news/${ids.publishedPost}/comments`,
    "/api/public/calendar.ics",
    `/api/public/agreements/${ids.agreement}/calendar.ics`,
    "/api/public/news.rss",
    "/api/public/news.atom",
  ];

  it("never returns an internal event or an unpublished post, and still shows the public ones", async () => {
    // A post published then taken back to draft, and a public event made internal afterwards.
    const withdrawn = await created(
      await api("POST", "/api/news", newsBody({ title: "Hidden after withdrawal", status: "published" })),
    );
    expect(
      (await api("PUT", `/api/news/${withdrawn}`, newsBody({ title: "Hidden after withdrawal", status: "draft" })))
        .statusCode,
    ).toBe(200);
    const demoted = await created(
      await api("POST", "/api/events", eventBody({ title: "Hidden after demotion", visibility: "public" })),
    );
    expect(
      (
        await api(
          "PUT",
          `/api/events/${demoted}`,
          eventBody({ title: "Hidden after demotion", visibility: "internal" }),
        )
      ).statusCode,
    ).toBe(200);

    const leaks: string[] = [];
    for (const url of PUBLIC_READS()) {
      const res = await api("GET", url, undefined, anonymous);
      expect(res.statusCode, url).toBe(200);
      const hidden = res.body.match(/Hidden[^"<\n]*/g);
      if (hidden) leaks.push(`${url}: ${hidden.join(", ")}`);
    }
    expect(leaks).toEqual([]);

    for (const url of [`/api/events/${demoted}`, `/api/news/${withdrawn}`]) {
      expect((await api("GET", url, undefined, anonymous)).statusCode, url).toBe(404);
    }

    // The public items do come through, so the checks above are not passing on empty pages.
    const home = (await api("GET", "/api/public/home", undefined, anonymous)).json();
    expect(home.events.map((e: { title: string }) => e.title)).toContain("Open forum on robotics");
    expect(home.news.map((p: { title: string }) => p.title)).toContain("Open announcement of the forum");
    const page = (await api("GET", `/api/public/partnerships/${ids.agreement}`, undefined, anonymous)).json();
    expect(page.events.map((e: { id: string }) => e.id)).toEqual([ids.publicEvent]);
    expect(page.news.map((p: { id: string }) => p.id)).toEqual([ids.publishedPost]);
    const ics = await api("GET", `/api/public/agreements/${ids.agreement}/calendar.ics`, undefined, anonymous);
    expect(ics.body).toContain("SUMMARY:Open forum on robotics");
    const rss = await api("GET", "/api/public/news.rss", undefined, anonymous);
    expect(rss.body).toContain("Open announcement of the forum");
    const post = (await api("GET", `/api/news/${ids.publishedPost}`, undefined, anonymous)).json();
    // The draft shares the post's tag but is not offered as related reading.
    expect(post.related).toEqual([]);
  });

  it("does not name an internal agreement on a public agreement's page", async () => {
    const make = async (body: Record<string, unknown>) => {
      const id = await created(
        await api("POST", "/api/agreements", {
          kind: "specific_agreement",
          signedOn: "2023-01-10",
          startsOn: "2023-01-10",
          endsOn: "2029-01-09",
          parties: [{ organisationId: ids.lorraine }, { organisationId: ids.kyutech }],
          signatories: [{ name: "The President", signedOn: "2023-01-10" }],
          ...body,
        }),
      );
      const res = await api("POST", `/api/agreements/${id}/transitions`, { action: "activate" });
      if (res.statusCode !== 200) throw new Error(res.body);
      return id;
    };
    // An internal specific agreement under the public framework agreement.
    await make({ title: "Hidden specific convention", frameworkId: ids.agreement, visibility: "internal" });
    // A public specific agreement under an internal framework agreement.
    const internalFramework = await make({
      kind: "framework_agreement",
      title: "Hidden framework agreement",
      visibility: "internal",
    });
    const publicSpecific = await make({
      title: "Public specific convention",
      frameworkId: internalFramework,
      visibility: "public",
    });
    const leaks: string[] = [];
    for (const url of [
      `/api/public/agreements/${ids.agreement}`,
      `/api/public/partnerships/${ids.agreement}`,
      `/api/public/agreements/${publicSpecific}`,
      `/api/public/partnerships/${publicSpecific}`,
    ]) {
      const res = await api("GET", url, undefined, anonymous);
      expect(res.statusCode, url).toBe(200);
      const hidden = res.body.match(/Hidden[^"]*/g);
      if (hidden) leaks.push(`${url}: ${hidden.join(", ")}`);
    }
    expect(leaks).toEqual([]);
  });
});
