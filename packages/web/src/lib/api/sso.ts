import type {
  CreateSsoProviderInput,
  SsoProviderButton,
  SsoProviderView,
  SsoSignOutView,
  UpdateSsoProviderInput,
} from "@conventio/domain";
import { get, id, patch, post } from "./core";

/** Sign-in providers: the sign-in page's buttons, signing out there too, and their administration. */
export const sso = {
  buttons: () => get<{ items: SsoProviderButton[] }>("/api/public/sign-in-providers"),
  signOut: () => post<SsoSignOutView>("/api/auth/oidc/sign-out"),
  list: () => get<{ items: SsoProviderView[] }>("/api/sso/providers"),
  create: (input: CreateSsoProviderInput) => post<SsoProviderView>("/api/sso/providers", input),
  update: (providerId: string, input: UpdateSsoProviderInput) =>
    patch<SsoProviderView>(`/api/sso/providers/${id(providerId)}`, input),
};
