import {
  ChangePasswordInput,
  InvitationAcceptance,
  InvitationInput,
  InvitationView,
  PasswordResetCompletion,
  PasswordResetRequest,
  SessionEntry,
  TotpCodeInput,
  TotpSetup,
  TotpStatus,
  UserView,
} from "@conventio/domain";
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { NoContent, problems } from "#http/common.js";
import { AppError } from "#shared/app-error.js";
import type { AccountSecurityService } from "./account-security.service.js";

/** What an administrator who must set up a second factor may still reach. */
const BEFORE_SECOND_FACTOR = /^\/api\/(auth\/|account\/totp|health)/;

/**
 * When administrators must use a second factor, one without it can only set it up (or sign out):
 * every other API call is refused until then.
 */
export function registerSecondFactorRequirement(app: FastifyInstance, security: AccountSecurityService): void {
  app.addHook("preHandler", async (request) => {
    if (request.actor.kind !== "user" || !request.url.startsWith("/api/")) return;
    if (BEFORE_SECOND_FACTOR.test(request.url)) return;
    if (await security.mustSetUpSecondFactor(request.actor)) {
      throw new AppError("forbidden", "Set up a second factor (an authenticator app) on your account page first.");
    }
  });
}

export function accountSecurityRoutes(security: AccountSecurityService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["accounts"];

    app.post(
      "/api/account/password",
      {
        schema: {
          tags,
          summary: "Change one's own password; other sessions end",
          body: ChangePasswordInput,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await security.changePassword(req.actor, req.sessionToken, req.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      "/api/auth/password-reset",
      {
        schema: {
          tags,
          summary: "E-mail a single-use link, valid 30 minutes, to reset a password; the same answer for any address",
          body: PasswordResetRequest,
          response: { 202: z.object({}), ...problems },
        },
      },
      async (req, reply) => {
        await security.requestPasswordReset(req.body.email);
        return reply.status(202).send({});
      },
    );
    app.post(
      "/api/auth/password-reset/complete",
      {
        schema: {
          tags,
          summary: "Choose a new password with a reset link's token",
          body: PasswordResetCompletion,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await security.completePasswordReset(req.body);
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/users/invitations",
      {
        schema: {
          tags,
          summary: "Invitations sent (administrators)",
          response: { 200: z.array(InvitationView), ...problems },
        },
      },
      async (req) => security.listInvitations(req.actor),
    );
    app.post(
      "/api/users/invitations",
      {
        schema: {
          tags,
          summary: "Invite a person by e-mail to make an account with a role (administrators)",
          body: InvitationInput,
          response: { 201: InvitationView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await security.invite(req.actor, req.body)),
    );
    app.post(
      "/api/auth/invitations/accept",
      {
        schema: {
          tags,
          summary: "Make the invited account with its password",
          body: InvitationAcceptance,
          response: { 201: UserView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await security.acceptInvitation(req.body)),
    );
    app.get(
      "/api/account/sessions",
      {
        schema: { tags, summary: "One's own sessions", response: { 200: z.array(SessionEntry), ...problems } },
      },
      async (req) => security.listSessions(req.actor, req.sessionToken),
    );
    app.delete(
      "/api/account/sessions/:sessionId",
      {
        schema: {
          tags,
          summary: "End one of one's own sessions",
          params: z.object({ sessionId: z.string().min(1).max(64) }),
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await security.revokeSession(req.actor, req.params.sessionId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/account/totp",
      {
        schema: {
          tags,
          summary: "Whether one's account has a second factor",
          response: { 200: TotpStatus, ...problems },
        },
      },
      async (req) => security.totpStatus(req.actor),
    );
    app.post(
      "/api/account/totp/setup",
      {
        schema: {
          tags,
          summary: "A new authenticator secret, to confirm with a code",
          body: z.strictObject({}).nullish(),
          response: { 200: TotpSetup, ...problems },
        },
      },
      async (req) => security.totpSetup(req.actor),
    );
    app.post(
      "/api/account/totp/enable",
      {
        schema: {
          tags,
          summary: "Confirm the authenticator with a code; sign-ins then ask for one",
          body: TotpCodeInput,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await security.totpEnable(req.actor, req.body.code);
        return reply.status(204).send(null);
      },
    );
    app.post(
      "/api/account/totp/disable",
      {
        schema: {
          tags,
          summary: "Remove the authenticator, proven by a current code",
          body: TotpCodeInput,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await security.totpDisable(req.actor, req.body.code);
        return reply.status(204).send(null);
      },
    );
  };
}
