import {
  type Actor,
  acceptedLanguages,
  isUiLanguage,
  READER_LANGUAGE_COOKIE,
  SITE_LANGUAGES,
  type SiteDocument,
  type SitePage,
  type UiLanguage,
} from "@conventio/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { SiteSettingsService } from "#modules/site-settings/site-settings.service.js";
import type { SiteService } from "./site.service.js";
import type { loadSite } from "./site-assets.js";
import type { SiteQuery } from "./site-query.js";

type LoadedSite = NonNullable<Awaited<ReturnType<typeof loadSite>>>;

export interface SiteContext {
  site: SiteService;
  settings: SiteSettingsService;
  /** The built renderer, or null when the web app is not built. */
  built: LoadedSite | null;
  publicUrl: string;
}

interface IdParams {
  id: string;
}

/** The language a reader arriving at "/" gets: their choice, else their browser's, else the institution's. */
export async function arrivalLanguage(req: FastifyRequest, fallback: UiLanguage): Promise<UiLanguage> {
  const choice = req.cookies[READER_LANGUAGE_COOKIE];
  if (choice && isUiLanguage(choice)) return choice;
  return acceptedLanguages(req.headers["accept-language"] ?? "").find(isUiLanguage) ?? fallback;
}

/** Renders a page's document and sends it: HTML, in its language, never cached, 404 and 410 when so. */
export async function sendPage(
  ctx: SiteContext,
  reply: FastifyReply,
  doc: Omit<SiteDocument, "settings" | "assets" | "origin" | "today">,
): Promise<FastifyReply> {
  if (!ctx.built) {
    return reply
      .status(503)
      .type("text/plain; charset=utf-8")
      .send("The public pages are not built yet: npm run build makes them.");
  }
  const full: SiteDocument = {
    ...doc,
    settings: await ctx.settings.get(),
    assets: ctx.built.assets,
    origin: ctx.publicUrl,
    today: ctx.site.today(),
  };
  const { status, html } = ctx.built.renderer.renderSite(full);
  return reply
    .status(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("content-language", doc.lang)
    .header("cache-control", "no-cache")
    .send(html);
}

type PageLoader = (lang: UiLanguage, req: FastifyRequest) => Promise<SitePage>;

/**
 * The public site in English, French and Swedish, the language first in every address:
 * /fr/partnerships/…; staff previews of the same pages under /{lang}/preview/….
 */
export function registerSitePages(app: FastifyInstance, ctx: SiteContext): void {
  const { site } = ctx;
  const query = (req: FastifyRequest) => req.query as SiteQuery;
  const id = (req: FastifyRequest) => (req.params as IdParams).id;
  const pages: Record<string, PageLoader> = {
    "/": () => site.home(),
    "/partnerships": (lang, req) => site.partnerships(lang, query(req)),
    "/partnerships/:id": (lang, req) => site.partnership(lang, id(req), null),
    "/partners": (lang, req) => site.partners(lang, query(req)),
    "/partners/:id": (lang, req) => site.partner(lang, id(req), null),
    "/events": (lang, req) => site.events(lang, query(req)),
    "/events/:id": (lang, req) => site.event(lang, id(req), null),
    "/news": (lang, req) => site.news(lang, query(req)),
    "/news/:id": (lang, req) => site.newsPost(lang, id(req), null),
    "/map": () => site.map(),
    "/open-data": () => site.openData(),
  };
  const previews: Record<string, (lang: UiLanguage, req: FastifyRequest, actor: Actor) => Promise<SitePage>> = {
    "/partnerships/:id": (lang, req, actor) => site.partnership(lang, id(req), actor),
    "/partners/:id": (lang, req, actor) => site.partner(lang, id(req), actor),
    "/events/:id": (lang, req, actor) => site.event(lang, id(req), actor),
    "/news/:id": (lang, req, actor) => site.newsPost(lang, id(req), actor),
  };
  // The canonical query keeps the filters and the page; anything else in the address is not part of the page.
  const canonicalQuery = (req: FastifyRequest, path: string) => {
    const q = query(req);
    if (path === "/events" && q.when === "past") return "?when=past";
    if (path !== "/partnerships" && path !== "/partners") return "";
    const keep = ["country", "kind", "q", "status", "theme", "unit"].filter((k) => q[k]);
    const params = new URLSearchParams(keep.map((k): [string, string] => [k, q[k] ?? ""]));
    return keep.length ? `?${params}` : "";
  };

  for (const lang of SITE_LANGUAGES) {
    app.get(`/${lang}`, { schema: { hide: true } }, (_req, reply) => reply.redirect(`/${lang}/`, 301));
    for (const [path, load] of Object.entries(pages)) {
      app.get(`/${lang}${path}`, { schema: { hide: true } }, async (req, reply) => {
        const page = await load(lang, req);
        const concrete = path.replace(":id", (req.params as Partial<IdParams>).id ?? "");
        return sendPage(ctx, reply, {
          lang,
          path: concrete,
          query: canonicalQuery(req, path),
          embed: false,
          preview: false,
          page,
        });
      });
    }
    for (const [path, load] of Object.entries(previews)) {
      app.get(`/${lang}/preview${path}`, { schema: { hide: true } }, async (req, reply) => {
        if (req.actor.kind === "public") return reply.redirect("/sign-in", 302);
        const page = await load(lang, req, req.actor);
        return sendPage(ctx, reply, {
          lang,
          path: path.replace(":id", id(req)),
          query: "",
          embed: false,
          preview: true,
          page,
        });
      });
    }
    // Anything else under a language is a public page that does not exist.
    app.get(`/${lang}/*`, { schema: { hide: true } }, (_req, reply) =>
      sendPage(ctx, reply, { lang, path: "/", query: "", embed: false, preview: false, page: { kind: "not-found" } }),
    );
  }

  app.get("/", { schema: { hide: true } }, async (req, reply) => {
    const settings = await ctx.settings.get();
    return reply.redirect(`/${await arrivalLanguage(req, settings.defaultLanguage)}/`, 302);
  });

  // Addresses of the public pages before they carried their language.
  const moved = ["/partnerships", "/partnerships/:id", "/partners", "/partners/:id"];
  for (const path of moved) {
    app.get(path, { schema: { hide: true } }, async (req, reply) => {
      const settings = await ctx.settings.get();
      const lang = await arrivalLanguage(req, settings.defaultLanguage);
      const rest = req.url.slice(req.url.indexOf("/"));
      return reply.redirect(`/${lang}${rest}`, 301);
    });
  }
}
