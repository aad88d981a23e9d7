import { Select, SimpleGrid } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type AgreementChoice, AgreementPicker } from "./agreement-picker";
import { agreementQuery } from "./agreement-queries";

interface Props {
  agreementLabel: string;
  agreement: AgreementChoice | null;
  axisId: string | null;
  /** A new agreement clears the area, which belonged to the previous one. */
  onChange: (agreement: AgreementChoice | null, axisId: string | null) => void;
  errors: { agreement?: string | undefined; axis?: string | undefined };
}

/** The partnership something belongs to, and then one of that partnership's axes or areas. */
export function AgreementAreaFields({ agreementLabel, agreement, axisId, onChange, errors }: Props) {
  const { t } = useTranslation();
  const detail = useQuery({ ...agreementQuery(agreement?.id ?? ""), enabled: agreement !== null });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <AgreementPicker
        label={agreementLabel}
        value={agreement}
        onChange={(next) => onChange(next, null)}
        error={errors.agreement}
      />
      <Select
        label={t("activities.fields.axis")}
        clearable
        disabled={!agreement}
        data={(detail.data?.axes ?? []).map((x) => ({ value: x.id, label: x.title }))}
        value={axisId}
        onChange={(next) => onChange(agreement, next)}
        error={errors.axis}
      />
    </SimpleGrid>
  );
}
