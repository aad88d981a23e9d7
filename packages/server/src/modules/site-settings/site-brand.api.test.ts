import { execFileSync } from "node:child_process";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { type MailCatcher, startMailCatcher } from "#test/mail-catcher.js";

/** Where the university speaks, it speaks in its own name: mail, feeds, calendars and documents. */
let ctx: TestContext;
let smtp: MailCatcher;
let admin: Session;

const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, s: Session | null = admin) =>
  ctx.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });

/** A mail as sent: quoted-printable soft breaks and escapes undone. */
function decoded(data: string): string {
  return data.replace(/=\r?\n/g, "").replace(/((?:=[0-9A-F]{2})+)/g, (run: string) =>
    Buffer.from(
      run
        .split("=")
        .slice(1)
        .map((h) => Number.parseInt(h, 16)),
    ).toString("utf8"),
  );
}

async function mailTo(address: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const found = smtp.mails.filter((m) => m.to.includes(address)).at(-1);
    if (found) return decoded(found.data);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${address}`);
}

beforeAll(async () => {
  smtp = await startMailCatcher();
  ctx = await createTestContext({ SMTP_URL: smtp.url, MAIL_FROM: "Partnerships <partners@example.org>" });
  admin = await signedIn(ctx, "admin");
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

describe("before the institution is named", () => {
  it("keeps the sender MAIL_FROM names, and signs with Conventio", async () => {
    await ctx.services.accounts.createUserAsOperator({
      email: "first@example.org",
      name: "First Reader",
      role: "viewer",
      password: "correct horse battery staple",
    });
    expect((await call("POST", "/api/auth/password-reset", { email: "first@example.org" }, null)).statusCode).toBe(202);
    const mail = await mailTo("first@example.org");
    expect(mail).toMatch(/^From: Partnerships <partners@example\.org>$/m);
    expect(mail).toMatch(/\r?\n-- \r?\nConventio\r?\n/);
  });
});

describe("once an administrator names the institution", () => {
  beforeAll(async () => {
    const res = await call("PATCH", "/api/admin/site-settings", { institutionName: "Lille University" });
    expect(res.statusCode).toBe(200);
  });

  it("sends the reset mail in its name, signed with it", async () => {
    await ctx.services.accounts.createUserAsOperator({
      email: "reader@example.org",
      name: "A Reader",
      role: "viewer",
      password: "correct horse battery staple",
    });
    expect((await call("POST", "/api/auth/password-reset", { email: "reader@example.org" }, null)).statusCode).toBe(
      202,
    );
    const mail = await mailTo("reader@example.org");
    expect(mail).toMatch(/^From: Lille University <partners@example\.org>$/m);
    expect(mail).toMatch(/\/reset-password\?token=/);
    expect(mail).toMatch(/\r?\n-- \r?\nLille University\r?\n/);
  });

  it("sends the invitation in its name too", async () => {
    const res = await call("POST", "/api/users/invitations", {
      email: "guest@example.org",
      name: "Guest",
      role: "viewer",
    });
    expect(res.statusCode, res.body).toBe(201);
    const mail = await mailTo("guest@example.org");
    expect(mail).toMatch(/^From: Lille University <partners@example\.org>$/m);
    expect(mail).toMatch(/\r?\n-- \r?\nLille University\r?\n/);
  });

  it("titles the news feeds with its name, in each language", async () => {
    await call("PATCH", "/api/admin/site-settings", { institutionName: "Université de Lille" });
    const rss = await call("GET", "/api/public/news.rss?lang=fr", undefined, null);
    expect(rss.statusCode).toBe(200);
    expect(rss.body).toContain("<title>Université de Lille — actualités</title>");
    const atom = await call("GET", "/api/public/news.atom?lang=sv", undefined, null);
    expect(atom.body).toMatch(/<title type="text"[^>]*>Université de Lille — nyheter<\/title>/);
  });

  it("names the public calendar and its product identifier after it", async () => {
    const res = await call("GET", "/api/public/calendar.ics", undefined, null);
    expect(res.statusCode).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Université de Lille — public events");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Université de Lille//Conventio//EN");
  });

  it("heads the progress review with its name", async () => {
    const org = (await call("POST", "/api/organisations", { kind: "university", name: "Ghent University" })).json();
    const agreement = await call("POST", "/api/agreements", {
      kind: "framework_agreement",
      title: "Framework with Ghent",
      parties: [{ organisationId: org.id }],
    });
    expect(agreement.statusCode).toBe(201);
    const pdf = await call("GET", `/api/agreements/${agreement.json().id}/review.pdf?on=2026-03-01&lang=en`);
    expect(pdf.statusCode).toBe(200);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf.rawPayload }).toString();
    expect(text.trimStart().startsWith("Université de Lille")).toBe(true);
  });
});
