import type { IiaView } from "@conventio/domain";
import { Button, Divider, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { iias } from "../../lib/api/ewp";
import { useLanguage } from "../../lib/countries";
import { useFormatDate } from "../../lib/format";
import { Facts } from "../../ui/facts";
import { Section } from "../../ui/section";
import { HashValue } from "./hash-value";
import { IiaApprovals } from "./iia-approvals";
import { IiaDifferences } from "./iia-differences";
import { IiaNodeExchange } from "./iia-node-exchange";
import { XmlImport } from "./xml-import";

/**
 * Where the agreement stands with the partner: both copies, how they differ, who approved what,
 * what the node exchanged, and the files.
 */
export function IiaExchangePanel({ view, canEdit }: { view: IiaView; canEdit: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const language = useLanguage();
  const yesNo = (valid: boolean) => (valid ? t("iia.state.valid") : t("iia.state.notValid"));
  const partner = view.partnerCopy;
  return (
    <Stack gap="md">
      <Section title={t("iia.state.title")}>
        <Stack gap="md">
          <div>
            <Text component="h3" fw={600} mb="xs">
              {t("iia.state.ours")}
            </Text>
            <Facts
              items={[
                [t("iia.state.hash"), <HashValue key="hash" hash={view.iiaHash} testId="iia-our-hash" />],
                [t("iia.state.validForApproval"), yesNo(view.validForApproval)],
                [t("iia.state.modifiedAt"), formatDate(view.modifiedAt, true)],
              ]}
            />
          </div>
          <Divider />
          <div>
            <Text component="h3" fw={600} mb="xs">
              {t("iia.state.theirs")}
            </Text>
            {partner ? (
              <Facts
                items={[
                  [t("iia.state.receivedAt"), formatDate(partner.receivedAt, true)],
                  [t("iia.state.theirHash"), <HashValue key="hash" hash={partner.iiaHash} testId="iia-their-hash" />],
                  [t("iia.state.validForApproval"), yesNo(partner.validForApproval)],
                ]}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t("iia.state.notReceived")}
              </Text>
            )}
          </div>
          {canEdit && <XmlImport kind="iias" />}
          <IiaDifferences view={view} />
        </Stack>
      </Section>
      <Section title={t("iia.approval.title")}>
        <IiaApprovals view={view} canEdit={canEdit} />
      </Section>
      <IiaNodeExchange agreementId={view.agreementId} canEdit={canEdit} />
      <Section title={t("iia.downloads.title")}>
        <Group gap="sm">
          <Button component="a" variant="default" href={iias.xmlUrl(view.agreementId)} download>
            {t("iia.downloads.xml")}
          </Button>
          <Button component="a" variant="default" href={iias.pdfUrl(view.agreementId, language)} download>
            {t("iia.downloads.pdf")}
          </Button>
        </Group>
      </Section>
    </Stack>
  );
}
