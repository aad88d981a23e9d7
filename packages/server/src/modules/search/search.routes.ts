import { GlobalSearchQuery, GlobalSearchResult } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problems } from "#http/common.js";
import type { SearchService } from "./search.service.js";

export function searchRoutes(search: SearchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/search",
      {
        schema: {
          tags: ["search"],
          summary: "Search organisations, agreements, people, activities, events, news and the registry at once",
          querystring: GlobalSearchQuery,
          response: { 200: GlobalSearchResult, ...problems },
        },
      },
      async (req) => search.searchEverything(req.actor, req.query, req.readerLang),
    );
  };
}
