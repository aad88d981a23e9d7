import type { OrganisationDetail } from "@conventio/domain";
import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCountryName, useLanguageName } from "../../lib/countries";
import { useFormatDate } from "../../lib/format";
import { Facts } from "../../ui/facts";
import { AnchorLink } from "../../ui/links";
import { TableHead } from "../../ui/table-head";
import { Shown } from "../portal/shown";

/** Identifiers that are web addresses (ROR) or have a public page (Wikidata) are shown as links. */
function identifierHref(scheme: string, value: string): string | null {
  if (scheme === "ror" && value.startsWith("https://ror.org/")) return value;
  if (scheme === "wikidata") return `https://www.wikidata.org/wiki/${value}`;
  return null;
}

export function OrganisationFacts({ organisation: o }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const formatDate = useFormatDate();
  const coordinates = o.lat !== null && o.lng !== null ? `${o.lat.toFixed(4)}, ${o.lng.toFixed(4)}` : null;
  return (
    <Facts
      items={[
        [t("organisations.fields.kind"), t(`kinds.${o.kind}`)],
        [t("organisations.fields.acronym"), o.acronym],
        [t("organisations.fields.country"), o.countryCode ? countryName(o.countryCode) : null],
        [t("organisations.fields.city"), o.city],
        [t("organisations.fields.coordinates"), coordinates],
        [
          t("organisations.fields.website"),
          o.website && (
            <Anchor href={o.website} target="_blank" rel="noopener noreferrer">
              {o.website}
            </Anchor>
          ),
        ],
        [
          t("organisations.fields.parent"),
          o.parent && (
            <AnchorLink to="/organisations/$organisationId" params={{ organisationId: o.parent.id }}>
              <Shown value={o.parent.shown} />
            </AnchorLink>
          ),
        ],
        [t("organisations.fields.visibility"), t(`visibility.${o.visibility}`)],
        [t("organisations.fields.updatedAt"), formatDate(o.updatedAt, true)],
      ]}
    />
  );
}

export function OtherNames({ names }: { names: OrganisationDetail["names"] }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  if (names.length === 0) return <Text c="dimmed">{t("organisations.detail.noNames")}</Text>;
  return (
    <Facts
      items={names.map((n) => [
        `${languageName(n.lang)} (${n.lang})`,
        <span key={n.lang} lang={n.lang}>
          {n.value}
        </span>,
      ])}
    />
  );
}

export function Identifiers({ identifiers }: { identifiers: OrganisationDetail["identifiers"] }) {
  const { t } = useTranslation();
  if (identifiers.length === 0) return <Text c="dimmed">{t("organisations.detail.noIdentifiers")}</Text>;
  return (
    <Table verticalSpacing={4}>
      <TableHead columns={[t("identifiers.scheme"), t("identifiers.value")]} />
      <Table.Tbody>
        {identifiers.map((i) => {
          const href = identifierHref(i.scheme, i.value);
          return (
            <Table.Tr key={`${i.scheme}:${i.value}`}>
              <Table.Td>{t(`schemes.${i.scheme}`)}</Table.Td>
              <Table.Td>
                {href ? (
                  <Anchor href={href} target="_blank" rel="noopener noreferrer" ff="monospace">
                    {i.value}
                  </Anchor>
                ) : (
                  <Text span ff="monospace" style={{ whiteSpace: "pre" }}>
                    {i.value}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
