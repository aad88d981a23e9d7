import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let viewer: Session;
let agreementId: string;
let studentId: string;
let unionId: string;

const api = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown, s: Session = editor) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  agreementId = (
    await api("POST", "/api/agreements", {
      kind: "partnership_convention",
      title: "Convention MEL / Université de Lille",
    })
  ).json().id;
  studentId = (await api("POST", "/api/people", { givenName: "Léa", familyName: "Martin" })).json().id;
  unionId = (
    await api("POST", "/api/organisations", { kind: "student_union", name: "Association des étudiants" })
  ).json().id;
});
afterAll(() => ctx.close());

describe("governance API", () => {
  it("builds a steering group and working groups with members and mandates", async () => {
    const steering = (
      await api("POST", "/api/bodies", { agreementId, kind: "steering", name: "Comité de pilotage" })
    ).json();
    const group = (
      await api("POST", "/api/bodies", {
        agreementId,
        kind: "working_group",
        name: "Aménagement des campus",
        theme: "Campus planning",
      })
    ).json();
    const member = await api("POST", `/api/bodies/${steering.id}/members`, {
      personId: studentId,
      organisationId: unionId,
      role: "Student representative",
      startsOn: "2021-01-01",
      endsOn: "2022-12-31",
      studentRepresentative: true,
    });
    expect(member.statusCode).toBe(201);
    const backwards = await api("POST", `/api/bodies/${group.id}/members`, {
      personId: studentId,
      role: "member",
      startsOn: "2022-01-01",
      endsOn: "2021-01-01",
    });
    expect(backwards.json().errors[0].field).toBe("endsOn");
    const nobody = await api("POST", `/api/bodies/${group.id}/members`, { role: "member" });
    expect(nobody.json().errors[0].field).toBe("personId");
    const bodies = (await api("GET", `/api/agreements/${agreementId}/bodies`, undefined, viewer)).json().items;
    expect(bodies.map((b: { name: string }) => b.name)).toEqual(["Aménagement des campus", "Comité de pilotage"]);
    const steeringView = bodies.find((b: { kind: string }) => b.kind === "steering");
    expect(steeringView.members[0]).toMatchObject({
      role: "Student representative",
      studentRepresentative: true,
      person: { name: "Léa Martin" },
      organisation: { name: "Association des étudiants" },
    });
  });

  it("records a meeting with its decisions and the actions it produced, found under my actions", async () => {
    const [body] = (await api("GET", `/api/agreements/${agreementId}/bodies`)).json().items;
    const meeting = await api("POST", `/api/bodies/${body.id}/meetings`, {
      heldOn: "2021-07-02",
      place: "Espace culture, campus Cité Scientifique",
      agenda: "Progress review of every working group",
      decisions: ["Settle the open files by the end of the year"],
    });
    expect(meeting.statusCode).toBe(201);
    const action = await api("POST", "/api/actions", {
      title: "Map the support and funding available to students",
      meetingId: meeting.json().id,
      dueOn: "2021-12-31",
    });
    expect(action.statusCode).toBe(201);
    expect(action.json()).toMatchObject({
      status: "open",
      owner: { name: "The editor" },
      agreement: { id: agreementId },
    });
    const mine = (await api("GET", "/api/me/actions")).json().items;
    expect(mine.map((a: { title: string }) => a.title)).toEqual(["Map the support and funding available to students"]);
    expect((await api("GET", "/api/me/actions", undefined, viewer)).json().items).toEqual([]);
  });

  it("lets an owner close their own action, and nobody else but editors", async () => {
    const viewerUser = (
      await ctx.database.db
        .selectFrom("app_user")
        .select("id")
        .where("email", "=", "viewer@example.org")
        .executeTakeFirstOrThrow()
    ).id;
    const action = (
      await api("POST", "/api/actions", { title: "Book the room", ownerId: viewerUser, dueOn: "2021-09-01" })
    ).json();
    expect((await api("PATCH", `/api/actions/${action.id}`, { title: "Renamed" }, viewer)).statusCode).toBe(403);
    const done = await api("PATCH", `/api/actions/${action.id}`, { status: "done" }, viewer);
    expect(done.json().status).toBe("done");
    expect((await api("GET", "/api/me/actions", undefined, viewer)).json().items).toEqual([]);
  });

  it("refuses governance writes from viewers and the public", async () => {
    expect((await api("POST", "/api/bodies", { agreementId, kind: "steering", name: "X" }, viewer)).statusCode).toBe(
      403,
    );
    expect((await ctx.app.inject({ method: "GET", url: `/api/agreements/${agreementId}/bodies` })).statusCode).toBe(
      401,
    );
  });
});
