import { Button, Group, Stack, Tabs } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ResultsPanel } from "../features/activities/indicators-panel";
import { StatusBadge } from "../features/agreements/agreement-labels";
import { AgreementOverview } from "../features/agreements/agreement-overview";
import { agreementQuery } from "../features/agreements/agreement-queries";
import { DeleteDraftButton, LifecycleActions } from "../features/agreements/lifecycle-actions";
import { ApprovalCircuitSection } from "../features/circuits/circuit-section";
import { Documents } from "../features/documents/documents";
import { GovernancePanel } from "../features/governance/governance-panel";
import { PicturesPanel } from "../features/pictures/pictures-panel";
import { useCan } from "../lib/session";
import { Breadcrumbs } from "../ui/breadcrumbs";
import { ButtonLink } from "../ui/links";
import { PageSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { internalRoute } from "./internal";

const TABS = ["overview", "governance", "results", "documents", "pictures"] as const;
type Tab = (typeof TABS)[number];

function AgreementPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? "en").slice(0, 2);
  const { agreementId } = agreementRoute.useParams();
  const { tab } = agreementRoute.useSearch();
  const navigate = useNavigate({ from: "/agreements/$agreementId" });
  const canEdit = useCan("editor");
  const query = useQuery(agreementQuery(agreementId));
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <PageSkeleton />;
  const a = query.data;
  return (
    <Stack gap="md">
      <Breadcrumbs
        trail={[{ label: t("nav.agreements"), to: "/agreements" }]}
        current={`${a.reference} ${a.shown.text}`}
        currentLang={a.shown.lang}
      />
      <PageHeader
        title={a.shown.text}
        titleLang={a.shown.lang}
        subtitle={
          <Group gap="xs" component="span">
            <StatusBadge status={a.status} />
            <span>
              {a.reference} · {t(`agreementKinds.${a.kind}`)}
            </span>
          </Group>
        }
        actions={
          <>
            {a.visibility === "public" && (
              <Button component="a" href={`/${lang}/partnerships/${a.id}`} variant="default">
                {t("agreements.publicPage")}
              </Button>
            )}
            <ButtonLink to="/agreements/$agreementId/preview" params={{ agreementId: a.id }} variant="default">
              {t("portal.preview")}
            </ButtonLink>
            <ButtonLink to="/reviews" search={{ agreement: a.id }} variant="default">
              {t("review.title")}
            </ButtonLink>
            {a.kind === "erasmus_iia" && (
              <ButtonLink to="/agreements/$agreementId/iia" params={{ agreementId: a.id }} variant="default">
                {t("iia.open")}
              </ButtonLink>
            )}
            {canEdit && (
              <ButtonLink to="/agreements/$agreementId/edit" params={{ agreementId: a.id }}>
                {t("common.edit")}
              </ButtonLink>
            )}
            {canEdit && <DeleteDraftButton agreement={a} />}
          </>
        }
      />
      <LifecycleActions agreement={a} canEdit={canEdit} />
      <ApprovalCircuitSection agreementId={a.id} />
      <Tabs
        value={tab ?? "overview"}
        onChange={(next) =>
          void navigate({ search: next && next !== "overview" ? { tab: next as Tab } : {}, replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t("agreements.tabs.overview")}</Tabs.Tab>
          <Tabs.Tab value="governance">{t("agreements.tabs.governance")}</Tabs.Tab>
          <Tabs.Tab value="results">{t("agreements.tabs.results")}</Tabs.Tab>
          <Tabs.Tab value="documents">{t("agreements.tabs.documents")}</Tabs.Tab>
          <Tabs.Tab value="pictures">{t("pictures.heading")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <AgreementOverview agreement={a} />
        </Tabs.Panel>
        <Tabs.Panel value="governance">
          <GovernancePanel agreementId={a.id} />
        </Tabs.Panel>
        <Tabs.Panel value="results">
          <ResultsPanel agreementId={a.id} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <Documents record={{ kind: "agreements", id: a.id }} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="pictures">
          <PicturesPanel owner={{ kind: "agreement", id: a.id }} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export const agreementRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/agreements/$agreementId",
  validateSearch: (search: Record<string, unknown>): { tab?: Tab } => {
    const tab = TABS.find((x) => x === search.tab);
    return tab && tab !== "overview" ? { tab } : {};
  },
  component: AgreementPage,
});
