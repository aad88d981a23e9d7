import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "#shared/mailer.js";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { type MailCatcher, startMailCatcher } from "#test/mail-catcher.js";
import { createServices } from "../../services.js";

let ctx: TestContext;
let editor: Session;
let smtp: MailCatcher;
let received: MailCatcher["mails"];

beforeAll(async () => {
  smtp = await startMailCatcher();
  received = smtp.mails;
  ctx = await createTestContext({
    SMTP_URL: smtp.url,
    EXPIRING_WINDOW_DAYS: "90",
    REVIEW_MONTHS_BEFORE_EXPIRY: "9",
  });
  editor = await signedIn(ctx, "editor");
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const api = (method: "GET" | "POST", url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: editor.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe("reminders", () => {
  it("sends an expiry reminder to the local SMTP server exactly once, even across a restart", async () => {
    const a = (
      await api("POST", "/api/agreements", {
        kind: "memorandum_of_understanding",
        title: "MoU about to expire",
        reference: "2026-MOU-7",
        parties: [],
        signedOn: "2025-01-10",
        startsOn: "2025-01-10",
        endsOn: "2026-04-30",
      })
    ).json();
    const org1 = (await api("POST", "/api/organisations", { kind: "company", name: "One" })).json().id;
    const org2 = (await api("POST", "/api/organisations", { kind: "company", name: "Two" })).json().id;
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/agreements/${a.id}`,
      headers: editor.headers,
      payload: {
        parties: [{ organisationId: org1 }, { organisationId: org2 }],
        signatories: [{ name: "Someone", signedOn: "2025-01-10" }],
      },
    });
    expect((await api("POST", `/api/agreements/${a.id}/transitions`, { action: "activate" })).statusCode).toBe(200);

    // 2026-03-02: within the 90-day window and the 9-month review window.
    const first = await ctx.services.reminders.runReminders();
    expect(first).toEqual({ issued: 2, mailed: 2 });
    const second = await ctx.services.reminders.runReminders();
    expect(second).toEqual({ issued: 0, mailed: 0 });

    // A restart: new services over the same database find the reminders already issued.
    const restarted = createServices(
      ctx.database,
      ctx.config,
      ctx.services.deps.log,
      ctx.clock,
      createMailer({ smtpUrl: smtp.url, from: "Conventio <c@example.org>" }, ctx.services.deps.log),
    );
    expect(await restarted.reminders.runReminders()).toEqual({ issued: 0, mailed: 0 });

    const expiry = received.filter((m) => m.data.includes("Expiring: 2026-MOU-7"));
    expect(expiry).toHaveLength(1);
    expect(expiry[0]?.to).toEqual(["editor@example.org"]);
    expect(received.filter((m) => m.data.includes("Review due: 2026-MOU-7"))).toHaveLength(1);

    const inbox = (await api("GET", "/api/me/inbox")).json().items;
    expect(inbox.map((m: { kind: string }) => m.kind).sort()).toEqual(["expiring", "review"]);
    // One message a page: the second page follows the first, and the unread count covers both.
    const pageOne = (await api("GET", "/api/me/inbox?limit=1")).json();
    expect(pageOne).toMatchObject({ unread: 2, items: [{ id: inbox[0].id }] });
    const pageTwo = (await api("GET", `/api/me/inbox?limit=1&cursor=${pageOne.nextCursor}`)).json();
    expect(pageTwo).toMatchObject({ unread: 2, nextCursor: null, items: [{ id: inbox[1].id }] });
    expect((await api("POST", `/api/me/inbox/${inbox[0].id}/read`)).statusCode).toBe(204);
    expect((await api("GET", "/api/me/inbox")).json().unread).toBe(1);

    // When the clock passes the end, the expiry itself is announced, once.
    ctx.clock.set(new Date("2026-05-02T08:00:00Z"));
    expect((await ctx.services.reminders.runReminders()).issued).toBe(1);
    expect((await ctx.services.reminders.runReminders()).issued).toBe(0);
    expect(received.filter((m) => m.data.includes("Expired: 2026-MOU-7"))).toHaveLength(1);
    ctx.clock.set(new Date("2026-03-02T09:00:00Z"));
  });

  it("reminds the owner of an action a week before it is due", async () => {
    await api("POST", "/api/actions", { title: "Send the signed copy", dueOn: "2026-03-06" });
    const before = received.length;
    expect((await ctx.services.reminders.runReminders()).issued).toBe(1);
    expect(received.length).toBe(before + 1);
    expect(received.at(-1)?.data).toContain("Send the signed copy");
  });

  it("writes each e-mail in its recipient's language and keeps the inbox in the text the web app translates", async () => {
    const put = (language: string) =>
      ctx.app.inject({ method: "PUT", url: "/api/me/preferences", headers: editor.headers, payload: { language } });
    expect((await put("de")).statusCode).toBe(422);
    const saved = await put("fr");
    expect(saved.statusCode).toBe(200);
    expect(saved.json().language).toBe("fr");
    expect((await api("GET", "/api/auth/session")).json().user.language).toBe("fr");

    await api("POST", "/api/actions", { title: "Renvoyer la convention signée", dueOn: "2026-03-05" });
    const before = received.length;
    expect((await ctx.services.reminders.runReminders()).issued).toBe(1);
    const mail = received.slice(before);
    expect(mail).toHaveLength(1);
    // Accented subjects travel MIME-encoded; the plain-text body carries the same words.
    expect(mail[0]?.data).toContain("Action =C3=A0 faire pour le 2026-03-05");
    const inbox: Array<{ subject: string; subjectKey: string | null; subjectParams: Record<string, unknown> }> = (
      await api("GET", "/api/me/inbox")
    ).json().items;
    const item = inbox.find((m) => m.subject === "Action due on 2026-03-05: Renvoyer la convention signée");
    // The inbox keeps the template and its values, so the web app shows it in whatever language the reader picks.
    expect(item).toMatchObject({
      subjectKey: "Action due on {{due}}: {{title}}",
      subjectParams: { due: "2026-03-05", title: "Renvoyer la convention signée" },
    });
    await put("en");
  });
});
