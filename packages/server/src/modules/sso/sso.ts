import type { Config } from "#config.js";
import type { Deps } from "#shared/deps.js";
import { createOidcConfigurations } from "./sso-oidc.js";
import { createSsoProviderService } from "./sso-provider.service.js";
import { createSsoSignInService } from "./sso-sign-in.service.js";

/** Single sign-on: the providers and the sign-in flow through them, sharing one cache of discovery documents. */
export function createSso(deps: Deps, config: Config) {
  const providers = createSsoProviderService(deps, {
    publicUrl: config.publicUrl,
    fromEnvironment: config.OIDC_PROVIDERS,
  });
  const flow = createSsoSignInService(deps, providers, createOidcConfigurations(), {
    publicUrl: config.publicUrl,
    sessionDays: config.SESSION_DAYS,
  });
  return { providers, flow };
}
export type Sso = ReturnType<typeof createSso>;
