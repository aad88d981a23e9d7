import { SITE_LANGUAGES } from "@conventio/domain";
import type { FastifyInstance } from "fastify";
import type { SitemapKind } from "./site.repository.js";
import type { SiteContext } from "./site.routes.js";

/** Records per sitemap file: three addresses each (one a language), under the protocol's 50,000. */
const PER_FILE = 10_000;
const KINDS: readonly SitemapKind[] = ["partnerships", "partners", "events", "news"];
const STATIC_PATHS = ["/", "/partnerships", "/partners", "/map", "/events", "/news", "/open-data"];

const xmlEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One <url> per language, each naming the others as alternates. */
function urlEntries(origin: string, path: string, modified: string | null): string {
  const address = (lang: string) => xmlEscape(new URL(`/${lang}${path}`, origin).href);
  const alternates = SITE_LANGUAGES.map(
    (lang) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${address(lang)}"/>`,
  ).join("");
  return SITE_LANGUAGES.map(
    (lang) => `<url><loc>${address(lang)}</loc>${modified ? `<lastmod>${modified}</lastmod>` : ""}${alternates}</url>`,
  ).join("\n");
}

const URLSET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';

/**
 * sitemap.xml is an index: one file of the section pages, then the public partnerships,
 * partners, events and news in files of 10,000 records. robots.txt points to it and keeps
 * crawlers out of the API, previews, embeds and the staff app.
 */
export function registerSitemap(app: FastifyInstance, ctx: SiteContext): void {
  const origin = ctx.publicUrl;
  app.get("/sitemap.xml", { schema: { hide: true } }, async (_req, reply) => {
    const files = ["/sitemaps/pages.xml"];
    for (const kind of KINDS) {
      const count = await ctx.site.sitemapCount(kind);
      for (let i = 0; i * PER_FILE < count; i++) files.push(`/sitemaps/${kind}-${i + 1}.xml`);
    }
    const body = files.map((f) => `<sitemap><loc>${xmlEscape(new URL(f, origin).href)}</loc></sitemap>`).join("\n");
    return reply
      .type("application/xml; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`,
      );
  });
  app.get("/sitemaps/pages.xml", { schema: { hide: true } }, async (_req, reply) =>
    reply
      .type("application/xml; charset=utf-8")
      .send(`${URLSET_OPEN}${STATIC_PATHS.map((p) => urlEntries(origin, p, null)).join("\n")}\n</urlset>\n`),
  );
  app.get<{ Params: { file: string } }>("/sitemaps/:file", { schema: { hide: true } }, async (req, reply) => {
    const match = /^(partnerships|partners|events|news)-([1-9][0-9]{0,5})\.xml$/.exec(req.params.file);
    if (!match) return reply.callNotFound();
    const kind = match[1] as SitemapKind;
    const entries = await ctx.site.sitemapEntries(kind, (Number(match[2]) - 1) * PER_FILE, PER_FILE);
    if (entries.length === 0) return reply.callNotFound();
    const body = entries.map((e) => urlEntries(origin, `/${kind}/${e.id}`, e.modified)).join("\n");
    return reply.type("application/xml; charset=utf-8").send(`${URLSET_OPEN}${body}\n</urlset>\n`);
  });
  app.get("/robots.txt", { schema: { hide: true } }, async (_req, reply) =>
    reply
      .type("text/plain; charset=utf-8")
      .send(
        [
          "User-agent: *",
          "Disallow: /api/",
          "Disallow: /embed/",
          ...SITE_LANGUAGES.map((lang) => `Disallow: /${lang}/preview/`),
          "Allow: /",
          "",
          `Sitemap: ${new URL("/sitemap.xml", origin).href}`,
          "",
        ].join("\n"),
      ),
  );
}
