import {
  CreateSsoProviderInput,
  type SsoProviderView,
  UpdateSsoProviderInput,
  USER_ROLES,
  type UserRole,
} from "@conventio/domain";
import { Button, Checkbox, Group, PasswordInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { sso } from "../../lib/api/sso";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";

export const providersKey = ["sso-providers"] as const;

interface Draft {
  slug: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  mapping: string;
  defaultRole: UserRole;
  allowCreate: boolean;
  enabled: boolean;
}

const EMPTY: Draft = {
  slug: "",
  name: "",
  issuer: "",
  clientId: "",
  clientSecret: "",
  scopes: "openid email profile",
  groupsClaim: "groups",
  mapping: "",
  defaultRole: "viewer",
  allowCreate: true,
  enabled: true,
};

/** "staff = editor" a line; a line the schema cannot read keeps its role as typed, so the schema names it. */
function parseMapping(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.lastIndexOf("=");
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

const mappingText = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} = ${v}`)
    .join("\n");

function draftOf(p: SsoProviderView | null): Draft {
  if (!p) return EMPTY;
  return { ...p, clientSecret: "", mapping: mappingText(p.roleMapping) };
}

type Input = z.output<typeof CreateSsoProviderInput> | UpdateSsoProviderInput;

/** Adds a provider, or changes one (its slug stays: accounts are linked through it). */
export function ProviderForm({ provider, onDone }: { provider: SsoProviderView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(provider));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const form = useSchemaForm({
    schema: (provider ? UpdateSsoProviderInput : CreateSsoProviderInput) as z.ZodType<Input>,
    read: () => {
      const { mapping, slug, clientSecret, ...rest } = draft;
      return {
        ...rest,
        ...(provider ? {} : { slug }),
        ...(clientSecret || !provider ? { clientSecret } : {}),
        roleMapping: parseMapping(mapping),
      } as Input;
    },
    send: (input: Input) =>
      provider
        ? sso.update(provider.id, input as UpdateSsoProviderInput)
        : sso.create(input as z.input<typeof CreateSsoProviderInput>),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: providersKey });
      if (!provider) setDraft(EMPTY);
      onDone();
    },
  });
  const mappingError = Object.keys(form.errors).find((k) => k.startsWith("roleMapping"));
  const text = (key: "name" | "issuer" | "clientId" | "scopes" | "groupsClaim", required = true) => (
    <TextInput
      label={t(`sso.admin.${key}`)}
      required={required}
      autoComplete="off"
      value={draft[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={form.error(key)}
    />
  );
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        {form.mutation.isSuccess && <div role="status">{t("sso.admin.saved", { name: draft.name })}</div>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {!provider && (
            <TextInput
              label={t("sso.admin.slug")}
              description={t("sso.admin.slugHint")}
              required
              autoComplete="off"
              value={draft.slug}
              onChange={(e) => set("slug", e.currentTarget.value)}
              error={form.error("slug")}
            />
          )}
          {text("name")}
          {text("issuer")}
          {text("clientId")}
          <PasswordInput
            label={t("sso.admin.clientSecret")}
            description={provider ? t("sso.admin.clientSecretKeep") : undefined}
            required={!provider}
            autoComplete="new-password"
            value={draft.clientSecret}
            onChange={(e) => set("clientSecret", e.currentTarget.value)}
            error={form.error("clientSecret")}
            aria-invalid={Boolean(form.errors.clientSecret)}
          />
          {text("scopes")}
          {text("groupsClaim", false)}
          <Select
            label={t("sso.admin.defaultRole")}
            data={USER_ROLES.map((r) => ({ value: r, label: t(`userRoles.${r}`) }))}
            value={draft.defaultRole}
            allowDeselect={false}
            onChange={(role) => role && set("defaultRole", role as UserRole)}
            error={form.error("defaultRole")}
          />
        </SimpleGrid>
        <Textarea
          label={t("sso.admin.roleMapping")}
          description={t("sso.admin.roleMappingHint")}
          autosize
          minRows={2}
          value={draft.mapping}
          onChange={(e) => set("mapping", e.currentTarget.value)}
          error={mappingError ? form.error(mappingError) : undefined}
        />
        <Group>
          <Checkbox
            label={t("sso.admin.allowCreate")}
            checked={draft.allowCreate}
            onChange={(e) => set("allowCreate", e.currentTarget.checked)}
          />
          <Checkbox
            label={t("sso.admin.enabled")}
            checked={draft.enabled}
            onChange={(e) => set("enabled", e.currentTarget.checked)}
          />
        </Group>
        <Group>
          <Button type="submit" loading={form.mutation.isPending}>
            {provider ? t("sso.admin.save") : t("sso.admin.add")}
          </Button>
          {provider && (
            <Button variant="default" onClick={onDone}>
              {t("common.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
