import { InboxMessageView } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, NoContent, problems } from "#http/common.js";
import type { ReminderService } from "./reminder.service.js";

export function reminderRoutes(reminders: ReminderService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["reminders"];
    app.get(
      "/api/me/inbox",
      {
        schema: {
          tags,
          summary: "My reminders and messages, newest first, with how many are unread",
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z.string().max(500).optional().describe("nextCursor of the previous page"),
          }),
          response: {
            200: z.object({
              items: z.array(InboxMessageView),
              nextCursor: z.string().nullable(),
              unread: z.number().int().describe("Unread messages in all, not only on this page"),
            }),
            ...problems,
          },
        },
      },
      async (req) => reminders.inbox(req.actor, req.query),
    );
    app.post(
      "/api/me/inbox/:id/read",
      {
        schema: {
          tags,
          summary: "Mark a message read",
          params: IdParams,
          body: z.strictObject({}).nullish(),
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await reminders.markRead(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
