import { SignInInput } from "@conventio/domain";
import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../lib/api";
import { queryClient } from "../../lib/query-client";
import { storeSession } from "../../lib/session";
import { useSchemaForm } from "../../lib/use-schema-form";
import { ProblemAlert } from "../../ui/problem-alert";

/** Forgets what was read as someone else (or as nobody), keeping the fresh session. */
export function forgetPreviousReads(): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "session" });
}

function SignInProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error, "unauthenticated")) {
    return (
      <Alert color="red" role="alert" title={t("signIn.failed")}>
        {t("signIn.wrongCredentials")}
      </Alert>
    );
  }
  if (isApiError(error, "rate_limited")) {
    return (
      <Alert color="orange" role="alert" title={t("signIn.failed")}>
        {t("signIn.tooMany")}
      </Alert>
    );
  }
  if (isApiError(error, "validation_failed")) return null;
  return <ProblemAlert error={error} />;
}

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const form = useSchemaForm({
    schema: SignInInput,
    read: () => ({ email, password }),
    send: api.signIn,
    onSaved: (session) => {
      storeSession(session);
      forgetPreviousReads();
      onSignedIn();
    },
  });
  const signIn = form.mutation;

  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        {signIn.isError && <SignInProblem error={signIn.error} />}
        <TextInput
          label={t("signIn.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={form.error("email")}
        />
        <PasswordInput
          label={t("signIn.password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={form.error("password")}
          // Mantine marks the wrapper, not the inner password input, as invalid.
          aria-invalid={Boolean(form.errors.password)}
        />
        <Button type="submit" loading={signIn.isPending}>
          {t("signIn.submit")}
        </Button>
      </Stack>
    </form>
  );
}
