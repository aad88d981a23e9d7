import { PASSWORD_MIN, SetupInput } from "@conventio/domain";
import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorsFromIssues, errorsFromProblem, type FieldErrors, useFieldMessage } from "../../lib/form-errors";
import { storeSession } from "../../lib/session";
import { ProblemAlert } from "../../ui/problem-alert";
import { forgetPreviousReads } from "./sign-in-form";

/** Creates the first administrator with the one-time token, then signs them in. */
export function SetupForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const [draft, setDraft] = useState({ email: "", name: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const setup = useMutation({
    mutationFn: async (input: SetupInput) => {
      await api.completeSetup(input);
      return api.signIn({ email: input.email, password: input.password });
    },
    onSuccess: (session) => {
      storeSession(session);
      forgetPreviousReads();
      onDone();
    },
    onError: (error) => setErrors(errorsFromProblem(error)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = SetupInput.safeParse({ ...draft, token });
    if (!parsed.success) {
      setErrors(errorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setup.mutate(parsed.data);
  }

  const field = (name: keyof typeof draft) => ({
    value: draft[name],
    onChange: (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [name]: value }));
    },
    error: show(errors[name]),
    required: true,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {setup.isError && <ProblemAlert error={setup.error} />}
        <TextInput label={t("setup.name")} autoComplete="name" {...field("name")} />
        <TextInput label={t("setup.email")} type="email" autoComplete="username" {...field("email")} />
        <PasswordInput
          label={t("setup.password")}
          description={t("setup.passwordHint", { n: PASSWORD_MIN })}
          autoComplete="new-password"
          {...field("password")}
          // Mantine marks the wrapper, not the inner password input, as invalid.
          aria-invalid={Boolean(errors.password)}
        />
        <Button type="submit" loading={setup.isPending}>
          {t("setup.submit")}
        </Button>
      </Stack>
    </form>
  );
}
