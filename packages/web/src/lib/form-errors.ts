import { useTranslation } from "react-i18next";
import { ApiError } from "./api";
import { isKnownMessage, type Message, useMessage } from "./messages";

/**
 * A field's message: as written by the schema or the server (English, with its catalogue key and
 * values when it has them), or one of the web app's own generic messages.
 */
export type FieldMessage = Message | { generic: GenericKey; values?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldMessage>;

type GenericKey =
  | "validation.required"
  | "validation.tooLong"
  | "validation.tooShort"
  | "validation.tooBig"
  | "validation.tooSmall"
  | "validation.invalid"
  | "validation.unknownField";

type Issue = { code: string; path: PropertyKey[]; message: string };

function bound(issue: Issue, name: "maximum" | "minimum"): number | string {
  const value = (issue as Record<string, unknown>)[name];
  return typeof value === "number" || typeof value === "string" ? value : "";
}

/** A domain rule that fills values into its message names its template as `params.key`. */
function domainMessage(issue: Issue): Message | null {
  const { key, ...params } = ((issue as { params?: Record<string, unknown> }).params ?? {}) as Record<string, unknown>;
  if (typeof key === "string") return { text: issue.message, key, params: params as Message["params"] };
  return isKnownMessage(issue.message) ? { text: issue.message } : null;
}

function messageOfIssue(issue: Issue): FieldMessage {
  // The domain's own wording is translated as such; zod's generic wording gets ours.
  const own = domainMessage(issue);
  if (own) return own;
  const origin = (issue as { origin?: string }).origin;
  switch (issue.code) {
    case "too_small":
      if (origin === "string" && bound(issue, "minimum") === 1) return { generic: "validation.required" };
      return origin === "string"
        ? { generic: "validation.tooShort", values: { n: bound(issue, "minimum") } }
        : { generic: "validation.tooSmall", values: { n: bound(issue, "minimum") } };
    case "too_big":
      return origin === "string"
        ? { generic: "validation.tooLong", values: { n: bound(issue, "maximum") } }
        : { generic: "validation.tooBig", values: { n: bound(issue, "maximum") } };
    case "invalid_type":
      // An empty number field reads as missing, not as a wrong type.
      return /received undefined$/.test(issue.message)
        ? { generic: "validation.required" }
        : { generic: "validation.invalid" };
    case "unrecognized_keys":
      return { generic: "validation.unknownField" };
    default:
      return issue.code === "custom" ? { text: issue.message } : { generic: "validation.invalid" };
  }
}

/** Client-side schema issues, keyed by the dotted path the server uses too (identifiers.0.value). */
export function errorsFromIssues(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    out[path] ??= messageOfIssue(issue);
  }
  return out;
}

/** The server's field errors (problem+json errors[]), keyed by field. */
export function errorsFromProblem(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.fieldErrors) out[e.field] ??= { text: e.message, key: e.key, params: e.params };
  return out;
}

/** Renders field messages in the current language; re-renders when the language changes. */
export function useFieldMessage(): (message: FieldMessage | undefined) => string | undefined {
  const { t } = useTranslation();
  const show = useMessage();
  return (message) => {
    if (!message) return undefined;
    return "generic" in message ? t(message.generic, message.values) : show(message);
  };
}
