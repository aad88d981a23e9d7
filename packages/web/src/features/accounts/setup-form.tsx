import { PASSWORD_MIN, SetupInput } from "@conventio/domain";
import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { storeSession } from "../../lib/session";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { forgetPreviousReads } from "./sign-in-form";

/** Creates the first administrator with the one-time token, then signs them in. */
export function SetupForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ email: "", name: "", password: "" });
  const form = useSchemaForm({
    schema: SetupInput,
    read: () => ({ ...draft, token }),
    send: async (input) => {
      await api.completeSetup(input);
      return api.signIn({ email: input.email, password: input.password });
    },
    onSaved: (session) => {
      storeSession(session);
      forgetPreviousReads();
      onDone();
    },
  });

  const field = (name: keyof typeof draft) => ({
    value: draft[name],
    onChange: (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [name]: value }));
    },
    error: form.error(name),
    required: true,
  });

  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        <TextInput label={t("setup.name")} autoComplete="name" {...field("name")} />
        <TextInput label={t("setup.email")} type="email" autoComplete="username" {...field("email")} />
        <PasswordInput
          label={t("setup.password")}
          description={t("setup.passwordHint", { n: PASSWORD_MIN })}
          autoComplete="new-password"
          {...field("password")}
          // Mantine marks the wrapper, not the inner password input, as invalid.
          aria-invalid={Boolean(form.errors.password)}
        />
        <Button type="submit" loading={form.mutation.isPending}>
          {t("setup.submit")}
        </Button>
      </Stack>
    </form>
  );
}
