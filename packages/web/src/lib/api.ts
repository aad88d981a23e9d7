import type {
  ActionView,
  ActivityInput,
  ActivityListQuery,
  ActivityView,
  AgreementListQuery,
  AgreementSummary,
  AgreementView,
  AuditEventView,
  BalanceRow,
  BodyView,
  CommentView,
  CountryCount,
  CreateActionInput,
  CreateAgreementInput,
  CreateBodyInput,
  CreateOrganisationInput,
  CreatePersonInput,
  CreateUserInput,
  ErrorCode,
  EventInput,
  EventView,
  FieldError,
  InboxMessageView,
  IndicatorInput,
  IndicatorView,
  MeetingInput,
  MeetingView,
  MemberInput,
  MembershipInput,
  MembershipView,
  NewsInput,
  NewsSummary,
  NewsView,
  OrganisationDetail,
  OrganisationKind,
  OrganisationSummary,
  OrganisationView,
  Page,
  PersonRoleInput,
  PersonView,
  PreferencesInput,
  Problem,
  PublicOrganisationPage,
  PublicPartnershipPage,
  RecordPastAgreementInput,
  RegistryEntryView,
  SessionView,
  SetupInput,
  SignInInput,
  ThemeInput,
  ThemeView,
  TimelineEvent,
  TransitionInput,
  UpdateActionInput,
  UpdateAgreementInput,
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
export const csrfHeader = (): Record<string, string> => (csrfToken ? { "x-csrf-token": csrfToken } : {});

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type QueryValue = string | number | undefined | null;

function queryString(params: Record<string, QueryValue>): string {
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

const get = <T>(path: string) => send<T>("GET", path);
const post = <T>(path: string, body: unknown = {}) => send<T>("POST", path, body);
const patch = <T>(path: string, body: unknown) => send<T>("PATCH", path, body);
const put = <T>(path: string, body: unknown) => send<T>("PUT", path, body);
const remove = (path: string) => send<void>("DELETE", path);

/** A multipart upload: the fields first, then the file, as the server reads them in order. */
async function upload<T>(path: string, fields: Record<string, string>, file: File): Promise<T> {
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
const id = (value: string) => encodeURIComponent(value);

export interface OrganisationFilters {
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  country?: string | undefined;
  network?: string | undefined;
}

export type AgreementFilters = { [K in keyof AgreementListQuery]?: AgreementListQuery[K] | undefined };
export type ActivityFilters = { [K in keyof ActivityListQuery]?: ActivityListQuery[K] | undefined };

/** A stored file of an agreement; every upload is a new version. */
/** A record files are attached to, named as in its API path. */
export type DocumentRecord = { kind: "agreements" | "activities"; id: string };

export interface DocumentView {
  id: string;
  kind: "signed" | "annex" | "other";
  title: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  version: number;
  replacesId: string | null;
  uploadedAt: string;
}

export interface DormantAgreement {
  id: string;
  reference: string;
  title: string;
  startsOn: string | null;
  lastSign: string | null;
}

export interface DashboardView {
  byStatus: { status: string; count: number }[];
  byKind: { kind: string; count: number }[];
  byCountry: { countryCode: string; count: number }[];
  expiring: { id: string; reference: string; title: string; endsOn: string | null; status: string }[];
  mobility: { academicYear: string; incoming: number; outgoing: number }[];
  dormant: DormantAgreement[];
  dormantTotal: number;
}

export interface ReviewView {
  on: string;
  since: string | null;
  sinceKind: "review" | "meeting" | "start" | null;
  recorded: string[];
  agreement: AgreementView;
  bodies: BodyView[];
  activities: ActivityView[];
  indicators: IndicatorView[];
  openActions: ActionView[];
  deadlines: { on: string; kind: "agreement_end" | "action"; what: string }[];
}

export type Candidate = NonNullable<Problem["candidates"]>[number];

/** Every call the web app makes, typed with the domain's schemas. */
export const api = {
  session: () => get<SessionView>("/api/auth/session"),
  signIn: (input: SignInInput) => post<SessionView>("/api/auth/sign-in", input),
  signOut: () => post<void>("/api/auth/sign-out"),
  completeSetup: (input: SetupInput) => post<UserView>("/api/setup", input),

  organisations: {
    /** `lang`: the language names are shown in; without it, the server reads the language cookie. */
    list: (
      filters: OrganisationFilters,
      page: { cursor?: string | undefined; limit?: number } = {},
      lang?: string | undefined,
    ) => get<Page<OrganisationSummary>>(`/api/organisations${queryString({ ...filters, ...page, lang })}`),
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

  /** Files attached to a record: an agreement or an activity. */
  documents: {
    list: (record: DocumentRecord) => get<{ items: DocumentView[] }>(`/api/${record.kind}/${id(record.id)}/documents`),
    upload: (
      record: DocumentRecord,
      meta: { kind: DocumentView["kind"]; title: string; replaces: string },
      file: File,
    ) => upload<DocumentView>(`/api/${record.kind}/${id(record.id)}/documents`, meta, file),
    url: (record: DocumentRecord, documentId: string) =>
      `/api/${record.kind}/${id(record.id)}/documents/${id(documentId)}`,
  },

  themes: {
    list: () => get<{ items: ThemeView[] }>("/api/themes"),
    add: (input: ThemeInput) => post<ThemeView>("/api/themes", input),
    remove: (theme: string) => remove(`/api/themes/${id(theme)}`),
  },

  users: {
    list: () => get<{ items: UserView[] }>("/api/users"),
    assignable: () => get<{ items: { id: string; name: string }[] }>("/api/users/assignable"),
    create: (input: CreateUserInput) => post<UserView>("/api/users", input),
    update: (userId: string, input: { name?: string; role?: UserRole; disabled?: boolean }) =>
      patch<UserView>(`/api/users/${id(userId)}`, input),
  },

  agreements: {
    list: (filters: AgreementFilters, cursor?: string, lang?: string) =>
      get<Page<AgreementSummary>>(`/api/agreements${queryString({ ...filters, cursor, limit: 50, lang })}`),
    get: (agreementId: string) => get<AgreementView>(`/api/agreements/${id(agreementId)}`),
    create: (input: CreateAgreementInput) => post<AgreementView>("/api/agreements", input),
    /** Enters a past agreement as it stands, outside the lifecycle rules. */
    recordPast: (input: RecordPastAgreementInput) => post<AgreementView>("/api/agreements/past", input),
    update: (agreementId: string, input: UpdateAgreementInput) =>
      patch<AgreementView>(`/api/agreements/${id(agreementId)}`, input),
    delete: (agreementId: string) => remove(`/api/agreements/${id(agreementId)}`),
    transition: (agreementId: string, input: TransitionInput) =>
      post<AgreementView>(`/api/agreements/${id(agreementId)}/transitions`, input),
    renew: (agreementId: string) => post<AgreementView>(`/api/agreements/${id(agreementId)}/renewal`),
    bodies: (agreementId: string) => get<{ items: BodyView[] }>(`/api/agreements/${id(agreementId)}/bodies`),
    actions: (agreementId: string) => get<{ items: ActionView[] }>(`/api/agreements/${id(agreementId)}/actions`),
    indicators: (agreementId: string) =>
      get<{ items: IndicatorView[] }>(`/api/agreements/${id(agreementId)}/indicators`),
    review: (agreementId: string, on: string) =>
      get<ReviewView>(`/api/agreements/${id(agreementId)}/review${queryString({ on })}`),
    recordReview: (agreementId: string, on: string) =>
      post<{ recorded: string[] }>(`/api/agreements/${id(agreementId)}/reviews`, { on }),
    reviewPdfUrl: (agreementId: string, on: string, lang: string) =>
      `/api/agreements/${id(agreementId)}/review.pdf${queryString({ on, lang })}`,
  },

  governance: {
    createBody: (input: CreateBodyInput) => post<{ id: string }>("/api/bodies", input),
    addMember: (bodyId: string, input: MemberInput) => post<{ id: string }>(`/api/bodies/${id(bodyId)}/members`, input),
    removeMember: (bodyId: string, memberId: string) => remove(`/api/bodies/${id(bodyId)}/members/${id(memberId)}`),
    recordMeeting: (bodyId: string, input: MeetingInput) =>
      post<MeetingView>(`/api/bodies/${id(bodyId)}/meetings`, input),
    updateMeeting: (meetingId: string, input: MeetingInput) =>
      patch<MeetingView>(`/api/meetings/${id(meetingId)}`, input),
    createAction: (input: CreateActionInput) => post<ActionView>("/api/actions", input),
    updateAction: (actionId: string, input: UpdateActionInput) =>
      patch<ActionView>(`/api/actions/${id(actionId)}`, input),
  },

  me: {
    actions: () => get<{ items: ActionView[] }>("/api/me/actions"),
    inbox: (cursor?: string) =>
      get<Page<InboxMessageView> & { unread: number }>(`/api/me/inbox${queryString({ cursor, limit: 50 })}`),
    markRead: (messageId: string) => post<void>(`/api/me/inbox/${id(messageId)}/read`),
    setPreferences: (input: PreferencesInput) => put<UserView>("/api/me/preferences", input),
  },

  timeline: (orgId: string) => get<{ items: TimelineEvent[] }>(`/api/organisations/${id(orgId)}/timeline`),

  activities: {
    list: (filters: ActivityFilters, cursor?: string) =>
      get<Page<ActivityView>>(`/api/activities${queryString({ ...filters, cursor, limit: 50 })}`),
    get: (activityId: string) => get<ActivityView>(`/api/activities/${id(activityId)}`),
    create: (input: ActivityInput) => post<ActivityView>("/api/activities", input),
    update: (activityId: string, input: ActivityInput) => put<ActivityView>(`/api/activities/${id(activityId)}`, input),
    delete: (activityId: string) => remove(`/api/activities/${id(activityId)}`),
    balance: (query: { partner?: string | undefined; byPartner?: boolean }) =>
      get<{ items: BalanceRow[] }>(
        `/api/exchange-balance${queryString({ partner: query.partner, byPartner: query.byPartner ? "true" : undefined })}`,
      ),
  },

  indicators: {
    create: (input: IndicatorInput) => post<IndicatorView>("/api/indicators", input),
    recordValue: (indicatorId: string, input: { year: number; value: number }) =>
      put<IndicatorView>(`/api/indicators/${id(indicatorId)}/values`, input),
  },

  dashboard: () => get<DashboardView>("/api/dashboard"),

  events: {
    list: (
      query: { from?: string | undefined; to?: string | undefined; agreement?: string | undefined },
      cursor?: string,
    ) => get<Page<EventView>>(`/api/events${queryString({ ...query, cursor, limit: 200 })}`),
    get: (eventId: string) => get<EventView>(`/api/events/${id(eventId)}`),
    create: (input: EventInput) => post<EventView>("/api/events", input),
    update: (eventId: string, input: EventInput) => put<EventView>(`/api/events/${id(eventId)}`, input),
    delete: (eventId: string) => remove(`/api/events/${id(eventId)}`),
  },

  news: {
    list: (query: { tag?: string | undefined; agreement?: string | undefined } = {}, cursor?: string) =>
      get<Page<NewsSummary>>(`/api/news${queryString({ ...query, cursor, limit: 20 })}`),
    get: (postId: string) => get<NewsView>(`/api/news/${id(postId)}`),
    create: (input: NewsInput) => post<NewsView>("/api/news", input),
    update: (postId: string, input: NewsInput) => put<NewsView>(`/api/news/${id(postId)}`, input),
    comments: (postId: string) => get<{ items: CommentView[] }>(`/api/news/${id(postId)}/comments`),
    comment: (postId: string, body: string) => post<CommentView>(`/api/news/${id(postId)}/comments`, { body }),
  },

  comments: {
    pending: (cursor?: string) => get<Page<CommentView>>(`/api/comments/pending${queryString({ cursor, limit: 50 })}`),
    moderate: (commentId: string, status: "approved" | "removed") =>
      post<CommentView>(`/api/comments/${id(commentId)}/moderation`, { status }),
  },

  portal: {
    home: () => get<{ news: NewsSummary[]; events: EventView[] }>("/api/public/home"),
    partnership: (agreementId: string, lang: string) =>
      get<PublicPartnershipPage>(`/api/public/partnerships/${id(agreementId)}${queryString({ lang })}`),
    /** The page as it would read once published; staff only. */
    partnershipPreview: (agreementId: string, lang: string) =>
      get<PublicPartnershipPage>(`/api/agreements/${id(agreementId)}/public-preview${queryString({ lang })}`),
    organisations: (
      filters: { q?: string | undefined; kind?: OrganisationKind | undefined },
      cursor: string | undefined,
      lang: string,
    ) =>
      get<Page<OrganisationSummary>>(
        `/api/public/organisations${queryString({ ...filters, cursor, limit: 50, lang })}`,
      ),
    organisation: (organisationId: string, lang: string) =>
      get<PublicOrganisationPage>(`/api/public/organisations/${id(organisationId)}${queryString({ lang })}`),
    /** The partner's page as it reads, or would once the organisation is public; staff only. */
    organisationPreview: (organisationId: string, lang: string) =>
      get<PublicOrganisationPage>(`/api/organisations/${id(organisationId)}/public-preview${queryString({ lang })}`),
    /** The event as an anonymous reader gets it, also while internal; staff only. */
    eventPreview: (eventId: string) => get<EventView>(`/api/events/${id(eventId)}/public-preview`),
    /** The post as an anonymous reader gets it, also while a draft; staff only. */
    newsPreview: (postId: string) => get<NewsView>(`/api/news/${id(postId)}/public-preview`),
    agreements: (filters: AgreementFilters, cursor: string | undefined, lang: string) =>
      get<Page<AgreementSummary>>(`/api/public/agreements${queryString({ ...filters, cursor, limit: 50, lang })}`),
    agreement: (agreementId: string) => get<AgreementView>(`/api/public/agreements/${id(agreementId)}`),
    calendarUrl: (agreementId: string) => `/api/public/agreements/${id(agreementId)}/calendar.ics`,
  },

  audit: {
    list: (cursor?: string) => get<Page<AuditEventView>>(`/api/audit${queryString({ cursor, limit: 50 })}`),
  },
};
