import { iscedName, type PublicPartnershipPage } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { type EnteredFacts, enterPublicFacts, LANGS, LINKOPING, MOU } from "#test/public-facts.js";

let ctx: TestContext;
let editor: Session;
let facts: EnteredFacts;

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "admin", "office@example.org");
  facts = await enterPublicFacts(async (method, url, body) => {
    const res = await ctx.app.inject({
      method,
      url,
      headers: editor.headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  });
});
afterAll(() => ctx.close());

async function publicPage(id: string, query: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.inject({ method: "GET", url: `/api/public/partnerships/${id}${query}`, headers });
  expect(res.statusCode).toBe(200);
  return res.json() as PublicPartnershipPage;
}

describe("a memorandum of understanding, read back from its public page", () => {
  it.each(LANGS)("shows every fact entered, in %s", async (lang) => {
    const page = await publicPage(facts.mou, `?lang=${lang}`);
    const a = page.agreement;
    expect(page.lang).toBe(lang);
    expect(a.title).toEqual({ text: MOU.title[lang], lang });
    expect(a.summary).toEqual({ text: MOU.summary[lang], lang });
    expect(a.signedOn).toBe(MOU.signedOn);
    expect(a.parties.map((p) => [p.organisation.id, p.organisation.public])).toEqual([
      [facts.lorraine, true],
      [facts.kyutech, true],
    ]);
    expect(
      a.signatories.map((s) => [s.name, s.title?.text, s.title?.lang, s.organisation?.id, s.signedOn, s.place]),
    ).toEqual(
      MOU.signatories.map((s, i) => [
        s.name,
        s.title[lang],
        lang,
        i === 0 ? facts.lorraine : facts.kyutech,
        MOU.signedOn,
        MOU.place,
      ]),
    );
    // The vocabulary's base labels are English; French and Swedish readers get their own.
    expect(a.themes.map((t) => t.text).sort()).toEqual(MOU.domains.map((d) => d[lang]).sort());
    expect(a.themes).toHaveLength(7);
    expect(a.fields).toEqual(MOU.fields.map((code) => ({ code, name: iscedName(code, lang) })));
    expect(a.objectives).toEqual(MOU.objectives);
    expect(a.commitments.map((c) => [c.organisation?.id ?? null, c.description, c.levels])).toEqual([
      [facts.lorraine, MOU.commitments.lorraine, ["master"]],
      [facts.kyutech, MOU.commitments.kyutech, ["doctorate"]],
      [null, MOU.commitments.all, []],
    ]);
    expect(page.publicFields).toEqual(["summary", "signatories", "commitments", "objectives", "axes", "history"]);
  });

  it("names ISCED fields in the reader's language, not in English for everyone", () => {
    expect(iscedName("071", "fr")).not.toBe(iscedName("071", "en"));
    expect(iscedName("071", "sv")).not.toBe(iscedName("071", "en"));
  });

  it("takes the language from ?lang=, then the reader's choice, then Accept-Language", async () => {
    const title = async (query: string, headers: Record<string, string>) =>
      (await publicPage(facts.mou, query, headers)).agreement.title.text;
    expect(await title("?lang=sv", { cookie: "conventio_lang=fr", "accept-language": "en" })).toBe(MOU.title.sv);
    expect(await title("", { cookie: "conventio_lang=fr", "accept-language": "sv" })).toBe(MOU.title.fr);
    expect(await title("", { "accept-language": "sv-SE,sv;q=0.9,en;q=0.5" })).toBe(MOU.title.sv);
    expect(await title("", {})).toBe(MOU.title.en);
  });

  it("finds the agreement by its signatories' names and place and by the partner's acronym", async () => {
    const search = async (q: string) =>
      (
        (await ctx.app.inject({ method: "GET", url: `/api/public/agreements?q=${encodeURIComponent(q)}` })).json() as {
          items: Array<{ id: string }>;
        }
      ).items.map((i) => i.id);
    expect(await search("Hélène Martin")).toEqual([facts.mou]);
    expect(await search("kitakyushu")).toContain(facts.mou);
    expect(await search("kyutech")).toEqual([facts.mou]);
  });
});

describe("a university–municipality collaboration since 2002, read back from its public page", () => {
  const L = LINKOPING;

  it.each(LANGS)(
    "shows the chain since 2002, signatory, areas, group, meetings, events and funding, in %s",
    async (lang) => {
      const current = facts.chain[2];
      const page = await publicPage(current, `?lang=${lang}`);
      const a = page.agreement;
      expect(a.title).toEqual({ text: L.chain[2].title[lang], lang });
      expect(a.recordedAsPast).toBe(true);
      expect(a.parties.map((p) => p.organisation.name)).toEqual([
        { text: lang === "en" ? L.university.name : L.university[lang], lang },
        { text: lang === "sv" ? L.municipality.name : L.municipality[lang], lang },
      ]);
      expect(a.signatories).toEqual([
        {
          name: L.signatory.name,
          title: { text: L.signatory.title[lang], lang },
          organisation: expect.objectContaining({ id: facts.municipality }),
          signedOn: "2018-02-05",
          place: L.signatory.place,
        },
      ]);
      // Dates known only to the year or month come back as they were written.
      expect(page.history.chain.map((c) => [c.id, c.title.text, c.signedOn, c.startsOn, c.endsOn])).toEqual(
        L.chain.map((c, i) => [facts.chain[i], c.title[lang], c.signedOn, c.startsOn, c.endsOn]),
      );
      expect(page.history.chain.map((c) => c.status)).toEqual(["renewed", "renewed", "active"]);

      const [area, other] = a.axes;
      expect(area?.title).toBe(L.areas[0].title);
      expect(other?.title).toBe(L.areas[1].title);
      expect(area?.coordinators.map((c) => [c.name, c.email, c.phone])).toEqual([
        [L.areas[0].open.name, L.areas[0].open.email, L.areas[0].open.phone],
        // Named as coordinator, but without consent to show how to reach him.
        [L.areas[0].closed.name, null, null],
      ]);

      expect(page.governance).toHaveLength(1);
      const group = page.governance[0];
      expect(group?.name).toBe(L.group);
      expect(
        group?.members.map((m) => [m.name, m.role, m.studentRepresentative, m.organisation?.name.text ?? null]),
      ).toEqual([
        ["Anna Lindqvist", "Chair", false, lang === "en" ? L.university.name : L.university[lang]],
        ["StuFF", "Member", true, "StuFF"],
        [L.studentRep.name, L.studentRep.role, true, "LinTek"],
      ]);
      expect(group?.meetings.map((m) => [m.heldOn, m.place, m.decisions])).toEqual([
        [L.meeting.heldOn, L.meeting.place, [L.meeting.decision]],
      ]);
      expect(JSON.stringify(page)).not.toContain(L.internalMeeting.decision);
      expect(JSON.stringify(page)).not.toContain("Internal minutes");

      expect(page.events).toEqual([
        expect.objectContaining({
          id: facts.eventId,
          title: L.event.title,
          contactName: L.event.contactName,
          contactEmail: L.event.contactEmail,
          contactPhone: L.event.contactPhone,
          registrationUrl: L.event.registrationUrl,
          audiences: [...L.event.audiences],
        }),
      ]);
      expect(Date.parse(page.events[0]?.registrationDeadline ?? "")).toBe(Date.parse(L.event.registrationDeadline));

      const funded = page.activities.find((x) => x.title === L.funded.title);
      expect(funded?.startsOn).toBe(L.funded.startsOn);
      expect(funded?.endsOn).toBe(L.funded.endsOn);
      expect(funded?.partners.map((p) => p.id)).toEqual([facts.municipality]);
      expect(funded?.funding).toEqual({
        funder: L.funded.funder,
        programme: L.funded.programme,
        amount: L.funded.amount,
        currency: L.funded.currency,
        outcome: "granted",
        startsOn: L.funded.startsOn,
        endsOn: L.funded.endsOn,
      });
      // A bid still being decided is listed as work, never as money obtained.
      expect(page.activities.find((x) => x.title === L.bid.title)?.funding).toBeNull();
    },
  );

  it("records the past agreements as such in the history and the audit log", async () => {
    const audit = (
      await ctx.app.inject({
        method: "GET",
        url: "/api/audit",
        headers: (await signedIn(ctx, "admin", "auditor@example.org")).headers,
      })
    ).json() as { items: Array<{ action: string; entityId: string }> };
    const recorded = audit.items.filter((e) => e.action === "agreement.record_past").map((e) => e.entityId);
    expect(recorded.sort()).toEqual([...facts.chain].sort());
    const staff = (
      await ctx.app.inject({ method: "GET", url: `/api/agreements/${facts.chain[0]}`, headers: editor.headers })
    ).json() as { history: Array<{ action: string; to: string }>; signatories: unknown[]; status: string };
    expect(staff.history.map((h) => [h.action, h.to])).toEqual([["record_past", "renewed"]]);
    expect(staff.signatories).toEqual([]);
    expect(staff.status).toBe("renewed");
  });

  it("shows a partner's name in the reader's language on its public page", async () => {
    for (const lang of LANGS) {
      const page = (
        await ctx.app.inject({ method: "GET", url: `/api/public/organisations/${facts.liu}?lang=${lang}` })
      ).json() as { organisation: { name: { text: string; lang: string } }; partnerships: Array<{ id: string }> };
      expect(page.organisation.name).toEqual({
        text: lang === "en" ? L.university.name : L.university[lang],
        lang,
      });
      expect(page.partnerships.map((p) => p.id).sort()).toEqual([...facts.chain].sort());
    }
  });

  it("refuses a second renewal of the same past agreement, naming the field", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/agreements/past",
      headers: editor.headers,
      payload: {
        kind: "partnership_convention",
        title: "Another successor",
        status: "active",
        predecessorId: facts.chain[0],
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe("predecessorId");
  });

  it("refuses dates that are not dates, with the field at fault", async () => {
    for (const [field, value] of [
      ["signedOn", "0000"],
      ["startsOn", "2017-13"],
      ["endsOn", "June 2017"],
    ] as const) {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/agreements/past",
        headers: editor.headers,
        payload: { kind: "partnership_convention", title: "Bad dates", status: "active", [field]: value },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe(field);
    }
    const backwards = await ctx.app.inject({
      method: "POST",
      url: "/api/agreements/past",
      headers: editor.headers,
      payload: {
        kind: "partnership_convention",
        title: "Backwards",
        status: "active",
        startsOn: "2010",
        endsOn: "2009-12",
      },
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe("endsOn");
  });
});

describe("the editor's preview", () => {
  it("shows an internal agreement to staff as the public would read it, and to nobody else", async () => {
    const internal = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/agreements",
        headers: editor.headers,
        payload: { kind: "memorandum_of_understanding", title: "Draft MoU", summary: "Not yet public" },
      })
    ).json().id as string;
    const preview = await ctx.app.inject({
      method: "GET",
      url: `/api/agreements/${internal}/public-preview?lang=fr`,
      headers: editor.headers,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      preview: true,
      lang: "fr",
      agreement: { summary: { text: "Not yet public" } },
    });
    expect(
      (await ctx.app.inject({ method: "GET", url: `/api/agreements/${internal}/public-preview` })).statusCode,
    ).toBe(401);
    expect((await ctx.app.inject({ method: "GET", url: `/api/public/partnerships/${internal}` })).statusCode).toBe(404);
  });
});
