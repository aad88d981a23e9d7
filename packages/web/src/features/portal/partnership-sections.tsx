import type {
  PublicAgreementRef,
  PublicContact,
  PublicOrganisationRef,
  PublicPartnershipPage,
} from "@conventio/domain";
import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatDate, useFormatPeriod } from "../../lib/format";
import { AnchorLink } from "../../ui/links";
import { Section } from "../../ui/section";
import { Shown } from "./shown";

type Agreement = PublicPartnershipPage["agreement"];

/** An organisation's name, linked to its public page when it has one. */
export function OrganisationName({ org }: { org: PublicOrganisationRef }) {
  if (!org.public) return <Shown value={org.name} />;
  return (
    <AnchorLink to="/partners/$organisationId" params={{ organisationId: org.id }}>
      <Shown value={org.name} />
    </AnchorLink>
  );
}

/**
 * A person on the page: their name and title if they agreed to be named, otherwise their role
 * alone; their organisation; and contact details only if they agreed to be a public contact.
 */
export function ContactItem({ c }: { c: PublicContact }) {
  const { t } = useTranslation();
  // A role the app names (a coordinator) in the reader's words; a role written in a group as written.
  const role = t(`partyRoles.${c.role as "coordinator"}`, { defaultValue: c.role });
  const details = c.name === null ? [] : [role, c.title];
  return (
    <li>
      <Text span fw={500}>
        {c.name ?? role}
      </Text>
      {c.studentRepresentative && (
        <Badge size="sm" variant="light" ml={6} tt="none">
          {t("portal.studentRepresentative")}
        </Badge>
      )}
      <Text span size="sm">
        {details.filter((x, i, all) => x && all.indexOf(x) === i).map((x) => ` · ${x}`)}
        {c.organisation && (
          <>
            {" · "}
            <OrganisationName org={c.organisation} />
          </>
        )}
      </Text>
      {(c.email || c.phone) && (
        <Text size="sm">
          {c.email && <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>}
          {c.email && c.phone && " · "}
          {c.phone && <Anchor href={`tel:${c.phone.replace(/\s+/g, "")}`}>{c.phone}</Anchor>}
        </Text>
      )}
    </li>
  );
}

export function SignatoriesSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (agreement.signatories.length === 0) return null;
  return (
    <Section title={t("portal.signatories")}>
      <Stack gap="xs" component="ul" className="plain-list">
        {agreement.signatories.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the order the server gives; people shown by role alone can share every other value
          <li key={`${i}:${s.name ?? ""}:${s.organisation?.id ?? ""}`}>
            <Text fw={500}>{s.name ?? t("portal.unnamedSignatory")}</Text>
            <Text size="sm">
              {s.title && <Shown value={s.title} />}
              {s.title && s.organisation && ", "}
              {s.organisation && <OrganisationName org={s.organisation} />}
            </Text>
            {(s.signedOn || s.place) && (
              <Text size="sm" c="dimmed">
                {s.signedOn && s.place
                  ? t("portal.signedOnAt", { date: formatDate(s.signedOn), place: s.place })
                  : s.signedOn
                    ? t("portal.signedOn", { date: formatDate(s.signedOn) })
                    : t("portal.signedAt", { place: s.place })}
              </Text>
            )}
          </li>
        ))}
      </Stack>
    </Section>
  );
}

function AgreementLine({ a, current }: { a: PublicAgreementRef; current: boolean }) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  const title = <Shown value={a.title} />;
  return (
    <li>
      {current ? (
        <Text span fw={600}>
          {title}
        </Text>
      ) : (
        <AnchorLink to="/partnerships/$agreementId" params={{ agreementId: a.id }}>
          {title}
        </AnchorLink>
      )}{" "}
      <Text span size="sm" c="dimmed">
        · {t(`agreementKinds.${a.kind}`)} · {period(a.signedOn ?? a.startsOn, a.endsOn)}
        {a.recordedAsPast && ` · ${t("portal.recordedAsPast")}`}
      </Text>
    </li>
  );
}

/** The renewal chain since the first agreement, the framework above and the specific agreements below. */
export function HistorySection({ page }: { page: PublicPartnershipPage }) {
  const { t } = useTranslation();
  const { chain, framework, specifics } = page.history;
  if (chain.length <= 1 && !framework && specifics.length === 0) return null;
  return (
    <Section title={t("portal.history")}>
      <Stack gap="sm">
        {framework && (
          <div>
            <Title order={3} size="h5">
              {t("portal.framework")}
            </Title>
            <ul className="plain-list">
              <AgreementLine a={framework} current={false} />
            </ul>
          </div>
        )}
        {chain.length > 1 && (
          <div>
            <Title order={3} size="h5">
              {t("portal.chain")}
            </Title>
            <Stack gap={2} component="ol" className="plain-list">
              {chain.map((a) => (
                <AgreementLine key={a.id} a={a} current={a.id === page.agreement.id} />
              ))}
            </Stack>
          </div>
        )}
        {specifics.length > 0 && (
          <div>
            <Title order={3} size="h5">
              {t("portal.specifics")}
            </Title>
            <Stack gap={2} component="ul" className="plain-list">
              {specifics.map((a) => (
                <AgreementLine key={a.id} a={a} current={false} />
              ))}
            </Stack>
          </div>
        )}
      </Stack>
    </Section>
  );
}

/** Commitments grouped by the party that made them; those of all parties first. */
export function CommitmentsSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  if (agreement.commitments.length === 0) return null;
  const groups = new Map<string, { party: PublicOrganisationRef | null; items: Agreement["commitments"] }>();
  for (const c of agreement.commitments) {
    const key = c.organisation?.id ?? "";
    const group = groups.get(key) ?? { party: c.organisation, items: [] };
    group.items.push(c);
    groups.set(key, group);
  }
  return (
    <Section title={t("agreements.fields.commitments")}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {[...groups.values()].map(({ party, items }) => (
          <div key={party?.id ?? "all"}>
            <Title order={3} size="h5">
              {party ? (
                <>
                  {t("portal.commitmentsOf")} <OrganisationName org={party} />
                </>
              ) : (
                t("portal.commitmentsAll")
              )}
            </Title>
            <List>
              {items.map((c) => (
                <List.Item key={c.description}>
                  {c.description}{" "}
                  <Text span size="sm" c="dimmed">
                    · {t(`commitmentKinds.${c.kind}`)}
                    {c.levels.length > 0 &&
                      ` · ${c.levels.map((l) => t(`levels.${l as "master"}`, { defaultValue: l })).join(", ")}`}
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        ))}
      </SimpleGrid>
    </Section>
  );
}

export function AxesSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  if (agreement.axes.length === 0) return null;
  return (
    <Section title={t("agreements.fields.axes")}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {agreement.axes.map((x) => (
          <div key={x.id} className="axis-card">
            <Group gap="xs">
              <Text fw={600}>{x.title}</Text>
              <Badge size="sm" variant="light" color="gray" tt="none">
                {t(`axisKinds.${x.kind}`)}
              </Badge>
            </Group>
            {x.description && <Text size="sm">{x.description}</Text>}
            {x.objectives.length > 0 && (
              <List size="sm">
                {x.objectives.map((o) => (
                  <List.Item key={o}>{o}</List.Item>
                ))}
              </List>
            )}
            {x.coordinators.length > 0 && (
              <>
                <Text size="sm" fw={600} mt={4}>
                  {t("agreements.detail.coordinators")}
                </Text>
                <Stack gap={2} component="ul" className="plain-list">
                  {x.coordinators.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the order the server gives; people shown by role alone can share every other value
                    <ContactItem key={`${i}:${c.name ?? ""}:${c.role}`} c={c} />
                  ))}
                </Stack>
              </>
            )}
          </div>
        ))}
      </SimpleGrid>
    </Section>
  );
}

export function GovernanceSection({ page }: { page: PublicPartnershipPage }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (page.governance.length === 0) return null;
  return (
    <Section title={t("portal.governance")}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {page.governance.map((g) => (
          <div key={g.id}>
            <Title order={3} size="h5">
              {g.name}{" "}
              <Text span size="sm" c="dimmed">
                · {t(`bodyKinds.${g.kind as "steering"}`, { defaultValue: g.kind })}
              </Text>
            </Title>
            {g.theme && <Text size="sm">{g.theme}</Text>}
            {g.members.length > 0 && (
              <Stack gap={2} component="ul" className="plain-list">
                {g.members.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the order the server gives; people shown by role alone can share every other value
                  <ContactItem key={`${i}:${c.name ?? ""}:${c.role}`} c={c} />
                ))}
              </Stack>
            )}
            {g.meetings.length > 0 && (
              <>
                <Text size="sm" fw={600} mt="xs">
                  {t("portal.meetings")}
                </Text>
                <Stack gap={4} component="ul" className="plain-list">
                  {g.meetings.map((m) => (
                    <li key={m.id}>
                      <Text size="sm" fw={500}>
                        {formatDate(m.heldOn)}
                        {m.place && ` · ${m.place}`}
                      </Text>
                      {m.decisions.length > 0 && (
                        <List size="sm" aria-label={t("portal.decisions")}>
                          {m.decisions.map((d) => (
                            <List.Item key={d}>{d}</List.Item>
                          ))}
                        </List>
                      )}
                    </li>
                  ))}
                </Stack>
              </>
            )}
          </div>
        ))}
      </SimpleGrid>
    </Section>
  );
}

export function ActivitiesSection({ page }: { page: PublicPartnershipPage }) {
  const { t, i18n } = useTranslation();
  const period = useFormatPeriod();
  if (page.activities.length === 0) return null;
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat(i18n.resolvedLanguage ?? "en", { style: "currency", currency }).format(amount);
  return (
    <Section title={t("activities.title")}>
      <Stack gap={6} component="ul" className="plain-list">
        {page.activities.map((x) => (
          <li key={x.id}>
            <Text span fw={500}>
              {x.title}
            </Text>{" "}
            <Text span size="sm" c="dimmed">
              · {t(`activityKinds.${x.kind as "seminar"}`, { defaultValue: x.kind })} · {period(x.startsOn, x.endsOn)}
              {x.place && ` · ${x.place}`}
            </Text>
            {x.partners.length > 0 && (
              <Text size="sm">
                {x.partners.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ", "}
                    <OrganisationName org={p} />
                  </span>
                ))}
              </Text>
            )}
            {x.funding && (
              <Text size="sm">
                {t("portal.fundedBy", { funder: x.funding.funder })}
                {x.funding.programme && ` · ${x.funding.programme}`}
                {x.funding.amount !== null && ` · ${money(x.funding.amount, x.funding.currency)}`}
                {(x.funding.startsOn || x.funding.endsOn) && ` · ${period(x.funding.startsOn, x.funding.endsOn)}`}
              </Text>
            )}
          </li>
        ))}
      </Stack>
    </Section>
  );
}
