import { AGREEMENT_STATUSES, type AgreementView, type ShownText } from "@conventio/domain";
import { Badge, Group, List, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLanguageName } from "../../lib/countries";
import { useFormatDate, useFormatPeriod } from "../../lib/format";
import { Facts } from "../../ui/facts";
import { AnchorLink } from "../../ui/links";
import { ScrollRegion } from "../../ui/scroll-region";
import { Section } from "../../ui/section";
import { TableHead } from "../../ui/table-head";
import { Shown } from "../portal/shown";
import { StatusBadge } from "./agreement-labels";
import { SignatoryList } from "./agreement-signatory-list";
import { useIscedName } from "./isced-labels";
import { RenewalChain } from "./renewal-chain";

/** An organisation's page, linked by its name in the reader's language. */
function OrgLink({ id, shown }: { id: string; shown: ShownText }) {
  return (
    <AnchorLink to="/organisations/$organisationId" params={{ organisationId: id }}>
      <Shown value={shown} />
    </AnchorLink>
  );
}

/** Everything recorded about an agreement, section by section. */
export function AgreementOverview({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const period = useFormatPeriod();
  const iscedNameOf = useIscedName();
  const languageName = useLanguageName();
  const statusName = (status: string) => {
    const known = AGREEMENT_STATUSES.find((x) => x === status);
    return known ? t(`agreementStatus.${known}`) : status;
  };
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t("agreements.detail.about")}>
          <Facts
            items={[
              [t("agreements.fields.reference"), a.reference],
              [t("agreements.fields.kind"), t(`agreementKinds.${a.kind}`)],
              [t("agreements.fields.status"), <StatusBadge key="s" status={a.status} />],
              [t("agreements.fields.signedOn"), formatDate(a.signedOn)],
              [
                t("agreements.fields.validity"),
                a.endsOn ? period(a.startsOn, a.endsOn) : t("agreements.detail.openEnded"),
              ],
              [
                t("agreements.fields.noticeMonths"),
                a.noticeMonths === null ? null : t("agreements.detail.months", { count: a.noticeMonths }),
              ],
              [t("agreements.fields.tacitRenewal"), a.tacitRenewal ? t("common.yes") : t("common.no")],
              [
                t("agreements.fields.framework"),
                a.framework && (
                  <AnchorLink to="/agreements/$agreementId" params={{ agreementId: a.framework.id }}>
                    {a.framework.reference} · <Shown value={a.framework.shown} />
                  </AnchorLink>
                ),
              ],
              [t("agreements.fields.language"), a.language && languageName(a.language)],
              [t("facts.agreement.entry"), a.recordedAsPast && t("facts.agreement.recordedAfterwards")],
              [t("agreements.fields.visibility"), t(`visibility.${a.visibility}`)],
              [
                t("agreements.fields.internalFields"),
                a.visibility === "public" && a.internalFields.length > 0
                  ? a.internalFields.map((f) => t(`guardedFields.${f}`)).join(", ")
                  : null,
              ],
              [
                t("agreements.detail.terminated"),
                a.terminatedOn && `${formatDate(a.terminatedOn)} — ${a.terminationReason ?? ""}`,
              ],
            ]}
          />
          {a.titles.length > 0 && (
            <List size="sm" mt="sm">
              {a.titles.map((n) => (
                <List.Item key={n.lang}>
                  <span lang={n.lang}>{n.value}</span> ({n.lang})
                </List.Item>
              ))}
            </List>
          )}
          {a.summary && (
            <Text mt="md" style={{ whiteSpace: "pre-line" }}>
              {a.summary}
            </Text>
          )}
          {a.summaries.map((n) => (
            <Text key={n.lang} mt="sm" lang={n.lang} style={{ whiteSpace: "pre-line" }}>
              <Text component="span" size="xs" c="dimmed" mr={6}>
                {n.lang}
              </Text>
              {n.value}
            </Text>
          ))}
        </Section>
        <Section title={t("agreements.fields.parties")}>
          <ScrollRegion label={t("agreements.fields.parties")}>
            <Table verticalSpacing="xs">
              <TableHead
                columns={[
                  t("agreements.detail.organisation"),
                  t("agreements.detail.role"),
                  t("agreements.detail.responsibleUnit"),
                ]}
              />
              <Table.Tbody>
                {a.partyDetails.map((p) => (
                  <Table.Tr key={p.organisation.id}>
                    <Table.Td>
                      <OrgLink {...p.organisation} />
                    </Table.Td>
                    <Table.Td>{t(`partyRoles.${p.role}`)}</Table.Td>
                    <Table.Td>{p.responsibleUnit && <OrgLink {...p.responsibleUnit} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          <Title order={3} size="h5" mt="md" mb="xs">
            {t("agreements.fields.signatories")}
          </Title>
          <SignatoryList agreement={a} />
        </Section>
      </SimpleGrid>

      <Section title={t("agreements.detail.content")}>
        <Stack gap="sm">
          {a.themes.length > 0 && (
            <Group gap="xs" aria-label={t("agreements.fields.themes")} role="list">
              {a.themes.map((theme) => (
                <Badge key={theme} variant="outline" color="gray" tt="none" role="listitem">
                  {theme}
                </Badge>
              ))}
            </Group>
          )}
          {a.fields.length > 0 && (
            <Text size="sm">
              <strong>{t("agreements.fields.fields")}:</strong>{" "}
              {a.fields.map((f) => `${f.code} ${iscedNameOf(f.code)}`).join(" · ")}
            </Text>
          )}
          <Title order={3} size="h5">
            {t("agreements.fields.objectives")}
          </Title>
          {a.objectives.length === 0 ? (
            <Text c="dimmed">{t("agreements.detail.none")}</Text>
          ) : (
            <List>
              {a.objectives.map((o) => (
                <List.Item key={o}>{o}</List.Item>
              ))}
            </List>
          )}
          <Title order={3} size="h5">
            {t("agreements.fields.axes")}
          </Title>
          {a.axes.length === 0 ? (
            <Text c="dimmed">{t("agreements.detail.none")}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {a.axes.map((x) => (
                <div key={x.id} className="axis-card">
                  <Group gap="xs">
                    <Text fw={600}>{x.title}</Text>
                    <Badge size="sm" variant="light" color="gray" tt="none">
                      {t(`axisKinds.${x.kind}`)}
                    </Badge>
                  </Group>
                  {x.description && <Text size="sm">{x.description}</Text>}
                  {x.coordinators.length > 0 && (
                    <Text size="sm">
                      {t("agreements.detail.coordinators")}:{" "}
                      {x.coordinators.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 && ", "}
                          <AnchorLink to="/people/$personId" params={{ personId: c.id }}>
                            {c.name}
                          </AnchorLink>
                        </span>
                      ))}
                    </Text>
                  )}
                  {x.objectives.length > 0 && (
                    <List size="sm">
                      {x.objectives.map((o) => (
                        <List.Item key={o}>{o}</List.Item>
                      ))}
                    </List>
                  )}
                </div>
              ))}
            </SimpleGrid>
          )}
          <Title order={3} size="h5">
            {t("agreements.fields.commitments")}
          </Title>
          {a.commitments.length === 0 ? (
            <Text c="dimmed">{t("agreements.detail.none")}</Text>
          ) : (
            <List>
              {a.commitments.map((c) => (
                <List.Item key={`${c.kind}:${c.description}`}>
                  <strong>{t(`commitmentKinds.${c.kind}`)}</strong> — {c.description}
                  <Text span size="sm" c="dimmed">
                    {" "}
                    ({c.organisation ? <Shown value={c.organisation.shown} /> : t("agreements.form.allParties")}
                    {c.levels.length > 0 && ` · ${c.levels.map((l) => t(`levels.${l as "master"}`)).join(", ")}`})
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Section>

      <Section title={t("agreements.detail.chain")}>
        <RenewalChain chain={a.chain} currentId={a.id} />
      </Section>

      {(a.specifics.length > 0 || a.kind === "framework_agreement") && (
        <Section title={t("agreements.detail.specifics")}>
          {a.specifics.length === 0 ? (
            <Text c="dimmed">{t("agreements.detail.noSpecifics")}</Text>
          ) : (
            <Stack gap={4} component="ul" className="plain-list">
              {a.specifics.map((s) => (
                <li key={s.id}>
                  <AnchorLink to="/agreements/$agreementId" params={{ agreementId: s.id }}>
                    {s.reference} · <Shown value={s.shown} />
                  </AnchorLink>{" "}
                  <StatusBadge status={s.status} />
                </li>
              ))}
            </Stack>
          )}
        </Section>
      )}

      <Section title={t("agreements.detail.history")}>
        {a.history.length === 0 ? (
          <Text c="dimmed">{t("agreements.detail.none")}</Text>
        ) : (
          <ScrollRegion label={t("agreements.detail.history")}>
            <Table verticalSpacing="xs" miw={520}>
              <TableHead
                columns={[t("agreements.detail.when"), t("agreements.detail.what"), t("agreements.detail.who")]}
              />
              <Table.Tbody>
                {a.history.map((h) => (
                  <Table.Tr key={`${h.at}:${h.action}`}>
                    <Table.Td>{formatDate(h.at, true)}</Table.Td>
                    <Table.Td>
                      {h.from ? `${statusName(h.from)} → ` : ""}
                      {statusName(h.to)}
                      {h.note && (
                        <Text size="xs" c="dimmed">
                          {h.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{h.actor ?? "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Section>
    </Stack>
  );
}
