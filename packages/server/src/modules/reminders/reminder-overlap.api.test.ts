import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#db/connection.js";
import { createMailer } from "#shared/mailer.js";
import { createTestContext, ENGINE, type Session, signedIn, type TestContext } from "#test/harness.js";
import { type MailCatcher, startMailCatcher } from "#test/mail-catcher.js";
import { connectAgain } from "#test/same-database.js";
import { createServices, type Services } from "../../services.js";

/**
 * Two processes of one installation whose reminder passes overlap, as they could if the lock
 * that keeps them apart were lost: what each reminder leaves (its key, inbox messages, e-mails)
 * must still be there once.
 */
let ctx: TestContext;
let editor: Session;
let smtp: MailCatcher;
let otherDatabase: Database;
let other: Services;

beforeAll(async () => {
  smtp = await startMailCatcher();
  ctx = await createTestContext({ SMTP_URL: smtp.url });
  editor = await signedIn(ctx, "editor");
  otherDatabase = await connectAgain(ctx.database);
  const log = ctx.services.deps.log;
  other = createServices(
    otherDatabase,
    ctx.config,
    log,
    ctx.clock,
    createMailer({ smtpUrl: smtp.url, from: "Conventio <c@example.org>" }, log),
  );
});
afterAll(async () => {
  other.mailer.close();
  await otherDatabase.destroy();
  await ctx.close();
  await smtp.close();
});

const addAction = async (title: string, dueOn: string) => {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/actions",
    headers: editor.headers,
    payload: { title, dueOn },
  });
  expect(res.statusCode).toBe(201);
};

/**
 * Both processes' passes: at once on PostgreSQL; on SQLite, which one process serves (and whose
 * driver would wait on the other connection's lock without letting it finish), one after the other.
 */
async function bothPasses() {
  const passes = [() => ctx.services.reminders.runReminders(), () => other.reminders.runReminders()];
  if (ENGINE === "postgres") return Promise.all(passes.map((pass) => pass()));
  const out = [];
  for (const pass of passes) out.push(await pass());
  return out;
}

describe("two reminder passes of two processes", () => {
  it("issue each due reminder once and send each of its e-mails once", async () => {
    const titles = ["Send the signed copy", "Book the delegation's hotel", "Renew the data agreement"];
    for (const [i, title] of titles.entries()) await addAction(title, `2026-03-0${4 + i}`);

    const [mine, theirs] = await bothPasses();
    expect((mine?.issued ?? 0) + (theirs?.issued ?? 0)).toBe(3);
    expect((mine?.mailed ?? 0) + (theirs?.mailed ?? 0)).toBe(3);
    for (const title of titles) {
      expect(
        smtp.mails.filter((m) => m.data.includes(title)),
        title,
      ).toHaveLength(1);
    }
    const inbox = await ctx.database.db.selectFrom("inbox_message").select("subject").execute();
    expect(inbox).toHaveLength(3);
    expect(await ctx.database.db.selectFrom("reminder_sent").select("key").execute()).toHaveLength(3);

    // And again, both at once: nothing is due twice.
    const again = await bothPasses();
    expect(again).toEqual([
      { issued: 0, mailed: 0 },
      { issued: 0, mailed: 0 },
    ]);
    expect(smtp.mails).toHaveLength(3);
  });

  it("leaves a mail another process is sending alone, and sends it once that claim is stale", async () => {
    const now = ctx.clock.now().toISOString();
    await ctx.database.db
      .insertInto("mail_outbox")
      .values({
        id: "claimed-elsewhere",
        to_address: "office@example.org",
        subject: "Being sent by the other process",
        body: "…",
        created_at: now,
        sent_at: null,
        attempts: 1,
        last_error: null,
        claimed_at: now,
      })
      .execute();
    expect((await other.reminders.runReminders()).mailed).toBe(0);
    expect(smtp.mails.filter((m) => m.data.includes("Being sent by the other process"))).toHaveLength(0);

    // That process stopped mid-send: ten minutes on, any process takes the mail again.
    const later = new Date(ctx.clock.now().getTime() + 11 * 60_000);
    ctx.clock.set(later);
    try {
      expect((await other.reminders.runReminders()).mailed).toBe(1);
      expect(smtp.mails.filter((m) => m.data.includes("Being sent by the other process"))).toHaveLength(1);
      const row = await ctx.database.db
        .selectFrom("mail_outbox")
        .select(["sent_at", "attempts"])
        .where("id", "=", "claimed-elsewhere")
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ sent_at: later.toISOString(), attempts: 2 });
    } finally {
      ctx.clock.set(new Date("2026-03-02T09:00:00Z"));
    }
  });
});
