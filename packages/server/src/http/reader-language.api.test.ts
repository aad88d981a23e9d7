import { READER_LANGUAGE_COOKIE } from "@conventio/domain";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "#app.js";
import { createLogger } from "#shared/logger.js";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let admin: Session;
/** The real application, with one more route that says which language the request is read in. */
let app: FastifyInstance;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx, "admin");
  app = await buildApp({ config: ctx.config, services: ctx.services, log: createLogger(ctx.config) });
  app.get("/api/test/reader-language", { schema: { hide: true } }, async (request) => ({ lang: request.readerLang }));
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

async function langOf(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await app.inject({ method: "GET", url, headers });
  expect(res.statusCode).toBe(200);
  return (res.json() as { lang: string }).lang;
}

describe("the reader's language of a request", () => {
  const url = "/api/test/reader-language";

  it("is English when nothing says otherwise", async () => {
    expect(await langOf(url)).toBe("en");
    expect(await langOf(url, { "accept-language": "de-DE, ja;q=0.8" })).toBe("en");
  });

  it("follows the browser's Accept-Language, by preference", async () => {
    expect(await langOf(url, { "accept-language": "sv-SE,sv;q=0.9,en;q=0.5" })).toBe("sv");
    expect(await langOf(url, { "accept-language": "de, en;q=0.3, fr;q=0.7" })).toBe("fr");
  });

  it("prefers the choice the reader made in the web app over the browser's languages", async () => {
    const cookie = `${READER_LANGUAGE_COOKIE}=fr`;
    expect(await langOf(url, { cookie, "accept-language": "sv" })).toBe("fr");
  });

  it("prefers ?lang= over the choice and the browser, and ignores a language Conventio does not speak", async () => {
    const headers = { cookie: `${READER_LANGUAGE_COOKIE}=fr`, "accept-language": "en" };
    expect(await langOf(`${url}?lang=sv`, headers)).toBe("sv");
    expect(await langOf(`${url}?lang=sv-FI`, headers)).toBe("sv");
    expect(await langOf(`${url}?lang=de`, headers)).toBe("fr");
    expect(await langOf(`${url}?lang=sv&lang=en`, headers)).toBe("sv");
  });

  it("is worked out again for each request", async () => {
    expect(await langOf(`${url}?lang=fr`)).toBe("fr");
    expect(await langOf(url)).toBe("en");
  });
});

describe("?lang= on the API's GET routes", () => {
  /** Every GET operation of the OpenAPI document, with its path parameters filled in. */
  function getOperations(): string[] {
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(doc.paths)
      .filter(([, operations]) => "get" in operations)
      .map(([path]) => path.replace(/\{[^}]+\}/g, "unknown"));
  }

  it("reaches the list routes, whose query strings are validated", () => {
    const paths = getOperations();
    expect(paths).toEqual(
      expect.arrayContaining(["/api/agreements", "/api/organisations", "/api/activities", "/api/audit"]),
    );
  });

  it("is accepted by every GET route without the route declaring it", async () => {
    const refused: string[] = [];
    for (const path of getOperations()) {
      for (const headers of [{}, admin.headers]) {
        const plain = await app.inject({ method: "GET", url: path, headers });
        const withLang = await app.inject({ method: "GET", url: `${path}?lang=fr`, headers });
        if (
          withLang.statusCode !== plain.statusCode ||
          /\blang\b/.test(withLang.statusCode >= 400 ? withLang.body : "")
        ) {
          refused.push(`${path}: ${plain.statusCode} without, ${withLang.statusCode} with ?lang=fr ${withLang.body}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it("leaves a validated query string as the route declares it", async () => {
    const res = await app.inject({ method: "GET", url: "/api/agreements?lang=sv&limit=5", headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });
});
