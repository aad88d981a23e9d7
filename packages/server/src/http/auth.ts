import type { Actor, TokenScope } from "@conventio/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AccountService } from "#modules/accounts/account.service.js";
import type { TokenService } from "#modules/tokens/token.service.js";
import { AppError } from "#shared/app-error.js";

export const SESSION_COOKIE = "conventio_session";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | null;
    csrfToken: string | null;
    /** The personal API token the request came with, if any. */
    apiToken: { id: string; scope: TokenScope } | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the actor of every request from its bearer token or else its session cookie, and
 * guards writes: a cookie-authenticated write must echo the session's CSRF token in
 * x-csrf-token; a bearer needs none (browsers never send one on their own), but a read-scoped
 * token may only use safe methods.
 */
export function registerAuth(
  app: FastifyInstance,
  accounts: AccountService,
  tokens: Pick<TokenService, "resolveToken">,
): void {
  app.decorateRequest("actor", null as never);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("apiToken", null);
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    request.actor = { kind: "public" };
    // Other schemes (the EWP node's HTTP signatures) are not ours to judge.
    const authorization = request.headers.authorization;
    if (authorization !== undefined && /^bearer(\s|$)/i.test(authorization)) {
      const bearer = /^bearer +(\S+) *$/i.exec(authorization)?.[1];
      const resolved = bearer ? await tokens.resolveToken(bearer) : null;
      // A bad credential is refused rather than served as the public would be.
      if (!resolved) {
        reply.header("www-authenticate", 'Bearer error="invalid_token"');
        throw new AppError("unauthenticated", "This API token is not valid, has expired or was revoked.");
      }
      if (resolved.scope === "read" && !SAFE_METHODS.has(request.method)) {
        throw new AppError("forbidden", "This token has the {{scope}} scope: it may only read.", {
          params: { scope: resolved.scope },
        });
      }
      request.actor = resolved.actor;
      request.apiToken = { id: resolved.tokenId, scope: resolved.scope };
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await accounts.resolveSession(token);
    if (!session) return;
    request.actor = {
      kind: "user",
      id: session.user.id,
      role: session.user.role,
      name: session.user.name,
      ...(session.units ? { units: session.units } : {}),
    };
    request.sessionToken = token;
    request.csrfToken = session.csrfToken;
  });
  app.addHook("preHandler", async (request: FastifyRequest) => {
    if (SAFE_METHODS.has(request.method) || !request.sessionToken) return;
    if (request.headers["x-csrf-token"] !== request.csrfToken) {
      throw new AppError("csrf_failed", "Send the CSRF token from GET /api/auth/session in the x-csrf-token header.");
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, expires: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", expires });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
