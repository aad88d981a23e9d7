import { SignInInput } from "@conventio/domain";
import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../lib/api";
import { security } from "../../lib/api/accounts";
import { queryClient } from "../../lib/query-client";
import { storeSession } from "../../lib/session";
import { useSchemaForm } from "../../lib/use-schema-form";
import { AnchorLink } from "../../ui/links";
import { ProblemAlert } from "../../ui/problem-alert";

/** Forgets what was read as someone else (or as nobody), keeping the fresh session. */
export function forgetPreviousReads(): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "session" });
}

/** The server asks for the authenticator's code: the field says so, not the alert above. */
const asksForCode = (error: unknown) =>
  isApiError(error, "unauthenticated") && error.fieldErrors.some((f) => f.field === "code");

/** An administrator who must set up a second factor can do nothing else first: take them there. */
async function mustSetUpSecondFactor(role: string | undefined): Promise<boolean> {
  if (role !== "admin") return false;
  const status = await security.totpStatus().catch(() => null);
  return Boolean(status?.required && !status.enabled);
}

function SignInProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (asksForCode(error)) return null;
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
  const [code, setCode] = useState("");
  const [codeAsked, setCodeAsked] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const form = useSchemaForm({
    schema: SignInInput,
    read: () => ({ email, password, ...(codeAsked ? { code } : {}) }),
    send: api.signIn,
    onSaved: async (session) => {
      storeSession(session);
      forgetPreviousReads();
      if (await mustSetUpSecondFactor(session.user?.role)) {
        await navigate({ to: "/account", hash: "second-factor", replace: true });
      } else {
        onSignedIn();
      }
    },
  });
  const signIn = form.mutation;
  const askedNow = signIn.isError && asksForCode(signIn.error);
  if (askedNow && !codeAsked) setCodeAsked(true);
  // The code field appears after the first try: that is where the person types next.
  useEffect(() => {
    if (askedNow) codeField.current?.focus();
  }, [askedNow]);
  // The first request for a code is a prompt, not a mistake: only a code sent and refused is one.
  const codeError = form.refusedHere || signIn.variables?.code ? form.error("code") : undefined;

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
        {codeAsked && (
          <TextInput
            ref={codeField}
            label={t("security.code")}
            description={t("security.codeHint")}
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.replace(/\s/g, ""))}
            error={codeError}
          />
        )}
        <Button type="submit" loading={signIn.isPending}>
          {t("signIn.submit")}
        </Button>
        <AnchorLink to="/forgot-password" size="sm">
          {t("security.forgotLink")}
        </AnchorLink>
      </Stack>
    </form>
  );
}
