import {
  CommentInput,
  CommentView,
  EventInput,
  EventListQuery,
  EventView,
  NewsFeedQuery,
  NewsInput,
  NewsSummary,
  NewsView,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { fileResponse, IdParams, NoContent, problems } from "#http/common.js";
import type { EventService } from "./event.service.js";
import type { NewsService } from "./news.service.js";

const calendarResponse = fileResponse("The calendar (RFC 5545)", ["text/calendar"]);

export function publicationRoutes(events: EventService, news: NewsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["publication"];
    app.get(
      "/api/events",
      {
        schema: {
          tags,
          summary: "Events in a period, in order of their start (the public sees public events)",
          querystring: EventListQuery,
          response: { 200: z.object({ items: z.array(EventView), nextCursor: z.string().nullable() }), ...problems },
        },
      },
      async (req) => events.listEvents(req.actor, req.query),
    );
    app.get(
      "/api/events/:id",
      { schema: { tags, summary: "One event", params: IdParams, response: { 200: EventView, ...problems } } },
      async (req) => events.getEvent(req.actor, req.params.id),
    );
    app.post(
      "/api/events",
      { schema: { tags, summary: "Add an event", body: EventInput, response: { 201: EventView, ...problems } } },
      async (req, reply) => reply.status(201).send(await events.saveEvent(req.actor, null, req.body)),
    );
    app.put(
      "/api/events/:id",
      {
        schema: {
          tags,
          summary: "Replace an event",
          params: IdParams,
          body: EventInput,
          response: { 200: EventView, ...problems },
        },
      },
      async (req) => events.saveEvent(req.actor, req.params.id, req.body),
    );
    app.delete(
      "/api/events/:id",
      { schema: { tags, summary: "Delete an event", params: IdParams, response: { 204: NoContent, ...problems } } },
      async (req, reply) => {
        await events.deleteEvent(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/public/calendar.ics",
      {
        schema: {
          tags: ["public"],
          summary: "iCal feed (RFC 5545) of every public event",
          response: { 200: calendarResponse, ...problems },
        },
      },
      async (_req, reply) => reply.type("text/calendar; charset=utf-8").send(await events.publicCalendar()),
    );
    app.get(
      "/api/public/agreements/:id/calendar.ics",
      {
        schema: {
          tags: ["public"],
          summary: "iCal feed of a public partnership's events",
          params: IdParams,
          response: { 200: calendarResponse, ...problems },
        },
      },
      async (req, reply) => reply.type("text/calendar; charset=utf-8").send(await events.publicCalendar(req.params.id)),
    );

    app.get(
      "/api/news",
      {
        schema: {
          tags,
          summary: "News posts, newest first (the public sees published posts)",
          querystring: z.object({
            tag: z.string().max(60).optional(),
            agreement: z.string().max(64).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
            cursor: z.string().max(500).optional().describe("nextCursor of the previous page"),
          }),
          response: { 200: z.object({ items: z.array(NewsSummary), nextCursor: z.string().nullable() }), ...problems },
        },
      },
      async (req) => news.listNews(req.actor, req.query),
    );
    app.get(
      "/api/news/:id",
      {
        schema: {
          tags,
          summary: "A post with its translations and related posts",
          params: IdParams,
          response: { 200: NewsView, ...problems },
        },
      },
      async (req) => news.getNews(req.actor, req.params.id),
    );
    app.post(
      "/api/news",
      { schema: { tags, summary: "Write a post", body: NewsInput, response: { 201: NewsView, ...problems } } },
      async (req, reply) => reply.status(201).send(await news.saveNews(req.actor, null, req.body)),
    );
    app.put(
      "/api/news/:id",
      {
        schema: {
          tags,
          summary: "Replace a post",
          params: IdParams,
          body: NewsInput,
          response: { 200: NewsView, ...problems },
        },
      },
      async (req) => news.saveNews(req.actor, req.params.id, req.body),
    );
    app.delete(
      "/api/news/:id",
      {
        schema: {
          tags,
          summary: "Delete a post with its comments",
          params: IdParams,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await news.deleteNews(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/news/:id/comments",
      {
        schema: {
          tags,
          summary: "Approved comments (and your own pending ones)",
          params: IdParams,
          response: { 200: z.object({ items: z.array(CommentView) }), ...problems },
        },
      },
      async (req) => ({ items: await news.listComments(req.actor, req.params.id) }),
    );
    app.post(
      "/api/news/:id/comments",
      {
        schema: {
          tags,
          summary: "Comment (signed-in users); held for moderation",
          params: IdParams,
          body: CommentInput,
          response: { 201: CommentView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await news.addComment(req.actor, req.params.id, req.body.body)),
    );
    app.get(
      "/api/comments/pending",
      {
        schema: {
          tags,
          summary: "Comments waiting for moderation, oldest first (editors)",
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z.string().max(500).optional().describe("nextCursor of the previous page"),
          }),
          response: { 200: z.object({ items: z.array(CommentView), nextCursor: z.string().nullable() }), ...problems },
        },
      },
      async (req) => news.pendingComments(req.actor, req.query),
    );
    app.post(
      "/api/comments/:id/moderation",
      {
        schema: {
          tags,
          summary: "Approve or remove a comment",
          params: IdParams,
          body: z.strictObject({ status: z.enum(["approved", "removed"]) }),
          response: { 200: CommentView, ...problems },
        },
      },
      async (req) => news.moderateComment(req.actor, req.params.id, req.body.status),
    );
    app.get(
      "/api/public/news.rss",
      {
        schema: {
          tags: ["public"],
          summary: "RSS 2.0 feed of published news",
          querystring: NewsFeedQuery,
          response: { 200: fileResponse("The RSS 2.0 feed", ["application/rss+xml"]), ...problems },
        },
      },
      async (req, reply) =>
        reply.type("application/rss+xml; charset=utf-8").send(await news.feed("rss", req.query.lang)),
    );
    app.get(
      "/api/public/news.atom",
      {
        schema: {
          tags: ["public"],
          summary: "Atom feed of published news",
          querystring: NewsFeedQuery,
          response: { 200: fileResponse("The Atom feed", ["application/atom+xml"]), ...problems },
        },
      },
      async (req, reply) =>
        reply.type("application/atom+xml; charset=utf-8").send(await news.feed("atom", req.query.lang)),
    );
  };
}
