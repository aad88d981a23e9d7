import { SignInInput } from "@conventio/domain";
import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../lib/api";
import { errorsFromIssues, errorsFromProblem, type FieldErrors, useFieldMessage } from "../../lib/form-errors";
import { queryClient } from "../../lib/query-client";
import { storeSession } from "../../lib/session";
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
  const show = useFieldMessage();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const signIn = useMutation({
    mutationFn: api.signIn,
    onSuccess: (session) => {
      storeSession(session);
      forgetPreviousReads();
      onSignedIn();
    },
    onError: (error) => setErrors(errorsFromProblem(error)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = SignInInput.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(errorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    signIn.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {signIn.isError && <SignInProblem error={signIn.error} />}
        <TextInput
          label={t("signIn.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={show(errors.email)}
        />
        <PasswordInput
          label={t("signIn.password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={show(errors.password)}
          // Mantine marks the wrapper, not the inner password input, as invalid.
          aria-invalid={Boolean(errors.password)}
        />
        <Button type="submit" loading={signIn.isPending}>
          {t("signIn.submit")}
        </Button>
      </Stack>
    </form>
  );
}
