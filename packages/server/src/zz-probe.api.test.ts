import { it } from "vitest";
import { createTestContext, signedIn } from "#test/harness.js";
it("probe", async () => {
  const ctx = await createTestContext();
  const ed = await signedIn(ctx, "editor");
  const api = (method: any, url: string, payload?: any) => ctx.app.inject({ method, url, headers: ed.headers, ...(payload ? { payload } : {}) });
  const o1 = (await api("POST", "/api/organisations", { kind: "university", name: "A" })).json().id;
  const o2 = (await api("POST", "/api/organisations", { kind: "university", name: "B" })).json().id;
  const base = { kind: "memorandum_of_understanding", title: "x", parties: [{ organisationId: o1 }, { organisationId: o2 }], signatories: [{ name: "S" }] };
  for (let i = 0; i < 3; i++) {
    const a = (await api("POST", "/api/agreements", { ...base, signedOn: "2024-01-10", startsOn: "2024-02-01", endsOn: "2026-12-31" })).json();
    await api("POST", `/api/agreements/${a.id}/transitions`, { action: "activate" });
    const [r1, r2] = await Promise.all([api("POST", `/api/agreements/${a.id}/renewal`), api("POST", `/api/agreements/${a.id}/renewal`)]);
    console.log("RACE", process.env.TEST_ENGINE, r1.statusCode, r2.statusCode, r1.statusCode === 409 ? r1.json().detail : r2.json().detail);
  }
  const b = (await api("POST", "/api/agreements", { ...base, startsOn: null, signedOn: "2024-05-01", endsOn: "2024-03-31" })).json();
  const act = await api("POST", `/api/agreements/${b.id}/transitions`, { action: "activate" });
  console.log("ACT", act.statusCode, act.json().startsOn, act.json().endsOn, act.json().status);
  const patch = await api("PATCH", `/api/agreements/${b.id}`, { title: "Renamed" });
  console.log("PATCH", patch.statusCode, patch.body.slice(0, 200));
  await ctx.close();
});
