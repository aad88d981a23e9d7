import { READER_LANGUAGE_COOKIE, readerLanguage, type UiLanguage } from "@conventio/domain";
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyRequest {
    /** The language to answer in: `?lang=`, else the web app's choice cookie, else Accept-Language. */
    readerLang: UiLanguage;
  }
}

function queryLang(request: FastifyRequest): string | null {
  const { lang } = (request.query ?? {}) as { lang?: unknown };
  const first = Array.isArray(lang) ? lang[0] : lang;
  return typeof first === "string" ? first : null;
}

/**
 * Decorates every request with the reader's language, so feeds, PDFs and public pages the browser
 * fetches directly answer in the language the reader chose.
 *
 * `?lang=` is read here, from the raw query, before validation. It is not stripped afterwards:
 * every query schema is a plain `z.object`, which drops keys it does not declare, so any GET route
 * accepts `?lang=` without declaring it, and a route that does declare it (the review PDF) still
 * receives it. reader-language.api.test.ts walks every GET route to keep it so; a route with a
 * strict query schema would have to declare `lang`.
 */
export const readerLanguagePlugin = fp(
  async (app) => {
    app.decorateRequest("readerLang", "en");
    app.addHook("onRequest", (request, _reply, done) => {
      request.readerLang = readerLanguage({
        query: queryLang(request),
        choice: request.cookies[READER_LANGUAGE_COOKIE],
        acceptLanguage: request.headers["accept-language"],
      });
      done();
    });
  },
  { name: "reader-language", fastify: "5.x", dependencies: ["@fastify/cookie"] },
);
