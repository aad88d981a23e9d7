import * as client from "openid-client";
import type { SsoProvider } from "./sso.presenter.js";

/**
 * The provider's discovery document, read once per issuer and client and kept: it rarely changes,
 * and a provider that is down at one sign-in is asked again at the next.
 */
export function createOidcConfigurations() {
  const cache = new Map<string, Promise<client.Configuration>>();
  return async function configurationOf(p: SsoProvider): Promise<client.Configuration> {
    const key = JSON.stringify([p.issuer, p.clientId, p.clientSecret]);
    let found = cache.get(key);
    if (!found) {
      // Plain http passes the schema only for a provider on this machine.
      const insecure = new URL(p.issuer).protocol === "http:";
      found = client.discovery(
        new URL(p.issuer),
        p.clientId,
        undefined,
        client.ClientSecretBasic(p.clientSecret),
        insecure ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      );
      cache.set(key, found);
      found.catch(() => cache.delete(key));
    }
    return found;
  };
}
export type OidcConfigurations = ReturnType<typeof createOidcConfigurations>;
