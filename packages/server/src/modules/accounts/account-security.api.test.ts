import { type TOTP, URI } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, PASSWORD, type Session, signedIn, type TestContext } from "#test/harness.js";
import { type MailCatcher, startMailCatcher } from "#test/mail-catcher.js";

/** Passwords that change, links by e-mail through a real SMTP server, sessions and second factors. */
let ctx: TestContext;
let smtp: MailCatcher;
const NEW_PASSWORD = "pale orange lighthouse keeper";

function decodeMail(data: string): string {
  // Quoted-printable bodies: soft line breaks and =XX escapes.
  return data
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

async function lastMailTo(address: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const found = smtp.mails.filter((m) => m.to.includes(address)).at(-1);
    if (found) return decodeMail(found.data);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${address}`);
}

const tokenIn = (mail: string, path: string) => {
  const match = new RegExp(`/${path}\\?token=([A-Za-z0-9_%-]+)`).exec(mail);
  if (!match?.[1]) throw new Error(`no ${path} link in:\n${mail}`);
  return decodeURIComponent(match[1]);
};

const signIn = (email: string, password: string, extra: Record<string, string> = {}, ip = "192.0.2.10") =>
  ctx.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { email, password, ...extra },
    remoteAddress: ip,
    headers: { "user-agent": "Firefox/140" },
  });

const call = (s: Session | null, method: "GET" | "POST" | "DELETE", url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: s?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as never }),
  });

const sessionOf = (res: Awaited<ReturnType<typeof signIn>>): Session => {
  const cookie = `conventio_session=${res.cookies.find((c) => c.name === "conventio_session")?.value}`;
  const csrf = res.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, "x-csrf-token": csrf } };
};

beforeAll(async () => {
  smtp = await startMailCatcher();
  ctx = await createTestContext({
    SMTP_URL: smtp.url,
    PUBLIC_URL: "https://partners.example.org",
    REQUIRE_ADMIN_TOTP: "true",
  });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

describe("changing one's password", () => {
  it("needs the current one and a strong new one, and ends the other sessions", async () => {
    const me = await signedIn(ctx, "editor", "ed@example.org");
    const other = sessionOf(await signIn("ed@example.org", PASSWORD, {}, "192.0.2.11"));
    const wrong = await call(me, "POST", "/api/account/password", {
      currentPassword: "nope",
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe("currentPassword");
    const weak = await call(me, "POST", "/api/account/password", {
      currentPassword: PASSWORD,
      newPassword: "password1234",
    });
    expect(weak.json().errors[0].field).toBe("newPassword");
    const ok = await call(me, "POST", "/api/account/password", {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await call(me, "GET", "/api/account/sessions")).statusCode).toBe(200);
    expect((await call(other, "GET", "/api/account/sessions")).statusCode).toBe(401);
    expect((await signIn("ed@example.org", PASSWORD)).statusCode).toBe(401);
    expect((await signIn("ed@example.org", NEW_PASSWORD, {}, "192.0.2.12")).statusCode).toBe(200);
  });
});

describe("resetting a forgotten password", () => {
  it("e-mails a single-use link valid 30 minutes, answering alike for unknown addresses", async () => {
    await signedIn(ctx, "viewer", "vi@example.org");
    const unknown = await call(null, "POST", "/api/auth/password-reset", { email: "nobody@example.org" });
    const known = await call(null, "POST", "/api/auth/password-reset", { email: "vi@example.org" });
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(unknown.body).toBe(known.body);
    expect(smtp.mails.some((m) => m.to.includes("nobody@example.org"))).toBe(false);
    const mail = await lastMailTo("vi@example.org");
    expect(mail).toContain("Reset your Conventio password");
    const token = tokenIn(mail, "reset-password");

    const weak = await call(null, "POST", "/api/auth/password-reset/complete", { token, password: "            " });
    expect(weak.statusCode).toBe(422);
    const done = await call(null, "POST", "/api/auth/password-reset/complete", { token, password: NEW_PASSWORD });
    expect(done.statusCode, done.body).toBe(204);
    expect((await signIn("vi@example.org", NEW_PASSWORD, {}, "192.0.2.20")).statusCode).toBe(200);
    const again = await call(null, "POST", "/api/auth/password-reset/complete", {
      token,
      password: "another fine long phrase",
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0].field).toBe("token");

    await call(null, "POST", "/api/auth/password-reset", { email: "vi@example.org" });
    const late = tokenIn(await lastMailTo("vi@example.org"), "reset-password");
    expect(late).not.toBe(token);
    ctx.clock.set(new Date(ctx.clock.now().getTime() + 31 * 60_000));
    const expired = await call(null, "POST", "/api/auth/password-reset/complete", {
      token: late,
      password: "another fine long phrase",
    });
    expect(expired.statusCode).toBe(422);
  });
});

describe("invitations", () => {
  it("an administrator invites by e-mail; the link makes the account with its role, once", async () => {
    const admin = await signedIn(ctx, "admin", "boss@example.org");
    // This installation requires administrators to use a second factor: set it up first.
    const blocked = await call(admin, "POST", "/api/users/invitations", {
      email: "new@example.org",
      name: "Nadia New",
      role: "editor",
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detail).toMatch(/second factor/);
    const setup = (await call(admin, "POST", "/api/account/totp/setup")).json();
    const totp = URI.parse(setup.uri) as TOTP;
    const enabled = await call(admin, "POST", "/api/account/totp/enable", {
      code: totp.generate({ timestamp: ctx.clock.now().getTime() }),
    });
    expect(enabled.statusCode, enabled.body).toBe(204);

    const invited = await call(admin, "POST", "/api/users/invitations", {
      email: "new@example.org",
      name: "Nadia New",
      role: "editor",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const viewer = await signedIn(ctx, "viewer", "someone@example.org");
    expect(
      (await call(viewer, "POST", "/api/users/invitations", { email: "x@example.org", name: "X", role: "admin" }))
        .statusCode,
    ).toBe(403);
    const token = tokenIn(await lastMailTo("new@example.org"), "accept-invitation");
    const accepted = await call(null, "POST", "/api/auth/invitations/accept", { token, password: NEW_PASSWORD });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ email: "new@example.org", name: "Nadia New", role: "editor" });
    expect(
      (await call(null, "POST", "/api/auth/invitations/accept", { token, password: NEW_PASSWORD })).statusCode,
    ).toBe(422);
    const list = (await call(admin, "GET", "/api/users/invitations")).json();
    expect(list[0]).toMatchObject({ email: "new@example.org", acceptedAt: expect.any(String) });
  });
});

describe("sessions and second factor", () => {
  it("lists one's sessions with where they came from, and ends one", async () => {
    await signedIn(ctx, "viewer", "multi@example.org");
    const a = sessionOf(await signIn("multi@example.org", PASSWORD, {}, "192.0.2.30"));
    const b = sessionOf(await signIn("multi@example.org", PASSWORD, {}, "192.0.2.31"));
    const list = (await call(a, "GET", "/api/account/sessions")).json();
    const current = list.find((s: { current: boolean }) => s.current);
    const otherOne = list.find((s: { ip: string }) => s.ip === "192.0.2.31");
    expect(current).toMatchObject({ ip: "192.0.2.30", userAgent: "Firefox/140" });
    expect((await call(a, "DELETE", `/api/account/sessions/${otherOne.id}`)).statusCode).toBe(204);
    expect((await call(b, "GET", "/api/account/sessions")).statusCode).toBe(401);
    expect((await call(a, "DELETE", "/api/account/sessions/0000000000000000")).statusCode).toBe(404);
  });

  it("asks for a code once an authenticator is set up, and takes each code once", async () => {
    const me = await signedIn(ctx, "editor", "totp@example.org");
    const setup = (await call(me, "POST", "/api/account/totp/setup")).json();
    const totp = URI.parse(setup.uri) as TOTP;
    expect((await call(me, "POST", "/api/account/totp/enable", { code: "000000" })).statusCode).toBe(401);
    const now = () => ctx.clock.now().getTime();
    expect(
      (await call(me, "POST", "/api/account/totp/enable", { code: totp.generate({ timestamp: now() }) })).statusCode,
    ).toBe(204);
    expect((await call(me, "GET", "/api/account/totp")).json()).toEqual({ enabled: true, required: false });

    const without = await signIn("totp@example.org", PASSWORD, {}, "192.0.2.40");
    expect(without.statusCode).toBe(401);
    expect(without.json().errors[0].field).toBe("code");
    ctx.clock.set(new Date(now() + 30_000));
    const code = totp.generate({ timestamp: now() });
    expect((await signIn("totp@example.org", PASSWORD, { code }, "192.0.2.41")).statusCode).toBe(200);
    const replay = await signIn("totp@example.org", PASSWORD, { code }, "192.0.2.42");
    expect(replay.statusCode).toBe(401);
    expect(replay.json().errors[0].field).toBe("code");
  });
});
