import type { CommentView, NewsSummary, NewsView } from "@conventio/domain";
import type { Selectable } from "kysely";
import type { NewsCommentTable, NewsPostTable } from "./publication.table.js";

export type PostRow = Selectable<NewsPostTable>;
type CommentRow = Selectable<NewsCommentTable>;

export function presentNewsSummary(row: PostRow, tags: string[]): NewsSummary {
  return {
    id: row.id,
    lang: row.lang,
    title: row.title,
    summary: row.summary,
    tags,
    category: row.category,
    author: row.author_name,
    publishedOn: row.published_on,
    status: row.status,
    sourceOutlet: row.source_outlet,
    sourceUrl: row.source_url,
    sourcePublishedOn: row.source_published_on,
  };
}

export function presentTranslations(row: PostRow): NewsView["translations"] {
  return JSON.parse(row.translations) as NewsView["translations"];
}

export function presentComment(c: CommentRow): CommentView {
  return {
    id: c.id,
    postId: c.post_id,
    author: c.author_name,
    body: c.body,
    status: c.status,
    createdAt: c.created_at,
  };
}
