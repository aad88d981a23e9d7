import type { Actor } from "@conventio/domain";
import * as client from "openid-client";
import { presentUser } from "#modules/accounts/account.presenter.js";
import { openSession, type SignedIn } from "#modules/accounts/account-sessions.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { hashToken } from "#shared/ids.js";
import { ssoPolicy } from "./sso.policy.js";
import { providerAddresses, type SsoProvider } from "./sso.presenter.js";
import { accountForClaims, type Claims, SsoRefusal } from "./sso-accounts.js";
import type { OidcConfigurations } from "./sso-oidc.js";
import type { SsoProviderService } from "./sso-provider.service.js";

export interface SsoSignInSettings {
  publicUrl: string;
  sessionDays: number;
}

/** How long a person may take at the provider before the sign-in must start again. */
export const ATTEMPT_MINUTES = 10;

/** Only paths inside the app, as the sign-in page's own redirect. */
export function safeReturnPath(value: unknown): string | null {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.includes("\\")
    ? value.slice(0, 500)
    : null;
}

/**
 * The authorization code flow with PKCE, state and nonce (openid-client checks the ID token's
 * signature, issuer, audience, nonce and expiry), then a Conventio session like a password's.
 */
export function createSsoSignInService(
  deps: Deps,
  providers: SsoProviderService,
  configurationOf: OidcConfigurations,
  settings: SsoSignInSettings,
) {
  const { db, clock, log } = deps;

  async function enabledProvider(slug: string): Promise<SsoProvider> {
    const p = await providers.find(slug);
    if (!p?.enabled) throw new SsoRefusal("unknown_provider");
    return p;
  }

  async function configuration(p: SsoProvider): Promise<client.Configuration> {
    try {
      return await configurationOf(p);
    } catch (err) {
      log.warn({ err, provider: p.slug }, "the sign-in provider's discovery document could not be read");
      throw new SsoRefusal("provider");
    }
  }

  /** Claims of the ID token, completed by UserInfo when the provider has it (some put groups only there). */
  async function claimsOf(
    config: client.Configuration,
    tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
  ): Promise<Claims> {
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoRefusal("provider");
    if (!config.serverMetadata().userinfo_endpoint) return idClaims;
    const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    return { ...info, ...idClaims };
  }

  return {
    /** The provider's authorization address, and the state the browser keeps in a cookie. */
    async start(slug: string, returnTo: string | null): Promise<{ url: string; state: string }> {
      const p = await enabledProvider(slug);
      const config = await configuration(p);
      const state = client.randomState();
      const nonce = client.randomNonce();
      const verifier = client.randomPKCECodeVerifier();
      const now = clock.now();
      const stale = new Date(now.getTime() - ATTEMPT_MINUTES * 60_000).toISOString();
      await db.deleteFrom("sso_attempt").where("created_at", "<", stale).execute();
      await db
        .insertInto("sso_attempt")
        .values({
          id: hashToken(state),
          provider: p.slug,
          code_verifier: verifier,
          nonce,
          return_to: safeReturnPath(returnTo),
          created_at: now.toISOString(),
        })
        .execute();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: providerAddresses(settings.publicUrl, p.slug).redirectUri,
        scope: p.scopes,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
      });
      return { url: url.href, state };
    },

    /**
     * The provider's answer: the state must be the browser's own and unused; the code is
     * exchanged with the PKCE verifier, and the account found, linked or created in one transaction.
     */
    async callback(
      slug: string,
      query: string,
      browserState: string | undefined,
    ): Promise<{ signedIn: SignedIn; returnTo: string | null }> {
      const params = new URLSearchParams(query);
      const state = params.get("state");
      if (!browserState || !state || state !== browserState) throw new SsoRefusal("state");
      const attempt = await db
        .deleteFrom("sso_attempt")
        .where("id", "=", hashToken(state))
        .where("provider", "=", slug)
        .returningAll()
        .executeTakeFirst();
      const stale = new Date(clock.now().getTime() - ATTEMPT_MINUTES * 60_000).toISOString();
      if (!attempt || attempt.created_at < stale) throw new SsoRefusal("state");
      if (params.has("error")) throw new SsoRefusal("provider");
      const p = await enabledProvider(slug);
      const config = await configuration(p);
      const currentUrl = new URL(`${providerAddresses(settings.publicUrl, p.slug).redirectUri}?${params}`);
      let claims: Claims;
      let idToken: string;
      try {
        const tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: attempt.code_verifier,
          expectedState: state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
        claims = await claimsOf(config, tokens);
        idToken = tokens.id_token ?? "";
      } catch (err) {
        if (err instanceof SsoRefusal) throw err;
        log.warn({ err, provider: p.slug }, "the sign-in provider's answer was refused");
        throw new SsoRefusal("provider");
      }
      const now = nowIso(deps);
      const user = await db.transaction().execute((trx) => accountForClaims(trx, p, claims, now));
      const signedIn = await openSession(db, clock, settings.sessionDays, presentUser(user));
      // Rows of sessions that have since expired are of no use for signing out.
      const expired = new Date(clock.now().getTime() - settings.sessionDays * 86_400_000).toISOString();
      await db.deleteFrom("sso_session").where("created_at", "<", expired).execute();
      await db
        .insertInto("sso_session")
        .values({ session_id: hashToken(signedIn.token), provider: p.slug, id_token: idToken, created_at: now })
        .execute();
      return { signedIn, returnTo: attempt.return_to };
    },

    /** Ends the Conventio session; when it came from a provider that offers it, where to sign out there too. */
    async signOut(actor: Actor, sessionToken: string | null): Promise<string | null> {
      ssoPolicy.signOut(actor);
      if (!sessionToken) return null;
      const id = hashToken(sessionToken);
      const origin = await db.selectFrom("sso_session").selectAll().where("session_id", "=", id).executeTakeFirst();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("sso_session").where("session_id", "=", id).execute();
        await trx.deleteFrom("user_session").where("id", "=", id).execute();
      });
      if (!origin) return null;
      const p = await providers.find(origin.provider);
      if (!p) return null;
      try {
        const config = await configurationOf(p);
        if (!config.serverMetadata().end_session_endpoint) return null;
        return client.buildEndSessionUrl(config, {
          id_token_hint: origin.id_token,
          post_logout_redirect_uri: providerAddresses(settings.publicUrl, p.slug).postLogoutRedirectUri,
        }).href;
      } catch (err) {
        // Signed out of Conventio all the same; the provider's session ends when it expires.
        log.warn({ err, provider: p.slug }, "the sign-in provider's end-session address could not be read");
        return null;
      }
    },
  };
}
export type SsoSignInService = ReturnType<typeof createSsoSignInService>;
