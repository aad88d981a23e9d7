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

/** Values put into a message's placeholders. */
export const MessageParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof MessageParams>;

/**
 * Fills `{{name}}` placeholders of an English message template. The template is also the key
 * the catalogues translate, so a reader's language needs no guessing from the English sentence.
 */
export function fillMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A schema issue's message as the API carries it: a domain rule names its template and values in
 * the issue's params (`key` and the rest), any other issue is its own sentence.
 */
export function issueMessage(issue: { message: string; params?: unknown }): {
  message: string;
  key: string;
  params?: MessageParams;
} {
  const { key, ...values } = (issue.params ?? {}) as Record<string, unknown>;
  const params = Object.fromEntries(
    Object.entries(values).filter((e): e is [string, string | number] => ["string", "number"].includes(typeof e[1])),
  );
  return {
    message: issue.message,
    key: typeof key === "string" ? key : issue.message,
    ...(Object.keys(params).length > 0 ? { params } : {}),
  };
}

/** A message as the API carries it: the English sentence, and the template and values it was filled from. */
export function fieldMessage(
  template: string,
  params?: MessageParams,
): { message: string; key: string; params?: MessageParams } {
  return { message: fillMessage(template, params), key: template, ...(params ? { params } : {}) };
}

export const FieldError = z.object({
  field: z.string().describe("Dotted path of the field at fault, e.g. identifiers.0.value"),
  message: z.string().describe("The message in English"),
  key: z.string().optional().describe("Catalogue key of the message: its English template"),
  params: MessageParams.optional().describe("Values for the template's placeholders"),
});
export type FieldError = z.infer<typeof FieldError>;

/** A record the new one may duplicate, and why it looks alike. */
export const DuplicateCandidate = z.object({
  id: z.string(),
  name: z.string(),
  reason: z.string().describe("Why it looks alike, in English"),
  reasonKey: z.string().describe("Catalogue key of the reason: its English template"),
  reasonParams: MessageParams.describe("Values for the reason's placeholders"),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/** RFC 9457 problem details, with Conventio's code and field errors. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional().describe("What went wrong, in English"),
  key: z.string().optional().describe("Catalogue key of the detail: its English template"),
  params: MessageParams.optional().describe("Values for the template's placeholders"),
  code: ErrorCode,
  errors: z.array(FieldError).optional(),
  candidates: z.array(DuplicateCandidate).optional(),
});
export type Problem = z.infer<typeof Problem>;
