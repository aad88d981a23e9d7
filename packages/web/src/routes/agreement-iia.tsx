import type { IiaView } from "@conventio/domain";
import { Alert, Button, Grid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { agreementQuery } from "../features/agreements/agreement-queries";
import { iiaDraftQuery, iiaQuery } from "../features/ewp/ewp-queries";
import { IiaExchangePanel } from "../features/ewp/iia-exchange-panel";
import { IiaForm } from "../features/ewp/iia-form";
import { useCan } from "../lib/session";
import { ButtonLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { internalRoute } from "./internal";

/** No IIA yet: editors start one from the server's draft (the parties' SCHAC codes and the reference). */
function StartIia({ agreementId, reference, canEdit }: { agreementId: string; reference: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const [started, setStarted] = useState(false);
  const draft = useQuery({ ...iiaDraftQuery(agreementId), enabled: started });
  if (!started || !canEdit) {
    return (
      <Section title={t("iia.none.title")}>
        <Stack gap="sm" align="flex-start">
          <Text>{t("iia.none.body")}</Text>
          {canEdit && <Button onClick={() => setStarted(true)}>{t("iia.none.start")}</Button>}
        </Stack>
      </Section>
    );
  }
  if (draft.isError) return <ProblemAlert error={draft.error} />;
  if (!draft.data) return <Loading />;
  return (
    <Section title={t("iia.form.heading")}>
      <IiaForm agreementId={agreementId} reference={reference} initial={draft.data} readOnly={false} />
    </Section>
  );
}

/** Our copy beside where the exchange stands; the form starts afresh when the partner's copy arrives. */
function IiaWorkspace({ view, reference, canEdit }: { view: IiaView; reference: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const received = `${view.partnerCopy?.receivedAt ?? ""}:${view.iia.partners[1]?.iiaId ?? ""}`;
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Section title={t("iia.form.heading")}>
          <IiaForm
            key={received}
            agreementId={view.agreementId}
            reference={reference}
            initial={view.iia}
            readOnly={!canEdit}
          />
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <IiaExchangePanel view={view} canEdit={canEdit} />
      </Grid.Col>
    </Grid>
  );
}

function AgreementIiaPage() {
  const { t } = useTranslation();
  const { agreementId } = agreementIiaRoute.useParams();
  const canEdit = useCan("editor");
  const agreement = useQuery(agreementQuery(agreementId));
  const erasmus = agreement.data?.kind === "erasmus_iia";
  const iia = useQuery({ ...iiaQuery(agreementId), enabled: erasmus });
  if (agreement.isError) return <ProblemAlert error={agreement.error} />;
  if (!agreement.data) return <Loading />;
  const a = agreement.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={t("iia.pageTitle", { title: a.shown.text })}
        subtitle={t("iia.subtitle", { reference: a.reference })}
        actions={
          <ButtonLink to="/agreements/$agreementId" params={{ agreementId }} variant="default">
            {t("iia.back")}
          </ButtonLink>
        }
      />
      {!erasmus ? (
        <Alert color="gray" variant="light">
          {t("iia.notErasmus")}
        </Alert>
      ) : iia.isError ? (
        <ProblemAlert error={iia.error} />
      ) : iia.data === undefined ? (
        <Loading />
      ) : iia.data === null ? (
        <StartIia agreementId={agreementId} reference={a.reference} canEdit={canEdit} />
      ) : (
        <IiaWorkspace view={iia.data} reference={a.reference} canEdit={canEdit} />
      )}
    </Stack>
  );
}

export const agreementIiaRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/agreements/$agreementId/iia",
  component: AgreementIiaPage,
});
