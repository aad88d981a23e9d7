import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let admin: Session;
let kyutechId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  admin = await signedIn(ctx, "admin");
  const org = await ctx.app.inject({
    method: "POST",
    url: "/api/organisations",
    headers: editor.headers,
    payload: { kind: "university", name: "Kyushu Institute of Technology", countryCode: "JP" },
  });
  kyutechId = org.json().id;
});
afterAll(() => ctx.close());

const post = (url: string, payload: unknown, s: Session = editor) =>
  ctx.app.inject({ method: "POST", url, headers: s.headers, payload: payload as object });
const search = async (q: string) =>
  (
    await ctx.app.inject({ method: "GET", url: `/api/people?q=${encodeURIComponent(q)}`, headers: editor.headers })
  ).json().items;

describe("people API", () => {
  it("adds a person with roles held for a period", async () => {
    const res = await post("/api/people", {
      givenName: "Tohru",
      familyName: "Kamiya",
      title: "Vice-president for international relations",
      organisationId: kyutechId,
      email: "Kamiya@Example.JP",
      languages: ["ja", "en"],
    });
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person.email).toBe("kamiya@example.jp");
    expect(person.organisation.name).toBe("Kyushu Institute of Technology");
    const role = await post(`/api/people/${person.id}/roles`, {
      role: "Vice-president for international relations",
      organisationId: kyutechId,
      since: "2022-04-01",
    });
    expect(role.statusCode).toBe(201);
    expect(role.json().roles).toHaveLength(1);
    const backwards = await post(`/api/people/${person.id}/roles`, {
      role: "Coordinator",
      since: "2022-04-01",
      until: "2021-01-01",
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe("until");
    expect((await search("kamiya")).map((p: { familyName: string }) => p.familyName)).toEqual(["Kamiya"]);
  });

  it("refuses an unknown organisation and a malformed e-mail on their fields", async () => {
    const a = await post("/api/people", { givenName: "A", familyName: "B", organisationId: "missing" });
    expect(a.statusCode).toBe(422);
    expect(a.json().errors[0].field).toBe("organisationId");
    const b = await post("/api/people", { givenName: "A", familyName: "B", email: "not-an-email" });
    expect(b.json().errors[0].field).toBe("email");
  });

  it("exports everything about a person for an administrator only", async () => {
    const p = (await post("/api/people", { givenName: "Karl", familyName: "Tombre", title: "Vice-president" })).json();
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/people/${p.id}`,
      headers: editor.headers,
      payload: { phone: "+33 3 72 74 00 00" },
    });
    expect(
      (await ctx.app.inject({ method: "GET", url: `/api/people/${p.id}/export`, headers: editor.headers })).statusCode,
    ).toBe(403);
    const res = await ctx.app.inject({ method: "GET", url: `/api/people/${p.id}/export`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("attachment");
    const data = res.json();
    expect(data.person.phone).toBe("+33 3 72 74 00 00");
    expect(data.history.map((h: { action: string }) => h.action)).toEqual(["person.create", "person.update"]);
  });

  it("erases a person everywhere: record, search index and audit details", async () => {
    const p = (
      await post("/api/people", { givenName: "Ada", familyName: "Forgetme", email: "ada@example.org" })
    ).json();
    expect(await search("forgetme")).toHaveLength(1);
    const res = await ctx.app.inject({ method: "DELETE", url: `/api/people/${p.id}`, headers: admin.headers });
    expect(res.statusCode).toBe(204);
    expect(
      (await ctx.app.inject({ method: "GET", url: `/api/people/${p.id}`, headers: admin.headers })).statusCode,
    ).toBe(404);
    expect(await search("forgetme")).toEqual([]);
    const docs = await ctx.database.db
      .selectFrom("search_document")
      .select("body")
      .where("entity_id", "=", p.id)
      .execute();
    expect(docs).toEqual([]);
    const audit = await ctx.database.db
      .selectFrom("audit_event")
      .select("changes")
      .where("entity_id", "=", p.id)
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) expect(a.changes).not.toContain("Forgetme");
  });
});
