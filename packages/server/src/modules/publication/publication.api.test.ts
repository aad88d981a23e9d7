import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let viewer: Session;
let agreementId: string;
let postId: string;

const api = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown, s?: Session) =>
  ctx.app.inject({
    method,
    url,
    headers: s?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  agreementId = (
    await api(
      "POST",
      "/api/agreements",
      { kind: "framework_agreement", title: "Accord-cadre Lorraine – Kyutech", visibility: "public" },
      editor,
    )
  ).json().id;
});
afterAll(() => ctx.close());

describe("events", () => {
  it("publishes an event in the partnership's iCal feed, readable by an independent parser", async () => {
    const res = await api(
      "POST",
      "/api/events",
      {
        title: "20 years of the Lorraine – Kyutech partnership",
        startsAt: "2023-09-20T14:00:00+02:00",
        endsAt: "2023-09-20T18:00:00+02:00",
        timeZone: "Europe/Paris",
        place: "Nancy",
        contactEmail: "international@example.org",
        registrationDeadline: "2023-09-10T23:59:00+02:00",
        agreementId,
      },
      editor,
    );
    expect(res.statusCode).toBe(201);
    await api(
      "POST",
      "/api/events",
      { title: "Staff-only briefing", startsAt: "2023-09-01T09:00:00Z", agreementId, visibility: "internal" },
      editor,
    );
    const ics = await api("GET", `/api/public/agreements/${agreementId}/calendar.ics`);
    expect(ics.headers["content-type"]).toContain("text/calendar");
    const cal = new ICAL.Component(ICAL.parse(ics.body));
    const vevents = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(vevents.map((e) => e.summary)).toEqual(["20 years of the Lorraine – Kyutech partnership"]);
    expect(vevents[0]?.location).toBe("Nancy");
    expect(vevents[0]?.startDate.toJSDate().toISOString()).toBe("2023-09-20T12:00:00.000Z");
    const all = new ICAL.Component(ICAL.parse((await api("GET", "/api/public/calendar.ics")).body));
    expect(all.getAllSubcomponents("vevent")).toHaveLength(1);
  });

  it("keeps an event's area through an edit and refuses an area of another agreement", async () => {
    const withAxes = (
      await api(
        "POST",
        "/api/agreements",
        {
          kind: "partnership_convention",
          title: "Convention Lille – MEL",
          visibility: "public",
          axes: [{ title: "Student life", kind: "operational" }],
        },
        editor,
      )
    ).json();
    const axisId = withAxes.axes[0].id as string;
    const base = { title: "Student life forum", startsAt: "2024-03-01T09:00:00+01:00", agreementId: withAxes.id };
    const created = await api("POST", "/api/events", { ...base, axisId }, editor);
    expect(created.statusCode).toBe(201);
    expect(created.json().axis).toEqual({ id: axisId, title: "Student life" });
    const id = created.json().id as string;
    const edited = await api("PUT", `/api/events/${id}`, { ...base, axisId, place: "Lille" }, editor);
    expect(edited.json()).toMatchObject({ place: "Lille", axis: { id: axisId } });
    const elsewhere = await api("PUT", `/api/events/${id}`, { ...base, agreementId, axisId }, editor);
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().errors[0].field).toBe("axisId");
    expect((await api("GET", `/api/events/${id}`, undefined, viewer)).json().agreement.id).toBe(withAxes.id);
  });

  it("refuses an end before the start, a late registration deadline and an unknown time zone", async () => {
    const res = await api(
      "POST",
      "/api/events",
      {
        title: "x",
        startsAt: "2023-09-20T14:00:00Z",
        endsAt: "2023-09-20T13:00:00Z",
        registrationDeadline: "2023-09-21T00:00:00Z",
        timeZone: "Mars/Olympus",
      },
      editor,
    );
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["endsAt", "registrationDeadline", "timeZone"]);
  });

  it("shows the public only public events in a month", async () => {
    const pub = (await api("GET", "/api/events?from=2023-09-01T00:00:00Z&to=2023-10-01T00:00:00Z")).json().items;
    expect(pub.map((e: { title: string }) => e.title)).toEqual(["20 years of the Lorraine – Kyutech partnership"]);
    const staff = (
      await api("GET", "/api/events?from=2023-09-01T00:00:00Z&to=2023-10-01T00:00:00Z", undefined, viewer)
    ).json().items;
    expect(staff).toHaveLength(2);
  });
});

describe("news and comments", () => {
  it("publishes posts with tags and finds related posts by shared tags", async () => {
    const post = await api(
      "POST",
      "/api/news",
      {
        lang: "fr",
        title: "Convention MEL/Université de Lille : des synergies utiles au territoire",
        body: "Deux ans après la signature de la convention, une rencontre a permis de faire un point d'étape.",
        tags: ["convention", "partenariat", "MEL", "territoire"],
        category: "Partenariat",
        status: "published",
        publishedOn: "2021-07-12",
      },
      editor,
    );
    expect(post.statusCode).toBe(201);
    postId = post.json().id;
    await api(
      "POST",
      "/api/news",
      { title: "Chaire TREND(S)", body: "…", tags: ["partenariat"], status: "published", publishedOn: "2021-07-13" },
      editor,
    );
    await api(
      "POST",
      "/api/news",
      {
        title: "Nouvel espace étudiant",
        body: "…",
        tags: ["partenariat", "territoire"],
        status: "published",
        publishedOn: "2021-05-06",
      },
      editor,
    );
    await api("POST", "/api/news", { title: "Draft about the MEL", body: "…", tags: ["MEL"], status: "draft" }, editor);
    const view = (await api("GET", `/api/news/${postId}`)).json();
    expect(view.tags).toEqual(["convention", "MEL", "partenariat", "territoire"]);
    expect(view.related.map((p: { title: string }) => p.title)).toEqual(["Nouvel espace étudiant", "Chaire TREND(S)"]);
    const publicList = (await api("GET", "/api/news")).json().items.map((p: { title: string }) => p.title);
    expect(publicList).not.toContain("Draft about the MEL");
    expect((await api("GET", "/api/news?tag=territoire")).json().items).toHaveLength(2);
  });

  it("lets only signed-in users comment, holds comments for moderation and keeps them as text", async () => {
    expect((await api("POST", `/api/news/${postId}/comments`, { body: "Anonymous" })).statusCode).toBe(401);
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)> Bravo !';
    const c = await api("POST", `/api/news/${postId}/comments`, { body: payload }, viewer);
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ status: "pending", body: payload });
    expect((await api("GET", `/api/news/${postId}/comments`)).json().items).toEqual([]);
    expect((await api("GET", `/api/news/${postId}/comments`, undefined, viewer)).json().items).toHaveLength(1);
    expect(
      (await api("POST", `/api/comments/${c.json().id}/moderation`, { status: "approved" }, viewer)).statusCode,
    ).toBe(403);
    const pending = (await api("GET", "/api/comments/pending", undefined, editor)).json().items;
    expect(pending.map((p: { id: string }) => p.id)).toEqual([c.json().id]);
    await api("POST", `/api/comments/${c.json().id}/moderation`, { status: "approved" }, editor);
    const shown = (await api("GET", `/api/news/${postId}/comments`)).json().items;
    expect(shown[0].body).toBe(payload);
    expect((await api("POST", `/api/news/${postId}/comments`, { body: "\u0000\u0007 " }, viewer)).statusCode).toBe(422);
  });

  it("offers RSS and Atom feeds of published posts", async () => {
    const rss = await api("GET", "/api/public/news.rss");
    expect(rss.headers["content-type"]).toContain("application/rss+xml");
    expect(rss.body).toContain(
      "<title>Convention MEL/Université de Lille : des synergies utiles au territoire</title>",
    );
    expect(rss.body).not.toContain("Draft about the MEL");
    const atom = await api("GET", "/api/public/news.atom");
    expect(atom.body).toContain("<feed");
  });
});

describe("what the public learns of internal partnerships", () => {
  it("does not name an internal agreement on public events and posts", async () => {
    const internal = (
      await api(
        "POST",
        "/api/agreements",
        { kind: "memorandum_of_understanding", title: "Confidential memorandum" },
        editor,
      )
    ).json().id;
    const ev = (
      await api(
        "POST",
        "/api/events",
        { title: "Open day", startsAt: "2027-03-01T09:00:00+01:00", agreementId: internal },
        editor,
      )
    ).json();
    const post = (
      await api(
        "POST",
        "/api/news",
        { title: "Open day announced", body: "…", agreementId: internal, status: "published" },
        editor,
      )
    ).json();
    expect((await api("GET", `/api/events/${ev.id}`)).json().agreement).toBeNull();
    expect((await api("GET", `/api/news/${post.id}`)).json().agreement).toBeNull();
    const listed = (await api("GET", "/api/events?from=2027-01-01T00:00:00Z")).json().items;
    expect(JSON.stringify(listed)).not.toContain("Confidential memorandum");
    expect((await api("GET", `/api/news/${post.id}`, undefined, viewer)).json().agreement.title).toBe(
      "Confidential memorandum",
    );
  });

  it("lets editors delete a post, and nobody else", async () => {
    const post = (
      await api("POST", "/api/news", { title: "To be withdrawn", body: "…", status: "published" }, editor)
    ).json();
    expect((await api("DELETE", `/api/news/${post.id}`, undefined, viewer)).statusCode).toBe(403);
    expect((await api("DELETE", `/api/news/${post.id}`, undefined, editor)).statusCode).toBe(204);
    expect((await api("GET", `/api/news/${post.id}`)).statusCode).toBe(404);
  });

  it("lists the accounts work can be given to, for editors only", async () => {
    const res = await api("GET", "/api/users/assignable", undefined, editor);
    expect(res.json().items.map((u: { name: string }) => u.name)).toEqual(["The editor", "The viewer"]);
    expect((await api("GET", "/api/users/assignable", undefined, viewer)).statusCode).toBe(403);
  });
});

describe("paging", () => {
  /** Follows nextCursor to the end, as the web app's "load more" does. */
  async function all(url: string, s?: Session): Promise<string[]> {
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes("?") ? "&" : "?";
      const res = await api("GET", `${url}${sep}limit=2${cursor ? `&cursor=${cursor}` : ""}`, undefined, s);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      titles.push(...page.items.map((x: { title: string }) => x.title));
      cursor = page.nextCursor;
    } while (cursor);
    return titles;
  }

  it("pages through news newest first, drafts first for staff, without repeats", async () => {
    for (const [title, day, status] of [
      ["Paged A", "2020-01-01", "published"],
      ["Paged B", "2020-02-01", "published"],
      ["Paged C", "2020-03-01", "published"],
      ["Paged draft", null, "draft"],
    ] as const) {
      const res = await api(
        "POST",
        "/api/news",
        { title, body: "…", tags: ["paging"], status, publishedOn: day },
        editor,
      );
      expect(res.statusCode).toBe(201);
    }
    expect(await all("/api/news?tag=paging", viewer)).toEqual(["Paged draft", "Paged C", "Paged B", "Paged A"]);
    expect(await all("/api/news?tag=paging")).toEqual(["Paged C", "Paged B", "Paged A"]);
  });

  it("pages through events in order of their start, and refuses a cursor it did not give", async () => {
    for (const [title, at] of [
      ["Paged event 3", "2031-03-01T10:00:00Z"],
      ["Paged event 1", "2031-01-01T10:00:00Z"],
      ["Paged event 2", "2031-02-01T10:00:00Z"],
    ]) {
      await api("POST", "/api/events", { title, startsAt: at }, editor);
    }
    expect(await all("/api/events?from=2030-12-01T00:00:00Z", viewer)).toEqual([
      "Paged event 1",
      "Paged event 2",
      "Paged event 3",
    ]);
    const bad = await api("GET", "/api/events?cursor=not-ours", undefined, viewer);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("cursor");
  });
});
