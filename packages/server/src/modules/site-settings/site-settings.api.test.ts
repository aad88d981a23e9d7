import { SITE_SETTINGS_DEFAULTS } from "@conventio/domain";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { keptFiles } from "#test/kept-files.js";

/** The settings of the public side through the API: who may change them, what is refused, the logo's file. */
let ctx: TestContext;
let admin: Session;
let editor: Session;
let png: Buffer;

const call = (method: "GET" | "PATCH" | "PUT" | "DELETE", url: string, s?: Session, payload?: object) =>
  ctx.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });

const publicSite = async () => (await call("GET", "/api/public/site")).json();

/** A multipart body built by hand, so the test controls every byte the server sees. */
function uploadLogo(fileName: string, content: Buffer, s: Session = admin, type = "image/png") {
  const boundary = "----conventio-logo-boundary";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: "PUT",
    url: "/api/admin/site-settings/logo",
    headers: { ...s.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const filesKept = () => keptFiles(ctx, ["pictures"]);

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx, "admin");
  editor = await signedIn(ctx, "editor");
  png = await sharp({ create: { width: 120, height: 40, channels: 3, background: "#1c4e80" } })
    .png()
    .toBuffer();
});
afterAll(() => ctx.close());

describe("the settings of the public side", () => {
  it("are the defaults until an administrator saves, for anyone to read", async () => {
    const res = await call("GET", "/api/public/site");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(SITE_SETTINGS_DEFAULTS);
    expect(res.json()).toMatchObject({
      institutionName: "Conventio",
      logoUrl: null,
      colours: { primary: "#1c4e80", accent: "#c2410c" },
      defaultLanguage: "en",
      openDataLicence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    });
  });

  it("are changed by an administrator, read back by the public, and audited", async () => {
    const res = await call("PATCH", "/api/admin/site-settings", admin, {
      institutionName: "  Université de Lille ",
      colours: { primary: "#0A3D62", accent: "#e55039" },
      footerLinks: [
        { label: "Legal notice", url: "https://www.univ-lille.fr/mentions-legales" },
        { label: "Accessibility", url: "http://www.univ-lille.fr/accessibilite" },
      ],
      defaultLanguage: "fr",
      embedOrigins: ["https://WWW.Univ-Lille.fr", "https://www.univ-lille.fr:443/", "http://localhost:8080"],
      openDataLicence: { name: "Licence Ouverte 2.0", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const expected = {
      institutionName: "Université de Lille",
      logoUrl: null,
      colours: { primary: "#0a3d62", accent: "#e55039" },
      footerLinks: [
        { label: "Legal notice", url: "https://www.univ-lille.fr/mentions-legales" },
        { label: "Accessibility", url: "http://www.univ-lille.fr/accessibilite" },
      ],
      defaultLanguage: "fr",
      embedOrigins: ["https://www.univ-lille.fr", "http://localhost:8080"],
      openDataLicence: { name: "Licence Ouverte 2.0", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" },
    };
    expect(res.json()).toEqual(expected);
    expect(await publicSite()).toEqual(expected);

    // Only the fields sent change; a colour may be changed alone.
    const accent = await call("PATCH", "/api/admin/site-settings", admin, { colours: { accent: "#B71540" } });
    expect(accent.json()).toEqual({ ...expected, colours: { primary: "#0a3d62", accent: "#b71540" } });

    const audit = await call("GET", "/api/audit?entity=site", admin);
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(["site.update", "site.update"]);
    expect(audit.json().items[1].changes.institutionName).toEqual(["Conventio", "Université de Lille"]);
  });

  it("are refused to editors, to visitors and to a write without the CSRF token", async () => {
    const before = await publicSite();
    expect((await call("PATCH", "/api/admin/site-settings", editor, { institutionName: "Mine" })).statusCode).toBe(403);
    expect((await call("PATCH", "/api/admin/site-settings", undefined, { institutionName: "Mine" })).statusCode).toBe(
      401,
    );
    const noCsrf = await ctx.app.inject({
      method: "PATCH",
      url: "/api/admin/site-settings",
      headers: { cookie: admin.cookie },
      payload: { institutionName: "Mine" },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await uploadLogo("logo.png", png, editor)).statusCode).toBe(403);
    expect((await call("DELETE", "/api/admin/site-settings/logo", editor)).statusCode).toBe(403);
    expect(await publicSite()).toEqual(before);
  });

  it.each([
    ["a colour that is not #rrggbb", { colours: { primary: "navy" } }, "colours.primary"],
    [
      "a footer link that is not http(s)",
      { footerLinks: [{ label: "Run", url: "javascript:alert(1)" }] },
      "footerLinks.0.url",
    ],
    ["a licence without an address", { openDataLicence: { name: "Mine", url: "not a link" } }, "openDataLicence.url"],
    [
      "an origin with a path",
      { embedOrigins: ["https://ok.example.org", "https://www.univ-lille.fr/page"] },
      "embedOrigins.1",
    ],
    ["an origin of another scheme", { embedOrigins: ["ftp://files.univ-lille.fr"] }, "embedOrigins.0"],
    ["a language the site does not speak", { defaultLanguage: "de" }, "defaultLanguage"],
    ["an empty name", { institutionName: "   " }, "institutionName"],
    ["a name on two lines", { institutionName: "Lille\nBcc: someone@example.org" }, "institutionName"],
    ["a field it does not know", { logoUrl: "https://evil.example/logo.png" }, ""],
  ])("refuses %s with a 422 naming the field, and changes nothing", async (_, patch, field) => {
    const before = await publicSite();
    const res = await call("PATCH", "/api/admin/site-settings", admin, patch);
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    if (field) expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await publicSite()).toEqual(before);
  });

  it("refuses a NUL byte in a field, and in the address", async () => {
    const before = await publicSite();
    const res = await call("PATCH", "/api/admin/site-settings", admin, { institutionName: "Lil\u0000le" });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe("institutionName");
    const inLabel = await call("PATCH", "/api/admin/site-settings", admin, {
      footerLinks: [{ label: "A\u0000", url: "https://www.univ-lille.fr" }],
    });
    expect(inLabel.statusCode).toBe(422);
    expect(inLabel.json().errors[0].field).toBe("footerLinks.0.label");
    expect((await call("GET", "/api/public/site/logo?v=%00")).statusCode).toBe(400);
    expect(await publicSite()).toEqual(before);
  });
});

describe("the logo", () => {
  it("is answered 404 as a problem while there is none", async () => {
    const res = await call("GET", "/api/public/site/logo");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("takes a PNG and serves it byte for byte, kept a year at its versioned address", async () => {
    const res = await uploadLogo("logo.png", png);
    expect(res.statusCode, res.body).toBe(200);
    const { logoUrl } = res.json();
    expect(logoUrl).toMatch(/^\/api\/public\/site\/logo\?v=[0-9a-f]{16}$/);
    expect((await publicSite()).logoUrl).toBe(logoUrl);

    const served = await call("GET", logoUrl);
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(served.rawPayload.equals(png)).toBe(true);

    // Another version, or none, is checked again each time.
    expect((await call("GET", "/api/public/site/logo")).headers["cache-control"]).toBe("no-cache");
    expect((await call("GET", "/api/public/site/logo?v=0000000000000000")).headers["cache-control"]).toBe("no-cache");
  });

  const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  it.each([
    [
      "an SVG",
      "logo.svg",
      () =>
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
          "utf8",
        ),
      422,
    ],
    ["a text file renamed .png", "logo.png", () => Buffer.from("Not a picture at all, just words.\n", "utf8"), 422],
    ["a PNG signature on garbage", "logo.png", () => Buffer.concat([PNG_SIGNATURE, Buffer.alloc(64, 7)]), 422],
    ["a file over 1 MB", "big.png", () => Buffer.concat([png, Buffer.alloc(1_100_000, 1)]), 413],
  ])("refuses %s, keeps the logo it had and leaves no file behind", async (_, name, content, status) => {
    const before = await publicSite();
    const files = await filesKept();
    const res = await uploadLogo(name, content());
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().errors[0].field).toBe("file");
    expect(await publicSite()).toEqual(before);
    expect(await filesKept()).toEqual(files);
    const served = await call("GET", before.logoUrl);
    expect(served.rawPayload.equals(png)).toBe(true);
  });

  it("is replaced by a new upload at a new address, the old file removed", async () => {
    const oldUrl = (await publicSite()).logoUrl;
    const webp = await sharp(png).webp().toBuffer();
    const res = await uploadLogo("logo.webp", webp);
    expect(res.statusCode).toBe(200);
    const { logoUrl } = res.json();
    expect(logoUrl).not.toBe(oldUrl);
    const served = await call("GET", logoUrl);
    expect(served.headers["content-type"]).toBe("image/webp");
    expect(served.rawPayload.equals(webp)).toBe(true);
    // The old address now names a file that is not served: it must be asked again, not kept.
    expect((await call("GET", oldUrl)).headers["cache-control"]).toBe("no-cache");
    expect(await filesKept()).toHaveLength(1);
  });

  it("is removed with its file by an administrator", async () => {
    const res = await call("DELETE", "/api/admin/site-settings/logo", admin);
    expect(res.statusCode).toBe(204);
    expect((await publicSite()).logoUrl).toBeNull();
    expect((await call("GET", "/api/public/site/logo")).statusCode).toBe(404);
    expect(await filesKept()).toEqual([]);
    // Removing nothing changes nothing.
    expect((await call("DELETE", "/api/admin/site-settings/logo", admin)).statusCode).toBe(204);
  });

  it("refuses a JSON body where the file is expected", async () => {
    const res = await call("PUT", "/api/admin/site-settings/logo", admin, { file: "logo.png" });
    expect(res.statusCode).toBe(415);
  });
});
