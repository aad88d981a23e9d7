import { UpdateUserInput, type UserUnit, type UserView } from "@conventio/domain";
import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { useOrganisationSearch } from "../organisations/organisation-queries";

const UnitsInput = UpdateUserInput.pick({ units: true }).required();

/** Picks organisations of kind unit by searching as you type. */
function UnitsPicker({
  value,
  onChange,
  error,
}: {
  value: readonly UserUnit[];
  onChange: (units: UserUnit[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const results = useOrganisationSearch(debounced, ["unit"]);
  const found = (results.data ?? []).map((o) => ({ id: o.id, name: o.name }));
  const options = [...value, ...found.filter((o) => !value.some((v) => v.id === o.id))];
  return (
    <MultiSelect
      label={t("users.units")}
      description={t("users.unitsHelp")}
      error={error}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((o) => ({ value: o.id, label: o.name }))}
      value={value.map((o) => o.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => options.filter((o) => o.id === id)))}
      nothingFoundMessage={results.isFetching ? t("common.loading") : t("common.nothingFound")}
      placeholder={t("common.typeToSearch")}
    />
  );
}

/**
 * Limits an account to units: it then reads and changes only the agreements and activities those
 * units, or units under them, are responsible for. Administrators are never limited, so they are
 * not offered.
 */
export function UserUnitsForm({ users }: { users: readonly UserView[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const limitable = users.filter((u) => u.role !== "admin");
  const [userId, setUserId] = useState<string | null>(null);
  const [units, setUnits] = useState<UserUnit[]>([]);
  const chosen = limitable.find((u) => u.id === userId);
  const form = useSchemaForm({
    schema: UnitsInput,
    read: () => ({ units: units.map((u) => u.id) }),
    send: (input) => api.users.update(userId ?? "", input),
    onSaved: () => void queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
  const save = form.mutation;
  const unitError =
    form.error("units") ??
    Object.keys(form.errors)
      .filter((k) => k.startsWith("units."))
      .map((k) => form.error(k))[0];
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        {save.isSuccess && (
          <Alert color="teal" variant="outline" role="status">
            {save.data.units?.length
              ? t("users.unitsSaved", { name: save.data.name, units: save.data.units.map((u) => u.name).join(", ") })
              : t("users.unitsLifted", { name: save.data.name })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("users.unitsAccount")}
            required
            searchable
            data={limitable.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
            value={userId}
            onChange={(id) => {
              setUserId(id);
              setUnits([...(limitable.find((u) => u.id === id)?.units ?? [])]);
              save.reset();
            }}
          />
          <UnitsPicker value={units} onChange={setUnits} error={unitError} />
        </SimpleGrid>
        {chosen && units.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("users.unitsNone", { name: chosen.name })}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!chosen}>
            {t("users.unitsSave")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
