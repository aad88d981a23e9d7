import { PasswordResetRequest } from "@conventio/domain";
import { Alert, Button, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { security } from "../../lib/api/accounts";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { AnchorLink } from "../../ui/links";

/** Asks for a reset link. The answer reads the same for any address, as the server's does. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const form = useSchemaForm({
    schema: PasswordResetRequest,
    read: () => ({ email }),
    send: security.requestPasswordReset,
  });
  if (form.mutation.isSuccess) {
    return (
      <Alert color="teal" variant="outline" role="status" title={t("security.resetAskedTitle")}>
        <Stack gap="xs">
          <span>{t("security.resetAsked")}</span>
          <AnchorLink to="/sign-in">{t("security.backToSignIn")}</AnchorLink>
        </Stack>
      </Alert>
    );
  }
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        <TextInput
          label={t("signIn.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={form.error("email")}
        />
        <Button type="submit" loading={form.mutation.isPending}>
          {t("security.sendLink")}
        </Button>
        <AnchorLink to="/sign-in" size="sm">
          {t("security.backToSignIn")}
        </AnchorLink>
      </Stack>
    </form>
  );
}
