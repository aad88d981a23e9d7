import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let admin: Session;
let editor: Session;
let head: Session;
let legal: Session;
let outsider: Session;
const userId: Record<string, string> = {};
const org: Record<string, string> = {};

async function api(method: "GET" | "POST" | "PUT" | "DELETE", url: string, s: Session, payload?: unknown) {
  return ctx.app.inject({
    method,
    url,
    headers: s.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function must(res: Awaited<ReturnType<typeof api>>, status: number) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function idOf(s: Session): Promise<string> {
  return (await must(await api("GET", "/api/auth/session", s), 200)).user.id;
}

/** A draft that satisfies every activation rule, so only the circuit can hold it back. */
async function draft(title: string, kind = "memorandum_of_understanding") {
  return must(
    await api("POST", "/api/agreements", editor, {
      kind,
      title,
      parties: [{ organisationId: org.lorraine }, { organisationId: org.kyutech }],
      signatories: [{ name: "Karl Tombre", organisationId: org.lorraine, signedOn: "2026-02-10" }],
      signedOn: "2026-02-10",
      startsOn: "2026-03-01",
      endsOn: "2029-12-31",
    }),
    201,
  );
}

const transition = (id: string, action: string) => api("POST", `/api/agreements/${id}/transitions`, editor, { action });
const circuitOf = async (id: string, s: Session = editor) =>
  must(await api("GET", `/api/agreements/${id}/circuit`, s), 200);
const decide = (id: string, stepId: string, s: Session, body: Record<string, unknown>) =>
  api("POST", `/api/agreements/${id}/circuit/steps/${stepId}/decision`, s, body);

const THREE_STEPS = {
  kind: "memorandum_of_understanding",
  name: "Memorandum circuit",
  steps: [
    { name: "Head of unit", approverUserId: "", checklist: ["Budget checked", "The unit agrees"] },
    { name: "International office", approverRole: "editor", checklist: ["Partner verified"] },
    { name: "Legal affairs", approverUserId: "", checklist: [] },
  ],
};

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx, "admin");
  editor = await signedIn(ctx, "editor");
  head = await signedIn(ctx, "viewer", "head@example.org");
  legal = await signedIn(ctx, "viewer", "legal@example.org");
  outsider = await signedIn(ctx, "viewer", "outsider@example.org");
  for (const [key, s] of Object.entries({ head, legal, outsider })) userId[key] = await idOf(s);
  for (const [key, name, country] of [
    ["lorraine", "Université de Lorraine", "FR"],
    ["kyutech", "Kyushu Institute of Technology", "JP"],
  ] as const) {
    org[key] = (
      await must(
        await api("POST", "/api/organisations", editor, { kind: "university", name, countryCode: country }),
        201,
      )
    ).id;
  }
  THREE_STEPS.steps[0] = { ...THREE_STEPS.steps[0], approverUserId: userId.head } as (typeof THREE_STEPS.steps)[0];
  THREE_STEPS.steps[2] = { ...THREE_STEPS.steps[2], approverUserId: userId.legal } as (typeof THREE_STEPS.steps)[2];
});
afterAll(() => ctx.close());

describe("approval circuits: administration", () => {
  it("lets only administrators define circuits", async () => {
    const res = await api("POST", "/api/circuits", editor, THREE_STEPS);
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("refuses a circuit without steps, or a step naming both an account and a role", async () => {
    const empty = await api("POST", "/api/circuits", admin, { ...THREE_STEPS, steps: [] });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors.map((e: { field: string }) => e.field)).toEqual(["steps"]);
    const both = await api("POST", "/api/circuits", admin, {
      ...THREE_STEPS,
      steps: [{ name: "Both", approverUserId: userId.head, approverRole: "editor" }],
    });
    expect(both.statusCode).toBe(422);
    expect(both.json().errors[0].field).toBe("steps.0.approverUserId");
  });

  it("refuses an approver account that does not exist", async () => {
    const res = await api("POST", "/api/circuits", admin, {
      ...THREE_STEPS,
      steps: [{ name: "Ghost", approverUserId: "no-such-user" }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      field: "steps.0.approverUserId",
      message: "No active account has this id.",
    });
  });

  it("creates, replaces and deletes a circuit, one per kind", async () => {
    const created = await must(
      await api("POST", "/api/circuits", admin, { ...THREE_STEPS, kind: "cotutelle", name: "Cotutelle" }),
      201,
    );
    expect(created.steps.map((s: { name: string }) => s.name)).toEqual([
      "Head of unit",
      "International office",
      "Legal affairs",
    ]);
    expect(created.steps[0].approverUser).toEqual({ id: userId.head, name: "The viewer" });
    const twice = await api("POST", "/api/circuits", admin, { ...THREE_STEPS, kind: "cotutelle" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].field).toBe("kind");
    const replaced = await must(
      await api("PUT", `/api/circuits/${created.id}`, admin, {
        kind: "cotutelle",
        name: "Cotutelle, short",
        steps: [{ name: "Doctoral school", approverRole: "admin" }],
      }),
      200,
    );
    expect(replaced.steps).toHaveLength(1);
    expect(replaced.steps[0]).toMatchObject({ approverUser: null, approverRole: "admin", checklist: [] });
    expect((await api("DELETE", `/api/circuits/${created.id}`, admin)).statusCode).toBe(204);
    expect((await api("GET", `/api/circuits/${created.id}`, admin)).statusCode).toBe(404);
  });
});

describe("approval circuits: an agreement through a three-step circuit with one send-back", () => {
  let agreementId = "";
  let steps: Array<{ id: string; name: string }> = [];

  it("starts the run when the signature is requested, and holds activation back", async () => {
    await must(await api("POST", "/api/circuits", admin, THREE_STEPS), 201);
    const a = await draft("Memorandum with Kyutech");
    agreementId = a.id;
    const before = await circuitOf(a.id);
    expect(before.circuit).toMatchObject({ name: "Memorandum circuit" });
    expect(before.run).toBeNull();

    // Activation from the draft is refused: the circuit has not started.
    const early = await transition(a.id, "activate");
    expect(early.statusCode).toBe(409);
    expect(early.json().errors[0].field).toBe("circuit");

    await must(await transition(a.id, "request_signature"), 200);
    const { run } = await circuitOf(a.id, head);
    steps = run.steps;
    expect(run).toMatchObject({ status: "pending", round: 1 });
    expect(run.steps.map((s: { state: string }) => s.state)).toEqual(["waiting", "upcoming", "upcoming"]);
    expect(run.steps[0].canDecide).toBe(true);

    const refused = await transition(a.id, "activate");
    expect(refused.statusCode).toBe(409);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json()).toMatchObject({
      code: "conflict",
      detail: "Activation waits for the approval circuit: Head of unit has not approved yet.",
      params: { step: "Head of unit" },
    });
  });

  it("puts the waiting step in its approver's queue and reminds them once", async () => {
    const mine = await must(await api("GET", "/api/me/approvals", head), 200);
    expect(mine.items).toEqual([
      expect.objectContaining({ agreement: expect.objectContaining({ id: agreementId }), stepName: "Head of unit" }),
    ]);
    expect((await must(await api("GET", "/api/me/approvals", outsider), 200)).items).toEqual([]);

    await ctx.services.reminders.runReminders();
    await ctx.services.reminders.runReminders();
    const inbox = await must(await api("GET", "/api/me/inbox", head), 200);
    const reminders = inbox.items.filter((m: { kind: string }) => m.kind === "circuit");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      subjectKey: "Your approval is awaited: {{step}} for {{ref}} {{title}}",
      link: `/agreements/${agreementId}`,
    });
    const mails = await ctx.database.db
      .selectFrom("mail_outbox")
      .select(["to_address", "subject"])
      .where("to_address", "=", "head@example.org")
      .execute();
    expect(mails).toHaveLength(1);
    expect((await must(await api("GET", "/api/me/inbox", outsider), 200)).items).toEqual([]);
  });

  it("lets no one but the step's approver decide it", async () => {
    const [first, , last] = steps;
    const body = { decision: "approve", checklist: ["Budget checked", "The unit agrees"] };
    const byOutsider = await decide(agreementId, first?.id ?? "", outsider, body);
    expect(byOutsider.statusCode).toBe(403);
    expect(byOutsider.json().detail).toBe("Only the approver of this step can decide it.");
    expect((await decide(agreementId, first?.id ?? "", legal, body)).statusCode).toBe(403);
    // Legal affairs' own step is not its turn yet.
    const early = await decide(agreementId, last?.id ?? "", legal, { decision: "approve" });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe("Steps approve in order: it is the turn of Head of unit.");
    expect((await decide(agreementId, "no-such-step", head, body)).statusCode).toBe(404);
  });

  it("asks for every checklist item before an approval and for a comment before a send-back", async () => {
    const [first] = steps;
    const partial = await decide(agreementId, first?.id ?? "", head, {
      decision: "approve",
      checklist: ["Budget checked"],
    });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().errors[0].field).toBe("checklist");
    const unknown = await decide(agreementId, first?.id ?? "", head, { decision: "approve", checklist: ["Anything"] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().params).toEqual({ item: "Anything" });
    const bad = await decide(agreementId, first?.id ?? "", head, { decision: "maybe" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe("decision");
    const silent = await decide(agreementId, first?.id ?? "", head, { decision: "send_back", comment: "  " });
    expect(silent.statusCode).toBe(422);
    expect(silent.json().errors[0].field).toBe("comment");
    expect((await circuitOf(agreementId)).run.decisions).toEqual([]);
  });

  it("returns the run to the first step on a send-back, with its comment", async () => {
    const [first, second] = steps;
    const approved = await must(
      await decide(agreementId, first?.id ?? "", head, {
        decision: "approve",
        comment: "Fine for the unit",
        checklist: ["Budget checked", "The unit agrees"],
      }),
      200,
    );
    expect(approved.run.steps.map((s: { state: string }) => s.state)).toEqual(["approved", "waiting", "upcoming"]);
    const sent = await must(
      await decide(agreementId, second?.id ?? "", editor, {
        decision: "send_back",
        comment: "The partner's legal name is wrong",
      }),
      200,
    );
    expect(sent.run).toMatchObject({ status: "pending", round: 2 });
    expect(sent.run.steps.map((s: { state: string }) => s.state)).toEqual(["waiting", "upcoming", "upcoming"]);
    expect(sent.run.decisions.at(-1)).toMatchObject({
      stepName: "International office",
      decision: "send_back",
      comment: "The partner's legal name is wrong",
      round: 1,
      actor: { name: "The editor" },
    });
    // The new round reminds the first approver again.
    await ctx.services.reminders.runReminders();
    const inbox = await must(await api("GET", "/api/me/inbox", head), 200);
    expect(inbox.items.filter((m: { kind: string }) => m.kind === "circuit")).toHaveLength(2);
  });

  it("approves in order, and allows activation only after the last approval", async () => {
    const [first, second, last] = steps;
    await must(
      await decide(agreementId, first?.id ?? "", head, {
        decision: "approve",
        checklist: ["Budget checked", "The unit agrees"],
      }),
      200,
    );
    await must(
      await decide(agreementId, second?.id ?? "", editor, { decision: "approve", checklist: ["Partner verified"] }),
      200,
    );
    const stillWaiting = await transition(agreementId, "activate");
    expect(stillWaiting.statusCode).toBe(409);
    expect(stillWaiting.json().params).toEqual({ step: "Legal affairs" });
    const done = await must(await decide(agreementId, last?.id ?? "", legal, { decision: "approve" }), 200);
    expect(done.run.status).toBe("approved");
    expect(
      done.run.steps.every((s: { state: string; canDecide: boolean }) => s.state === "approved" && !s.canDecide),
    ).toBe(true);
    const again = await decide(agreementId, last?.id ?? "", legal, { decision: "approve" });
    expect(again.statusCode).toBe(409);
    expect((await must(await api("GET", "/api/me/approvals", legal), 200)).items).toEqual([]);

    const active = await must(await transition(agreementId, "activate"), 200);
    expect(active.status).toBe("active");
  });

  it("writes every decision into the agreement's history", async () => {
    const a = await must(await api("GET", `/api/agreements/${agreementId}`, editor), 200);
    const decisions = a.history.filter((h: { action: string }) => h.action.startsWith("circuit_"));
    expect(decisions.map((h: { action: string; note: string }) => [h.action, h.note])).toEqual([
      ["circuit_approve", "Head of unit: approved. Fine for the unit"],
      ["circuit_send_back", "International office: sent back. The partner's legal name is wrong"],
      ["circuit_approve", "Head of unit: approved."],
      ["circuit_approve", "International office: approved."],
      ["circuit_approve", "Legal affairs: approved."],
    ]);
    expect(decisions.every((h: { to: string }) => h.to === "awaiting_signature")).toBe(true);
    expect(a.history.at(-1)).toMatchObject({ action: "activate", to: "active" });
  });

  it("sets the run aside when the agreement is reopened, so the signature is asked again", async () => {
    const a = await draft("Memorandum reopened");
    await must(await transition(a.id, "request_signature"), 200);
    const { run } = await circuitOf(a.id);
    await must(
      await decide(a.id, run.steps[0].id, head, {
        decision: "approve",
        checklist: ["Budget checked", "The unit agrees"],
      }),
      200,
    );
    await must(await transition(a.id, "reopen"), 200);
    expect((await circuitOf(a.id)).run.status).toBe("superseded");
    expect((await transition(a.id, "activate")).json().detail).toBe(
      "Activation waits for the approval circuit: request the signature to start it.",
    );
    await must(await transition(a.id, "request_signature"), 200);
    const fresh = await circuitOf(a.id);
    expect(fresh.run).toMatchObject({ status: "pending", round: 1, decisions: [] });
  });

  it("leaves kinds without a circuit as they were", async () => {
    const a = await draft("Framework without circuit", "framework_agreement");
    expect((await circuitOf(a.id)).circuit).toBeNull();
    await must(await transition(a.id, "request_signature"), 200);
    expect((await circuitOf(a.id)).run).toBeNull();
    expect((await must(await transition(a.id, "activate"), 200)).status).toBe("active");
  });
});
