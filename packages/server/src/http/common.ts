import { Problem } from "@conventio/domain";
import { z } from "zod";

/** Problem responses shared by every route's OpenAPI description. */
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
} as const;

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export const NoContent = z.null().describe("No content");
