import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
const org: Record<string, string> = {};

const api = (method: "GET" | "POST", url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: editor.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const event = (title: string, agreementId: string | null) => ({
  title,
  startsAt: "2026-07-06T09:00:00+02:00",
  endsAt: "2026-07-06T17:00:00+02:00",
  timeZone: "Europe/Paris",
  audiences: ["staff"],
  ...(agreementId ? { agreementId } : {}),
});

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  for (const [k, name, cc] of [
    ["lille", "Université de Lille", "FR"],
    ["uppsala", "Uppsala universitet", "SE"],
    ["ghent", "Ghent University", "BE"],
  ] as const) {
    org[k] = (await api("POST", "/api/organisations", { kind: "university", name, countryCode: cc })).json().id;
  }
});
afterAll(() => ctx.close());

describe("events of a partner", () => {
  it("lists only the events of agreements the organisation is a party to", async () => {
    const agreement = async (title: string, partner: string) =>
      (
        await api("POST", "/api/agreements", {
          kind: "framework_agreement",
          title,
          parties: [{ organisationId: org.lille }, { organisationId: partner }],
        })
      ).json().id as string;
    const withUppsala = await agreement("Lille – Uppsala", org.uppsala as string);
    const withGhent = await agreement("Lille – Ghent", org.ghent as string);
    for (const [title, id] of [
      ["Uppsala week", withUppsala],
      ["Ghent week", withGhent],
      ["Open day", null],
    ] as const) {
      const created = await api("POST", "/api/events", event(title, id));
      expect(created.statusCode, created.body).toBe(201);
    }
    const titles = async (partner: string) =>
      (await api("GET", `/api/events?partner=${partner}`)).json().items.map((e: { title: string }) => e.title);
    expect(await titles(org.uppsala as string)).toEqual(["Uppsala week"]);
    expect((await titles(org.lille as string)).sort()).toEqual(["Ghent week", "Uppsala week"]);
  });
});
