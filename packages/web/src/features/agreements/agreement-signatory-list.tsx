import type { AgreementView } from "@conventio/domain";
import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../lib/countries";
import { useFormatDate } from "../../lib/format";
import { AnchorLink } from "../../ui/links";
import { Shown } from "../portal/shown";
import { signatoryTitle } from "./signatory-title";

/** Who signed: name, title in the reader's language, for whom, and the date and place as written. */
export function SignatoryList({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const language = useLanguage();
  if (a.signatories.length === 0) return <Text c="dimmed">{t("agreements.detail.noSignatories")}</Text>;
  return (
    <Stack gap={4} component="ul" className="plain-list">
      {a.signatories.map((s) => {
        const title = signatoryTitle(s, a.language, language);
        return (
          <li key={s.id}>
            <Text span fw={500}>
              {s.person ? (
                <AnchorLink to="/people/$personId" params={{ personId: s.person.id }}>
                  {s.name}
                </AnchorLink>
              ) : (
                s.name
              )}
            </Text>
            {title && (
              <Text span size="sm">
                {", "}
                <Shown value={title} />
              </Text>
            )}
            <Text span size="sm" c="dimmed">
              {[s.organisation?.name, s.signedOn && formatDate(s.signedOn), s.place]
                .filter(Boolean)
                .map((x) => ` · ${x}`)}
            </Text>
          </li>
        );
      })}
    </Stack>
  );
}
