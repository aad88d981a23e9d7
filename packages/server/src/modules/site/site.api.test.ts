import type { Actor, SitePage } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, PASSWORD, type Session, signedIn, type TestContext } from "#test/harness.js";

type Of<K extends SitePage["kind"]> = Extract<SitePage, { kind: K }>;

let ctx: TestContext;
let editor: Session;
let previewer: Actor;
type Entered =
  | "lille"
  | "office"
  | "science"
  | "physics"
  | "law"
  | "liu"
  | "kommun"
  | "kyutech"
  | "sevilla"
  | "montreal"
  | "hidden"
  | "mou"
  | "doubleDegree"
  | "montrealConvention"
  | "renewed"
  | "internal"
  | "internalHidden";
/** Ids of what was entered, by name. */
const ids = {} as Record<Entered, string>;
const bulk: string[] = [];

const api = (method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: unknown, s?: Session) =>
  ctx.app.inject({
    method,
    url,
    headers: s?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function create(url: string, body: Record<string, unknown>): Promise<string> {
  const res = await api("POST", url, body, editor);
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

const org = (body: Record<string, unknown>) => create("/api/organisations", { visibility: "public", ...body });

/** A partnership recorded as it stands, between our university (its unit responsible) and a partner. */
const partnership = (title: string, partner: string, extra: Record<string, unknown> = {}, unit: string | null = null) =>
  create("/api/agreements/past", {
    kind: "partnership_convention",
    title,
    status: "active",
    signedOn: "2024-01-10",
    startsOn: "2024-01-10",
    endsOn: "2029-12-31",
    visibility: "public",
    parties: [{ organisationId: ids.lille, responsibleUnitId: unit }, { organisationId: partner }],
    ...extra,
  });

const site = () => ctx.services.site;
const partnerships = (q: Record<string, string> = {}) => site().partnerships("en", q) as Promise<Of<"partnerships">>;
const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
/** The cursor a next-page address carries. */
const cursorOf = (next: string | null) => new URL(next ?? "", "http://x").searchParams.get("cursor") ?? "";

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  const user = await ctx.services.accounts.createUserAsOperator({
    email: "previewer@example.org",
    name: "Pat Previewer",
    role: "editor",
    password: PASSWORD,
  });
  previewer = { kind: "user", id: user.id, role: "editor", name: user.name };

  ids.lille = await org({ kind: "university", name: "Université de Lille", countryCode: "FR", visibility: "internal" });
  const unit = (name: string, parentId: string) =>
    org({ kind: "unit", name, parentId, countryCode: "FR", visibility: "internal" });
  ids.office = await unit("International office", ids.lille);
  ids.science = await unit("Faculty of Science", ids.lille);
  ids.physics = await unit("Physics laboratory", ids.science);
  ids.law = await unit("Faculty of Law", ids.lille);
  ids.liu = await org({ kind: "university", name: "Linköping University", countryCode: "SE", city: "Linköping" });
  ids.kommun = await org({ kind: "local_authority", name: "Linköpings kommun", countryCode: "SE" });
  ids.kyutech = await org({ kind: "university", name: "Kyushu Institute of Technology", countryCode: "JP" });
  ids.sevilla = await org({ kind: "university", name: "Universidad de Sevilla", countryCode: "ES" });
  ids.montreal = await org({ kind: "local_authority", name: "Ville de Montréal", countryCode: "CA" });
  ids.hidden = await org({ kind: "university", name: "Hidden Hochschule", countryCode: "DE", visibility: "internal" });

  for (let i = 1; i <= 26; i++) {
    const n = String(i).padStart(2, "0");
    bulk.push(
      await partnership(`Student exchange with Linköping no. ${n}`, ids.liu, { themes: ["Robotics"] }, ids.office),
    );
  }
  ids.mou = await partnership(
    "Memorandum of understanding with the Kyushu Institute of Technology",
    ids.kyutech,
    { kind: "memorandum_of_understanding", themes: ["Space engineering"], endsOn: "2030-06-30" },
    ids.science,
  );
  ids.doubleDegree = await partnership(
    "Double degree in European law with Sevilla",
    ids.sevilla,
    { kind: "double_degree", themes: ["Law"], status: "terminated", terminatedOn: "2025-05-01" },
    ids.law,
  );
  ids.montrealConvention = await partnership(
    "Convention with the City of Montréal",
    ids.montreal,
    { endsOn: "2025-12-31" },
    ids.physics,
  );
  ids.renewed = await partnership("Urban student housing with Linköpings kommun", ids.kommun, {
    status: "renewed",
    endsOn: "2023-12-31",
    startsOn: "2020-01-01",
    signedOn: "2020-01-01",
  });
  ids.internal = await partnership(
    "Internal Kyushu robotics talks",
    ids.liu,
    { visibility: "internal", themes: ["Robotics", "Secret theme"] },
    ids.science,
  );
  ids.internalHidden = await partnership("Internal talks with the Hidden Hochschule", ids.hidden, {
    visibility: "internal",
  });
}, 120_000);
afterAll(() => ctx.close());

const PUBLIC_COUNT = 30;

describe("the public partnerships list", () => {
  it("reads 25 a page and gives the rest on the next, without repeats, never an internal agreement", async () => {
    const first = await partnerships();
    expect(first.items).toHaveLength(25);
    expect(first.paging.first).toBeNull();
    expect(first.paging.next).toMatch(/^\/en\/partnerships\?cursor=/);
    const second = await partnerships({ cursor: cursorOf(first.paging.next) });
    expect(second.items).toHaveLength(PUBLIC_COUNT - 25);
    expect(second.paging).toEqual({ next: null, first: "/en/partnerships" });
    const all = [...idsOf(first), ...idsOf(second)];
    expect(new Set(all).size).toBe(PUBLIC_COUNT);
    expect(all).not.toContain(ids.internal);
    expect(all).not.toContain(ids.internalHidden);
  });

  it("carries the filters and the cursor in the next page's address", async () => {
    const first = await partnerships({ country: "SE", theme: "robotics" });
    expect(first.items).toHaveLength(25);
    const next = new URL(first.paging.next ?? "", "http://x");
    expect(next.pathname).toBe("/en/partnerships");
    expect(next.searchParams.get("country")).toBe("SE");
    expect(next.searchParams.get("theme")).toBe("robotics");
    const second = await partnerships(Object.fromEntries(next.searchParams));
    expect(second.paging).toEqual({ next: null, first: "/en/partnerships?country=SE&theme=robotics" });
    const all = [...idsOf(first), ...idsOf(second)];
    expect(all.sort()).toEqual([...bulk].sort());
  });

  it("filters by country, theme, kind and status", async () => {
    expect(idsOf(await partnerships({ country: "JP" }))).toEqual([ids.mou]);
    expect(idsOf(await partnerships({ country: "jp" }))).toEqual([ids.mou]);
    expect(idsOf(await partnerships({ country: "CA" }))).toEqual([ids.montrealConvention]);
    const { options } = await partnerships();
    const space = options.themes.find((t) => t.label === "Space engineering");
    expect(space).toBeDefined();
    expect(idsOf(await partnerships({ theme: space?.value ?? "" }))).toEqual([ids.mou]);
    expect(idsOf(await partnerships({ kind: "double_degree" }))).toEqual([ids.doubleDegree]);
    expect(idsOf(await partnerships({ kind: "memorandum_of_understanding" }))).toEqual([ids.mou]);
    expect(idsOf(await partnerships({ status: "terminated" }))).toEqual([ids.doubleDegree]);
    expect(idsOf(await partnerships({ status: "expired" }))).toEqual([ids.montrealConvention]);
    expect(idsOf(await partnerships({ status: "renewed" }))).toEqual([ids.renewed]);
    expect(idsOf(await partnerships({ country: "SE", status: "renewed" }))).toEqual([ids.renewed]);
  });

  it("filters by the unit responsible", async () => {
    expect(idsOf(await partnerships({ unit: ids.physics }))).toEqual([ids.montrealConvention]);
    expect(idsOf(await partnerships({ unit: ids.law }))).toEqual([ids.doubleDegree]);
    expect(idsOf(await partnerships({ unit: ids.science }))).toContain(ids.mou);
  });

  it("keeps, for a unit, what the units below it look after", async () => {
    expect(idsOf(await partnerships({ unit: ids.science })).sort()).toEqual([ids.mou, ids.montrealConvention].sort());
  });

  it("finds by words of the title, never an internal agreement", async () => {
    expect(idsOf(await partnerships({ q: "Kyushu" }))).toEqual([ids.mou]);
    expect(idsOf(await partnerships({ q: "Hidden Hochschule" }))).toEqual([]);
  });

  it("offers only the choices some public agreement has", async () => {
    const { options } = await partnerships();
    expect(options.countries.map((c) => [c.value, c.count]).sort()).toEqual(
      [
        ["CA", 1],
        ["ES", 1],
        ["FR", PUBLIC_COUNT],
        ["JP", 1],
        ["SE", 27],
      ].sort(),
    );
    expect(options.themes.map((t) => t.label).sort()).toEqual(["Law", "Robotics", "Space engineering"]);
    expect(options.kinds.map((k) => [k.value, k.count]).sort()).toEqual([
      ["double_degree", 1],
      ["memorandum_of_understanding", 1],
      ["partnership_convention", 28],
    ]);
    expect(options.units.map((u) => u.value).sort()).toEqual([ids.office, ids.science, ids.physics, ids.law].sort());
  });
});

describe("a partnership's page", () => {
  it("is gone once a public partnership is made internal, and not found when it never was public", async () => {
    const once = await partnership("Partnership withdrawn from the public", ids.liu);
    expect((await site().partnership("en", once, null)).kind).toBe("partnership");
    await api("PATCH", `/api/agreements/${once}`, { visibility: "internal" }, editor);
    expect(await site().partnership("fr", once, null)).toEqual({ kind: "gone" });
    const later = await partnership("Made public, then withdrawn", ids.liu, { visibility: "internal" });
    await api("PATCH", `/api/agreements/${later}`, { visibility: "public" }, editor);
    await api("PATCH", `/api/agreements/${later}`, { visibility: "internal" }, editor);
    expect(await site().partnership("en", later, null)).toEqual({ kind: "gone" });
    expect(await site().partnership("en", ids.internal, null)).toEqual({ kind: "not-found" });
    expect(await site().partnership("en", "no-such-id", null)).toEqual({ kind: "not-found" });
  });

  it("previews an internal agreement for an editor, and for no one else", async () => {
    const page = await site().partnership("sv", ids.internal, previewer);
    expect(page.kind).toBe("partnership");
    if (page.kind === "partnership") {
      expect(page.data.agreement.id).toBe(ids.internal);
      expect(page.data.preview).toBe(true);
    }
    expect((await site().partnership("sv", ids.internal, null)).kind).toBe("not-found");
  });
});

describe("events, partners and the home page", () => {
  it("lists coming events soonest first and past ones latest first, public ones only", async () => {
    const event = (title: string, startsAt: string, visibility = "public") =>
      create("/api/events", { title, startsAt, timeZone: "Europe/Stockholm", visibility });
    const september = await event("Research day in September", "2026-09-20T09:00:00+02:00");
    const april = await event("Spring welcome", "2026-04-10T09:00:00+02:00");
    const january = await event("Winter seminar", "2026-01-15T09:00:00+01:00");
    const june = await event("Midsummer workshop", "2025-06-01T09:00:00+02:00");
    const november = await event("Autumn visit", "2025-11-05T09:00:00+01:00");
    await event("Internal preparation", "2026-05-01T09:00:00+02:00", "internal");
    const coming = (await site().events("en", {})) as Of<"events">;
    expect(coming.when).toBe("coming");
    expect(idsOf(coming)).toEqual([april, september]);
    const past = (await site().events("en", { when: "past" })) as Of<"events">;
    expect(past.when).toBe("past");
    expect(idsOf(past)).toEqual([january, november, june]);
    const hidden = await event("Internal seminar", "2026-06-01T09:00:00+02:00", "internal");
    expect(await site().event("en", hidden, null)).toEqual({ kind: "not-found" });
    expect((await site().event("en", hidden, previewer)).kind).toBe("event");
  });

  it("answers gone for an event made internal after it was public", async () => {
    const spring = { title: "Withdrawn welcome", startsAt: "2026-04-12T09:00:00+02:00", timeZone: "Europe/Stockholm" };
    const id = await create("/api/events", spring);
    expect((await site().event("en", id, null)).kind).toBe("event");
    expect((await api("PUT", `/api/events/${id}`, { ...spring, visibility: "internal" }, editor)).statusCode).toBe(200);
    expect(await site().event("en", id, null)).toEqual({ kind: "gone" });
  });

  it("answers gone for a post taken back to draft and for a partner made internal, not found for a draft", async () => {
    const post = { title: "Kyutech delegation visits Lille", body: "A week of seminars.", lang: "en" };
    const published = await create("/api/news", { ...post, status: "published", publishedOn: "2026-02-20" });
    expect((await site().newsPost("en", published, null)).kind).toBe("news-post");
    expect((await api("PUT", `/api/news/${published}`, { ...post, status: "draft" }, editor)).statusCode).toBe(200);
    expect(await site().newsPost("en", published, null)).toEqual({ kind: "gone" });
    const draft = await create("/api/news", { ...post, title: "Not yet" });
    expect(await site().newsPost("en", draft, null)).toEqual({ kind: "not-found" });
    expect((await site().newsPost("en", draft, previewer)).kind).toBe("news-post");
    const partner = await org({ kind: "university", name: "Short-lived partner", countryCode: "NO" });
    expect((await site().partner("en", partner, null)).kind).toBe("partner");
    expect((await api("PATCH", `/api/organisations/${partner}`, { visibility: "internal" }, editor)).statusCode).toBe(
      200,
    );
    expect(await site().partner("en", partner, null)).toEqual({ kind: "gone" });
  });

  it("filters partners by words, country and kind, never an internal one", async () => {
    const partners = (q: Record<string, string>) => site().partners("en", q) as Promise<Of<"partners">>;
    const all = await partners({});
    expect(idsOf(all).sort()).toEqual([ids.liu, ids.kommun, ids.kyutech, ids.sevilla, ids.montreal].sort());
    expect(idsOf(await partners({ q: "Kyushu" }))).toEqual([ids.kyutech]);
    expect(idsOf(await partners({ country: "SE" })).sort()).toEqual([ids.liu, ids.kommun].sort());
    expect(idsOf(await partners({ kind: "local_authority" })).sort()).toEqual([ids.kommun, ids.montreal].sort());
    expect(idsOf(await partners({ country: "se", kind: "local_authority" }))).toEqual([ids.kommun]);
    expect(all.options.countries.map((c) => c.value)).not.toContain("DE");
    expect(await site().partner("en", ids.hidden, null)).toEqual({ kind: "not-found" });
    expect((await site().partner("en", ids.hidden, previewer)).kind).toBe("partner");
  });

  it("counts the public partnerships, partners and their countries on the home page", async () => {
    const home = (await site().home()) as Of<"home">;
    expect(home.counts).toEqual({ partnerships: PUBLIC_COUNT, partners: 5, countries: 4 });
  });
});

describe("bad values in a public page's address", () => {
  const GARBAGE_CURSORS = [
    "garbage!!",
    "W10",
    "x".repeat(10_000),
    Buffer.from(JSON.stringify([1, 2])).toString("base64url"),
  ];

  it("ignores a filter it cannot read and shows the page", async () => {
    const full = idsOf(await partnerships()).sort();
    const unreadable: Record<string, string>[] = [
      { q: "\u0000" },
      { q: "a".repeat(10_000) },
      { kind: "spaceship" },
      { country: "SWE" },
      { country: "\u0000E" },
      { unit: "../../etc" },
      { status: "lost" },
    ];
    for (const q of unreadable) {
      const page = await partnerships(q);
      if (!page.filters.q) expect(idsOf(page).sort(), JSON.stringify(q).slice(0, 80)).toEqual(full);
      expect(page.filters.q.length).toBeLessThanOrEqual(200);
      expect(page.filters.country).toBe("");
      expect(page.filters.kind).toBe("");
    }
    expect((await site().partners("en", { kind: "spaceship", country: "SWE", q: "\u0000" })).kind).toBe("partners");
  });

  it("refuses a cursor it did not give out as the agreements list does: 400 naming the cursor", async () => {
    const plain = (await api("GET", "/en/partnerships")).statusCode;
    for (const cursor of GARBAGE_CURSORS) {
      const staff = await api("GET", `/api/agreements?cursor=${encodeURIComponent(cursor)}`, undefined, editor);
      const pub = await api("GET", `/en/partnerships?cursor=${encodeURIComponent(cursor)}`);
      expect([200, 400, 422], `${staff.body.slice(0, 200)} for ${cursor.slice(0, 40)}`).toContain(staff.statusCode);
      // The staff list's schema refuses an over-long cursor (422); the public page reads only its first 500 characters.
      // A cursor the staff list reads (200) is one the public page reads too: it answers as the plain page does.
      const expected = cursor.length > 500 ? 400 : staff.statusCode === 200 ? plain : staff.statusCode;
      expect(pub.statusCode, `${pub.body.slice(0, 200)} for ${cursor.slice(0, 40)}`).toBe(expected);
      if (expected === 400) {
        expect(pub.headers["content-type"]).toContain("application/problem+json");
        expect(pub.json().errors?.[0]?.field).toBe("cursor");
      }
      for (const path of ["/en/partners", "/en/events", "/en/events?when=past", "/en/news"]) {
        const res = await api("GET", `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`);
        expect(res.statusCode, `${path} ${cursor.slice(0, 40)}: ${res.body.slice(0, 200)}`).toBe(expected);
      }
    }
  });

  it("never answers 500 to a cursor that holds a NUL byte", async () => {
    const cursor = Buffer.from(JSON.stringify(["\u0000", "\u0000"])).toString("base64url");
    for (const path of ["/api/agreements", "/en/partnerships", "/en/partners", "/en/events", "/en/news"]) {
      const res = await api("GET", `${path}?cursor=${cursor}`, undefined, editor);
      expect(res.statusCode, `${path}: ${res.body.slice(0, 200)}`).not.toBe(500);
    }
  });

  it("answers an unreadable filter as it answers the page without it, and a NUL byte with 400, never 500", async () => {
    const plain = (await api("GET", "/en/partnerships")).statusCode;
    expect([200, 503]).toContain(plain);
    const encoded = (s: string) => encodeURIComponent(s);
    for (const query of [
      `q=${"a".repeat(10_000)}`,
      "kind=spaceship",
      "country=SWE",
      "status=lost",
      "unit=%2F..%2F..",
      "q=one&q=two&country=SE&country=JP",
      `theme=${encoded("🤖".repeat(500))}`,
    ]) {
      for (const path of ["/en/partnerships", "/fr/partners", "/sv/events", "/en/news", "/embed/en/partnerships"]) {
        expect((await api("GET", `${path}?${query}`)).statusCode, `${path}?${query.slice(0, 60)}`).toBe(plain);
      }
    }
    for (const path of ["/en/partnerships?q=%00", "/en/partners?country=%00", "/en/partnerships/%00"]) {
      const res = await api("GET", path);
      expect(res.statusCode, path).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    const control = await api("GET", "/en/partnerships?q=%1B%5B31m");
    expect(control.statusCode).toBe(422);
  });
});
