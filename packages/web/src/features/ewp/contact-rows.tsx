import { SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RowGroup } from "../agreements/form-rows";
import { type ContactRow, emptyContactRow, isBlankContact, rowErrors } from "./ewp-draft";

/**
 * Contacts of an EWP record, each edited by its name and e-mail (other details it holds are
 * kept). `path` is where the list sits in what is sent, e.g. `partners.1.contacts`.
 */
export function ContactRows({
  legend,
  path,
  rows,
  onChange,
  error,
}: {
  legend: string;
  path: string;
  rows: ContactRow[];
  onChange: (rows: ContactRow[]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const at = rowErrors(rows, isBlankContact, path, error);
  const patch = (i: number, change: Partial<ContactRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <RowGroup
      legend={legend}
      rows={rows}
      rowLabel={(n) => t("ewp.contacts.contact", { n })}
      onRemove={(i) => onChange(rows.filter((_, j) => j !== i))}
      addLabel={t("ewp.contacts.add")}
      onAdd={() => onChange([...rows, emptyContactRow()])}
    >
      {(row, i) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("ewp.contacts.name", { n: i + 1 })}
            value={row.name}
            onChange={(e) => patch(i, { name: e.currentTarget.value })}
            error={at(i, "names") ?? at(i, "names.0.value")}
          />
          <TextInput
            type="email"
            label={t("ewp.contacts.email", { n: i + 1 })}
            value={row.email}
            onChange={(e) => patch(i, { email: e.currentTarget.value })}
            error={at(i, "emails.0") ?? at(i, "emails")}
          />
        </SimpleGrid>
      )}
    </RowGroup>
  );
}
