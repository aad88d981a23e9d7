import type {
  AuditEventView,
  CountryCount,
  CreateOrganisationInput,
  CreatePersonInput,
  CreateUserInput,
  ErrorCode,
  FieldError,
  MembershipInput,
  MembershipView,
  OrganisationDetail,
  OrganisationKind,
  OrganisationSummary,
  OrganisationView,
  Page,
  PersonRoleInput,
  PersonView,
  Problem,
  RegistryEntryView,
  SessionView,
  SetupInput,
  SignInInput,
  UpdateOrganisationInput,
  UpdatePersonInput,
  UserRole,
  UserView,
} from "@conventio/domain";

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

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type QueryValue = string | number | undefined | null;

function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

function problemOf(status: number, body: unknown): Problem {
  if (body && typeof body === "object" && "code" in body && "status" in body) return body as Problem;
  return {
    type: "about:blank",
    title: `HTTP ${status}`,
    status,
    code: status >= 500 ? "internal" : "bad_request",
  };
}

async function send<T>(method: Method, path: string, body?: unknown, retried = false): Promise<T> {
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

const get = <T>(path: string) => send<T>("GET", path);
const post = <T>(path: string, body: unknown = {}) => send<T>("POST", path, body);
const patch = <T>(path: string, body: unknown) => send<T>("PATCH", path, body);
const remove = (path: string) => send<void>("DELETE", path);
const id = (value: string) => encodeURIComponent(value);

export interface OrganisationFilters {
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  country?: string | undefined;
  network?: string | undefined;
}

/** Partner organisations in one country; the domain exports only the schema of it. */

export type Candidate = NonNullable<Problem["candidates"]>[number];

/** Every call the web app makes, typed with the domain's schemas. */
export const api = {
  session: () => get<SessionView>("/api/auth/session"),
  signIn: (input: SignInInput) => post<SessionView>("/api/auth/sign-in", input),
  signOut: () => post<void>("/api/auth/sign-out"),
  completeSetup: (input: SetupInput) => post<UserView>("/api/setup", input),

  organisations: {
    list: (filters: OrganisationFilters, page: { cursor?: string | undefined; limit?: number } = {}) =>
      get<Page<OrganisationSummary>>(`/api/organisations${queryString({ ...filters, ...page })}`),
    get: (orgId: string) => get<OrganisationDetail>(`/api/organisations/${id(orgId)}`),
    create: (input: CreateOrganisationInput) => post<OrganisationView>("/api/organisations", input),
    update: (orgId: string, input: UpdateOrganisationInput) =>
      patch<OrganisationView>(`/api/organisations/${id(orgId)}`, input),
    delete: (orgId: string) => remove(`/api/organisations/${id(orgId)}`),
    addMembership: (networkId: string, input: MembershipInput) =>
      post<MembershipView>(`/api/organisations/${id(networkId)}/memberships`, input),
    removeMembership: (networkId: string, membershipId: string) =>
      remove(`/api/organisations/${id(networkId)}/memberships/${id(membershipId)}`),
    suggestDuplicates: (draft: {
      name: string;
      website: string | null;
      countryCode: string | null;
      city: string | null;
    }) => post<{ candidates: Candidate[] }>("/api/organisations/duplicates", draft),
  },

  map: {
    countries: () => get<{ items: CountryCount[] }>("/api/map/countries"),
  },

  registry: {
    search: (q: string, limit = 10) => get<{ items: RegistryEntryView[] }>(`/api/registry${queryString({ q, limit })}`),
    adopt: (entryId: string, confirmDuplicate = false) =>
      post<OrganisationView>(`/api/registry/${id(entryId)}/adopt`, confirmDuplicate ? { confirmDuplicate } : {}),
  },

  people: {
    list: (filters: { q?: string | undefined; organisation?: string | undefined }, cursor?: string) =>
      get<Page<PersonView>>(`/api/people${queryString({ ...filters, cursor, limit: 50 })}`),
    get: (personId: string) => get<PersonView>(`/api/people/${id(personId)}`),
    create: (input: CreatePersonInput) => post<PersonView>("/api/people", input),
    update: (personId: string, input: UpdatePersonInput) => patch<PersonView>(`/api/people/${id(personId)}`, input),
    erase: (personId: string) => remove(`/api/people/${id(personId)}`),
    exportUrl: (personId: string) => `/api/people/${id(personId)}/export`,
    addRole: (personId: string, input: PersonRoleInput) => post<PersonView>(`/api/people/${id(personId)}/roles`, input),
    removeRole: (personId: string, roleId: string) =>
      send<PersonView>("DELETE", `/api/people/${id(personId)}/roles/${id(roleId)}`),
  },

  users: {
    list: () => get<{ items: UserView[] }>("/api/users"),
    create: (input: CreateUserInput) => post<UserView>("/api/users", input),
    update: (userId: string, input: { name?: string; role?: UserRole; disabled?: boolean }) =>
      patch<UserView>(`/api/users/${id(userId)}`, input),
  },

  audit: {
    list: (cursor?: string) => get<Page<AuditEventView>>(`/api/audit${queryString({ cursor, limit: 50 })}`),
  },
};
