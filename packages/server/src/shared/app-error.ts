import {
  type DuplicateCandidate,
  type ErrorCode,
  type FieldError,
  fieldMessage,
  fillMessage,
  type MessageParams,
} from "@conventio/domain";

/** HTTP status of each error code; the switch is exhaustive so a new code cannot be forgotten. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case "bad_request":
      return 400;
    case "unauthenticated":
      return 401;
    case "forbidden":
    case "csrf_failed":
      return 403;
    case "not_found":
      return 404;
    case "conflict":
    case "duplicate_suspected":
      return 409;
    case "payload_too_large":
      return 413;
    case "unsupported_media_type":
      return 415;
    case "validation_failed":
      return 422;
    case "rate_limited":
      return 429;
    case "internal":
      return 500;
  }
}

export interface AppErrorDetails {
  errors?: FieldError[];
  candidates?: DuplicateCandidate[];
  retryAfterSeconds?: number;
  /** Values for `{{name}}` placeholders in the message, which is then a catalogue key. */
  params?: MessageParams;
}

/**
 * The one error type of Conventio; rendered as RFC 9457 problem+json at the edge. The message is
 * an English template that the catalogues translate; with `details.params` its placeholders are
 * filled for the English detail, and the template and values travel alongside for translation.
 */
export class AppError extends Error {
  /** The message as a catalogue key (the English template). */
  readonly key: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(fillMessage(message, details.params));
    this.name = "AppError";
    this.key = message;
  }

  get status(): number {
    return statusOf(this.code);
  }

  /** `what` is a catalogue key too ("This agreement"), so translations can put it in their own words. */
  static notFound(what: string): AppError {
    return new AppError("not_found", "{{what}} was not found.", { params: { what } });
  }

  /**
   * Fields refused by a rule or a schema. One field: its own message is the problem's. Several:
   * a fixed sentence naming them, and each message stays with its field in `errors`.
   */
  static invalid(errors: FieldError[]): AppError {
    const [first] = errors;
    if (errors.length === 1 && first) {
      return new AppError("validation_failed", first.key ?? first.message, {
        errors,
        ...(first.params ? { params: first.params } : {}),
      });
    }
    return new AppError("validation_failed", "These fields are not valid: {{fields}}.", {
      errors,
      params: { fields: errors.map((e) => e.field).join(", ") },
    });
  }

  static field(code: ErrorCode, field: string, message: string, params?: MessageParams): AppError {
    return new AppError(code, message, { errors: [fieldError(field, message, params)], ...(params ? { params } : {}) });
  }
}

/** A field's error: its English sentence, and the template and values it was filled from. */
export function fieldError(field: string, template: string, params?: MessageParams): FieldError {
  return { field, ...fieldMessage(template, params) };
}
