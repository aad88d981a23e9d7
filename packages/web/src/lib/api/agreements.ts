import type {
  ActionView,
  AgreementListQuery,
  AgreementSummary,
  AgreementView,
  BodyView,
  BulkThemeInput,
  BulkThemeResult,
  BulkTransitionInput,
  BulkTransitionResult,
  CreateAgreementInput,
  IndicatorView,
  Page,
  RecordPastAgreementInput,
  ThemeInput,
  ThemeView,
  TransitionInput,
  UpdateAgreementInput,
} from "@conventio/domain";
import { get, id, patch, post, queryString, remove } from "./core";
import { reviews } from "./reviews";

/** What the list sends: the defaults (no date, reason or note) are filled by the server. */
type BulkTransitionIn = Pick<BulkTransitionInput, "ids" | "action"> & Partial<BulkTransitionInput>;

export type AgreementFilters = { [K in keyof AgreementListQuery]?: AgreementListQuery[K] | undefined };

export const agreements = {
  /** A page of agreements, 50 unless `limit` asks for fewer (a short list) or more. */
  list: (filters: AgreementFilters & { limit?: number }, cursor?: string, lang?: string) =>
    get<Page<AgreementSummary>>(`/api/agreements${queryString({ limit: 50, ...filters, cursor, lang })}`),
  get: (agreementId: string) => get<AgreementView>(`/api/agreements/${id(agreementId)}`),
  create: (input: CreateAgreementInput) => post<AgreementView>("/api/agreements", input),
  /** Enters a past agreement as it stands, outside the lifecycle rules. */
  recordPast: (input: RecordPastAgreementInput) => post<AgreementView>("/api/agreements/past", input),
  update: (agreementId: string, input: UpdateAgreementInput) =>
    patch<AgreementView>(`/api/agreements/${id(agreementId)}`, input),
  delete: (agreementId: string) => remove(`/api/agreements/${id(agreementId)}`),
  transition: (agreementId: string, input: TransitionInput) =>
    post<AgreementView>(`/api/agreements/${id(agreementId)}/transitions`, input),
  transitionMany: (input: BulkTransitionIn) => post<BulkTransitionResult>("/api/agreements/bulk/transitions", input),
  renew: (agreementId: string) => post<AgreementView>(`/api/agreements/${id(agreementId)}/renewal`),
  bodies: (agreementId: string) => get<{ items: BodyView[] }>(`/api/agreements/${id(agreementId)}/bodies`),
  actions: (agreementId: string) => get<{ items: ActionView[] }>(`/api/agreements/${id(agreementId)}/actions`),
  indicators: (agreementId: string) => get<{ items: IndicatorView[] }>(`/api/agreements/${id(agreementId)}/indicators`),
  ...reviews,
};

export const themes = {
  list: () => get<{ items: ThemeView[] }>("/api/themes"),
  add: (input: ThemeInput) => post<ThemeView>("/api/themes", input),
  remove: (theme: string) => remove(`/api/themes/${id(theme)}`),
  /** Adds a theme to every agreement of a selection, or to none. */
  addToAgreements: (input: BulkThemeInput) => post<BulkThemeResult>("/api/agreements/bulk/themes", input),
};
