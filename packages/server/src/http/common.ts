import type { Readable } from "node:stream";
import { Problem } from "@conventio/domain";
import { z } from "zod";

/**
 * Problem responses shared by every route's OpenAPI description. The document declares them as
 * application/problem+json referring to the one Problem component (see openapi.ts).
 */
export const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  415: Problem,
  422: Problem,
  429: Problem,
  500: Problem,
} as const;

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export const NoContent = z.null().describe("No content");

/** A body sent as it is (a file, a PDF, a feed): never serialised, only described. */
const FileBody = z
  .custom<Buffer | Readable | string>(() => true)
  .meta({ type: "string", format: "binary", description: "The file's bytes" });

/** A plain-text body such as an iCal or XML feed, sent as it is. */
const TextBody = z.custom<string>((v) => typeof v === "string").meta({ type: "string" });

/** A response header, described for OpenAPI only; Fastify does not check it. */
export interface HeaderDescription {
  description: string;
  schema: { type: "string" };
}

export const CONTENT_DISPOSITION: Record<"content-disposition", HeaderDescription> = {
  "content-disposition": {
    description: "attachment or inline, with the file name to save it under",
    schema: { type: "string" },
  },
};

/**
 * A download's response: its media types, so clients and the OpenAPI document know what comes
 * back, and the headers worth describing (content-disposition for files to save). Text media
 * types (calendars, feeds) are described as strings, anything else as bytes.
 */
export function fileResponse(
  description: string,
  mediaTypes: readonly string[],
  headers?: Record<string, HeaderDescription>,
) {
  const isText = (type: string) => type.startsWith("text/") || type.endsWith("+xml") || type === "application/xml";
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: isText(type) ? TextBody : FileBody }])),
    ...(headers ? { headers } : {}),
  };
}

/** The route monitoring calls: documented, open to anyone, and answering as long as the process serves. */
export const healthSchema = {
  tags: ["health"],
  summary: "Whether the server answers",
  response: { 200: z.object({ ok: z.boolean() }) },
};
