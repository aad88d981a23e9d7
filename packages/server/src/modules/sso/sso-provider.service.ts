import {
  type Actor,
  CreateSsoProviderInput,
  type SsoProviderButton,
  type SsoProviderView,
  type UpdateSsoProviderInput,
} from "@conventio/domain";
import type { z } from "zod";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { ssoPolicy } from "./sso.policy.js";
import { presentProvider, providerFromRow, type SsoProvider } from "./sso.presenter.js";

export interface SsoProviderSettings {
  publicUrl: string;
  /** Providers from OIDC_PROVIDERS, already checked against the same schema as the API's. */
  fromEnvironment: ReadonlyArray<z.output<typeof CreateSsoProviderInput>>;
}

const ENV_PREFIX = "env:";

/** Sign-in providers: those of the environment (read-only) and those administrators add. */
export function createSsoProviderService(deps: Deps, settings: SsoProviderSettings) {
  const { db } = deps;
  const environment: SsoProvider[] = settings.fromEnvironment.map((p) => ({
    ...p,
    id: `${ENV_PREFIX}${p.slug}`,
    source: "environment",
  }));

  async function stored(): Promise<SsoProvider[]> {
    const rows = await db.selectFrom("sso_provider").selectAll().orderBy("name").execute();
    return rows.map(providerFromRow);
  }

  /** Every provider; one from the environment hides a stored one of the same slug. */
  async function all(): Promise<SsoProvider[]> {
    const envSlugs = new Set(environment.map((p) => p.slug));
    return [...environment, ...(await stored()).filter((p) => !envSlugs.has(p.slug))];
  }

  return {
    /** The provider behind a slug, enabled or not (signing out of a since-disabled one still works). */
    async find(slug: string): Promise<SsoProvider | null> {
      return (await all()).find((p) => p.slug === slug) ?? null;
    },

    /** One button per enabled provider for the sign-in page. */
    async buttons(): Promise<SsoProviderButton[]> {
      return (await all())
        .filter((p) => p.enabled)
        .map((p) => ({ slug: p.slug, name: p.name, startUrl: `/api/auth/oidc/${p.slug}/start` }));
    },

    async listProviders(actor: Actor): Promise<SsoProviderView[]> {
      ssoPolicy.manageProviders(actor);
      return (await all()).map((p) => presentProvider(p, settings.publicUrl));
    },

    async createProvider(actor: Actor, input: z.input<typeof CreateSsoProviderInput>): Promise<SsoProviderView> {
      ssoPolicy.manageProviders(actor);
      const p = CreateSsoProviderInput.parse(input);
      if (environment.some((e) => e.slug === p.slug)) {
        throw AppError.field("conflict", "slug", "A sign-in provider with this short name already exists.");
      }
      const now = nowIso(deps);
      const row = {
        id: newId(),
        slug: p.slug,
        name: p.name,
        issuer: p.issuer,
        client_id: p.clientId,
        client_secret: p.clientSecret,
        scopes: p.scopes,
        groups_claim: p.groupsClaim,
        role_mapping: JSON.stringify(p.roleMapping),
        default_role: p.defaultRole,
        allow_create: p.allowCreate ? 1 : 0,
        enabled: p.enabled ? 1 : 0,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom("sso_provider").select("id").where("slug", "=", p.slug).executeTakeFirst();
        if (taken) throw AppError.field("conflict", "slug", "A sign-in provider with this short name already exists.");
        await trx.insertInto("sso_provider").values(row).execute();
        const { clientSecret: _secret, ...changes } = p;
        await recordAudit(trx, now, {
          actor,
          action: "sso.provider.create",
          entity: "sso_provider",
          entityId: row.id,
          changes,
        });
      });
      return presentProvider(providerFromRow(row), settings.publicUrl);
    },

    async updateProvider(actor: Actor, id: string, patch: UpdateSsoProviderInput): Promise<SsoProviderView> {
      ssoPolicy.manageProviders(actor);
      if (id.startsWith(ENV_PREFIX)) {
        throw new AppError("conflict", "This sign-in provider is set in the environment and cannot be changed here.");
      }
      const now = nowIso(deps);
      const row = await db.transaction().execute(async (trx) => {
        const set = {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.issuer !== undefined ? { issuer: patch.issuer } : {}),
          ...(patch.clientId !== undefined ? { client_id: patch.clientId } : {}),
          ...(patch.clientSecret !== undefined ? { client_secret: patch.clientSecret } : {}),
          ...(patch.scopes !== undefined ? { scopes: patch.scopes } : {}),
          ...(patch.groupsClaim !== undefined ? { groups_claim: patch.groupsClaim } : {}),
          ...(patch.roleMapping !== undefined ? { role_mapping: JSON.stringify(patch.roleMapping) } : {}),
          ...(patch.defaultRole !== undefined ? { default_role: patch.defaultRole } : {}),
          ...(patch.allowCreate !== undefined ? { allow_create: patch.allowCreate ? 1 : 0 } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
          updated_at: now,
        };
        const updated = await trx
          .updateTable("sso_provider")
          .set(set)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw AppError.notFound("This sign-in provider");
        const { clientSecret, ...changes } = patch;
        await recordAudit(trx, now, {
          actor,
          action: "sso.provider.update",
          entity: "sso_provider",
          entityId: id,
          changes: { ...changes, ...(clientSecret !== undefined ? { clientSecret: "(changed)" } : {}) },
        });
        return updated;
      });
      return presentProvider(providerFromRow(row), settings.publicUrl);
    },
  };
}
export type SsoProviderService = ReturnType<typeof createSsoProviderService>;
