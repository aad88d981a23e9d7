import type {
  ActivityInput,
  ActivityListQuery,
  ActivityView,
  BalanceRow,
  IndicatorInput,
  IndicatorView,
  Page,
} from "@conventio/domain";
import { get, id, post, put, queryString, remove } from "./core";

export type ActivityFilters = { [K in keyof ActivityListQuery]?: ActivityListQuery[K] | undefined };

export const activities = {
  /** A page of activities, 50 unless `limit` asks for fewer (a short list) or more. */
  list: (filters: ActivityFilters & { limit?: number }, cursor?: string) =>
    get<Page<ActivityView>>(`/api/activities${queryString({ limit: 50, ...filters, cursor })}`),
  get: (activityId: string) => get<ActivityView>(`/api/activities/${id(activityId)}`),
  create: (input: ActivityInput) => post<ActivityView>("/api/activities", input),
  update: (activityId: string, input: ActivityInput) => put<ActivityView>(`/api/activities/${id(activityId)}`, input),
  delete: (activityId: string) => remove(`/api/activities/${id(activityId)}`),
  balance: (query: { partner?: string | undefined; byPartner?: boolean }) =>
    get<{ items: BalanceRow[] }>(
      `/api/exchange-balance${queryString({ partner: query.partner, byPartner: query.byPartner ? "true" : undefined })}`,
    ),
};

export const indicators = {
  create: (input: IndicatorInput) => post<IndicatorView>("/api/indicators", input),
  recordValue: (indicatorId: string, input: { year: number; value: number }) =>
    put<IndicatorView>(`/api/indicators/${id(indicatorId)}/values`, input),
};
