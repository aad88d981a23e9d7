import { TotpCodeInput, type TotpSetup } from "@conventio/domain";
import { Alert, Anchor, Button, Code, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { security } from "../../lib/api/accounts";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";

export const TOTP_STATUS = ["totp-status"];

/** The status of one's second factor, read by the section and by the page's banner. */
export const useTotpStatus = () => useQuery({ queryKey: TOTP_STATUS, queryFn: security.totpStatus });

/** Base32 in groups of four, as authenticator apps print it, easier to type without losing one's place. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/** A six-digit code and a button: confirming a new authenticator or removing it. */
function CodeForm({
  send,
  submitLabel,
  danger = false,
  onDone,
}: {
  send: (input: TotpCodeInput) => Promise<void>;
  submitLabel: string;
  danger?: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const form = useSchemaForm({ schema: TotpCodeInput, read: () => ({ code }), send, onSaved: onDone });
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        <Group align="flex-end">
          <TextInput
            label={t("security.code")}
            description={t("security.codeHint")}
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            w={260}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.replace(/\s/g, ""))}
            error={form.error("code")}
          />
          <Button type="submit" color={danger ? "red" : undefined} loading={form.mutation.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The new secret, to type or to open in an app, and the code that proves the app has it. */
function SetupSteps({ setup, onDone, onCancel }: { setup: TotpSetup; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text size="sm">{t("security.totpSetupIntro")}</Text>
      <Code block data-testid="totp-secret" fz="lg" style={{ letterSpacing: "0.05em" }}>
        {grouped(setup.secret)}
      </Code>
      <Anchor href={setup.uri} size="sm">
        {t("security.totpOpenApp")}
      </Anchor>
      <CodeForm send={security.enableTotp} submitLabel={t("security.totpConfirm")} onDone={onDone} />
      <Group>
        <Button variant="subtle" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Whether sign-ins ask for an authenticator's code; set it up, or remove it when allowed. */
export function SecondFactorSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useTotpStatus();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const start = useMutation({ mutationFn: security.setUpTotp, onSuccess: setSetup });
  // Turning it on may unlock an administrator's other pages; turning it off changes the status.
  const changed = () => {
    setSetup(null);
    void queryClient.invalidateQueries();
  };
  if (status.isError) return <ProblemAlert error={status.error} />;
  if (!status.data) return <Loading />;
  const { enabled, required } = status.data;
  if (enabled) {
    return (
      <Stack>
        <Alert color="teal" variant="outline" title={t("security.totpOn")}>
          {required ? t("security.totpKeep") : t("security.totpOnBody")}
        </Alert>
        {!required && (
          <>
            <Text size="sm">{t("security.totpRemoveIntro")}</Text>
            <CodeForm send={security.disableTotp} submitLabel={t("security.totpRemove")} danger onDone={changed} />
          </>
        )}
      </Stack>
    );
  }
  return (
    <Stack>
      <Text size="sm">{required ? t("security.totpRequired") : t("security.totpOff")}</Text>
      {start.isError && <ProblemAlert error={start.error} />}
      {setup ? (
        <SetupSteps setup={setup} onDone={changed} onCancel={() => setSetup(null)} />
      ) : (
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t("security.totpSetUp")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** At the top of the account page: an administrator who must set up a second factor is told where. */
export function SecondFactorBanner() {
  const { t } = useTranslation();
  const status = useTotpStatus();
  if (!status.data?.required || status.data.enabled) return null;
  return (
    <Alert color="red" variant="outline" role="alert" title={t("security.totpNeededTitle")}>
      {t("security.totpNeeded")} <Anchor href="#second-factor">{t("security.totpNeededLink")}</Anchor>
    </Alert>
  );
}
