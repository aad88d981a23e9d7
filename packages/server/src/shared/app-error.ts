import { type ErrorCode, type FieldError, fillMessage, type MessageParams } from "@conventio/domain";

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
  candidates?: { id: string; name: string; reason: string }[];
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

  static notFound(what: string): AppError {
    return new AppError("not_found", `${what} was not found.`);
  }

  static field(code: ErrorCode, field: string, message: string): AppError {
    return new AppError(code, message, { errors: [{ field, message }] });
  }
}
