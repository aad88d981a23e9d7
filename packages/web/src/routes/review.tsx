import { Anchor, Button, Group, List, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActivityTable } from "../features/activities/activity-table";
import { type AgreementChoice, AgreementPicker } from "../features/agreements/agreement-picker";
import { agreementQuery } from "../features/agreements/agreement-queries";
import { ActionTable } from "../features/governance/action-items";
import { Shown } from "../features/portal/shown";
import { api } from "../lib/api";
import { useFormatDate } from "../lib/format";
import { useCan } from "../lib/session";
import { AnchorLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { internalRoute } from "./internal";

type Search = { agreement?: string; on?: string };

/** Picks the partnership and the date; the choice goes to the URL, so a review can be shared. */
function ReviewChooser({ initial, initialOn }: { initial: AgreementChoice | null; initialOn: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: "/reviews" });
  const [agreement, setAgreement] = useState<AgreementChoice | null>(initial);
  const [on, setOn] = useState(initialOn);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (agreement) void navigate({ search: { agreement: agreement.id, on } });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t("review.choose")}>
      <Group align="flex-end" mb="lg" wrap="wrap">
        <div style={{ flex: "1 1 360px" }}>
          <AgreementPicker label={t("review.partnership")} value={agreement} onChange={setAgreement} required />
        </div>
        <TextInput type="date" label={t("review.on")} value={on} onChange={(e) => setOn(e.currentTarget.value)} />
        <Button type="submit">{t("review.assemble")}</Button>
      </Group>
    </form>
  );
}

/** Marks the review as held, so the next one covers what happened since; lists those already held. */
function RecordReview({ agreementId, on, recorded }: { agreementId: string; on: string; recorded: string[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const canEdit = useCan("editor");
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: () => api.agreements.recordReview(agreementId, on),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["review", agreementId] }),
  });
  const held = recorded.includes(on);
  return (
    <Group gap="sm" align="center">
      {record.isError && <ProblemAlert error={record.error} />}
      {held ? (
        <Text size="sm" role="status">
          {t("review.held", { on: formatDate(on) })}
        </Text>
      ) : (
        canEdit && (
          <Button size="xs" variant="light" onClick={() => record.mutate()} loading={record.isPending}>
            {t("review.record")}
          </Button>
        )
      )}
      {recorded.length > 0 && (
        <Text size="sm" c="dimmed">
          {t("review.recorded")}{" "}
          {recorded.map((d, i) => (
            <span key={d}>
              {i > 0 && ", "}
              <AnchorLink to="/reviews" search={{ agreement: agreementId, on: d }}>
                {formatDate(d)}
              </AnchorLink>
            </span>
          ))}
        </Text>
      )}
    </Group>
  );
}

function ReviewPage() {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const search = reviewRoute.useSearch();
  const preset = useQuery({ ...agreementQuery(search.agreement ?? ""), enabled: Boolean(search.agreement) });
  const review = useQuery({
    queryKey: ["review", search.agreement, search.on],
    queryFn: () => api.agreements.review(search.agreement ?? "", search.on ?? ""),
    enabled: Boolean(search.agreement && search.on),
  });
  const r = review.data;
  const waiting = Boolean(search.agreement) && !preset.data && !preset.isError;
  return (
    <>
      <PageHeader title={t("review.title")} subtitle={t("review.subtitle")} />
      {waiting ? (
        <Loading />
      ) : (
        <ReviewChooser initial={preset.data ?? null} initialOn={search.on ?? new Date().toISOString().slice(0, 10)} />
      )}
      {review.isError && <ProblemAlert error={review.error} />}
      {review.isFetching && !r && <Loading />}
      {r && search.agreement && search.on && (
        <Stack gap="lg">
          <Group justify="space-between">
            <Title order={2}>
              {r.agreement.reference} · <Shown value={r.agreement.shown} />
            </Title>
            <Anchor
              href={api.agreements.reviewPdfUrl(search.agreement, search.on, i18n.resolvedLanguage ?? "en")}
              target="_blank"
              rel="noopener"
            >
              {t("review.pdf")}
            </Anchor>
          </Group>
          <Text>
            {r.since
              ? t(`review.since.${r.sinceKind ?? "start"}`, { since: formatDate(r.since), on: formatDate(r.on) })
              : t("review.asOf", { on: formatDate(r.on) })}
          </Text>
          <RecordReview agreementId={search.agreement} on={search.on} recorded={r.recorded} />
          <Section title={t("review.groups")}>
            {r.bodies.length === 0 ? (
              <Text c="dimmed">{t("governance.noBodies")}</Text>
            ) : (
              <List>
                {r.bodies.map((b) => (
                  <List.Item key={b.id}>
                    <strong>{b.name}</strong> — {t("governance.members", { count: b.members.length })},{" "}
                    {t("governance.meetings", { count: b.meetings.length })}
                    {b.meetings.map((m) => (
                      <Text key={m.id} size="sm">
                        {formatDate(m.heldOn)}
                        {m.decisions.length > 0 && `: ${m.decisions.join(" · ")}`}
                      </Text>
                    ))}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <Section title={t("activities.title")}>
            <ActivityTable items={r.activities} />
          </Section>
          <Section title={t("indicators.title")}>
            {r.indicators.length === 0 ? (
              <Text c="dimmed">{t("indicators.none")}</Text>
            ) : (
              <List>
                {r.indicators.map((i) => (
                  <List.Item key={i.id}>
                    {i.name}: {i.values.at(-1)?.value ?? "—"} {i.unit}
                    {i.target !== null && ` / ${i.target}`}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <Section title={t("review.openActions")}>
            <ActionTable items={r.openActions} />
          </Section>
          <Section title={t("review.deadlines")}>
            {r.deadlines.length === 0 ? (
              <Text c="dimmed">{t("agreements.detail.none")}</Text>
            ) : (
              <List>
                {r.deadlines.map((d) => (
                  <List.Item key={`${d.on}:${d.what}`}>
                    {formatDate(d.on)} —{" "}
                    {d.kind === "agreement_end" ? t("review.endOf", { reference: d.what }) : d.what}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </Stack>
      )}
    </>
  );
}

export const reviewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/reviews",
  validateSearch: (search: Record<string, unknown>): Search => ({
    ...(typeof search.agreement === "string" && search.agreement ? { agreement: search.agreement } : {}),
    ...(typeof search.on === "string" && /^\d{4}-\d{2}-\d{2}$/.test(search.on) ? { on: search.on } : {}),
  }),
  component: ReviewPage,
});
