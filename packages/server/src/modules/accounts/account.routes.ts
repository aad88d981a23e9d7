import {
  AssignableUser,
  CreateUserInput,
  PreferencesInput,
  SessionView,
  SetupInput,
  SignInInput,
  UpdateUserInput,
  UserView,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { clearSessionCookie, setSessionCookie } from "#http/auth.js";
import { IdParams, NoContent, problems } from "#http/common.js";
import type { AccountService } from "./account.service.js";

export function accountRoutes(accounts: AccountService, secureCookies: boolean): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["accounts"];

    app.get(
      "/api/auth/session",
      { schema: { tags, summary: "Who is signed in, and the CSRF token for writes", response: { 200: SessionView } } },
      async (req) => {
        const user = req.actor.kind === "user" ? await accounts.resolveSession(req.sessionToken ?? "") : null;
        return {
          user: user?.user ?? null,
          csrfToken: user?.csrfToken ?? null,
          setupRequired: !(await accounts.hasUsers()),
        };
      },
    );

    app.post(
      "/api/auth/sign-in",
      {
        schema: {
          tags,
          summary: "Sign in with e-mail and password",
          body: SignInInput,
          response: { 200: SessionView, ...problems },
        },
      },
      async (req, reply) => {
        const s = await accounts.signIn(
          req.body.email,
          req.body.password,
          req.ip,
          { ip: req.ip, userAgent: req.headers["user-agent"] },
          req.body.code,
        );
        setSessionCookie(reply, s.token, s.expiresAt, secureCookies);
        return { user: s.user, csrfToken: s.csrfToken, setupRequired: false };
      },
    );

    app.post(
      "/api/auth/sign-out",
      {
        schema: {
          tags,
          summary: "Sign out",
          body: z.strictObject({}).nullish(),
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        if (req.sessionToken) await accounts.signOut(req.sessionToken);
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/setup",
      {
        schema: {
          tags,
          summary: "Create the first administrator with the setup token from the server log",
          body: SetupInput,
          response: { 201: UserView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await accounts.completeSetup(req.body)),
    );

    app.get(
      "/api/users",
      {
        schema: {
          tags,
          summary: "List accounts (admin)",
          response: { 200: z.object({ items: z.array(UserView) }), ...problems },
        },
      },
      async (req) => ({ items: await accounts.listUsers(req.actor) }),
    );

    app.put(
      "/api/me/preferences",
      {
        schema: {
          tags,
          summary: "My own settings: the language my e-mails are written in",
          body: PreferencesInput,
          response: { 200: UserView, ...problems },
        },
      },
      async (req) => accounts.setPreferences(req.actor, req.body),
    );

    app.get(
      "/api/users/assignable",
      {
        schema: {
          tags,
          summary: "Accounts work can be given to (editors)",
          response: { 200: z.object({ items: z.array(AssignableUser) }), ...problems },
        },
      },
      async (req) => ({ items: await accounts.listAssignable(req.actor) }),
    );

    app.post(
      "/api/users",
      {
        schema: {
          tags,
          summary: "Create an account (admin)",
          body: CreateUserInput,
          response: { 201: UserView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await accounts.createUser(req.actor, req.body)),
    );

    app.patch(
      "/api/users/:id",
      {
        schema: {
          tags,
          summary: "Change an account's name, role, status or units (admin)",
          params: IdParams,
          body: UpdateUserInput,
          response: { 200: UserView, ...problems },
        },
      },
      async (req) => accounts.updateUser(req.actor, req.params.id, req.body),
    );
  };
}
