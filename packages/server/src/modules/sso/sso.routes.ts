import {
  CreateSsoProviderInput,
  SsoProviderButton,
  SsoProviderView,
  SsoSignOutView,
  UpdateSsoProviderInput,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { clearSessionCookie, setSessionCookie } from "#http/auth.js";
import { IdParams, problems } from "#http/common.js";
import { SsoRefusal } from "./sso-accounts.js";
import type { SsoProviderService } from "./sso-provider.service.js";
import { ATTEMPT_MINUTES, type SsoSignInService } from "./sso-sign-in.service.js";

const STATE_COOKIE = "conventio_oidc_state";
const FLOW_PATH = "/api/auth/oidc";
const ProviderParams = z.object({ provider: z.string().min(1).max(40) });

export function ssoRoutes(
  providers: SsoProviderService,
  flow: SsoSignInService,
  secureCookies: boolean,
): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["accounts"];

    app.get(
      "/api/public/sign-in-providers",
      {
        schema: {
          tags,
          summary: "The sign-in providers offered on the sign-in page",
          response: { 200: z.object({ items: z.array(SsoProviderButton) }) },
        },
      },
      async () => ({ items: await providers.buttons() }),
    );

    // Browser navigations, not API calls: they answer with redirects, and every failure lands on the sign-in page.
    app.get(
      `${FLOW_PATH}/:provider/start`,
      {
        schema: {
          hide: true,
          params: ProviderParams,
          querystring: z.object({ redirect: z.string().max(500).optional() }),
        },
      },
      async (req, reply) => {
        try {
          const { url, state } = await flow.start(req.params.provider, req.query.redirect ?? null);
          reply.setCookie(STATE_COOKIE, state, {
            httpOnly: true,
            sameSite: "lax",
            secure: secureCookies,
            path: FLOW_PATH,
            maxAge: ATTEMPT_MINUTES * 60,
          });
          return reply.redirect(url);
        } catch (err) {
          return reply.redirect(failurePath(err, req.log));
        }
      },
    );

    app.get(
      `${FLOW_PATH}/:provider/callback`,
      { schema: { hide: true, params: ProviderParams } },
      async (req, reply) => {
        const query = req.url.split("?")[1] ?? "";
        reply.clearCookie(STATE_COOKIE, { path: FLOW_PATH });
        try {
          const { signedIn, returnTo } = await flow.callback(req.params.provider, query, req.cookies[STATE_COOKIE]);
          setSessionCookie(reply, signedIn.token, signedIn.expiresAt, secureCookies);
          return reply.redirect(returnTo ?? "/organisations");
        } catch (err) {
          return reply.redirect(failurePath(err, req.log));
        }
      },
    );

    app.post(
      `${FLOW_PATH}/sign-out`,
      {
        schema: {
          tags,
          summary: "Sign out, and learn where to sign out of the provider the session came from",
          body: z.strictObject({}).nullish(),
          response: { 200: SsoSignOutView, ...problems },
        },
      },
      async (req, reply) => {
        const redirectTo = await flow.signOut(req.actor, req.sessionToken);
        clearSessionCookie(reply);
        return { redirectTo };
      },
    );

    app.get(
      "/api/sso/providers",
      {
        schema: {
          tags,
          summary: "List sign-in providers (admin)",
          response: { 200: z.object({ items: z.array(SsoProviderView) }), ...problems },
        },
      },
      async (req) => ({ items: await providers.listProviders(req.actor) }),
    );

    app.post(
      "/api/sso/providers",
      {
        schema: {
          tags,
          summary: "Add a sign-in provider (admin)",
          body: CreateSsoProviderInput,
          response: { 201: SsoProviderView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await providers.createProvider(req.actor, req.body)),
    );

    app.patch(
      "/api/sso/providers/:id",
      {
        schema: {
          tags,
          summary: "Change or disable a sign-in provider (admin)",
          params: IdParams,
          body: UpdateSsoProviderInput,
          response: { 200: SsoProviderView, ...problems },
        },
      },
      async (req) => providers.updateProvider(req.actor, req.params.id, req.body),
    );
  };
}

/** The sign-in page with the reason; anything unforeseen is logged and shown as a failed sign-in. */
function failurePath(err: unknown, log: { error: (o: object, m: string) => void }): string {
  if (err instanceof SsoRefusal) return `/sign-in?ssoError=${err.reason}`;
  log.error({ err }, "sign-in through a provider failed");
  return "/sign-in?ssoError=failed";
}
