import {
  OPEN_DATA_FORMATS,
  OPEN_DATA_SETS,
  type OpenDataFormat,
  OpenDataPartner,
  OpenDataPartnership,
  type OpenDataSet,
  openDataDocument,
  UiLanguage,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CONTENT_DISPOSITION, fileResponse, type HeaderDescription, problems } from "#http/common.js";
import type { OpenDataService } from "./open-data.service.js";

const OpenDataQuery = z.object({
  lang: UiLanguage.optional().describe("The language of titles, names and page addresses; else the site's default"),
});

const LINK: Record<"link", HeaderDescription> = {
  link: { description: 'The licence the data is published under: <url>; rel="license"', schema: { type: "string" } },
};

const DESCRIBED: Record<OpenDataSet, { label: string; item: z.ZodType }> = {
  partnerships: { label: "Public partnerships", item: OpenDataPartnership },
  partners: { label: "Public partner organisations", item: OpenDataPartner },
};

/** What each file is documented as: CSV as text, JSON with the shape of its document. */
function fileOf(set: OpenDataSet, format: OpenDataFormat, description: string) {
  const headers = { ...LINK, ...CONTENT_DISPOSITION };
  if (format === "csv") return fileResponse(description, ["text/csv"], headers);
  return { description, content: { "application/json": { schema: openDataDocument(DESCRIBED[set].item) } }, headers };
}

/**
 * GET /api/public/open-data/{set}.csv and .json: what the portal shows of the public partnerships
 * and partners, for anyone to download and reuse, from any site, under the institution's licence.
 */
export function openDataRoutes(openData: OpenDataService): FastifyPluginAsyncZod {
  return async (app) => {
    for (const set of OPEN_DATA_SETS) {
      for (const format of OPEN_DATA_FORMATS) {
        const summary = `${DESCRIBED[set].label} as ${format === "csv" ? "CSV (UTF-8)" : "JSON"}, under the site's licence`;
        app.get(
          `/api/public/open-data/${set}.${format}`,
          {
            schema: {
              tags: ["public"],
              summary,
              description:
                "Streamed as it is read. Cells of the CSV that a spreadsheet would run as a formula start with an apostrophe.",
              querystring: OpenDataQuery,
              response: {
                200: fileOf(set, format, summary),
                ...problems,
              },
            },
          },
          async (req, reply) => {
            const opened = await openData.openDataSet(set, format, req.query.lang);
            return (
              reply
                .type(opened.mediaType)
                .header("link", `<${opened.licence.url}>; rel="license"`)
                .header("content-disposition", `attachment; filename="${opened.fileName}"`)
                .header("cache-control", "public, max-age=300")
                // Open data is read by other sites' pages too.
                .header("access-control-allow-origin", "*")
                .header("cross-origin-resource-policy", "cross-origin")
                .send(opened.stream)
            );
          },
        );
      }
    }
  };
}
