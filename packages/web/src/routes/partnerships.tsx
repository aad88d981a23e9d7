import type { AgreementKind } from "@conventio/domain";
import { Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { createRoute } from "@tanstack/react-router";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { AgreementKindSelect } from "../features/agreements/agreement-labels";
import { Shown } from "../features/portal/shown";
import { api } from "../lib/api";
import { useLanguage } from "../lib/countries";
import { useFormatPeriod } from "../lib/format";
import { useKeysetList } from "../lib/use-keyset-list";
import { AnchorLink } from "../ui/links";
import { LoadMore } from "../ui/load-more";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { TableHead } from "../ui/table-head";
import { rootRoute } from "./root";

/** Public agreements anyone can search, titled in the reader's language; each opens its public partnership page. */
function PartnershipsPage() {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<AgreementKind | null>(null);
  const [debounced] = useDebouncedValue(q, 250);
  const filters = { q: debounced.trim() || undefined, kind: kind ?? undefined };
  const lang = useLanguage();
  const list = useKeysetList(["public", "agreements", filters, lang], (cursor) =>
    api.portal.agreements(filters, cursor, lang),
  );
  const items = list.items;
  return (
    <>
      <PageHeader title={t("portal.partnershipsTitle")} subtitle={t("portal.partnershipsSubtitle")} />
      <search aria-label={t("agreements.filters.label")}>
        <Stack gap="sm" mb="lg" maw={640}>
          <TextInput
            type="search"
            label={t("agreements.filters.search")}
            placeholder={t("agreements.filters.searchPlaceholder")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <AgreementKindSelect
            label={t("agreements.fields.kind")}
            placeholder={t("agreements.filters.any")}
            clearable
            value={kind}
            onChange={setKind}
          />
        </Stack>
      </search>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t("common.nothingFound")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing="xs">
            <TableHead
              columns={[
                t("agreements.fields.title"),
                t("agreements.fields.kind"),
                t("agreements.fields.parties"),
                t("agreements.fields.validity"),
              ]}
            />
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <AnchorLink to="/partnerships/$agreementId" params={{ agreementId: a.id }} fw={500}>
                      <Shown value={a.shown} />
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t(`agreementKinds.${a.kind}`)}</Table.Td>
                  <Table.Td>
                    {a.parties.map((p, i) => (
                      <Fragment key={p.id}>
                        {i > 0 && " · "}
                        <Shown value={p.shown} />
                      </Fragment>
                    ))}
                  </Table.Td>
                  <Table.Td>{period(a.startsOn, a.endsOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore list={list} />
    </>
  );
}

export const partnershipsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/partnerships",
  component: PartnershipsPage,
});
