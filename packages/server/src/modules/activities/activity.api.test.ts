import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let viewer: Session;
const org: Record<string, string> = {};
let agreementId: string;

const api = (
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  payload?: unknown,
  s: Session = editor,
) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  ctx = await createTestContext({ DORMANT_MONTHS: "12" });
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  for (const [k, name, cc] of [
    ["lorraine", "Université de Lorraine", "FR"],
    ["kyutech", "Kyushu Institute of Technology", "JP"],
    ["ghent", "Ghent University", "BE"],
  ] as const) {
    org[k] = (await api("POST", "/api/organisations", { kind: "university", name, countryCode: cc })).json().id;
  }
  const a = (
    await api("POST", "/api/agreements", {
      kind: "framework_agreement",
      title: "Accord-cadre Lorraine – Kyutech",
      signedOn: "2022-09-01",
      startsOn: "2022-09-01",
      endsOn: "2027-08-31",
      parties: [{ organisationId: org.lorraine }, { organisationId: org.kyutech }],
      signatories: [{ name: "The President", signedOn: "2022-09-01" }],
    })
  ).json();
  agreementId = a.id;
  await api("POST", `/api/agreements/${agreementId}/transitions`, { action: "activate" });
});
afterAll(() => ctx.close());

describe("activities API", () => {
  it("records a delegation visit, a funding bid and mobility, and lists them newest first", async () => {
    const visit = await api("POST", "/api/activities", {
      kind: "delegation_visit",
      title: "Kyutech delegation in Lorraine",
      startsOn: "2022-09-20",
      endsOn: "2022-09-21",
      agreementId,
      partnerIds: [org.kyutech],
      status: "completed",
    });
    expect(visit.statusCode).toBe(201);
    const bid = await api("POST", "/api/activities", {
      kind: "funding_bid",
      title: "Digital inclusion project",
      partnerIds: [org.ghent],
      funding: {
        funder: "European Commission",
        programme: "Erasmus+",
        amountAsked: 400000,
        amountGranted: 380000,
        deadline: "2020-03-24",
        outcome: "granted",
      },
    });
    expect(bid.json().funding).toMatchObject({ funder: "European Commission", amountGranted: 380000, currency: "EUR" });
    const items = (await api("GET", "/api/activities", undefined, viewer)).json().items;
    // The bid has no date, so it sorts by the day it was recorded (2026), before the 2022 visit.
    expect(items.map((a: { title: string }) => a.title)).toEqual([
      "Digital inclusion project",
      "Kyutech delegation in Lorraine",
    ]);
    expect(
      (await api("GET", `/api/activities?agreement=${agreementId}`))
        .json()
        .items.map((a: { title: string }) => a.title),
    ).toEqual(["Kyutech delegation in Lorraine"]);
    expect((await api("GET", "/api/activities?q=inclusion")).json().items).toHaveLength(1);
  });

  it("names the field at fault for inconsistent activities", async () => {
    const a = await api("POST", "/api/activities", {
      kind: "seminar",
      title: "x",
      mobility: { direction: "incoming", level: "master", academicYear: "2022-2023", count: 2 },
    });
    expect(a.json().errors[0].field).toBe("mobility");
    const b = await api("POST", "/api/activities", {
      kind: "funding_bid",
      title: "x",
      funding: { funder: "ANR", amountGranted: 5, outcome: "pending" },
    });
    expect(b.json().errors[0].field).toBe("funding.amountGranted");
    const c = await api("POST", "/api/activities", {
      kind: "student_mobility",
      title: "x",
      mobility: { direction: "incoming", level: "master", academicYear: "2022-2024", count: 2 },
      partnerIds: [org.kyutech],
    });
    expect(c.json().errors[0].field).toBe("mobility.academicYear");
    const d = await api("POST", "/api/activities", {
      kind: "student_mobility",
      title: "x",
      mobility: { direction: "incoming", level: "master", academicYear: "2022-2023", count: 2 },
    });
    expect(d.json().errors[0].field).toBe("partnerIds");
  });

  it("balances incoming against outgoing mobility per year and per partner", async () => {
    const mob = (partner: string | undefined, direction: string, year: string, count: number) =>
      api("POST", "/api/activities", {
        kind: "student_mobility",
        title: `${direction} ${year}`,
        partnerIds: [partner],
        mobility: { direction, level: "master", academicYear: year, count },
      });
    await mob(org.kyutech, "incoming", "2022-2023", 4);
    await mob(org.kyutech, "outgoing", "2022-2023", 6);
    await mob(org.kyutech, "incoming", "2023-2024", 5);
    await mob(org.ghent, "outgoing", "2023-2024", 3);
    const overall = (await api("GET", "/api/exchange-balance", undefined, viewer)).json().items;
    expect(overall).toEqual([
      { academicYear: "2022-2023", partner: null, incoming: 4, outgoing: 6, balance: -2 },
      { academicYear: "2023-2024", partner: null, incoming: 5, outgoing: 3, balance: 2 },
    ]);
    const kyutech = (await api("GET", `/api/exchange-balance?partner=${org.kyutech}`)).json().items;
    expect(kyutech.map((r: { balance: number }) => r.balance)).toEqual([-2, 5]);
    expect(kyutech[0].partner.name).toBe("Kyushu Institute of Technology");
  });

  it("tracks an indicator against its target", async () => {
    const ind = (
      await api("POST", "/api/indicators", {
        agreementId,
        name: "Exchange students per year",
        unit: "students",
        baseline: 2,
        baselineYear: 2021,
        target: 10,
        targetYear: 2026,
      })
    ).json();
    await api("PUT", `/api/indicators/${ind.id}/values`, { year: 2022, value: 4 });
    const latest = (await api("PUT", `/api/indicators/${ind.id}/values`, { year: 2023, value: 6 })).json();
    expect(latest.values).toEqual([
      { year: 2022, value: 4 },
      { year: 2023, value: 6 },
    ]);
    expect(latest.progress).toBeCloseTo(0.5);
    const corrected = (await api("PUT", `/api/indicators/${ind.id}/values`, { year: 2023, value: 7 })).json();
    expect(corrected.values.at(-1)).toEqual({ year: 2023, value: 7 });
  });
});

describe("dormant agreements and the dashboard", () => {
  it("flags an active agreement with nothing for twelve months, and clears it when something happens", async () => {
    const quiet = (
      await api("POST", "/api/agreements", {
        kind: "memorandum_of_understanding",
        title: "Quiet memorandum with Ghent",
        signedOn: "2023-01-10",
        startsOn: "2023-01-10",
        parties: [{ organisationId: org.lorraine }, { organisationId: org.ghent }],
        signatories: [{ name: "The President", signedOn: "2023-01-10" }],
      })
    ).json();
    await api("POST", `/api/agreements/${quiet.id}/transitions`, { action: "activate" });
    const dormant = async () =>
      (await api("GET", "/api/dormant-agreements", undefined, viewer))
        .json()
        .items.map((d: { title: string }) => d.title);
    expect(await dormant()).toContain("Quiet memorandum with Ghent");
    const dash = (await api("GET", "/api/dashboard", undefined, viewer)).json();
    expect(dash.dormant.map((d: { id: string }) => d.id)).toContain(quiet.id);
    expect(dash.byStatus.find((s: { status: string }) => s.status === "active").count).toBeGreaterThanOrEqual(2);
    expect(dash.mobility).toEqual([
      { academicYear: "2022-2023", incoming: 4, outgoing: 6 },
      { academicYear: "2023-2024", incoming: 5, outgoing: 3 },
    ]);
    await api("POST", "/api/activities", {
      kind: "seminar",
      title: "Joint seminar",
      agreementId: quiet.id,
      startsOn: "2026-02-01",
    });
    expect(await dormant()).not.toContain("Quiet memorandum with Ghent");
  });
});

describe("individual mobility records", () => {
  it("keeps a mobility as one person's record, exports it with the person and forgets the name on erasure", async () => {
    const student = (await api("POST", "/api/people", { givenName: "Aiko", familyName: "Tanaka" })).json().id;
    const base = { kind: "student_mobility", title: "Master exchange", partnerIds: [org.kyutech], agreementId };
    const mobility = { direction: "incoming", level: "master", academicYear: "2023-2024" };
    const two = await api("POST", "/api/activities", {
      ...base,
      mobility: { ...mobility, count: 2, participantId: student },
    });
    expect(two.statusCode).toBe(422);
    expect(two.json().errors[0].field).toBe("mobility.count");
    const nobody = await api("POST", "/api/activities", {
      ...base,
      mobility: { ...mobility, count: 1, participantId: "no-such-person" },
    });
    expect(nobody.json().errors[0].field).toBe("mobility.participantId");

    const one = await api("POST", "/api/activities", {
      ...base,
      mobility: { ...mobility, count: 1, participantId: student },
    });
    expect(one.statusCode).toBe(201);
    expect(one.json().mobility.participant).toEqual({ id: student, name: "Aiko Tanaka" });
    const admin = await signedIn(ctx, "admin");
    const exported = (await api("GET", `/api/people/${student}/export`, undefined, admin)).json();
    expect(exported.mobilities).toEqual([
      expect.objectContaining({ activityId: one.json().id, direction: "incoming", academicYear: "2023-2024" }),
    ]);

    expect((await api("DELETE", `/api/people/${student}`, undefined, admin)).statusCode).toBe(204);
    const after = (await api("GET", `/api/activities/${one.json().id}`)).json();
    expect(after.mobility).toMatchObject({ count: 1, participant: null });
    expect(JSON.stringify(after)).not.toContain("Tanaka");
  });
});
