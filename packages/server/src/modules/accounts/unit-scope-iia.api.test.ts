import type { Iia } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIia, buildInstitution } from "#modules/ewp/ewp-samples.js";
import { writeIiasGetResponse } from "#modules/ewp/iia-xml-writer.js";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { api, created, limitTo } from "./unit-scope-fixtures.js";

/** The IIA of an Erasmus+ agreement follows the agreement's units: saving, approving, importing. */
let ctx: TestContext;
let scoped: ReturnType<typeof api>;
let admin: ReturnType<typeof api>;
let inside: string;
let outside: string;
let scopedHeaders: Record<string, string>;

/** Our copy with Warsaw, as the IIA tests write it. */
function ourCopy(): Iia {
  const iia = buildIia();
  iia.partners[1] = { ...iia.partners[1], heiId: "uw.edu.pl", iiaId: undefined, contacts: [] };
  return iia;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const adminSession: Session = await signedIn(ctx, "admin");
  await signedIn(ctx, "editor", "faculty-a@example.org");
  admin = api(ctx, adminSession);
  const org = async (body: object) => created(await admin("POST", "/api/organisations", body));
  const lille = await org({
    kind: "university",
    name: "Université de Lille",
    identifiers: [{ scheme: "schac", value: "univ-lille.fr" }],
  });
  const warsaw = await org({
    kind: "university",
    name: "Uniwersytet Warszawski",
    identifiers: [{ scheme: "schac", value: "uw.edu.pl" }],
  });
  const a = await org({ kind: "unit", name: "Faculty of Law", parentId: lille });
  const b = await org({ kind: "unit", name: "Faculty of Medicine", parentId: lille });
  const erasmus = async (unit: string) =>
    created(
      await admin("POST", "/api/agreements", {
        kind: "erasmus_iia",
        title: "Erasmus+ Lille – Warszawa",
        parties: [{ organisationId: lille, responsibleUnitId: unit }, { organisationId: warsaw }],
      }),
    );
  inside = await erasmus(a);
  outside = await erasmus(b);
  expect((await admin("PUT", "/api/ewp/institutions/univ-lille.fr", buildInstitution())).statusCode).toBe(200);
  await limitTo(admin, "faculty-a@example.org", [a]);
  scopedHeaders = await signInAsScoped();
  scoped = api(ctx, {
    cookie: scopedHeaders.cookie ?? "",
    csrf: scopedHeaders["x-csrf-token"] ?? "",
    headers: scopedHeaders,
  });
});
afterAll(() => ctx.close());

describe("an editor limited to the Faculty of Law", () => {
  it("saves the IIA of the faculty's agreement", async () => {
    const res = await scoped("PUT", `/api/agreements/${inside}/iia`, ourCopy());
    expect(res.statusCode, res.body).toBe(200);
  });

  it("is refused the IIA of another faculty's agreement, and nothing is stored", async () => {
    const res = await scoped("PUT", `/api/agreements/${outside}/iia`, ourCopy());
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().detail).toBe("This agreement is outside your units.");
    expect((await admin("GET", `/api/agreements/${outside}/iia`)).statusCode).toBe(404);
  });

  it("is refused approving the partner's copy of another faculty's agreement", async () => {
    expect((await admin("PUT", `/api/agreements/${outside}/iia`, ourCopy())).statusCode).toBe(200);
    const res = await scoped("POST", `/api/agreements/${outside}/iia/approval`);
    expect(res.statusCode, res.body).toBe(403);
  });

  it("cannot import a partner's file, which picks agreements by its content", async () => {
    const [us, them] = ourCopy().partners;
    if (!us || !them) throw new Error("two partners");
    const theirs: Iia = {
      ...ourCopy(),
      partners: [
        { ...them, iiaId: "uw-1" },
        { ...us, iiaId: undefined },
      ],
    };
    const before = await ctx.database.db.selectFrom("agreement_iia").selectAll().execute();
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/ewp/iias/import",
      headers: { ...scopedHeaders, "content-type": "application/xml" },
      payload: writeIiasGetResponse([theirs]).xml,
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(await ctx.database.db.selectFrom("agreement_iia").selectAll().execute()).toEqual(before);
  });
});

/** The limited editor signed in (a unit is set on the account, so the session carries it). */
async function signInAsScoped(): Promise<Record<string, string>> {
  const session = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { email: "faculty-a@example.org", password: "correct horse battery staple" },
  });
  const cookie = `conventio_session=${session.cookies.find((c) => c.name === "conventio_session")?.value}`;
  return { cookie, "x-csrf-token": session.json().csrfToken };
}
