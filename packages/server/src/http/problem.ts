import { type FieldError, MessageParams, type Problem } from "@conventio/domain";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "#shared/app-error.js";

const TITLES: Record<Problem["code"], string> = {
  bad_request: "Bad request",
  validation_failed: "Some fields are not valid",
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed",
  csrf_failed: "Missing or wrong CSRF token",
  not_found: "Not found",
  conflict: "Conflict",
  duplicate_suspected: "Possible duplicate",
  payload_too_large: "Too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many attempts",
  internal: "Internal error",
};

/** Renders any AppError as RFC 9457 problem details. */
export function toProblem(err: AppError): Problem {
  return {
    type: `https://conventio.org/problems/${err.code.replace(/_/g, "-")}`,
    title: TITLES[err.code],
    status: err.status,
    detail: err.message,
    key: err.key,
    ...(err.details.params ? { params: err.details.params } : {}),
    code: err.code,
    ...(err.details.errors ? { errors: err.details.errors } : {}),
    ...(err.details.candidates ? { candidates: err.details.candidates } : {}),
  };
}

type Issue = { instancePath: string; message?: string | undefined; params?: Record<string, unknown> };

/** A domain rule that fills values into its message names the template as `params.key` of its issue. */
function templateOf(issue: Issue): Pick<FieldError, "key" | "params"> {
  const { key, ...values } = (issue.params?.params ?? {}) as Record<string, unknown>;
  if (typeof key !== "string") return {};
  const params = MessageParams.safeParse(values);
  return { key, ...(params.success ? { params: params.data } : {}) };
}

function fieldErrors(context: string | undefined, issues: Issue[]): FieldError[] {
  return issues.flatMap((i) => {
    const base = i.instancePath.replace(/^\//, "").replace(/\//g, ".");
    const prefix = context && context !== "body" ? `${context}.` : "";
    const keys = Array.isArray(i.params?.keys) ? (i.params.keys as string[]) : null;
    if (keys) return keys.map((k) => ({ field: prefix + (base ? `${base}.${k}` : k), message: "Unknown field" }));
    return [{ field: prefix + base || context || "body", message: i.message ?? "Invalid value", ...templateOf(i) }];
  });
}

/** Database constraint violations that slipped past the service checks (races) become 409s. */
function constraintError(err: unknown): AppError | null {
  const e = err as { code?: string; message?: string };
  if (e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY" || e.code === "23505") {
    return new AppError("conflict", "This would duplicate an existing record.");
  }
  if (e.code === "SQLITE_CONSTRAINT_FOREIGNKEY" || e.code === "23503") {
    return new AppError("conflict", "This refers to a record that does not exist or is still in use.");
  }
  return null;
}

/** Maps every error to problem+json; only unknown failures are 500s, and they are logged. */
export function classify(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = fieldErrors((err as { validationContext?: string }).validationContext, err.validation);
    return AppError.invalid(errors);
  }
  const constraint = constraintError(err);
  if (constraint) return constraint;
  const f = err as Partial<FastifyError>;
  switch (f.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", "The request body is too large.");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("unsupported_media_type", "Send JSON with Content-Type: application/json.");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("bad_request", "The JSON body is empty.");
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("bad_request", "The body is not valid JSON.");
  }
  if (err instanceof SyntaxError) return new AppError("bad_request", "The body is not valid JSON.");
  if (typeof f.statusCode === "number" && f.statusCode >= 400 && f.statusCode < 500) {
    if (f.statusCode === 413) return new AppError("payload_too_large", f.message ?? "Too large.");
    if (f.statusCode === 415) return new AppError("unsupported_media_type", f.message ?? "Unsupported media type.");
    return new AppError("bad_request", f.message ?? "Bad request.");
  }
  return new AppError("internal", "Something went wrong on our side. It has been logged.");
}

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const appError = classify(err);
    if (appError.code === "internal") request.log.error({ err }, "unhandled error");
    if (appError.details.retryAfterSeconds) reply.header("retry-after", String(appError.details.retryAfterSeconds));
    reply.status(appError.status).type("application/problem+json").send(toProblem(appError));
  });
}
