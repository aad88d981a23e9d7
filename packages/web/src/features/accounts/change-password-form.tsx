import { ChangePasswordInput } from "@conventio/domain";
import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { security } from "../../lib/api/accounts";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { NewPasswordFields, withConfirmation, withoutConfirmation } from "./password-fields";

const EMPTY = { currentPassword: "", newPassword: "", confirm: "" };

/** Changes one's password; the server ends every other session, so the sessions list is read again. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const form = useSchemaForm({
    schema: withConfirmation(ChangePasswordInput, "newPassword", t("security.mismatch")),
    read: () => draft,
    send: (input) => security.changePassword(withoutConfirmation(input)),
    onSaved: () => {
      setDraft(EMPTY);
      void queryClient.invalidateQueries({ queryKey: ["account-sessions"] });
    },
  });
  const set = (name: keyof typeof EMPTY) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        {form.mutation.isSuccess && (
          <Alert color="teal" variant="outline" role="status">
            {t("security.passwordChanged")}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <PasswordInput
            label={t("security.currentPassword")}
            required
            autoComplete="current-password"
            value={draft.currentPassword}
            onChange={(e) => set("currentPassword")(e.currentTarget.value)}
            error={form.error("currentPassword")}
            // Mantine marks the wrapper, not the inner password input, as invalid.
            aria-invalid={Boolean(form.errors.currentPassword)}
          />
          <NewPasswordFields
            password={{ value: draft.newPassword, onChange: set("newPassword"), error: form.error("newPassword") }}
            confirm={{ value: draft.confirm, onChange: set("confirm"), error: form.error("confirm") }}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={form.mutation.isPending}>
            {t("security.changePassword")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
