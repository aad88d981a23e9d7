import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, PASSWORD, signedIn, type TestContext } from "#test/harness.js";

/** Races and guessing: what parallel requests must not get past, on both engines. */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_MAX_FAILURES: "5" });
});
afterAll(() => ctx.close());

const signIn = (email: string, password: string, ip: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password }, remoteAddress: ip });

describe("races", () => {
  it("ten parallel setups with one token make exactly one administrator", async () => {
    const token = await ctx.services.accounts.issueSetupToken();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ctx.app.inject({
          method: "POST",
          url: "/api/setup",
          payload: { token, email: `root${i}@example.org`, name: `Root ${i}`, password: PASSWORD },
        }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode !== 201).every((a) => [403, 409].includes(a.statusCode))).toBe(true);
    const admins = await ctx.database.db.selectFrom("app_user").select("id").where("role", "=", "admin").execute();
    expect(admins).toHaveLength(1);
  });

  it("a hundred parallel wrong sign-ins get at most five passwords checked, and the right one waits too", async () => {
    await ctx.services.accounts.createUserAsOperator({
      email: "owner@example.org",
      name: "Owner",
      role: "editor",
      password: PASSWORD,
    });
    const burst = await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => signIn("owner@example.org", `wrong guess ${i}`, "192.0.2.7")),
      signIn("owner@example.org", PASSWORD, "192.0.2.7"),
    ]);
    const checked = burst.filter((a) => a.statusCode === 401).length;
    const let_in = burst.filter((a) => a.statusCode === 200).length;
    expect(checked + let_in).toBeLessThanOrEqual(5);
    expect(burst.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(96);
    expect((await signIn("owner@example.org", PASSWORD, "192.0.2.7")).statusCode).toBe(429);
    // The owner, elsewhere, is not locked out by the guesser.
    expect((await signIn("owner@example.org", PASSWORD, "198.51.100.4")).statusCode).toBe(200);
  });

  it("one address trying many accounts is stopped too", async () => {
    const answers = [];
    for (let i = 0; i < 60; i++)
      answers.push((await signIn(`someone${i}@example.org`, "a guess", "203.0.113.9")).statusCode);
    expect(answers.filter((s) => s === 401)).toHaveLength(50);
    expect(answers.slice(50).every((s) => s === 429)).toBe(true);
  });
});

describe("weak passwords", () => {
  it.each([["password1234"], ["            "], ["\u0000".repeat(12)], ["new@example.org!"]])(
    "refuses %j for a new account, naming the field",
    async (password) => {
      const refused = await ctx.services.accounts
        .createUserAsOperator({ email: "new@example.org", name: "New Person", role: "viewer", password })
        .then(
          () => null,
          (e: { status?: number; details?: { errors?: Array<{ field: string }> } }) => e,
        );
      expect(refused?.status).toBe(422);
      expect(refused?.details?.errors?.map((e) => e.field)).toEqual(["password"]);
      expect(
        await ctx.database.db.selectFrom("app_user").select("id").where("email", "=", "new@example.org").execute(),
      ).toEqual([]);
    },
  );

  it("refuses them through the API as well, NUL characters included", async () => {
    const admin = await signedIn(ctx, "admin", "boss@example.org");
    for (const password of ["password1234", "            ", "\u0000".repeat(12)]) {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/users",
        headers: admin.headers,
        payload: { email: "y@example.org", name: "Y", role: "viewer", password },
      });
      expect(res.statusCode, JSON.stringify(password)).toBe(422);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["password"]);
    }
  });
});
