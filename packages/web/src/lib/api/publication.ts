import type {
  CommentView,
  EventInput,
  EventListQuery,
  EventView,
  NewsInput,
  NewsSummary,
  NewsView,
  Page,
} from "@conventio/domain";
import { get, id, post, put, queryString, remove } from "./core";

export const events = {
  /** A page of events, 200 unless `limit` asks for fewer (a short list). */
  list: (query: { [K in keyof EventListQuery]?: EventListQuery[K] | undefined }, cursor?: string) =>
    get<Page<EventView>>(`/api/events${queryString({ limit: 200, ...query, cursor })}`),
  get: (eventId: string) => get<EventView>(`/api/events/${id(eventId)}`),
  create: (input: EventInput) => post<EventView>("/api/events", input),
  update: (eventId: string, input: EventInput) => put<EventView>(`/api/events/${id(eventId)}`, input),
  delete: (eventId: string) => remove(`/api/events/${id(eventId)}`),
};

export const news = {
  list: (query: { tag?: string | undefined; agreement?: string | undefined } = {}, cursor?: string) =>
    get<Page<NewsSummary>>(`/api/news${queryString({ ...query, cursor, limit: 20 })}`),
  get: (postId: string) => get<NewsView>(`/api/news/${id(postId)}`),
  create: (input: NewsInput) => post<NewsView>("/api/news", input),
  update: (postId: string, input: NewsInput) => put<NewsView>(`/api/news/${id(postId)}`, input),
  comments: (postId: string) => get<{ items: CommentView[] }>(`/api/news/${id(postId)}/comments`),
  comment: (postId: string, body: string) => post<CommentView>(`/api/news/${id(postId)}/comments`, { body }),
};

export const comments = {
  pending: (cursor?: string) => get<Page<CommentView>>(`/api/comments/pending${queryString({ cursor, limit: 50 })}`),
  moderate: (commentId: string, status: "approved" | "removed") =>
    post<CommentView>(`/api/comments/${id(commentId)}/moderation`, { status }),
};
