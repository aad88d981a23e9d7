import type { BodyView } from "@conventio/domain";
import { Badge, Table } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useFormatPeriod } from "../../lib/format";
import { useCan } from "../../lib/session";
import { AnchorLink } from "../../ui/links";
import { ProblemAlert } from "../../ui/problem-alert";
import { RemoveButton } from "../../ui/remove-button";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";
import { agreementKeys } from "../agreements/agreement-queries";

/** A body's members: who, for which organisation (a student representative's union), in which role, for how long. */
export function MembersTable({ body }: { body: BodyView }) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  const canEdit = useCan("editor");
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (memberId: string) => api.governance.removeMember(body.id, memberId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agreementKeys.bodies(body.agreementId) }),
  });
  if (body.members.length === 0) return null;
  return (
    <>
      {remove.isError && <ProblemAlert error={remove.error} />}
      <ScrollTable minWidth={620} label={`${body.name}, ${t("governance.members", { count: body.members.length })}`}>
        <Table verticalSpacing={4}>
          <TableHead
            columns={[
              t("governance.member"),
              t("governance.organisation"),
              t("governance.role"),
              t("governance.mandate"),
            ]}
            actions={canEdit}
          />
          <Table.Tbody>
            {body.members.map((m) => {
              const name = [m.person?.name, m.organisation?.name].filter(Boolean).join(" · ");
              return (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    {m.person && (
                      <AnchorLink to="/people/$personId" params={{ personId: m.person.id }}>
                        {m.person.name}
                      </AnchorLink>
                    )}
                    {m.studentRepresentative && (
                      <Badge ml={m.person ? "xs" : 0} size="sm" color="grape" variant="light" tt="none">
                        {t("governance.studentRepresentative")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {m.organisation && (
                      <AnchorLink to="/organisations/$organisationId" params={{ organisationId: m.organisation.id }}>
                        {m.organisation.name}
                      </AnchorLink>
                    )}
                  </Table.Td>
                  <Table.Td>{m.role}</Table.Td>
                  <Table.Td>{period(m.startsOn, m.endsOn)}</Table.Td>
                  {canEdit && (
                    <Table.Td ta="right">
                      <RemoveButton
                        label={t("governance.removeMember", { name })}
                        onClick={() => remove.mutate(m.id)}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
