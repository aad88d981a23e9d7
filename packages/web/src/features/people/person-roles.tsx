import { type OrganisationRef, PersonRoleInput, type PersonView } from "@conventio/domain";
import { Button, Group, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useFormatPeriod } from "../../lib/format";
import { useCan } from "../../lib/session";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { AnchorLink } from "../../ui/links";
import { ProblemAlert } from "../../ui/problem-alert";
import { RemoveButton } from "../../ui/remove-button";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";
import { OrganisationPicker } from "../organisations/organisation-picker";
import { personKeys } from "./person-queries";

function AddRoleForm({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState("");
  const [organisation, setOrganisation] = useState<OrganisationRef | null>(person.organisation);
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const form = useSchemaForm({
    schema: PersonRoleInput,
    read: () => ({ role, organisationId: organisation?.id ?? null, since: since || null, until: until || null }),
    send: (input) => api.people.addRole(person.id, input),
    onSaved: (updated) => {
      queryClient.setQueryData(personKeys.detail(person.id), updated);
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      setRole("");
      setSince("");
      setUntil("");
    },
  });
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby="add-role-title">
      <Title order={3} size="h5" id="add-role-title" mt="md" mb="xs">
        {t("roles.addTitle")}
      </Title>
      <FormProblem form={form} quiet />
      <Group align="flex-start" wrap="wrap">
        <TextInput
          label={t("roles.role")}
          placeholder={t("roles.rolePlaceholder")}
          required
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          error={form.error("role")}
          style={{ flex: "2 1 240px" }}
        />
        <div style={{ flex: "2 1 240px" }}>
          <OrganisationPicker
            label={t("roles.organisation")}
            value={organisation}
            onChange={setOrganisation}
            error={form.error("organisationId")}
          />
        </div>
        <TextInput
          type="date"
          label={t("roles.since")}
          value={since}
          onChange={(e) => setSince(e.currentTarget.value)}
          error={form.error("since")}
        />
        <TextInput
          type="date"
          label={t("roles.until")}
          value={until}
          onChange={(e) => setUntil(e.currentTarget.value)}
          error={form.error("until")}
        />
        <Button type="submit" mt={25} loading={form.mutation.isPending}>
          {t("roles.add")}
        </Button>
      </Group>
    </form>
  );
}

/** Roles held for a time, with who they were held at; editors add and remove them. */
export function PersonRoles({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  const canEdit = useCan("editor");
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (roleId: string) => api.people.removeRole(person.id, roleId),
    onSuccess: (updated) => queryClient.setQueryData(personKeys.detail(person.id), updated),
  });
  return (
    <>
      {remove.isError && <ProblemAlert error={remove.error} />}
      {person.roles.length === 0 ? (
        <Text c="dimmed">{t("roles.none")}</Text>
      ) : (
        <ScrollTable minWidth={520} label={t("roles.title")}>
          <Table verticalSpacing="xs">
            <TableHead columns={[t("roles.role"), t("roles.organisation"), t("roles.period")]} actions={canEdit} />
            <Table.Tbody>
              {person.roles.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.role}</Table.Td>
                  <Table.Td>
                    {r.organisation && (
                      <AnchorLink to="/organisations/$organisationId" params={{ organisationId: r.organisation.id }}>
                        {r.organisation.name}
                      </AnchorLink>
                    )}
                  </Table.Td>
                  <Table.Td>{period(r.since, r.until)}</Table.Td>
                  {canEdit && (
                    <Table.Td ta="right">
                      <RemoveButton
                        label={t("roles.remove", { role: r.role })}
                        loading={remove.isPending && remove.variables === r.id}
                        onClick={() => remove.mutate(r.id)}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {canEdit && <AddRoleForm person={person} />}
    </>
  );
}
