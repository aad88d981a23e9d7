import { Anchor, Badge, SimpleGrid, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { personQuery } from "../features/people/person-queries";
import { PersonRoles } from "../features/people/person-roles";
import { PersonalDataActions } from "../features/people/personal-data-actions";
import { useLanguageName } from "../lib/countries";
import { useFormatDate } from "../lib/format";
import { useCan } from "../lib/session";
import { Breadcrumbs } from "../ui/breadcrumbs";
import { Facts } from "../ui/facts";
import { AnchorLink, ButtonLink } from "../ui/links";
import { PageSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { internalRoute } from "./internal";

function PersonPage() {
  const { t } = useTranslation();
  const { personId } = personRoute.useParams();
  const canEdit = useCan("editor");
  const isAdmin = useCan("admin");
  const languageName = useLanguageName();
  const formatDate = useFormatDate();
  const query = useQuery(personQuery(personId));
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <PageSkeleton />;
  const p = query.data;
  const name = `${p.givenName} ${p.familyName}`;
  return (
    <Stack gap="lg">
      <Breadcrumbs trail={[{ label: t("nav.people"), to: "/people" }]} current={name} />
      <PageHeader
        title={name}
        subtitle={p.title ?? undefined}
        actions={
          canEdit && (
            <ButtonLink to="/people/$personId/edit" params={{ personId: p.id }}>
              {t("common.edit")}
            </ButtonLink>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t("people.detail.contact")}>
          <Facts
            items={[
              [
                t("people.fields.organisation"),
                p.organisation && (
                  <AnchorLink to="/organisations/$organisationId" params={{ organisationId: p.organisation.id }}>
                    {p.organisation.name}
                  </AnchorLink>
                ),
              ],
              [t("people.fields.email"), p.email && <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor>],
              [
                t("people.fields.phone"),
                p.phone && <Anchor href={`tel:${p.phone.replace(/\s+/g, "")}`}>{p.phone}</Anchor>,
              ],
              [t("people.fields.languages"), p.languages.map(languageName).join(", ")],
              [
                t("people.fields.namedInPublic"),
                <Badge key="named" variant="outline" color={p.namedInPublic ? "teal" : "gray"} tt="none">
                  {p.namedInPublic ? t("people.detail.named") : t("people.detail.notNamed")}
                </Badge>,
              ],
              [
                t("people.fields.publicContact"),
                <Badge key="public" variant="outline" color={p.publicContact ? "teal" : "gray"} tt="none">
                  {p.publicContact ? t("people.detail.listed") : t("people.detail.notListed")}
                </Badge>,
              ],
              [t("organisations.fields.updatedAt"), formatDate(p.updatedAt, true)],
            ]}
          />
        </Section>
        {isAdmin && (
          <Section title={t("people.detail.personalData")}>
            <Stack gap="sm">
              <span>{t("people.detail.personalDataHint")}</span>
              <PersonalDataActions id={p.id} name={name} />
            </Stack>
          </Section>
        )}
      </SimpleGrid>
      <Section title={t("roles.title")}>
        <PersonRoles person={p} />
      </Section>
    </Stack>
  );
}

export const personRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/people/$personId",
  component: PersonPage,
});
