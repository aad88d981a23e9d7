import { existsSync, readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, ENGINE, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let admin: Session;
let lille: string;
let metro: string;

const api = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown, s?: Session) =>
  ctx.app.inject({
    method,
    url,
    headers: s?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const created = async (url: string, payload: unknown): Promise<{ id: string; [k: string]: unknown }> => {
  const res = await api("POST", url, payload, editor);
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  admin = await signedIn(ctx, "admin");
  lille = (
    await created("/api/organisations", { kind: "university", name: "Université de Lille", visibility: "public" })
  ).id;
  metro = (
    await created("/api/organisations", {
      kind: "local_authority",
      name: "Métropole Européenne de Lille",
      visibility: "public",
    })
  ).id;
});
afterAll(() => ctx.close());

/** A public partnership where the person signed, coordinates an area and sits on the steering committee. */
async function partnershipWith(personId: string, printedName: string, title: string) {
  const agreement = await created("/api/agreements", {
    kind: "partnership_convention",
    title,
    visibility: "public",
    internalFields: [],
    signedOn: "2021-03",
    startsOn: "2021-03-15",
    parties: [{ organisationId: lille }, { organisationId: metro }],
    signatories: [
      {
        personId,
        name: printedName,
        title: "Vice-president",
        organisationId: lille,
        signedOn: "2021-03",
        place: "Lille",
      },
    ],
    axes: [{ kind: "area", title: "Student life", coordinatorIds: [personId] }],
  });
  await api("POST", `/api/agreements/${agreement.id}/transitions`, { action: "activate" }, editor);
  const body = await created("/api/bodies", {
    agreementId: agreement.id,
    kind: "steering",
    name: "Comité de pilotage",
  });
  const chair = await created("/api/people", { givenName: "Régis", familyName: "Bordet", namedInPublic: true });
  await created(`/api/bodies/${body.id}/members`, { personId: chair.id, role: "Chair", organisationId: metro });
  await created(`/api/bodies/${body.id}/members`, {
    personId,
    role: "Member",
    organisationId: lille,
    startsOn: "2021-04-01",
  });
  return { agreement, bodyId: body.id };
}

/** Every place the bytes of the database live: the SQLite files, read raw. */
function sqliteBytes(): string {
  const file = ctx.database.where;
  return ["", "-wal", "-shm"]
    .filter((suffix) => existsSync(`${file}${suffix}`))
    .map((suffix) => readFileSync(`${file}${suffix}`).toString("latin1"))
    .join("\n")
    .toLowerCase();
}

/** Rows of any table of the PostgreSQL schema whose text holds the needle. */
async function postgresRowsHolding(needle: string): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'tsvector')`.execute(ctx.database.db);
  const found: string[] = [];
  for (const c of columns.rows) {
    const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(c.table_name)}
      where ${sql.ref(c.column_name)}::text ilike ${`%${needle}%`}`.execute(ctx.database.db);
    if (Number(r.rows[0]?.n) > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

describe("GDPR export", () => {
  it("holds the person's signatures, group memberships, coordinations and consents, with their context", async () => {
    const person = await created("/api/people", {
      givenName: "Ingrid",
      familyName: "Vasseur",
      title: "Vice-president for partnerships",
      organisationId: lille,
      namedInPublic: true,
    });
    const { agreement, bodyId } = await partnershipWith(person.id, "Pr. Ingrid Vasseur", "Convention Lille – MEL 2021");
    const res = await api("GET", `/api/people/${person.id}/export`, undefined, admin);
    expect(res.statusCode).toBe(200);
    const data = res.json();
    const context = { agreementId: agreement.id, reference: agreement.reference, agreementTitle: agreement.title };
    expect(data.signatures).toEqual([
      {
        ...context,
        nameAsPrinted: "Pr. Ingrid Vasseur",
        title: "Vice-president",
        organisation: "Université de Lille",
        signedOn: "2021-03",
        place: "Lille",
      },
    ]);
    expect(data.governance).toEqual([
      {
        ...context,
        bodyId,
        body: "Comité de pilotage",
        bodyKind: "steering",
        role: "Member",
        representing: "Université de Lille",
        startsOn: "2021-04-01",
        endsOn: null,
        studentRepresentative: false,
      },
    ]);
    expect(data.coordinations).toEqual([
      { ...context, areaId: expect.any(String), areaKind: "area", area: "Student life", role: "coordinator" },
    ]);
    expect(data.consents).toMatchObject({ namedInPublic: true, publicContact: false });
    expect(data.consents.recorded).toEqual([
      expect.objectContaining({
        action: "person.consent",
        by: "The editor",
        changes: { namedInPublic: [false, true] },
      }),
    ]);
    expect(data.mentionedIn.map((m: { action: string; entityId: string }) => [m.action, m.entityId])).toEqual([
      ["governance.member.add", agreement.id],
    ]);
  });
});

describe("erasure", () => {
  it("leaves the person's name in no database file, table, index or audit entry", async () => {
    const family = "Qwyxzendorff";
    const person = await created("/api/people", {
      givenName: "Henrike",
      familyName: family,
      email: "henrike.q@example.org",
      publicContact: true,
    });
    await api("PATCH", `/api/people/${person.id}`, { title: "Head of the doctoral college" }, editor);
    const { agreement } = await partnershipWith(person.id, `Dr. Henrike ${family}`, "Convention doctorale 2021");
    // The change of signatories is audited with the name as printed.
    const signatories = [{ personId: person.id, name: `Dr. H. ${family}`, organisationId: lille, signedOn: "2021-03" }];
    expect((await api("PATCH", `/api/agreements/${agreement.id}`, { signatories }, editor)).statusCode).toBe(200);
    await created("/api/activities", {
      kind: "student_mobility",
      title: "Doctoral stay",
      partnerIds: [metro],
      mobility: {
        direction: "outgoing",
        level: "doctorate",
        academicYear: "2022-2023",
        count: 1,
        participantId: person.id,
      },
    });
    const found = await api("GET", `/api/public/agreements?q=${family}`);
    expect(found.json().items).toHaveLength(1);

    // The check sees the name while it is held, so its silence afterwards means something.
    if (ENGINE === "sqlite") expect(sqliteBytes()).toContain(family.toLowerCase());
    else expect(await postgresRowsHolding(family)).not.toEqual([]);

    expect((await api("DELETE", `/api/people/${person.id}`, undefined, admin)).statusCode).toBe(204);

    if (ENGINE === "sqlite") {
      const bytes = sqliteBytes();
      expect(bytes).not.toContain(family.toLowerCase());
      expect(bytes).not.toContain("henrike.q@example.org");
    } else {
      expect(await postgresRowsHolding(family)).toEqual([]);
      expect(await postgresRowsHolding("henrike.q@example.org")).toEqual([]);
    }
    expect((await api("GET", `/api/public/agreements?q=${family}`)).json().items).toEqual([]);
    const erasures = await ctx.database.db
      .selectFrom("audit_event")
      .select("action")
      .where("entity_id", "=", person.id)
      .where("action", "=", "person.erase")
      .execute();
    expect(erasures).toHaveLength(1);
  });
});

describe("consent to be named in public", () => {
  it("shows a person by role alone until they agree to be named, then by name", async () => {
    const person = await created("/api/people", {
      givenName: "Oskar",
      familyName: "Brandvold",
      title: "Dean of engineering",
      organisationId: lille,
      email: "oskar.b@example.org",
    });
    expect(person).toMatchObject({ namedInPublic: false, publicContact: false });
    const { agreement } = await partnershipWith(person.id, "Oskar Brandvold", "Convention ingénierie 2021");
    const read = async () => {
      const page = (await api("GET", `/api/public/partnerships/${agreement.id}`)).json();
      const org = (await api("GET", `/api/public/organisations/${lille}`)).json();
      const open = (await api("GET", `/api/public/agreements/${agreement.id}`)).json();
      const search = (await api("GET", "/api/public/agreements?q=Brandvold")).json().items;
      return { page, text: JSON.stringify([page, org, open]), search };
    };

    const unnamed = await read();
    expect(unnamed.text).not.toContain("Brandvold");
    expect(unnamed.text).not.toContain("Dean of engineering");
    expect(unnamed.search).toEqual([]);
    const members = unnamed.page.governance[0].members;
    expect(members.map((m: { name: string | null; role: string }) => [m.name, m.role])).toEqual([
      ["Régis Bordet", "Chair"],
      [null, "Member"],
    ]);
    expect(unnamed.page.agreement.axes[0].coordinators).toEqual([
      expect.objectContaining({ name: null, role: "coordinator", email: null }),
    ]);
    expect(unnamed.page.agreement.signatories).toEqual([
      expect.objectContaining({ name: null, title: { text: "Vice-president", lang: null } }),
    ]);

    const consent = await api("PATCH", `/api/people/${person.id}`, { namedInPublic: true }, editor);
    expect(consent.json()).toMatchObject({ namedInPublic: true, publicContact: false });
    const named = await read();
    expect(named.page.governance[0].members.map((m: { name: string | null }) => m.name)).toEqual([
      "Régis Bordet",
      "Oskar Brandvold",
    ]);
    expect(named.page.agreement.axes[0].coordinators.map((c: { name: string }) => c.name)).toEqual(["Oskar Brandvold"]);
    expect(named.page.agreement.signatories.map((s: { name: string }) => s.name)).toEqual(["Oskar Brandvold"]);
    expect(named.text).not.toContain("oskar.b@example.org");
    expect(named.search.map((a: { id: string }) => a.id)).toEqual([agreement.id]);

    const audit = await ctx.database.db
      .selectFrom("audit_event")
      .select(["action", "actor_id", "at", "changes"])
      .where("entity_id", "=", person.id)
      .where("action", "=", "person.consent")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBeTruthy();
    expect(JSON.parse(audit[0]?.changes ?? "{}")).toEqual({ namedInPublic: [false, true] });
  });

  it("keeps a public contact named: giving the contact gives the name, withdrawing the name withdraws the contact", async () => {
    const person = await created("/api/people", { givenName: "Maja", familyName: "Ek", publicContact: true });
    expect(person).toMatchObject({ namedInPublic: true, publicContact: true });
    const both = await api("PATCH", `/api/people/${person.id}`, { namedInPublic: false, publicContact: true }, editor);
    expect(both.statusCode).toBe(422);
    expect(both.json().errors[0].field).toBe("namedInPublic");
    const withdrawn = await api("PATCH", `/api/people/${person.id}`, { namedInPublic: false }, editor);
    expect(withdrawn.json()).toMatchObject({ namedInPublic: false, publicContact: false });
    const refused = await api(
      "POST",
      "/api/people",
      { givenName: "Lea", familyName: "Ek", namedInPublic: false, publicContact: true },
      editor,
    );
    expect(refused.statusCode).toBe(422);
  });
});
