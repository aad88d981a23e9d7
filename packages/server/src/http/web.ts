import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { registerSitePages, type SiteContext, sendPage } from "#modules/site/site.routes.js";
import { loadSite } from "#modules/site/site-assets.js";
import { registerEmbeds } from "#modules/site/site-embed.js";
import { registerSitemap } from "#modules/site/site-sitemap.js";
import { AppError } from "#shared/app-error.js";
import type { Services } from "../services.js";
import { toProblem } from "./problem.js";

/** The staff app's own sections: an address under one of them is the app's to answer. */
const STAFF_APP_SECTIONS = new Set([
  "accept-invitation",
  "account",
  "activities",
  "admin",
  "agreements",
  "dashboard",
  "events",
  "exchange-balance",
  "forgot-password",
  "import",
  "inbox",
  "map",
  "moderation",
  "my",
  "news",
  "organisations",
  "people",
  "registry",
  "reset-password",
  "reviews",
  "setup",
  "sign-in",
]);

export function isStaffAppPath(path: string): boolean {
  return STAFF_APP_SECTIONS.has(path.split("/")[1] ?? "");
}

/**
 * What the server serves besides the API: the public site rendered on the server, its sitemap
 * and embeds, the built assets (hashed names cached a year; compressed copies made at build
 * time; no source maps, no server bundle), and the staff app's page for its own addresses.
 * Any other address is a real 404.
 */
export async function registerWeb(
  app: FastifyInstance,
  opts: { webDist: string; serveWeb: boolean; services: Services; publicUrl: string; https: boolean },
): Promise<void> {
  const { webDist, services } = opts;
  const withWeb = opts.serveWeb && existsSync(join(webDist, "index.html"));
  const ctx: SiteContext = {
    site: services.site,
    settings: services.siteSettings,
    built: withWeb ? await loadSite(webDist) : null,
    publicUrl: opts.publicUrl,
  };
  registerSitePages(app, ctx);
  registerEmbeds(app, ctx, opts.https);
  registerSitemap(app, ctx);

  if (withWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      cacheControl: false,
      preCompressed: true,
      // The renderer, the manifest and source maps are for the server and for debugging, never for browsers.
      allowedPath: (path) => !path.startsWith("/server/") && !path.startsWith("/.vite/") && !path.endsWith(".map"),
      setHeaders: (reply, path) => {
        const hashed = path.startsWith(join(webDist, "assets"));
        reply.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const notPage = request.method !== "GET" || path.startsWith("/api/") || path.startsWith("/assets/");
    // Outside the staff app's sections, without the public site built, there is no page to give.
    if (!withWeb || notPage || (!ctx.built && !isStaffAppPath(path))) {
      return reply
        .status(404)
        .type("application/problem+json")
        .send(
          toProblem(
            new AppError("not_found", "No route for {{method}} {{path}}.", {
              params: { method: request.method, path },
            }),
          ),
        );
    }
    // The staff app's pages; its shell names the current build's assets, so it is checked on every visit.
    if (isStaffAppPath(path)) {
      // An anonymous reader following an old public link to an event or a post reads its public page.
      const old = /^\/(events|news)\/([0-9a-zA-Z-]{1,64})$/.exec(path);
      if (old && request.actor.kind === "public") {
        const settings = await services.siteSettings.get();
        return reply.redirect(`/${settings.defaultLanguage}/${old[1]}/${old[2]}`, 302);
      }
      return reply.sendFile("index.html", webDist);
    }
    const settings = await services.siteSettings.get();
    return sendPage(ctx, reply, {
      lang: request.readerLang ?? settings.defaultLanguage,
      path: "/",
      query: "",
      embed: false,
      preview: false,
      page: { kind: "not-found" },
    });
  });
}
