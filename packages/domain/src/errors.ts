import { z } from "zod";

/** The closed set of error codes; the server maps each to one HTTP status. */
export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "csrf_failed",
  "not_found",
  "conflict",
  "duplicate_suspected",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "internal",
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldError = z.object({
  field: z.string().describe("Dotted path of the field at fault, e.g. identifiers.0.value"),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with Conventio's code and field errors. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: ErrorCode,
  errors: z.array(FieldError).optional(),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
