import { Fieldset, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ContactRows } from "./contact-rows";
import type { PartnerDraft } from "./iia-draft";

/**
 * One of the two institutions of the IIA: ours first, then the partner. Our iia-id is never
 * shown (an EWP rule: people know an agreement by its code); our code is the agreement's reference.
 */
export function IiaPartnerFields({
  index,
  partner,
  reference,
  onChange,
  error,
}: {
  index: number;
  partner: PartnerDraft;
  reference: string;
  onChange: (patch: Partial<PartnerDraft>) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const at = (field: string) => error(`partners.${index}.${field}`);
  const ours = index === 0;
  const theirCode = ours ? null : partner.base.iiaCode;
  return (
    <Fieldset legend={ours ? t("iia.form.ours") : t("iia.form.theirs")}>
      <Stack>
        {ours ? (
          <Text size="sm">{t("iia.form.ourCode", { code: reference })}</Text>
        ) : (
          theirCode && <Text size="sm">{t("iia.form.theirCode", { code: theirCode })}</Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={ours ? t("iia.form.ourHeiId") : t("iia.form.theirHeiId")}
            description={t("iia.form.heiIdHint")}
            required
            value={partner.heiId}
            onChange={(e) => onChange({ heiId: e.currentTarget.value })}
            error={at("heiId")}
          />
          <TextInput
            label={ours ? t("iia.form.ourOunitId") : t("iia.form.theirOunitId")}
            description={t("iia.form.ounitIdHint")}
            value={partner.ounitId}
            onChange={(e) => onChange({ ounitId: e.currentTarget.value })}
            error={at("ounitId")}
          />
          <TextInput
            label={ours ? t("iia.form.ourSigningName") : t("iia.form.theirSigningName")}
            value={partner.signingName}
            onChange={(e) => onChange({ signingName: e.currentTarget.value })}
            error={at("signingContact.names") ?? at("signingContact.names.0.value") ?? at("signingContact")}
          />
          <TextInput
            type="email"
            label={ours ? t("iia.form.ourSigningEmail") : t("iia.form.theirSigningEmail")}
            value={partner.signingEmail}
            onChange={(e) => onChange({ signingEmail: e.currentTarget.value })}
            error={at("signingContact.emails.0")}
          />
          <TextInput
            type="date"
            label={ours ? t("iia.form.ourSigningDate") : t("iia.form.theirSigningDate")}
            value={partner.signingDate}
            onChange={(e) => onChange({ signingDate: e.currentTarget.value })}
            error={at("signingDate")}
          />
        </SimpleGrid>
        <ContactRows
          legend={ours ? t("iia.form.ourContacts") : t("iia.form.theirContacts")}
          path={`partners.${index}.contacts`}
          rows={partner.contacts}
          onChange={(contacts) => onChange({ contacts })}
          error={error}
        />
      </Stack>
    </Fieldset>
  );
}
