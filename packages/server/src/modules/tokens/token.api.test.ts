import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let viewer: Session;
let admin: Session;
const START = new Date("2026-03-02T09:00:00Z");

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  admin = await signedIn(ctx, "admin");
});
afterEach(() => ctx.clock.set(START));
afterAll(() => ctx.close());

interface Created {
  id: string;
  token: string;
  prefix: string;
  scope: string;
  expiresAt: string | null;
}

async function createToken(session: Session, payload: Record<string, unknown>): Promise<Created> {
  const res = await ctx.app.inject({ method: "POST", url: "/api/tokens", headers: session.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const newOrganisation = (name: string) => ({ kind: "university", name, countryCode: "JP" });

describe("personal API tokens", () => {
  it("shows the secret once at creation and never in the list", async () => {
    const created = await createToken(editor, { name: "Nightly report", scope: "read", expiresInDays: 30 });
    expect(created.token).toMatch(/^cvt_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.expiresAt).toBe("2026-04-01T09:00:00.000Z");
    const list = await ctx.app.inject({ method: "GET", url: "/api/tokens", headers: editor.headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.token);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: created.id, name: "Nightly report", scope: "read", lastUsedAt: null }),
    ]);
    const row = await ctx.database.db
      .selectFrom("api_token")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.token);
  });

  it("refuses a bad name, scope or expiry, naming the field", async () => {
    for (const [payload, field] of [
      [{ name: "", scope: "read" }, "name"],
      [{ name: "x", scope: "admin" }, "scope"],
      [{ name: "x", scope: "read", expiresInDays: 0 }, "expiresInDays"],
      [{ name: "x", scope: "read", expiresInDays: 1.5 }, "expiresInDays"],
    ] as const) {
      const res = await ctx.app.inject({ method: "POST", url: "/api/tokens", headers: editor.headers, payload });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe(field);
    }
    const anon = await ctx.app.inject({ method: "POST", url: "/api/tokens", payload: { name: "x", scope: "read" } });
    expect(anon.statusCode).toBe(401);
  });

  it("reads the API with a bearer and no cookie or CSRF token", async () => {
    const { token } = await createToken(editor, { name: "reader", scope: "read" });
    const res = await ctx.app.inject({ method: "GET", url: "/api/agreements", headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: "GET", url: "/api/dashboard", headers: bearer(token) })).statusCode).toBe(
      200,
    );
  });

  it("refuses every write to a read-scoped token, naming the scope", async () => {
    const { token } = await createToken(editor, { name: "reader", scope: "read" });
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: bearer(token),
      payload: newOrganisation("Read Only University"),
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ code: "forbidden", params: { scope: "read" } });
    expect(res.json().detail).toContain("read scope");
  });

  it("lets a write-scoped token write without a CSRF token, with its owner's role", async () => {
    const { token } = await createToken(editor, { name: "sync", scope: "write" });
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: bearer(token),
      payload: newOrganisation("Kyushu Institute of Technology"),
    });
    expect(res.statusCode, res.body).toBe(201);
    const viewerToken = (await createToken(viewer, { name: "viewer sync", scope: "write" })).token;
    const refused = await ctx.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: bearer(viewerToken),
      payload: newOrganisation("Nowhere University"),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().params).toEqual({ role: "editor" });
  });

  it("does not let a token make another token", async () => {
    const { token } = await createToken(editor, { name: "sync", scope: "write" });
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: bearer(token),
      payload: { name: "child", scope: "write" },
    });
    expect(res.statusCode).toBe(403);
  });

  it("stops a token at its expiry", async () => {
    const { token } = await createToken(editor, { name: "short", scope: "read", expiresInDays: 2 });
    ctx.clock.advanceDays(1);
    expect((await ctx.app.inject({ method: "GET", url: "/api/agreements", headers: bearer(token) })).statusCode).toBe(
      200,
    );
    ctx.clock.advanceDays(1);
    const res = await ctx.app.inject({ method: "GET", url: "/api/agreements", headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("unauthenticated");
  });

  it("stops a revoked token at once, and lists it as revoked", async () => {
    const created = await createToken(editor, { name: "to revoke", scope: "write" });
    const del = await ctx.app.inject({ method: "DELETE", url: `/api/tokens/${created.id}`, headers: editor.headers });
    expect(del.statusCode).toBe(204);
    const res = await ctx.app.inject({ method: "GET", url: "/api/agreements", headers: bearer(created.token) });
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toContain("Bearer");
    const listed = (await ctx.app.inject({ method: "GET", url: "/api/tokens", headers: editor.headers }))
      .json()
      .items.find((t: { id: string }) => t.id === created.id);
    expect(listed.revokedAt).toBe(START.toISOString());
    const again = await ctx.app.inject({ method: "DELETE", url: `/api/tokens/${created.id}`, headers: editor.headers });
    expect(again.statusCode).toBe(204);
  });

  it("records the last use, at most once a minute", async () => {
    const created = await createToken(viewer, { name: "usage", scope: "read" });
    const lastUsed = async () =>
      (await ctx.app.inject({ method: "GET", url: "/api/tokens", headers: viewer.headers }))
        .json()
        .items.find((t: { id: string }) => t.id === created.id).lastUsedAt;
    await ctx.app.inject({ method: "GET", url: "/api/tokens", headers: bearer(created.token) });
    expect(await lastUsed()).toBe(START.toISOString());
    ctx.clock.set(new Date(START.getTime() + 30_000));
    await ctx.app.inject({ method: "GET", url: "/api/tokens", headers: bearer(created.token) });
    expect(await lastUsed()).toBe(START.toISOString());
    const later = new Date(START.getTime() + 61_000);
    ctx.clock.set(later);
    await ctx.app.inject({ method: "GET", url: "/api/tokens", headers: bearer(created.token) });
    expect(await lastUsed()).toBe(later.toISOString());
  });

  it("does not let anyone but an administrator revoke another account's token", async () => {
    const created = await createToken(editor, { name: "mine", scope: "read" });
    const byViewer = await ctx.app.inject({
      method: "DELETE",
      url: `/api/tokens/${created.id}`,
      headers: viewer.headers,
    });
    expect(byViewer.statusCode).toBe(404);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/agreements", headers: bearer(created.token) })).statusCode,
    ).toBe(200);
    const byAdmin = await ctx.app.inject({
      method: "DELETE",
      url: `/api/tokens/${created.id}`,
      headers: admin.headers,
    });
    expect(byAdmin.statusCode).toBe(204);
  });

  it("lets only an administrator make a token for another account", async () => {
    const users = (await ctx.app.inject({ method: "GET", url: "/api/users", headers: admin.headers })).json().items;
    const viewerId = users.find((u: { email: string }) => u.email === "viewer@example.org").id;
    const byEditor = await ctx.app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: editor.headers,
      payload: { name: "for someone", scope: "read", userId: viewerId },
    });
    expect(byEditor.statusCode).toBe(403);
    const made = await createToken(admin, { name: "for the viewer", scope: "read", userId: viewerId });
    const session = await ctx.app.inject({ method: "GET", url: "/api/me/actions", headers: bearer(made.token) });
    expect(session.statusCode).toBe(200);
    const missing = await ctx.app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: admin.headers,
      payload: { name: "nobody", scope: "read", userId: "missing" },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().errors[0].field).toBe("userId");
  });

  it("refuses a token whose account is disabled", async () => {
    await ctx.services.accounts.createUserAsOperator({
      email: "leaving@example.org",
      name: "Leaving",
      role: "editor",
      password: "correct horse battery staple",
    });
    const made = await ctx.services.tokens.createTokenAsOperator("leaving@example.org", {
      name: "cron",
      scope: "read",
    });
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/agreements", headers: bearer(made.token) })).statusCode,
    ).toBe(200);
    const users = (await ctx.app.inject({ method: "GET", url: "/api/users", headers: admin.headers })).json().items;
    const id = users.find((u: { email: string }) => u.email === "leaving@example.org").id;
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/users/${id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/agreements", headers: bearer(made.token) })).statusCode,
    ).toBe(401);
  });

  it("answers a bad bearer with 401 problem+json instead of serving it as the public", async () => {
    for (const authorization of ["Bearer cvt_nonsense", "Bearer ", `Bearer cvt_${"A".repeat(43)}`, "bearer x y"]) {
      const res = await ctx.app.inject({ method: "GET", url: "/api/public/home", headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("is described in the OpenAPI document as a bearer scheme beside the session cookie", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(Object.keys(doc.paths["/api/tokens"])).toEqual(["get", "post"]);
  });

  it("keeps the cookie's CSRF guard when no bearer is sent", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: { cookie: editor.cookie },
      payload: { name: "x", scope: "read" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf_failed");
  });
});
