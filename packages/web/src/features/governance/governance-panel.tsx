import { Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useCan } from "../../lib/session";
import { Loading } from "../../ui/loading";
import { OpenOnDemand } from "../../ui/open-on-demand";
import { ProblemAlert } from "../../ui/problem-alert";
import { Section } from "../../ui/section";
import { agreementKeys } from "../agreements/agreement-queries";
import { ActionTable, NewActionForm } from "./action-items";
import { BodyCard } from "./body-card";
import { AddBodyForm } from "./body-form";

/** The bodies that run a partnership, their members and meetings, and its action items. */
export function GovernancePanel({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const canEdit = useCan("editor");
  const bodies = useQuery({
    queryKey: agreementKeys.bodies(agreementId),
    queryFn: () => api.agreements.bodies(agreementId),
  });
  const actions = useQuery({
    queryKey: agreementKeys.actions(agreementId),
    queryFn: () => api.agreements.actions(agreementId),
  });
  if (bodies.isError) return <ProblemAlert error={bodies.error} />;
  if (!bodies.data) return <Loading />;
  return (
    <Stack gap="lg">
      {bodies.data.items.length === 0 && <Text c="dimmed">{t("governance.noBodies")}</Text>}
      {bodies.data.items.map((b) => (
        <BodyCard key={b.id} body={b} />
      ))}
      {canEdit && <AddBodyForm agreementId={agreementId} />}
      <Section title={t("governance.actions")}>
        {actions.isError && <ProblemAlert error={actions.error} />}
        <ActionTable items={actions.data?.items ?? []} />
        {canEdit && (
          <OpenOnDemand label={t("governance.openActionForm")}>
            {(close) => (
              <>
                <Title order={3} size="h5" id="standalone-action" mt="md" mb="xs">
                  {t("governance.newAction")}
                </Title>
                <NewActionForm agreementId={agreementId} headingId="standalone-action" onClose={close} />
              </>
            )}
          </OpenOnDemand>
        )}
      </Section>
    </Stack>
  );
}
