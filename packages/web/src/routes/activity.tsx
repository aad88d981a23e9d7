import { Badge, Group, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Documents } from "../features/documents/documents";
import { PicturesPanel } from "../features/pictures/pictures-panel";
import { Shown } from "../features/portal/shown";
import { api } from "../lib/api";
import { useLanguage } from "../lib/countries";
import { useFormatDate, useFormatPeriod } from "../lib/format";
import { useCan } from "../lib/session";
import { Breadcrumbs } from "../ui/breadcrumbs";
import { DeleteButton } from "../ui/delete-button";
import { Facts } from "../ui/facts";
import { AnchorLink, ButtonLink } from "../ui/links";
import { PageSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { internalRoute } from "./internal";

function ActivityPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  const period = useFormatPeriod();
  const canEdit = useCan("editor");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { activityId } = activityRoute.useParams();
  const query = useQuery({
    queryKey: ["activities", "detail", activityId],
    queryFn: () => api.activities.get(activityId),
  });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <PageSkeleton />;
  const a = query.data;
  const money = (v: number | null, currency: string) =>
    v === null ? null : new Intl.NumberFormat(language, { style: "currency", currency }).format(v);
  return (
    <Stack gap="lg">
      <Breadcrumbs trail={[{ label: t("nav.activities"), to: "/activities" }]} current={a.title} />
      <PageHeader
        title={a.title}
        subtitle={
          <Group gap="xs" component="span">
            <Badge variant="outline" color="gray" tt="none">
              {t(`activityKinds.${a.kind}`)}
            </Badge>
            <span>{t(`activityStatus.${a.status}`)}</span>
          </Group>
        }
        actions={
          canEdit && (
            <>
              <ButtonLink to="/activities/$activityId/edit" params={{ activityId: a.id }}>
                {t("common.edit")}
              </ButtonLink>
              <DeleteButton
                title={t("activities.deleteTitle", { title: a.title })}
                body={t("activities.deleteBody")}
                onDelete={() => api.activities.delete(a.id)}
                onDeleted={() => {
                  void queryClient.invalidateQueries({ queryKey: ["activities"] });
                  void navigate({ to: "/activities" });
                }}
              />
            </>
          )
        }
      />
      <Section title={t("activities.detail.about")}>
        <Facts
          items={[
            [t("activities.fields.when"), period(a.startsOn, a.endsOn)],
            [t("activities.fields.place"), a.place],
            [
              t("activities.fields.agreement"),
              a.agreement && (
                <AnchorLink to="/agreements/$agreementId" params={{ agreementId: a.agreement.id }}>
                  {a.agreement.reference} · <Shown value={a.agreement.shown} />
                </AnchorLink>
              ),
            ],
            [t("activities.fields.axis"), a.axis?.title],
            [
              t("activities.fields.partners"),
              a.partners.length > 0 &&
                a.partners.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ", "}
                    <AnchorLink to="/organisations/$organisationId" params={{ organisationId: p.id }}>
                      {p.name}
                    </AnchorLink>
                  </span>
                )),
            ],
            [t("activities.fields.laboratories"), a.laboratories.join(", ")],
            [t("activities.fields.owner"), a.owner?.name],
          ]}
        />
        {a.description && (
          <Text mt="md" style={{ whiteSpace: "pre-line" }}>
            {a.description}
          </Text>
        )}
      </Section>
      {a.mobility && (
        <Section title={t("activities.form.mobility")}>
          <Facts
            items={[
              [t("activities.fields.direction"), t(`direction.${a.mobility.direction}`)],
              [t("activities.fields.level"), t(`levels.${a.mobility.level}`)],
              [t("activities.fields.academicYear"), a.mobility.academicYear],
              [t("activities.fields.count"), String(a.mobility.count)],
              [
                t("activities.fields.participant"),
                a.mobility.participant && (
                  <AnchorLink to="/people/$personId" params={{ personId: a.mobility.participant.id }}>
                    {a.mobility.participant.name}
                  </AnchorLink>
                ),
              ],
            ]}
          />
        </Section>
      )}
      {a.funding && (
        <Section title={t("activities.form.funding")}>
          <Facts
            items={[
              [t("activities.fields.funder"), a.funding.funder],
              [t("activities.fields.programme"), a.funding.programme],
              [t("activities.fields.deadline"), formatDate(a.funding.deadline)],
              [t("activities.fields.amountAsked"), money(a.funding.amountAsked, a.funding.currency)],
              [t("activities.fields.amountGranted"), money(a.funding.amountGranted, a.funding.currency)],
              [t("activities.fields.outcome"), t(`bidOutcomes.${a.funding.outcome}`)],
              [
                t("facts.funding.period"),
                (a.funding.startsOn || a.funding.endsOn) && period(a.funding.startsOn, a.funding.endsOn),
              ],
            ]}
          />
        </Section>
      )}
      <Documents record={{ kind: "activities", id: a.id }} canEdit={canEdit} />
      <PicturesPanel owner={{ kind: "activity", id: a.id }} canEdit={canEdit} />
    </Stack>
  );
}

export const activityRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/activities/$activityId",
  component: ActivityPage,
});
