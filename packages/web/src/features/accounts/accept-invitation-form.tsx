import { InvitationAcceptance } from "@conventio/domain";
import { Alert, Button, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../lib/api";
import { security } from "../../lib/api/accounts";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { AnchorLink } from "../../ui/links";
import { NewPasswordFields, withConfirmation, withoutConfirmation } from "./password-fields";

/** The invited person chooses a password; the account is made with the name and role of the invitation. */
export function AcceptInvitationForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ password: "", confirm: "" });
  const form = useSchemaForm({
    schema: withConfirmation(InvitationAcceptance, "password", t("security.mismatch")),
    read: () => ({ ...draft, token }),
    send: (input) => security.acceptInvitation(withoutConfirmation(input)),
  });
  const made = form.mutation.data;
  if (made) {
    return (
      <Alert color="teal" variant="outline" role="status" title={t("security.accountMadeTitle")}>
        <Stack gap="xs">
          <span>{t("security.accountMade", { email: made.email })}</span>
          <AnchorLink to="/sign-in">{t("nav.signIn")}</AnchorLink>
        </Stack>
      </Alert>
    );
  }
  const error = form.mutation.error;
  if (isApiError(error) && error.fieldErrors.some((f) => f.field === "token")) {
    return (
      <Alert color="red" variant="outline" role="alert" title={t("security.linkNotValidTitle")}>
        {form.error("token")} {t("security.askInviter")}
      </Alert>
    );
  }
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        <NewPasswordFields
          password={{
            value: draft.password,
            onChange: (password) => setDraft((d) => ({ ...d, password })),
            error: form.error("password"),
          }}
          confirm={{
            value: draft.confirm,
            onChange: (confirm) => setDraft((d) => ({ ...d, confirm })),
            error: form.error("confirm"),
          }}
        />
        <Button type="submit" loading={form.mutation.isPending}>
          {t("security.acceptSubmit")}
        </Button>
      </Stack>
    </form>
  );
}
