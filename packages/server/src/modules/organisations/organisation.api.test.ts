import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let viewer: Session;

const lille = {
  kind: "university",
  name: "Université de Lille",
  countryCode: "FR",
  city: "Lille",
  website: "https://www.univ-lille.fr",
  identifiers: [
    { scheme: "erasmus", value: "F\u00a0 LILLE103" },
    { scheme: "pic", value: "888 146 648" },
    { scheme: "ror", value: "02kzqn938" },
  ],
};

async function create(body: Record<string, unknown>, session: Session = editor) {
  return ctx.app.inject({ method: "POST", url: "/api/organisations", headers: session.headers, payload: body });
}

async function count(): Promise<number> {
  const r = await ctx.database.db
    .selectFrom("organisation")
    .select(({ fn }) => fn.countAll<string | number>().as("n"))
    .executeTakeFirst();
  return Number(r?.n);
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
});
afterAll(() => ctx.close());

describe("organisations API", () => {
  it("refuses anonymous readers and viewers who write", async () => {
    const anon = await ctx.app.inject({ method: "GET", url: "/api/organisations" });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers["content-type"]).toContain("application/problem+json");
    const res = await create(lille, viewer);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("forbidden");
  });

  it("creates an organisation with identifiers in canonical form", async () => {
    const res = await create(lille);
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org.identifiers).toEqual(
      expect.arrayContaining([
        { scheme: "erasmus", value: "F  LILLE103" },
        { scheme: "pic", value: "888146648" },
        { scheme: "ror", value: "https://ror.org/02kzqn938" },
      ]),
    );
    const detail = await ctx.app.inject({
      method: "GET",
      url: `/api/organisations/${org.id}`,
      headers: viewer.headers,
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().name).toBe("Université de Lille");
  });

  it("names the field at fault and writes nothing when a value is invalid", async () => {
    const before = await count();
    const res = await create({
      ...lille,
      name: "Somewhere",
      website: "not a url at all",
      lat: 200,
      identifiers: [{ scheme: "pic", value: "12" }],
    });
    expect(res.statusCode).toBe(422);
    const fields = (res.json().errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["website", "lat", "identifiers.0.value"]));
    expect(await count()).toBe(before);
  });

  it("refuses an identifier another organisation holds, and writes nothing", async () => {
    const before = await count();
    const res = await create({
      kind: "university",
      name: "Another name entirely",
      identifiers: [{ scheme: "erasmus", value: "F LILLE103" }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe("identifiers.0.value");
    expect(await count()).toBe(before);
  });

  it("warns about a likely duplicate before creating it, then creates it when confirmed", async () => {
    const sameHost = await create({ kind: "university", name: "Lille University", website: "univ-lille.fr/en" });
    expect(sameHost.statusCode).toBe(409);
    expect(sameHost.json().code).toBe("duplicate_suspected");
    expect(sameHost.json().candidates[0].name).toBe("Université de Lille");
    const similar = await create({ kind: "university", name: "Universite de Lille", city: "LILLE", countryCode: "fr" });
    expect(similar.json().code).toBe("duplicate_suspected");
    const confirmed = await create({
      kind: "university",
      name: "Universite de Lille",
      city: "Lille",
      countryCode: "FR",
      confirmDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
  });

  it("finds organisations by words without accents and by prefixes", async () => {
    await create({ kind: "university", name: "Linköpings universitet", countryCode: "SE", city: "Linköping" });
    const search = async (q: string) =>
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/organisations?q=${encodeURIComponent(q)}`,
          headers: viewer.headers,
        })
      )
        .json()
        .items.map((o: { name: string }) => o.name);
    expect(await search("linkoping")).toContain("Linköpings universitet");
    expect(await search("universite lille")).toContain("Université de Lille");
    expect(await search("univ lil")).toContain("Université de Lille");
    expect(await search("LILLE103")).toContain("Université de Lille");
    expect(await search("zzzz")).toEqual([]);
  });

  it("pages through every organisation once with keyset cursors", async () => {
    for (let i = 0; i < 45; i++) {
      const r = await create({
        kind: "company",
        name: `Company ${String(i).padStart(2, "0")}`,
        countryCode: "DE",
        confirmDuplicate: true,
      });
      expect(r.statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/organisations?limit=10${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await ctx.app.inject({ method: "GET", url, headers: viewer.headers })).json();
      seen.push(...page.items.map((o: { id: string }) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(await count());
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await ctx.app.inject({
      method: "GET",
      url: "/api/organisations?cursor=nonsense",
      headers: viewer.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("cursor");
  });

  it("filters by kind, country and network", async () => {
    const network = (await create({ kind: "network", name: "3i University Network" })).json();
    const kent = (await create({ kind: "university", name: "University of Kent", countryCode: "GB" })).json();
    const m = await ctx.app.inject({
      method: "POST",
      url: `/api/organisations/${network.id}/memberships`,
      headers: editor.headers,
      payload: { memberId: kent.id, since: "2017-01-01" },
    });
    expect(m.statusCode).toBe(201);
    const list = async (qs: string) =>
      (await ctx.app.inject({ method: "GET", url: `/api/organisations?${qs}`, headers: viewer.headers }))
        .json()
        .items.map((o: { name: string }) => o.name);
    expect(await list(`network=${network.id}`)).toEqual(["University of Kent"]);
    expect(await list("country=GB")).toEqual(["University of Kent"]);
    expect(await list("kind=network")).toEqual(["3i University Network"]);
    expect((await list("kind=company&country=DE")).length).toBe(45);
    const detail = (
      await ctx.app.inject({ method: "GET", url: `/api/organisations/${kent.id}`, headers: viewer.headers })
    ).json();
    expect(detail.memberOf[0].network.name).toBe("3i University Network");
    expect(detail.memberOf[0].since).toBe("2017-01-01");
  });

  it("refuses members for an organisation that is not a network", async () => {
    const a = (await create({ kind: "company", name: "Acme Robotics" })).json();
    const b = (await create({ kind: "company", name: "Zenith Optics" })).json();
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/organisations/${a.id}/memberships`,
      headers: editor.headers,
      payload: { memberId: b.id },
    });
    expect(res.statusCode).toBe(409);
  });

  it("keeps units as a tree and refuses a parent cycle", async () => {
    const lorraine = (
      await create({ kind: "university", name: "Université de Lorraine", countryCode: "FR", city: "Nancy" })
    ).json();
    const mines = (await create({ kind: "unit", name: "Mines Nancy", parentId: lorraine.id })).json();
    const lab = (await create({ kind: "unit", name: "Institut Jean Lamour", parentId: mines.id })).json();
    const detail = (
      await ctx.app.inject({ method: "GET", url: `/api/organisations/${lorraine.id}`, headers: viewer.headers })
    ).json();
    expect(detail.units).toEqual([
      {
        id: mines.id,
        name: "Mines Nancy",
        shown: { text: "Mines Nancy", lang: null },
        kind: "unit",
        children: [
          {
            id: lab.id,
            name: "Institut Jean Lamour",
            shown: { text: "Institut Jean Lamour", lang: null },
            kind: "unit",
            children: [],
          },
        ],
      },
    ]);
    const cycle = await ctx.app.inject({
      method: "PATCH",
      url: `/api/organisations/${lorraine.id}`,
      headers: editor.headers,
      payload: { parentId: lab.id },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors[0].field).toBe("parentId");
    const orphan = await create({ kind: "unit", name: "Lonely lab" });
    expect(orphan.json().errors[0].field).toBe("parentId");
    const blocked = await ctx.app.inject({
      method: "DELETE",
      url: `/api/organisations/${lorraine.id}`,
      headers: editor.headers,
    });
    expect(blocked.statusCode).toBe(409);
  });

  it("records a successor and shows the predecessor on it", async () => {
    const old = (
      await create({ kind: "university", name: "Université Lille 1", city: "Villeneuve-d'Ascq", countryCode: "FR" })
    ).json();
    const lilleId = (
      await ctx.app.inject({
        method: "GET",
        url: "/api/organisations?q=universite%20de%20lille&limit=1",
        headers: viewer.headers,
      })
    ).json().items[0].id;
    const r = await ctx.app.inject({
      method: "PATCH",
      url: `/api/organisations/${old.id}`,
      headers: editor.headers,
      payload: { successorId: lilleId },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().successor.id).toBe(lilleId);
    const detail = (
      await ctx.app.inject({ method: "GET", url: `/api/organisations/${lilleId}`, headers: viewer.headers })
    ).json();
    expect(detail.predecessors.map((p: { name: string }) => p.name)).toContain("Université Lille 1");
  });

  it("writes an audit event with the changed fields for every update", async () => {
    const org = (await create({ kind: "company", name: "Audit Trail SA", city: "Lyon" })).json();
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/organisations/${org.id}`,
      headers: editor.headers,
      payload: { city: "Grenoble" },
    });
    const admin = await signedIn(ctx, "admin");
    const log = (
      await ctx.app.inject({
        method: "GET",
        url: `/api/audit?entity=organisation&entityId=${org.id}`,
        headers: admin.headers,
      })
    ).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(["organisation.update", "organisation.create"]);
    expect(log.items[0].changes.city).toEqual(["Lyon", "Grenoble"]);
    expect(log.items[0].actor.name).toBe("The editor");
    const denied = await ctx.app.inject({ method: "GET", url: "/api/audit", headers: editor.headers });
    expect(denied.statusCode).toBe(403);
  });

  it("shows the public only public organisations, and no organisation on the map before it is a partner", async () => {
    await create({
      kind: "university",
      name: "Kyushu Institute of Technology",
      countryCode: "JP",
      visibility: "public",
    });
    const pub = (await ctx.app.inject({ method: "GET", url: "/api/public/organisations" })).json();
    expect(pub.items.map((o: { name: string }) => o.name)).toEqual(["Kyushu Institute of Technology"]);
    // The map counts partners, organisations party to an agreement (partner-map.api.test.ts): none yet.
    const map = (await ctx.app.inject({ method: "GET", url: "/api/map/countries" })).json();
    expect(map.items).toEqual([]);
    const internalMap = (
      await ctx.app.inject({ method: "GET", url: "/api/map/countries", headers: viewer.headers })
    ).json();
    expect(internalMap.items).toEqual([]);
  });
});
