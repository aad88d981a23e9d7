import { PARTY_ROLES } from "@conventio/domain";
import { Select, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { OrganisationPicker } from "../organisations/organisation-picker";
import { type PartyRow, rowKey } from "./agreement-draft";
import { RowGroup } from "./form-rows";

/** The organisations bound by the agreement, each with its role and, when known, its responsible unit. */
export function PartiesFields({
  rows,
  onChange,
  error,
}: {
  rows: PartyRow[];
  onChange: (rows: PartyRow[]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const setRow = (index: number, patch: Partial<PartyRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <RowGroup
      legend={t("agreements.fields.parties")}
      error={error("parties")}
      rows={rows}
      rowLabel={(n) => t("agreements.form.party", { n })}
      onRemove={(index) => onChange(rows.filter((_, i) => i !== index))}
      addLabel={t("agreements.form.addParty")}
      onAdd={() => onChange([...rows, { key: rowKey(), organisation: null, role: "partner", unit: null }])}
    >
      {(row, i) => (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <OrganisationPicker
            label={t("agreements.form.partyOrganisation", { n: i + 1 })}
            required
            value={row.organisation}
            onChange={(organisation) => setRow(i, { organisation })}
            error={error(`parties.${i}.organisationId`)}
          />
          <Select
            label={t("agreements.form.partyRole", { n: i + 1 })}
            allowDeselect={false}
            data={PARTY_ROLES.map((r) => ({ value: r, label: t(`partyRoles.${r}`) }))}
            value={row.role}
            onChange={(v) => v && setRow(i, { role: v as typeof row.role })}
          />
          <OrganisationPicker
            label={t("agreements.form.partyUnit", { n: i + 1 })}
            kinds={["unit"]}
            value={row.unit}
            onChange={(unit) => setRow(i, { unit })}
            error={error(`parties.${i}.responsibleUnitId`)}
          />
        </SimpleGrid>
      )}
    </RowGroup>
  );
}
