import type { RegistryEntryView, RegistryRelative } from "@conventio/domain";
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../lib/api";
import { useCountryName } from "../../lib/countries";
import { useCan } from "../../lib/session";
import { AnchorLink } from "../../ui/links";
import { ProblemAlert } from "../../ui/problem-alert";
import { CandidateList } from "../organisations/duplicate-hint";
import { KindBadge } from "../organisations/kind-select";

function Codes({ entry }: { entry: RegistryEntryView }) {
  const { t } = useTranslation();
  const codes = [
    entry.rorId && ([t("schemes.ror"), entry.rorId] as const),
    entry.erasmusCode && ([t("schemes.erasmus"), entry.erasmusCode] as const),
    entry.pic && ([t("schemes.pic"), entry.pic] as const),
  ].filter((c): c is readonly [string, string] => Boolean(c));
  if (codes.length === 0) return null;
  return (
    <Group gap="md" wrap="wrap">
      {codes.map(([label, value]) => (
        <Text size="sm" key={label}>
          {label}:{" "}
          <Text span ff="monospace" size="sm" style={{ whiteSpace: "pre" }}>
            {value}
          </Text>
        </Text>
      ))}
    </Group>
  );
}

/** A relative named by ROR: its name when the registry holds it (found by a search), else its ROR id. */
function Relative({ label, relative }: { label: string; relative: RegistryRelative }) {
  return (
    <Text size="sm">
      {label}{" "}
      {relative.name ? (
        <AnchorLink to="/registry" search={{ q: relative.name }} size="sm">
          {relative.name}
        </AnchorLink>
      ) : (
        <Text span ff="monospace" size="sm">
          {relative.rorId}
        </Text>
      )}
    </Text>
  );
}

/** ROR's flags: a withdrawn record duplicates its successor, an inactive one has closed or merged. */
function Status({ entry }: { entry: RegistryEntryView }) {
  const { t } = useTranslation();
  if (entry.status === "active") return null;
  return (
    <Badge color={entry.status === "withdrawn" ? "red" : "orange"} variant="light" radius="sm" tt="none" size="md">
      {t(`registryEntry.status.${entry.status}`)}
    </Badge>
  );
}

/** One registry entry: what it is, where, its codes, and how to make it a partner. */
export function RegistryResult({ entry }: { entry: RegistryEntryView }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const canAdd = useCan("editor");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const adopt = useMutation({
    mutationFn: (confirmDuplicate: boolean) => api.registry.adopt(entry.id, confirmDuplicate),
    onSuccess: async (organisation) => {
      await queryClient.invalidateQueries({ queryKey: ["organisations"] });
      await queryClient.invalidateQueries({ queryKey: ["registry"] });
      await navigate({ to: "/organisations/$organisationId", params: { organisationId: organisation.id } });
    },
  });
  const duplicate = isApiError(adopt.error, "duplicate_suspected") ? adopt.error : null;
  const place = [entry.city, countryName(entry.countryCode)].filter(Boolean).join(", ");
  const titleId = `registry-${entry.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6}>
          <Group gap="xs">
            <Title order={2} size="h4" id={titleId}>
              {entry.name}
              {entry.acronym && ` (${entry.acronym})`}
            </Title>
            <KindBadge kind={entry.kind} />
            <Status entry={entry} />
          </Group>
          {place && <Text size="sm">{place}</Text>}
          {entry.status === "withdrawn" && (
            <Text size="sm" c="dimmed">
              {t("registryEntry.withdrawnHint")}
            </Text>
          )}
          {entry.successor && <Relative label={t("registryEntry.nowKnownAs")} relative={entry.successor} />}
          {entry.parent && <Relative label={t("registryEntry.partOf")} relative={entry.parent} />}
          <Codes entry={entry} />
        </Stack>
        {entry.organisationId ? (
          <Stack gap={4} align="flex-end">
            <Badge color="teal" variant="outline" tt="none" size="md">
              {t("registry.alreadyPartner")}
            </Badge>
            <AnchorLink to="/organisations/$organisationId" params={{ organisationId: entry.organisationId }} size="sm">
              {t("registry.openPartner")}
            </AnchorLink>
          </Stack>
        ) : (
          canAdd && (
            <Button
              onClick={() => adopt.mutate(false)}
              loading={adopt.isPending}
              aria-label={t("registry.addNamed", { name: entry.name })}
            >
              {t("registry.add")}
            </Button>
          )
        )}
      </Group>
      {duplicate && (
        <Alert color="orange" variant="light" mt="md" role="alert" title={t("organisations.form.duplicateTitle")}>
          <Stack gap="sm">
            <CandidateList candidates={duplicate.candidates} />
            <Text size="sm">{t("publicStatement.registryInternal")}</Text>
            <Group>
              <Button color="orange" size="xs" onClick={() => adopt.mutate(true)} loading={adopt.isPending}>
                {t("registry.addAnyway")}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {adopt.isError && !duplicate && (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={adopt.error} />
        </div>
      )}
    </Card>
  );
}
