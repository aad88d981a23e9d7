import { AXIS_KINDS, COMMITMENT_KINDS } from "@conventio/domain";
import { MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PeoplePicker } from "../people/person-picker";
import { type AxisRow, type CommitmentRow, rowKey } from "./agreement-draft";
import { RowGroup } from "./form-rows";

/** The agreement's axes or areas of work, each with its coordinators, description and objectives. */
export function AxesFields({
  rows,
  onChange,
  error,
}: {
  rows: AxisRow[];
  onChange: (rows: AxisRow[]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const setRow = (index: number, patch: Partial<AxisRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <RowGroup
      legend={t("agreements.fields.axes")}
      rows={rows}
      rowLabel={(n) => t("agreements.form.axis", { n })}
      onRemove={(index) => onChange(rows.filter((_, i) => i !== index))}
      addLabel={t("agreements.form.addAxis")}
      onAdd={() =>
        onChange([
          ...rows,
          {
            key: rowKey(),
            kind: "operational",
            title: "",
            description: "",
            coordinators: [],
            objectives: "",
          },
        ])
      }
    >
      {(row, i) => (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label={t("agreements.form.axisTitle", { n: i + 1 })}
              required
              value={row.title}
              onChange={(e) => setRow(i, { title: e.currentTarget.value })}
              error={error(`axes.${i}.title`)}
            />
            <Select
              label={t("agreements.form.axisKind", { n: i + 1 })}
              allowDeselect={false}
              data={AXIS_KINDS.map((k) => ({ value: k, label: t(`axisKinds.${k}`) }))}
              value={row.kind}
              onChange={(v) => v && setRow(i, { kind: v as typeof row.kind })}
            />
          </SimpleGrid>
          <PeoplePicker
            label={t("agreements.form.axisCoordinators", { n: i + 1 })}
            value={row.coordinators}
            onChange={(coordinators) => setRow(i, { coordinators })}
            error={error(`axes.${i}.coordinatorIds`)}
          />
          <Textarea
            label={t("agreements.form.axisDescription", { n: i + 1 })}
            autosize
            value={row.description}
            onChange={(e) => setRow(i, { description: e.currentTarget.value })}
          />
          <Textarea
            label={t("agreements.form.axisObjectives", { n: i + 1 })}
            description={t("agreements.form.onePerLine")}
            autosize
            value={row.objectives}
            onChange={(e) => setRow(i, { objectives: e.currentTarget.value })}
          />
        </Stack>
      )}
    </RowGroup>
  );
}

/** What each party commits to (or all of them): a kind of exchange, the levels, in words. */
export function CommitmentsFields({
  rows,
  onChange,
  partyOptions,
  error,
}: {
  rows: CommitmentRow[];
  onChange: (rows: CommitmentRow[]) => void;
  partyOptions: { value: string; label: string }[];
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const setRow = (index: number, patch: Partial<CommitmentRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <RowGroup
      legend={t("agreements.fields.commitments")}
      rows={rows}
      rowLabel={(n) => t("agreements.form.commitment", { n })}
      onRemove={(index) => onChange(rows.filter((_, i) => i !== index))}
      addLabel={t("agreements.form.addCommitment")}
      onAdd={() =>
        onChange([
          ...rows,
          { key: rowKey(), organisationId: null, kind: "student_exchange", description: "", levels: [] },
        ])
      }
    >
      {(row, i) => (
        <>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Select
              label={t("agreements.form.commitmentKind", { n: i + 1 })}
              allowDeselect={false}
              data={COMMITMENT_KINDS.map((k) => ({ value: k, label: t(`commitmentKinds.${k}`) }))}
              value={row.kind}
              onChange={(v) => v && setRow(i, { kind: v as typeof row.kind })}
            />
            <Select
              label={t("agreements.form.commitmentParty", { n: i + 1 })}
              placeholder={t("agreements.form.allParties")}
              clearable
              data={partyOptions}
              value={row.organisationId}
              onChange={(v) => setRow(i, { organisationId: v })}
            />
            <MultiSelect
              label={t("agreements.form.commitmentLevels", { n: i + 1 })}
              data={(["bachelor", "master", "doctorate", "postdoc", "staff"] as const).map((l) => ({
                value: l,
                label: t(`levels.${l}`),
              }))}
              value={row.levels}
              onChange={(v) => setRow(i, { levels: v as typeof row.levels })}
            />
          </SimpleGrid>
          <Textarea
            mt="xs"
            label={t("agreements.form.commitmentDescription", { n: i + 1 })}
            required
            autosize
            value={row.description}
            onChange={(e) => setRow(i, { description: e.currentTarget.value })}
            error={error(`commitments.${i}.description`)}
          />
        </>
      )}
    </RowGroup>
  );
}
