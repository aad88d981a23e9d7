import { InvitationInput, USER_ROLES, type UserRole } from "@conventio/domain";
import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { invitations } from "../../lib/api/accounts";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";

const EMPTY = { email: "", name: "", role: "viewer" as UserRole };

/** Sends an invitation: the person chooses their own password from the e-mailed link. */
export function InviteForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const form = useSchemaForm({
    schema: InvitationInput,
    read: () => draft,
    send: invitations.create,
    onSaved: () => {
      setDraft(EMPTY);
      void queryClient.invalidateQueries({ queryKey: ["invitations"] });
    },
  });
  const invite = form.mutation;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        {invite.isSuccess && (
          <Alert color="teal" variant="outline" role="status">
            {t("security.invited", { email: invite.data.email })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("users.email")}
            type="email"
            required
            autoComplete="off"
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
            error={form.error("email")}
          />
          <TextInput
            label={t("users.name")}
            required
            autoComplete="off"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={form.error("name")}
          />
          <Select
            label={t("users.role")}
            data={USER_ROLES.map((r) => ({ value: r, label: t(`userRoles.${r}`) }))}
            value={draft.role}
            allowDeselect={false}
            onChange={(role) => role && setDraft({ ...draft, role: role as UserRole })}
            error={form.error("role")}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={invite.isPending}>
            {t("security.invite")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
