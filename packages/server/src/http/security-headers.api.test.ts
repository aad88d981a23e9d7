import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "#test/harness.js";

/** A built web app in miniature: the page shell and one hashed asset. */
const webDist = mkdtempSync(join(tmpdir(), "conventio-web-"));
mkdirSync(join(webDist, "assets"));
writeFileSync(
  join(webDist, "index.html"),
  '<!doctype html><script type="module" src="/assets/app-1a2b3c.js"></script>',
);
writeFileSync(join(webDist, "assets", "app-1a2b3c.js"), "console.log('app');");

let plain: TestContext;
let https: TestContext;

beforeAll(async () => {
  plain = await createTestContext({ WEB_DIST: webDist }, { serveWeb: true });
  https = await createTestContext(
    { WEB_DIST: webDist, PUBLIC_URL: "https://partners.example.org" },
    { serveWeb: true },
  );
});
afterAll(async () => {
  await plain.close();
  await https.close();
  rmSync(webDist, { recursive: true, force: true });
});

function directives(csp: unknown): Map<string, string[]> {
  return new Map(
    String(csp)
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe("security headers", () => {
  const responses = [
    ["the page shell", "/agreements"],
    ["a hashed asset", "/assets/app-1a2b3c.js"],
    ["an API answer", "/api/health"],
    ["an API error", "/api/agreements/missing"],
    ["an unknown API route", "/api/nothing"],
  ] as const;

  it.each(responses)("are sent with %s", async (_label, url) => {
    const res = await plain.app.inject({ method: "GET", url });
    const csp = directives(res.headers["content-security-policy"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("allow no inline script and no eval", async () => {
    const res = await plain.app.inject({ method: "GET", url: "/" });
    const scripts = directives(res.headers["content-security-policy"]).get("script-src") ?? [];
    expect(scripts.some((s) => s.includes("unsafe"))).toBe(false);
  });

  it("send HSTS only when the public address is https", async () => {
    const overHttp = await plain.app.inject({ method: "GET", url: "/api/health" });
    expect(overHttp.headers["strict-transport-security"]).toBeUndefined();
    const overHttps = await https.app.inject({ method: "GET", url: "/api/health" });
    expect(overHttps.headers["strict-transport-security"]).toMatch(/max-age=31536000/);
  });
});

describe("caching of the web app", () => {
  it("has the browser check the page shell on every visit, on every client route", async () => {
    for (const url of ["/agreements", "/organisations/x/edit", "/sign-in", "/index.html"]) {
      const res = await plain.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/text\/html/);
      expect(res.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("sends the home address to the public site and keeps the shell for the staff app's own addresses", async () => {
    const home = await plain.app.inject({ method: "GET", url: "/", headers: { "accept-language": "sv-SE,sv;q=0.9" } });
    expect(home.statusCode).toBe(302);
    expect(home.headers.location).toBe("/sv/");
    // Outside the staff app's sections an address is not a page of the app: never the shell with a 200.
    const unknown = await plain.app.inject({ method: "GET", url: "/public/partnerships/x" });
    expect(unknown.statusCode).toBe(404);
  });

  it("keeps hashed assets for a year", async () => {
    const res = await plain.app.inject({ method: "GET", url: "/assets/app-1a2b3c.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("answers a missing asset with a 404 problem, not the page", async () => {
    const res = await plain.app.inject({ method: "GET", url: "/assets/app-old.js" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
  });
});
