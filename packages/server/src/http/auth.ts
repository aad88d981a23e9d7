import type { Actor } from "@conventio/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AccountService } from "#modules/accounts/account.service.js";
import { AppError } from "#shared/app-error.js";

export const SESSION_COOKIE = "conventio_session";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the actor of every request from its session cookie, and guards writes:
 * a cookie-authenticated write must echo the session's CSRF token in x-csrf-token.
 */
export function registerAuth(app: FastifyInstance, accounts: AccountService): void {
  app.decorateRequest("actor", null as never);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("csrfToken", null);
  app.addHook("onRequest", async (request: FastifyRequest) => {
    request.actor = { kind: "public" };
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await accounts.resolveSession(token);
    if (!session) return;
    request.actor = { kind: "user", id: session.user.id, role: session.user.role, name: session.user.name };
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
