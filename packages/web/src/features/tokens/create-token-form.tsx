import { type CreatedToken, CreateTokenInput, TOKEN_MAX_DAYS, TOKEN_SCOPES, type TokenScope } from "@conventio/domain";
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { tokens } from "../../lib/api/tokens";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";

const EMPTY = { name: "", scope: "read" as TokenScope, expiresInDays: 90 as number | "" };

/** Makes a token and shows its secret this once, with a button to copy it. */
export function CreateTokenForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const [made, setMade] = useState<CreatedToken | null>(null);
  const form = useSchemaForm({
    schema: CreateTokenInput,
    read: () => ({
      name: draft.name,
      scope: draft.scope,
      expiresInDays: draft.expiresInDays === "" ? null : draft.expiresInDays,
    }),
    send: tokens.create,
    onSaved: (created) => {
      setMade(created);
      setDraft(EMPTY);
      void queryClient.invalidateQueries({ queryKey: ["tokens"] });
    },
  });
  const create = form.mutation;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        {made && (
          <Alert color="teal" variant="outline" title={t("tokens.madeTitle", { name: made.name })} role="status">
            <Stack gap="xs">
              <span>{t("tokens.shownOnce")}</span>
              <Group gap="xs" wrap="nowrap">
                <Code block style={{ flex: 1, overflowWrap: "anywhere" }} data-testid="new-token">
                  {made.token}
                </Code>
                <CopyButton value={made.token}>
                  {({ copied, copy }) => (
                    <Button variant="light" onClick={copy} aria-live="polite">
                      {copied ? t("tokens.copied") : t("tokens.copy")}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("tokens.name")}
            description={t("tokens.nameHint")}
            required
            autoComplete="off"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={form.error("name")}
          />
          <Select
            label={t("tokens.scope")}
            description={t("tokens.scopeHint")}
            data={TOKEN_SCOPES.map((s) => ({ value: s, label: t(`tokens.scopes.${s}`) }))}
            value={draft.scope}
            allowDeselect={false}
            onChange={(scope) => scope && setDraft({ ...draft, scope: scope as TokenScope })}
            error={form.error("scope")}
          />
          <NumberInput
            label={t("tokens.expiresInDays")}
            description={t("tokens.expiresHint")}
            min={1}
            max={TOKEN_MAX_DAYS}
            allowDecimal={false}
            value={draft.expiresInDays}
            onChange={(v) => setDraft({ ...draft, expiresInDays: typeof v === "number" ? v : "" })}
            error={form.error("expiresInDays")}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("tokens.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
