import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, PASSWORD, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const signIn = (email: string, password: string, ip = "10.0.0.1") =>
  ctx.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password }, remoteAddress: ip });

describe("accounts API", () => {
  it("creates the first administrator only with the one-time setup token", async () => {
    const session = (await ctx.app.inject({ method: "GET", url: "/api/auth/session" })).json();
    expect(session).toEqual({ user: null, csrfToken: null, setupRequired: true });
    const token = await ctx.services.accounts.issueSetupToken();
    expect(token).toBeTruthy();
    const wrong = await ctx.app.inject({
      method: "POST",
      url: "/api/setup",
      payload: { token: "guess", email: "root@example.org", name: "Root", password: PASSWORD },
    });
    expect(wrong.statusCode).toBe(403);
    const weak = await ctx.app.inject({
      method: "POST",
      url: "/api/setup",
      payload: { token, email: "root@example.org", name: "Root", password: "short" },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].field).toBe("password");
    const ok = await ctx.app.inject({
      method: "POST",
      url: "/api/setup",
      payload: { token, email: "Root@Example.org", name: "Root", password: PASSWORD },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ email: "root@example.org", role: "admin" });
    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/setup",
      payload: { token, email: "x@example.org", name: "X", password: PASSWORD },
    });
    expect(again.statusCode).toBe(409);
    expect(await ctx.services.accounts.issueSetupToken()).toBeNull();
  });

  it("signs in with a session cookie that is HTTP-only, and signs out", async () => {
    const res = await signIn("root@example.org", PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "conventio_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const headers = { cookie: `conventio_session=${cookie?.value}`, "x-csrf-token": res.json().csrfToken };
    expect((await ctx.app.inject({ method: "GET", url: "/api/auth/session", headers })).json().user.email).toBe(
      "root@example.org",
    );
    expect((await ctx.app.inject({ method: "POST", url: "/api/auth/sign-out", headers })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: "GET", url: "/api/users", headers })).statusCode).toBe(401);
  });

  it("answers a wrong password and an unknown e-mail the same way", async () => {
    const a = await signIn("root@example.org", "not the password", "10.0.0.2");
    const b = await signIn("nobody@example.org", "not the password", "10.0.0.3");
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
  });

  it("pauses sign-in from an address after repeated failures there, even with the right password, and not elsewhere", async () => {
    await ctx.services.accounts.createUserAsOperator({
      email: "target@example.org",
      name: "Target",
      role: "viewer",
      password: PASSWORD,
    });
    for (let i = 0; i < 3; i++)
      expect((await signIn("target@example.org", "wrong-password", "10.1.0.1")).statusCode).toBe(401);
    const locked = await signIn("target@example.org", PASSWORD, "10.1.0.1");
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    // Whoever guessed from there cannot lock the owner out from another address.
    expect((await signIn("target@example.org", PASSWORD, "10.1.0.9")).statusCode).toBe(200);
    ctx.clock.advanceDays(1);
    expect((await signIn("target@example.org", PASSWORD, "10.1.0.1")).statusCode).toBe(200);
  });

  it("refuses a write whose CSRF token is missing or wrong", async () => {
    const admin = await signedIn(ctx, "admin", "csrf-admin@example.org");
    const body = { email: "new@example.org", name: "New", role: "viewer", password: PASSWORD };
    const missing = await ctx.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: admin.cookie },
      payload: body,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe("csrf_failed");
    const wrong = await ctx.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: admin.cookie, "x-csrf-token": "x" },
      payload: body,
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await ctx.app.inject({ method: "POST", url: "/api/users", headers: admin.headers, payload: body });
    expect(ok.statusCode).toBe(201);
  });

  it("lets only administrators manage accounts, and not demote themselves", async () => {
    const admin = await signedIn(ctx, "admin", "boss@example.org");
    const editor = await signedIn(ctx, "editor", "ed@example.org");
    expect((await ctx.app.inject({ method: "GET", url: "/api/users", headers: editor.headers })).statusCode).toBe(403);
    const users = (await ctx.app.inject({ method: "GET", url: "/api/users", headers: admin.headers })).json().items;
    const ed = users.find((u: { email: string }) => u.email === "ed@example.org");
    const promoted = await ctx.app.inject({
      method: "PATCH",
      url: `/api/users/${ed.id}`,
      headers: admin.headers,
      payload: { role: "admin" },
    });
    expect(promoted.json().role).toBe("admin");
    const me = users.find((u: { email: string }) => u.email === "boss@example.org");
    const self = await ctx.app.inject({
      method: "PATCH",
      url: `/api/users/${me.id}`,
      headers: admin.headers,
      payload: { role: "viewer" },
    });
    expect(self.statusCode).toBe(409);
    const disabled = await ctx.app.inject({
      method: "PATCH",
      url: `/api/users/${ed.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disabled.json().disabled).toBe(true);
    expect((await ctx.app.inject({ method: "GET", url: "/api/users", headers: editor.headers })).statusCode).toBe(401);
  });
});
