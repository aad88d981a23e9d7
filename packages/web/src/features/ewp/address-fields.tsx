import { Fieldset, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CountrySelect } from "../../ui/country-select";
import type { AddressDraft } from "./institution-draft";

/**
 * A postal address: up to four lines, postal code, locality, region and country. Detailed
 * fields an address already holds (street, building, box…) are kept, and said so.
 */
export function AddressFields({
  legend,
  path,
  address,
  onChange,
  error,
}: {
  legend: string;
  path: string;
  address: AddressDraft;
  onChange: (patch: Partial<AddressDraft>) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const at = (field: string) => error(`${path}.${field}`);
  const base = address.base;
  const detailed = base
    ? [base.buildingNumber, base.buildingName, base.streetName, base.unit, base.floor, base.postOfficeBox]
        .filter((v) => v !== undefined)
        .join(", ")
    : "";
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        {detailed && <Text size="sm">{t("ewp.address.detailedKept", { detailed })}</Text>}
        <Textarea
          label={t("ewp.address.lines")}
          description={t("ewp.address.linesHint")}
          autosize
          minRows={2}
          maxRows={4}
          value={address.lines}
          onChange={(e) => onChange({ lines: e.currentTarget.value })}
          error={at("addressLines") ?? at("addressLines.0")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("ewp.address.postalCode")}
            value={address.postalCode}
            onChange={(e) => onChange({ postalCode: e.currentTarget.value })}
            error={at("postalCode")}
          />
          <TextInput
            label={t("ewp.address.locality")}
            value={address.locality}
            onChange={(e) => onChange({ locality: e.currentTarget.value })}
            error={at("locality")}
          />
          <TextInput
            label={t("ewp.address.region")}
            value={address.region}
            onChange={(e) => onChange({ region: e.currentTarget.value })}
            error={at("region")}
          />
          <CountrySelect
            label={t("ewp.address.country")}
            value={address.country}
            onChange={(country) => onChange({ country })}
            error={at("country")}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
