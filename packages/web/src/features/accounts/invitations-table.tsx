import type { InvitationView } from "@conventio/domain";
import { Badge, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { invitations } from "../../lib/api/accounts";
import { useFormatDate } from "../../lib/format";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";

type State = "accepted" | "expired" | "waiting";

const stateOf = (invitation: InvitationView, now: string): State =>
  invitation.acceptedAt ? "accepted" : invitation.expiresAt <= now ? "expired" : "waiting";

const COLOURS: Record<State, string> = { accepted: "teal", expired: "gray", waiting: "blue" };

/** Invitations sent, newest first, and whether each was taken up. */
export function InvitationsTable() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const list = useQuery({ queryKey: ["invitations"], queryFn: invitations.list });
  if (list.isError) return <ProblemAlert error={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.length === 0) return <Text c="dimmed">{t("security.noInvitations")}</Text>;
  const now = new Date().toISOString();
  return (
    <ScrollTable minWidth={720}>
      <Table striped verticalSpacing="xs">
        <caption className="visually-hidden">{t("security.invitationsTitle")}</caption>
        <TableHead
          columns={[
            t("users.email"),
            t("users.name"),
            t("users.role"),
            t("security.invitationSent"),
            t("security.invitationExpires"),
            t("users.status"),
          ]}
        />
        <Table.Tbody>
          {list.data.map((invitation) => {
            const state = stateOf(invitation, now);
            return (
              <Table.Tr key={invitation.id}>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>{invitation.name}</Table.Td>
                <Table.Td>{t(`userRoles.${invitation.role}`)}</Table.Td>
                <Table.Td>{formatDate(invitation.createdAt, true)}</Table.Td>
                <Table.Td>{formatDate(invitation.expiresAt, true)}</Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={COLOURS[state]} radius="sm" tt="none" fw={600}>
                    {t(`security.invitationStates.${state}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
