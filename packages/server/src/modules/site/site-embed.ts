import { SITE_LANGUAGES } from "@conventio/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { framablePolicy } from "#http/security-headers.js";
import { type SiteContext, sendPage } from "./site.routes.js";
import type { SiteQuery } from "./site-query.js";

const WIDGETS = ["map", "partnerships", "events"] as const;

/**
 * The script a university pastes into its CMS: it puts the widget's frame after itself and
 * follows the height the framed page reports, so the frame never scrolls. Plain ES2017, no
 * dependencies; attributes are read, never evaluated.
 */
const EMBED_SCRIPT = `(function () {
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var widget = script.getAttribute("data-widget") || "partnerships";
  if (["map", "partnerships", "events"].indexOf(widget) < 0) widget = "partnerships";
  var lang = script.getAttribute("data-lang") || "en";
  if (["en", "fr", "sv"].indexOf(lang) < 0) lang = "en";
  var params = new URLSearchParams();
  ["theme", "country", "unit"].forEach(function (name) {
    var value = script.getAttribute("data-" + name);
    if (value) params.set(name, value);
  });
  var frame = document.createElement("iframe");
  var query = params.toString();
  frame.src = origin + "/embed/" + lang + "/" + widget + (query ? "?" + query : "");
  frame.title = script.getAttribute("data-title") || widget;
  frame.loading = "lazy";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.minHeight = "320px";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (data && data.conventio === "height" && typeof data.height === "number") {
      frame.style.height = Math.min(Math.max(data.height, 120), 20000) + "px";
    }
  });
})();
`;

/**
 * Widgets for the university's own site: the partner map, a partnerships list (filtered by
 * theme, country or unit) and the coming events, framed only by the origins an administrator
 * lists, and the script that frames them.
 */
export function registerEmbeds(app: FastifyInstance, ctx: SiteContext, https: boolean): void {
  const query = (req: FastifyRequest) => req.query as SiteQuery;
  for (const lang of SITE_LANGUAGES) {
    for (const widget of WIDGETS) {
      app.get(`/embed/${lang}/${widget}`, { schema: { hide: true } }, async (req, reply) => {
        const settings = await ctx.settings.get();
        reply.header("content-security-policy", framablePolicy(https, settings.embedOrigins));
        reply.removeHeader("x-frame-options");
        const page =
          widget === "map"
            ? await ctx.site.map()
            : widget === "events"
              ? await ctx.site.events(lang, {})
              : await ctx.site.partnerships(lang, query(req), `/embed/${lang}/partnerships`);
        return sendPage(ctx, reply, {
          lang,
          path: `/${widget}`,
          query: "",
          embed: true,
          preview: false,
          page,
        });
      });
    }
  }
  app.get("/embed.js", { schema: { hide: true } }, async (_req, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      // Loaded by other sites' pages: the resource policy must let them.
      .header("cross-origin-resource-policy", "cross-origin")
      .header("cache-control", "public, max-age=3600")
      .send(EMBED_SCRIPT),
  );
}
