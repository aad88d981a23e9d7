import type { ProgressReview, RecordedReviews } from "@conventio/domain";
import { get, id, post, queryString } from "./core";

/** Progress reviews of a partnership; reached as `api.agreements.review`, as they sit under its path. */
export const reviews = {
  review: (agreementId: string, on: string) =>
    get<ProgressReview>(`/api/agreements/${id(agreementId)}/review${queryString({ on })}`),
  recordReview: (agreementId: string, on: string) =>
    post<RecordedReviews>(`/api/agreements/${id(agreementId)}/reviews`, { on }),
  reviewPdfUrl: (agreementId: string, on: string, lang: string) =>
    `/api/agreements/${id(agreementId)}/review.pdf${queryString({ on, lang })}`,
};
