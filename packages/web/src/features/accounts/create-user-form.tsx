import { CreateUserInput, PASSWORD_MIN, USER_ROLES, type UserRole } from "@conventio/domain";
import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorsFromIssues, errorsFromProblem, type FieldErrors, useFieldMessage } from "../../lib/form-errors";
import { ProblemAlert } from "../../ui/problem-alert";

const EMPTY = { email: "", name: "", role: "viewer" as UserRole, password: "" };

export function CreateUserForm() {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: api.users.create,
    onSuccess: () => {
      setDraft(EMPTY);
      void queryClient.invalidateQueries({ queryKey: ["users"] });
    },
    onError: (error) => setErrors(errorsFromProblem(error)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateUserInput.safeParse(draft);
    if (!parsed.success) {
      setErrors(errorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {create.isError && Object.keys(errors).length === 0 && <ProblemAlert error={create.error} />}
        {create.isSuccess && <div role="status">{t("users.created", { name: create.data.name })}</div>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("users.name")}
            required
            autoComplete="off"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={show(errors.name)}
          />
          <TextInput
            label={t("users.email")}
            type="email"
            required
            autoComplete="off"
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
            error={show(errors.email)}
          />
          <Select
            label={t("users.role")}
            data={USER_ROLES.map((r) => ({ value: r, label: t(`userRoles.${r}`) }))}
            value={draft.role}
            allowDeselect={false}
            onChange={(role) => role && setDraft({ ...draft, role: role as UserRole })}
            error={show(errors.role)}
          />
          <PasswordInput
            label={t("users.password")}
            description={t("setup.passwordHint", { n: PASSWORD_MIN })}
            required
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
            error={show(errors.password)}
            // Mantine marks the wrapper, not the inner password input, as invalid.
            aria-invalid={Boolean(errors.password)}
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
