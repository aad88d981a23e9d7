import {
  ActivityInput,
  ActivityListQuery,
  ActivityView,
  BalanceRow,
  IndicatorInput,
  IndicatorValueInput,
  IndicatorView,
  PageQuery,
  pageOf,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, NoContent, problems } from "#http/common.js";
import type { ActivityService } from "./activity.service.js";

export function activityRoutes(activities: ActivityService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["activities"];
    app.get(
      "/api/activities",
      {
        schema: {
          tags,
          summary: "Activities, newest first, with filters",
          querystring: PageQuery.extend(ActivityListQuery.shape),
          response: { 200: pageOf(ActivityView), ...problems },
        },
      },
      async (req) => activities.listActivities(req.actor, req.query, req.readerLang),
    );
    app.post(
      "/api/activities",
      {
        schema: {
          tags,
          summary: "Record an activity",
          body: ActivityInput,
          response: { 201: ActivityView, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await activities.createActivity(req.actor, req.body, req.readerLang)),
    );
    app.get(
      "/api/activities/:id",
      { schema: { tags, summary: "One activity", params: IdParams, response: { 200: ActivityView, ...problems } } },
      async (req) => activities.getActivity(req.actor, req.params.id, req.readerLang),
    );
    app.put(
      "/api/activities/:id",
      {
        schema: {
          tags,
          summary: "Replace an activity",
          params: IdParams,
          body: ActivityInput,
          response: { 200: ActivityView, ...problems },
        },
      },
      async (req) => activities.updateActivity(req.actor, req.params.id, req.body, req.readerLang),
    );
    app.delete(
      "/api/activities/:id",
      { schema: { tags, summary: "Delete an activity", params: IdParams, response: { 204: NoContent, ...problems } } },
      async (req, reply) => {
        await activities.deleteActivity(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/exchange-balance",
      {
        schema: {
          tags,
          summary: "Incoming against outgoing mobility per academic year, overall, per partner, or for one partner",
          querystring: z.object({ partner: z.string().max(64).optional(), byPartner: z.coerce.boolean().optional() }),
          response: { 200: z.object({ items: z.array(BalanceRow) }), ...problems },
        },
      },
      async (req) => ({ items: await activities.exchangeBalance(req.actor, req.query, req.readerLang) }),
    );
    app.get(
      "/api/agreements/:id/indicators",
      {
        schema: {
          tags,
          summary: "Indicators of an agreement with their values by year",
          params: IdParams,
          response: { 200: z.object({ items: z.array(IndicatorView) }), ...problems },
        },
      },
      async (req) => ({ items: await activities.listIndicators(req.actor, req.params.id) }),
    );
    app.post(
      "/api/indicators",
      {
        schema: {
          tags,
          summary: "Define an indicator: unit, baseline, target",
          body: IndicatorInput,
          response: { 201: IndicatorView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await activities.createIndicator(req.actor, req.body)),
    );
    app.put(
      "/api/indicators/:id/values",
      {
        schema: {
          tags,
          summary: "Record the value of a year",
          params: IdParams,
          body: IndicatorValueInput,
          response: { 200: IndicatorView, ...problems },
        },
      },
      async (req) => activities.recordIndicatorValue(req.actor, req.params.id, req.body),
    );
  };
}
