import { Alert, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DeleteOrganisationButton } from "../features/organisations/delete-organisation";
import { KindBadge, VisibilityBadge } from "../features/organisations/kind-select";
import { Memberships } from "../features/organisations/memberships";
import { Identifiers, OrganisationFacts, OtherNames } from "../features/organisations/organisation-facts";
import { organisationQuery } from "../features/organisations/organisation-queries";
import { OrganisationRecords } from "../features/organisations/organisation-records";
import { UnitTree } from "../features/organisations/unit-tree";
import { Shown } from "../features/portal/shown";
import { PartnerTimeline } from "../features/timeline/partner-timeline";
import { useCan } from "../lib/session";
import { Breadcrumbs } from "../ui/breadcrumbs";
import { AnchorLink, ButtonLink } from "../ui/links";
import { PageSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { internalRoute } from "./internal";

function OrganisationPage() {
  const { t } = useTranslation();
  const { organisationId } = organisationRoute.useParams();
  const canEdit = useCan("editor");
  const query = useQuery(organisationQuery(organisationId));
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <PageSkeleton />;
  const o = query.data;
  return (
    <Stack gap="lg">
      <Breadcrumbs
        trail={[{ label: t("nav.organisations"), to: "/organisations" }]}
        current={o.shown.text}
        currentLang={o.shown.lang}
      />
      <PageHeader
        title={o.acronym ? `${o.shown.text} (${o.acronym})` : o.shown.text}
        titleLang={o.shown.lang}
        subtitle={
          <Group gap="xs" component="span">
            <KindBadge kind={o.kind} />
            <VisibilityBadge visibility={o.visibility} />
          </Group>
        }
        actions={
          <>
            <ButtonLink to="/organisations/$organisationId/preview" params={{ organisationId: o.id }} variant="default">
              {t("portal.preview")}
            </ButtonLink>
            {canEdit && (
              <>
                <ButtonLink to="/organisations/$organisationId/edit" params={{ organisationId: o.id }}>
                  {t("common.edit")}
                </ButtonLink>
                <DeleteOrganisationButton id={o.id} name={o.name} />
              </>
            )}
          </>
        }
      />
      {o.successor && (
        <Alert color="yellow" variant="light" title={t("organisations.detail.nowKnownAs")}>
          <AnchorLink to="/organisations/$organisationId" params={{ organisationId: o.successor.id }}>
            <Shown value={o.successor.shown} />
          </AnchorLink>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t("organisations.detail.about")}>
          <OrganisationFacts organisation={o} />
          {o.description && (
            <Text mt="md" style={{ whiteSpace: "pre-line" }}>
              {o.description}
            </Text>
          )}
        </Section>
        <Stack gap="lg">
          <Section title={t("organisations.detail.identifiers")}>
            <Identifiers identifiers={o.identifiers} />
          </Section>
          <Section title={t("organisations.detail.otherNames")}>
            <OtherNames names={o.names} />
          </Section>
        </Stack>
      </SimpleGrid>
      {o.predecessors.length > 0 && (
        <Section title={t("organisations.detail.predecessors")}>
          <Stack gap={4} component="ul" className="plain-list">
            {o.predecessors.map((p) => (
              <li key={p.id}>
                <AnchorLink to="/organisations/$organisationId" params={{ organisationId: p.id }}>
                  <Shown value={p.shown} />
                </AnchorLink>
              </li>
            ))}
          </Stack>
        </Section>
      )}
      <OrganisationRecords organisation={o} canEdit={canEdit} />
      <Section title={t("organisations.detail.units")}>
        <UnitTree units={o.units} />
      </Section>
      <PartnerTimeline organisationId={o.id} />
      <Memberships organisation={o} />
    </Stack>
  );
}

export const organisationRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/organisations/$organisationId",
  component: OrganisationPage,
});
