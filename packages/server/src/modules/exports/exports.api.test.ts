import {
  type ActivityView,
  type AgreementSummary,
  type AuditEventView,
  EXPORT_FORMATS,
  type EventView,
  IMPORT_FIELDS,
  type OrganisationSummary,
  type PersonView,
} from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { download, listAll, type Office, seedOffice } from "./export-fixtures.js";

/**
 * Each list comes out as CSV and as a workbook with the list's own filters: the same records in
 * the same order as the list API returns them, under the import's column names.
 */

let ctx: TestContext;
let admin: Session;
let viewer: Session;
let office: Office;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx, "admin");
  viewer = await signedIn(ctx, "viewer");
  office = await seedOffice(ctx, await signedIn(ctx, "editor"));
});
afterAll(() => ctx.close());

const header = (kind: keyof typeof IMPORT_FIELDS) => IMPORT_FIELDS[kind].map((f) => f.name);

describe.each(EXPORT_FORMATS)("exports as %s", (format) => {
  it("sends organisations with the list's filters, their identifiers, website and parent", async () => {
    const listed = await listAll<OrganisationSummary>(ctx, viewer, "/api/organisations?country=FR");
    const { status, sheet, headers } = await download(ctx, viewer, `/api/exports/organisations.${format}?country=FR`);
    expect(status).toBe(200);
    expect(headers["content-disposition"]).toBe(`attachment; filename="conventio-organisations-2026-03-02.${format}"`);
    expect(sheet?.header).toEqual(header("organisations"));
    expect(sheet?.rows.map((r) => r.id)).toEqual(listed.map((o) => o.id));
    expect(listed.map((o) => o.name)).toEqual(["Laboratoire CRIStAL", "Université de Lille"]);
    for (const [i, o] of listed.entries()) {
      expect(sheet?.rows[i]).toMatchObject({
        name: o.name,
        kind: o.kind,
        acronym: o.acronym ?? "",
        countryCode: o.countryCode ?? "",
        city: o.city ?? "",
        visibility: o.visibility,
      });
    }
    expect(sheet?.rows[1]).toMatchObject({
      website: "https://www.univ-lille.fr",
      description: "Pluridisciplinary university; 75 000 students",
      ror: "https://ror.org/02kzqn938",
      erasmusCode: "F  LILLE103",
      pic: "999884732",
      oid: "",
      parent: "",
    });
    expect(sheet?.rows[0]?.parent).toBe("Université de Lille");
  });

  it("names an organisation that shares its name with another by its id", async () => {
    const { sheet } = await download(ctx, viewer, `/api/exports/people.${format}?q=jordi`);
    expect(sheet?.rows).toHaveLength(1);
    expect(sheet?.rows[0]?.organisation).toBe(office.org.twinB);
  });

  it("sends people with their consents, languages and role", async () => {
    const listed = await listAll<PersonView>(ctx, viewer, `/api/people?organisation=${office.org.lille}`);
    const { sheet } = await download(ctx, viewer, `/api/exports/people.${format}?organisation=${office.org.lille}`);
    expect(sheet?.header).toEqual(header("people"));
    expect(sheet?.rows.map((r) => r.id)).toEqual(listed.map((p) => p.id));
    expect(sheet?.rows).toEqual([
      {
        id: office.person.marie,
        givenName: "Marie",
        familyName: "Curie",
        title: "Vice-president for international relations",
        email: "marie.curie@univ-lille.fr",
        phone: "'+33 3 20 00 00 00",
        organisation: "Université de Lille",
        languages: "fr; en",
        namedInPublic: "yes",
        publicContact: "no",
        role: "Erasmus coordinator",
        roleOrganisation: "Université de Lille",
        roleFrom: "2022-09-01",
        roleTo: "",
      },
    ]);
  });

  it("sends agreements with the list's filters, their parties, dates as written and stored status", async () => {
    const path = `/api/agreements?partner=${office.org.lille}`;
    const listed = await listAll<AgreementSummary>(ctx, viewer, path);
    const { sheet } = await download(ctx, viewer, `/api/exports/agreements.${format}?partner=${office.org.lille}`);
    expect(sheet?.header).toEqual(header("agreements"));
    expect(sheet?.rows.map((r) => r.id)).toEqual(listed.map((a) => a.id));
    expect(listed).toHaveLength(2);
    for (const [i, a] of listed.entries()) {
      expect(sheet?.rows[i]).toMatchObject({
        reference: a.reference,
        title: a.title,
        kind: a.kind,
        signedOn: a.signedOn ?? "",
        startsOn: a.startsOn ?? "",
        endsOn: a.endsOn ?? "",
        visibility: a.visibility,
      });
    }
    const exchange = sheet?.rows.find((r) => r.id === office.agreement.exchange);
    expect(exchange).toMatchObject({
      title: "Échanges d'étudiants Lille–Barcelona",
      status: "draft",
      parties: "Université de Lille; Universitat de Barcelona",
      startsOn: "2023-09",
      endsOn: "2028",
      language: "fr",
      summary: "Mobilité des étudiants en master",
      themes: "Health; Mobility",
      fields: "061; 071",
      noticeMonths: "6",
      tacitRenewal: "yes",
      terminatedOn: "",
    });
    const research = sheet?.rows.find((r) => r.id === office.agreement.research);
    expect(research?.parties).toBe(`Université de Lille; Kyushu Institute of Technology; ${office.org.twinA}`);
  });

  it("sends activities with the list's filters and their mobility figures", async () => {
    const all = await listAll<ActivityView>(ctx, viewer, "/api/activities");
    const whole = await download(ctx, viewer, `/api/exports/activities.${format}`);
    expect(whole.sheet?.header).toEqual(header("activities"));
    expect(whole.sheet?.rows.map((r) => r.id)).toEqual(all.map((a) => a.id));
    const { sheet } = await download(ctx, viewer, `/api/exports/activities.${format}?kind=student_mobility`);
    const reference = all.find((a) => a.id === office.activity.mobility)?.agreement?.reference;
    expect(sheet?.rows).toEqual([
      expect.objectContaining({
        id: office.activity.mobility,
        kind: "student_mobility",
        status: "completed",
        agreement: reference,
        partners: "Universitat de Barcelona",
        academicYear: "2023-2024",
        direction: "outgoing",
        level: "master",
        count: "4",
        participant: "",
        startsOn: "2023-09",
      }),
    ]);
  });

  it("sends events with their times as the wall clock read them where they take place", async () => {
    const listed = await listAll<EventView>(ctx, viewer, "/api/events");
    const { sheet } = await download(ctx, viewer, `/api/exports/events.${format}`);
    expect(sheet?.header).toEqual(header("events"));
    expect(sheet?.rows.map((r) => r.id)).toEqual(listed.map((e) => e.id));
    expect(sheet?.rows.map((r) => [r.title, r.startsAt, r.endsAt, r.timeZone, r.audiences, r.visibility])).toEqual([
      ["Erasmus Days 2024", "2024-10-10T14:00", "2024-10-10T17:00", "Europe/Paris", "students; staff", "public"],
      ["Steering committee with Kyutech", "2024-11-05T09:00", "", "Asia/Tokyo", "staff", "internal"],
    ]);
    const filtered = await download(
      ctx,
      viewer,
      `/api/exports/events.${format}?agreement=${office.agreement.research}`,
    );
    expect(filtered.sheet?.rows.map((r) => r.id)).toEqual([office.event.internal]);
  });

  it("sends the audit log newest first with who did what to which record", async () => {
    const listed = await listAll<AuditEventView>(ctx, admin, "/api/audit?entity=agreement");
    const { sheet } = await download(ctx, admin, `/api/exports/audit.${format}?entity=agreement`);
    expect(sheet?.header).toEqual(["when", "who", "action", "record", "recordId", "fieldsChanged"]);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(sheet?.rows).toEqual(
      listed.map((e) => ({
        when: e.at,
        who: e.actor?.name ?? "",
        action: e.action,
        record: "agreement",
        recordId: e.entityId,
        fieldsChanged: Object.keys(e.changes).join("; "),
      })),
    );
    expect(sheet?.rows[0]?.who).toBe("The editor");
  });

  it("sends only the header when the filters select nothing", async () => {
    const { status, sheet } = await download(ctx, viewer, `/api/exports/agreements.${format}?q=nothing-matches-this`);
    expect(status).toBe(200);
    expect(sheet?.header).toEqual(header("agreements"));
    expect(sheet?.rows).toEqual([]);
  });
});

describe("the files", () => {
  it("start the CSV with a byte order mark, end lines with CRLF and name their type", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/exports/organisations.csv", headers: viewer.headers });
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body.split("\r\n")[0]).toBe(`\uFEFF${header("organisations").join(",")}`);
  });

  it("send a workbook as a zip with the spreadsheet media type", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/exports/agreements.xlsx", headers: viewer.headers });
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});
