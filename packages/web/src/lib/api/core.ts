import type { ErrorCode, FieldError, Problem, SessionView } from "@conventio/domain";

/** A failed call: the server's RFC 9457 problem, or a synthetic one when the network failed. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  get candidates(): NonNullable<Problem["candidates"]> {
    return this.problem.candidates ?? [];
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The session's CSRF token; every write echoes it in x-csrf-token. */
let csrfToken: string | null = null;
export const csrfHeader = (): Record<string, string> => (csrfToken ? { "x-csrf-token": csrfToken } : {});

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type QueryValue = string | number | undefined | null;

export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function problemOf(status: number, body: unknown): Problem {
  if (body && typeof body === "object" && "code" in body && "status" in body) return body as Problem;
  return {
    type: "about:blank",
    title: `HTTP ${status}`,
    status,
    code: status >= 500 ? "internal" : "bad_request",
  };
}

export async function send<T>(method: Method, path: string, body?: unknown, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "internal" });
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  const problem = problemOf(response.status, data);
  // A session renewed in another tab carries a new token: fetch it and try the write once more.
  if (problem.code === "csrf_failed" && !retried) {
    const session = await send<SessionView>("GET", "/api/auth/session");
    rememberCsrfToken(session.csrfToken);
    return send<T>(method, path, body, true);
  }
  throw new ApiError(problem);
}

export const get = <T>(path: string) => send<T>("GET", path);
export const post = <T>(path: string, body: unknown = {}) => send<T>("POST", path, body);
export const patch = <T>(path: string, body: unknown) => send<T>("PATCH", path, body);
export const put = <T>(path: string, body: unknown) => send<T>("PUT", path, body);
export const remove = (path: string) => send<void>("DELETE", path);

/** A multipart upload: the fields first, then the file, as the server reads them in order. */
export async function upload<T>(path: string, fields: Record<string, string>, file: File): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
  form.append("file", file, file.name);
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers, credentials: "same-origin", body: form });
  } catch {
    throw new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "internal" });
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  throw new ApiError(problemOf(response.status, data));
}

/** A path segment, escaped. */
export const id = (value: string) => encodeURIComponent(value);
