import { CreateAgreementInput, CreateOrganisationInput } from "@conventio/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#db/seed/system-actor.js";
import { createTestContext, type TestContext } from "#test/harness.js";
import { createDashboardService } from "./dashboard.service.js";

let ctx: TestContext;
let partner: string;
const VIEWER = { kind: "user", id: "viewer", role: "viewer", name: "A viewer" } as const;
const START = new Date("2026-03-02T09:00:00Z");

beforeAll(async () => {
  ctx = await createTestContext();
  partner = (
    await ctx.services.organisations.createOrganisation(
      SYSTEM_ACTOR,
      CreateOrganisationInput.parse({ kind: "university", name: "Ghent University", countryCode: "BE" }),
    )
  ).id;
});
afterAll(() => ctx.close());

async function addDraft(title: string): Promise<void> {
  await ctx.services.agreements.createAgreement(
    SYSTEM_ACTOR,
    CreateAgreementInput.parse({
      kind: "memorandum_of_understanding",
      title,
      parties: [{ organisationId: partner, role: "partner" }],
    }),
  );
}

const drafts = (view: { byStatus: Array<{ status: string; count: number }> }) =>
  view.byStatus.find((s) => s.status === "draft")?.count ?? 0;

const kept = () => ctx.database.db.selectFrom("dashboard_figures").selectAll().execute();

/** The dashboard of an installation where working the figures out takes `slowMs` or less, or more. */
function dashboardKeepingAfter(keepFiguresAfterMs: number) {
  return createDashboardService(ctx.services.deps, { expiringWindowDays: 90, dormantMonths: 12, keepFiguresAfterMs });
}

beforeEach(async () => {
  await ctx.database.db.deleteFrom("dashboard_figures").execute();
});

describe("the dashboard's figures", () => {
  it("are exact on every request where working them out is fast, and nothing is kept", async () => {
    ctx.clock.set(START);
    await addDraft("Draft one");
    const first = (await ctx.app.inject({ method: "GET", url: "/api/dashboard", headers: {} })).statusCode;
    expect(first).toBe(401);
    // However loaded the machine, figures are fast to work out here.
    const dashboard = dashboardKeepingAfter(60_000);
    const before = await dashboard.overview(VIEWER);
    expect(before.asOf).toBeNull();
    await addDraft("Draft two");
    const after = await dashboard.overview(VIEWER);
    expect(drafts(after)).toBe(drafts(before) + 1);
    expect(after.asOf).toBeNull();
    expect(await kept()).toEqual([]);
  });

  it("are kept for a minute where working them out is slow, say when they were made, and are made again after", async () => {
    // Every figure counts as slow to work out: the large installation's case.
    const dashboard = dashboardKeepingAfter(0);
    ctx.clock.set(START);
    const made = await dashboard.overview(VIEWER);
    expect(made.asOf).toBeNull();
    expect((await kept()).map((k) => k.computed_at)).toEqual([START.toISOString()]);

    await addDraft("Draft three");
    const halfMinute = new Date(START.getTime() + 30_000);
    ctx.clock.set(halfMinute);
    const served = await dashboard.overview(VIEWER);
    expect(served.asOf).toBe(START.toISOString());
    expect(drafts(served)).toBe(drafts(made));

    // Asked fresh, they are worked out now, and kept from now.
    const fresh = await dashboard.overview(VIEWER, { fresh: true });
    expect(fresh.asOf).toBeNull();
    expect(drafts(fresh)).toBe(drafts(made) + 1);
    expect((await kept()).map((k) => k.computed_at)).toEqual([halfMinute.toISOString()]);

    // Past a minute, the kept figures are served once more while they are worked out again.
    await addDraft("Draft four");
    const later = new Date(START.getTime() + 100_000);
    ctx.clock.set(later);
    const stale = await dashboard.overview(VIEWER);
    expect(stale.asOf).toBe(halfMinute.toISOString());
    expect(drafts(stale)).toBe(drafts(made) + 1);
    await expect.poll(async () => (await kept()).map((k) => k.computed_at)).toEqual([later.toISOString()]);
    const renewed = await dashboard.overview(VIEWER);
    expect(renewed.asOf).toBe(later.toISOString());
    expect(drafts(renewed)).toBe(drafts(made) + 2);

    // Statuses depend on the day: figures from yesterday are never served.
    ctx.clock.set(new Date(later.getTime() + 86_400_000));
    expect((await dashboard.overview(VIEWER)).asOf).toBeNull();
  });

  it("are asked fresh over HTTP with ?fresh=true, and refuse another value naming the field", async () => {
    const cookie = await ctx.services.accounts.createUserAsOperator({
      email: "viewer@example.org",
      name: "A viewer",
      role: "viewer",
      password: "correct horse battery staple",
    });
    expect(cookie).toBeTruthy();
    const signIn = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "viewer@example.org", password: "correct horse battery staple" },
    });
    const session = signIn.cookies.find((c) => c.name === "conventio_session")?.value ?? "";
    const headers = { cookie: `conventio_session=${session}` };
    const ok = await ctx.app.inject({ method: "GET", url: "/api/dashboard?fresh=true", headers });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().asOf).toBeNull();
    const bad = await ctx.app.inject({ method: "GET", url: "/api/dashboard?fresh=maybe", headers });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(JSON.stringify(bad.json())).toContain("fresh");
    const nul = await ctx.app.inject({ method: "GET", url: "/api/dashboard?fresh=tr%00ue", headers });
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
  });
});
