import { useTranslation } from "react-i18next";
import { ApiError } from "./api";
import { isKnownMessage, translateMessage } from "./messages";

/** A field's message: the English text as written by the schema or the server, or one of ours by key. */
export type FieldMessage = { text: string } | { key: GenericKey; values?: Record<string, string | number> };
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

function messageOfIssue(issue: Issue): FieldMessage {
  // The domain's own wording is translated as such; zod's generic wording gets ours.
  if (isKnownMessage(issue.message)) return { text: issue.message };
  const origin = (issue as { origin?: string }).origin;
  switch (issue.code) {
    case "too_small":
      if (origin === "string" && bound(issue, "minimum") === 1) return { key: "validation.required" };
      return origin === "string"
        ? { key: "validation.tooShort", values: { n: bound(issue, "minimum") } }
        : { key: "validation.tooSmall", values: { n: bound(issue, "minimum") } };
    case "too_big":
      return origin === "string"
        ? { key: "validation.tooLong", values: { n: bound(issue, "maximum") } }
        : { key: "validation.tooBig", values: { n: bound(issue, "maximum") } };
    case "invalid_type":
      // An empty number field reads as missing, not as a wrong type.
      return /received undefined$/.test(issue.message) ? { key: "validation.required" } : { key: "validation.invalid" };
    case "unrecognized_keys":
      return { key: "validation.unknownField" };
    default:
      return issue.code === "custom" ? { text: issue.message } : { key: "validation.invalid" };
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
  for (const e of error.fieldErrors) out[e.field] ??= { text: e.message };
  return out;
}

/** Renders field messages in the current language; re-renders when the language changes. */
export function useFieldMessage(): (message: FieldMessage | undefined) => string | undefined {
  const { t } = useTranslation();
  return (message) => {
    if (!message) return undefined;
    return "key" in message ? t(message.key, message.values) : translateMessage(message.text);
  };
}
