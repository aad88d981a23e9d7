import { PasswordResetCompletion } from "@conventio/domain";
import { Alert, Button, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../lib/api";
import { security } from "../../lib/api/accounts";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { AnchorLink } from "../../ui/links";
import { NewPasswordFields, withConfirmation, withoutConfirmation } from "./password-fields";

/** The link is used up, expired or mistyped: the only way on is a new one. */
export function LinkNotValid({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="outline" role="alert" title={t("security.linkNotValidTitle")}>
      <Stack gap="xs">
        <span>{message}</span>
        <AnchorLink to="/forgot-password">{t("security.askAgain")}</AnchorLink>
      </Stack>
    </Alert>
  );
}

/** A new password, typed twice, with the token of the e-mailed link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ password: "", confirm: "" });
  const form = useSchemaForm({
    schema: withConfirmation(PasswordResetCompletion, "password", t("security.mismatch")),
    read: () => ({ ...draft, token }),
    send: (input) => security.completePasswordReset(withoutConfirmation(input)),
  });
  if (form.mutation.isSuccess) {
    return (
      <Alert color="teal" variant="outline" role="status" title={t("security.resetDoneTitle")}>
        <Stack gap="xs">
          <span>{t("security.resetDone")}</span>
          <AnchorLink to="/sign-in">{t("nav.signIn")}</AnchorLink>
        </Stack>
      </Alert>
    );
  }
  const error = form.mutation.error;
  if (isApiError(error) && error.fieldErrors.some((f) => f.field === "token")) {
    return <LinkNotValid message={form.error("token") ?? ""} />;
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
          {t("security.resetSubmit")}
        </Button>
      </Stack>
    </form>
  );
}
