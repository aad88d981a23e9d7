import { CreateUserInput, PASSWORD_MIN, USER_ROLES, type UserRole } from "@conventio/domain";
import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";

const EMPTY = { email: "", name: "", role: "viewer" as UserRole, password: "" };

export function CreateUserForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const form = useSchemaForm({
    schema: CreateUserInput,
    read: () => draft,
    send: api.users.create,
    onSaved: () => {
      setDraft(EMPTY);
      void queryClient.invalidateQueries({ queryKey: ["users"] });
    },
  });
  const create = form.mutation;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        {create.isSuccess && <div role="status">{t("users.created", { name: create.data.name })}</div>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("users.name")}
            required
            autoComplete="off"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={form.error("name")}
          />
          <TextInput
            label={t("users.email")}
            type="email"
            required
            autoComplete="off"
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
            error={form.error("email")}
          />
          <Select
            label={t("users.role")}
            data={USER_ROLES.map((r) => ({ value: r, label: t(`userRoles.${r}`) }))}
            value={draft.role}
            allowDeselect={false}
            onChange={(role) => role && setDraft({ ...draft, role: role as UserRole })}
            error={form.error("role")}
          />
          <PasswordInput
            label={t("users.password")}
            description={t("setup.passwordHint", { n: PASSWORD_MIN })}
            required
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
            error={form.error("password")}
            // Mantine marks the wrapper, not the inner password input, as invalid.
            aria-invalid={Boolean(form.errors.password)}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("users.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
