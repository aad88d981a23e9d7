import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { startTestProvider, type TestProvider } from "./oidc-test-provider.js";

const PUBLIC_URL = "http://127.0.0.1:3000";
const callbackOf = (slug: string) => `${PUBLIC_URL}/api/auth/oidc/${slug}/callback`;

let ctx: TestContext;
let op: TestProvider;
let admin: Session;

beforeAll(async () => {
  op = await startTestProvider({
    redirectUris: [callbackOf("campus"), callbackOf("closed")],
    postLogoutRedirectUris: [`${PUBLIC_URL}/`],
    accounts: [
      { id: "nora", email: "nora@univ.example", emailVerified: true, name: "Nora New", groups: ["staff"] },
      { id: "lin", email: "lin@univ.example", emailVerified: true, name: "Lin Linked", groups: [] },
      { id: "una", email: "una@univ.example", emailVerified: false, name: "Una Unverified", groups: ["staff"] },
      { id: "otto", email: "otto@univ.example", emailVerified: true, name: "Otto Outsider", groups: [] },
    ],
  });
  ctx = await createTestContext({
    PUBLIC_URL,
    OIDC_PROVIDERS: JSON.stringify([
      {
        slug: "campus",
        name: "Campus login",
        issuer: op.issuer,
        clientId: op.clientId,
        clientSecret: op.clientSecret,
        scopes: "openid email profile groups",
        roleMapping: { staff: "editor", "international-office": "admin" },
      },
    ]),
  });
  admin = await signedIn(ctx, "admin");
});
afterAll(async () => {
  await ctx?.close();
  await op?.close();
});

/** Cookies of the provider's own pages, kept as a browser would. */
function keepCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
    if (value) jar.set(name, value);
    else jar.delete(name);
  }
}

/**
 * A person at the provider: follows its redirects, fills its login form (or cancels there), and
 * stops at the redirect back to Conventio.
 */
async function atProvider(authorizationUrl: string, login: string, cancel = false): Promise<URL> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  let url = new URL(authorizationUrl);
  for (let step = 0; step < 12; step++) {
    if (url.href.startsWith(PUBLIC_URL)) return url;
    let res = await fetch(url, { redirect: "manual", headers: { cookie: cookie() } });
    keepCookies(jar, res);
    if (res.status === 200) {
      const page = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      const abort = /href="([^"]+\/abort)"/.exec(page)?.[1];
      if (!action || !abort) throw new Error(`no login form at the provider: ${page.slice(0, 300)}`);
      res = cancel
        ? await fetch(new URL(abort, url), { redirect: "manual", headers: { cookie: cookie() } })
        : await fetch(new URL(action, url), {
            method: "POST",
            redirect: "manual",
            headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ prompt: "login", login, password: "any password" }),
          });
      keepCookies(jar, res);
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`the provider answered ${res.status} without a redirect`);
    url = new URL(location, url);
  }
  throw new Error("too many redirects at the provider");
}

interface Outcome {
  location: string;
  session: Session | null;
}

/** The whole journey: start in Conventio, sign in at the provider, back to Conventio's callback. */
async function signInAs(login: string, options: { slug?: string; stateCookie?: string; cancel?: boolean } = {}) {
  const slug = options.slug ?? "campus";
  const start = await ctx.app.inject({ method: "GET", url: `/api/auth/oidc/${slug}/start?redirect=/agreements` });
  expect(start.statusCode).toBe(302);
  const state = start.cookies.find((c) => c.name === "conventio_oidc_state");
  if (!state) return { location: start.headers.location as string, session: null };
  expect(state.httpOnly).toBe(true);
  const back = await atProvider(start.headers.location as string, login, options.cancel);
  const res = await ctx.app.inject({
    method: "GET",
    url: `${back.pathname}${back.search}`,
    cookies: { conventio_oidc_state: options.stateCookie ?? state.value },
  });
  expect(res.statusCode).toBe(302);
  const sessionCookie = res.cookies.find((c) => c.name === "conventio_session" && c.value);
  let session: Session | null = null;
  if (sessionCookie) {
    const cookie = `conventio_session=${sessionCookie.value}`;
    const s = (await ctx.app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } })).json();
    session = { cookie, csrf: s.csrfToken, headers: { cookie, "x-csrf-token": s.csrfToken } };
  }
  return { location: res.headers.location as string, session } satisfies Outcome;
}

const whoIs = async (session: Session | null) =>
  (await ctx.app.inject({ method: "GET", url: "/api/auth/session", headers: session?.headers ?? {} })).json().user;

describe("single sign-on through OpenID Connect", () => {
  it("offers each enabled provider on the sign-in page, and never shows a client secret", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/public/sign-in-providers" });
    expect(res.json().items).toEqual([
      { slug: "campus", name: "Campus login", startUrl: "/api/auth/oidc/campus/start" },
    ]);
    const list = await ctx.app.inject({ method: "GET", url: "/api/sso/providers", headers: admin.headers });
    expect(list.json().items[0]).toMatchObject({
      slug: "campus",
      source: "environment",
      hasClientSecret: true,
      redirectUri: callbackOf("campus"),
    });
    expect(list.body).not.toContain(op.clientSecret);
  });

  it("sends the browser to the provider with PKCE (S256), state and nonce", async () => {
    const start = await ctx.app.inject({ method: "GET", url: "/api/auth/oidc/campus/start" });
    const url = new URL(start.headers.location as string);
    expect(url.origin).toBe(op.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("nonce")).toBeTruthy();
    expect(url.searchParams.get("state")).toBe(start.cookies.find((c) => c.name === "conventio_oidc_state")?.value);
    expect(url.searchParams.get("redirect_uri")).toBe(callbackOf("campus"));
  });

  it("creates an account at first sign-in with the role its group maps to, and returns where it started", async () => {
    const { location, session } = await signInAs("nora");
    expect(location).toBe("/agreements");
    expect(await whoIs(session)).toMatchObject({ email: "nora@univ.example", name: "Nora New", role: "editor" });
  });

  it("changes the role at the next sign-in when the provider's groups change", async () => {
    const nora = op.accounts.get("nora");
    if (nora) nora.groups = ["staff", "international-office"];
    const { session } = await signInAs("nora");
    expect(await whoIs(session)).toMatchObject({ email: "nora@univ.example", role: "admin" });
    const users = (await ctx.app.inject({ method: "GET", url: "/api/users", headers: admin.headers })).json().items;
    expect(users.filter((u: { email: string }) => u.email === "nora@univ.example")).toHaveLength(1);
  });

  it("links an existing account by an e-mail the provider has verified, keeping its role", async () => {
    const existing = await ctx.services.accounts.createUserAsOperator({
      email: "lin@univ.example",
      name: "Lin by password",
      role: "viewer",
      password: "a password long enough to pass",
    });
    const { session } = await signInAs("lin");
    expect(await whoIs(session)).toMatchObject({ id: existing.id, role: "viewer" });
    const link = await ctx.database.db.selectFrom("sso_link").selectAll().where("subject", "=", "lin").execute();
    expect(link).toMatchObject([{ provider: "campus", user_id: existing.id }]);
  });

  it("refuses an e-mail the provider has not verified, without linking or signing in", async () => {
    await ctx.services.accounts.createUserAsOperator({
      email: "una@univ.example",
      name: "Una by password",
      role: "viewer",
      password: "a password long enough to pass",
    });
    const { location, session } = await signInAs("una");
    expect(location).toBe("/sign-in?ssoError=unverified_email");
    expect(session).toBeNull();
    const link = await ctx.database.db.selectFrom("sso_link").selectAll().where("subject", "=", "una").execute();
    expect(link).toEqual([]);
  });

  it("refuses an answer whose state is not the browser's own, or comes back a second time", async () => {
    const forged = await signInAs("nora", { stateCookie: "another-browsers-state" });
    expect(forged).toEqual({ location: "/sign-in?ssoError=state", session: null });
    const bare = await ctx.app.inject({ method: "GET", url: "/api/auth/oidc/campus/callback?code=x&state=y" });
    expect(bare.headers.location).toBe("/sign-in?ssoError=state");
  });

  it("lands on the sign-in page when the person cancels at the provider", async () => {
    const { location, session } = await signInAs("nora", { cancel: true });
    expect(location).toBe("/sign-in?ssoError=provider");
    expect(session).toBeNull();
  });

  it("signs out of Conventio and sends the browser to the provider's end-session address", async () => {
    const { session } = await signInAs("nora");
    const res = await ctx.app.inject({ method: "POST", url: "/api/auth/oidc/sign-out", headers: session?.headers });
    expect(res.statusCode).toBe(200);
    const to = new URL(res.json().redirectTo);
    expect(to.origin).toBe(op.issuer);
    expect(to.searchParams.get("id_token_hint")).toBeTruthy();
    expect(to.searchParams.get("post_logout_redirect_uri")).toBe(`${PUBLIC_URL}/`);
    expect(await whoIs(session)).toBeNull();
    const anonymous = await ctx.app.inject({ method: "POST", url: "/api/auth/oidc/sign-out", payload: {} });
    expect(anonymous.statusCode).toBe(401);
  });

  it("lets administrators add a provider that creates no accounts, and disable it", async () => {
    const input = {
      slug: "closed",
      name: "Partners only",
      issuer: op.issuer,
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      allowCreate: false,
    };
    const viewer = await signedIn(ctx, "viewer");
    const refused = await ctx.app.inject({
      method: "POST",
      url: "/api/sso/providers",
      headers: viewer.headers,
      payload: input,
    });
    expect(refused.statusCode).toBe(403);
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/sso/providers",
      headers: admin.headers,
      payload: input,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      slug: "closed",
      source: "database",
      hasClientSecret: true,
      defaultRole: "viewer",
    });
    expect(created.body).not.toContain(op.clientSecret);

    const { location } = await signInAs("otto", { slug: "closed" });
    expect(location).toBe("/sign-in?ssoError=creation_not_allowed");

    const disabled = await ctx.app.inject({
      method: "PATCH",
      url: `/api/sso/providers/${created.json().id}`,
      headers: admin.headers,
      payload: { enabled: false },
    });
    expect(disabled.json().enabled).toBe(false);
    const buttons = (await ctx.app.inject({ method: "GET", url: "/api/public/sign-in-providers" })).json().items;
    expect(buttons.map((b: { slug: string }) => b.slug)).toEqual(["campus"]);
    const start = await ctx.app.inject({ method: "GET", url: "/api/auth/oidc/closed/start" });
    expect(start.headers.location).toBe("/sign-in?ssoError=unknown_provider");
  });

  it("refuses a provider with a plain-http issuer, a taken short name or a change to one from the environment", async () => {
    const base = { name: "X", clientId: "x", clientSecret: "y" };
    const http = await ctx.app.inject({
      method: "POST",
      url: "/api/sso/providers",
      headers: admin.headers,
      payload: { ...base, slug: "plain", issuer: "http://idp.example.org" },
    });
    expect(http.statusCode).toBe(422);
    expect(http.json().errors[0].field).toBe("issuer");
    const taken = await ctx.app.inject({
      method: "POST",
      url: "/api/sso/providers",
      headers: admin.headers,
      payload: { ...base, slug: "campus", issuer: "https://idp.example.org" },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].field).toBe("slug");
    const badRole = await ctx.app.inject({
      method: "POST",
      url: "/api/sso/providers",
      headers: admin.headers,
      payload: { ...base, slug: "odd", issuer: "https://idp.example.org", roleMapping: { staff: "owner" } },
    });
    expect(badRole.statusCode).toBe(422);
    const envChange = await ctx.app.inject({
      method: "PATCH",
      url: "/api/sso/providers/env:campus",
      headers: admin.headers,
      payload: { enabled: false },
    });
    expect(envChange.statusCode).toBe(409);
  });
});
