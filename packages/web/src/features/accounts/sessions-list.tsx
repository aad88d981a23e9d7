import type { SessionEntry } from "@conventio/domain";
import { Badge, Button, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { security } from "../../lib/api/accounts";
import { useFormatDate } from "../../lib/format";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";

const SESSIONS = ["account-sessions"];

/** Where a session came from: the address and the browser as it named itself. */
function Origin({ session }: { session: SessionEntry }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">{session.ip ?? t("security.unknownAddress")}</Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
        {session.userAgent ?? t("security.unknownBrowser")}
      </Text>
    </Stack>
  );
}

/** The person's open sessions, newest first; any but this one can be ended. */
export function SessionsList() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: SESSIONS, queryFn: security.sessions });
  const end = useMutation({
    mutationFn: (session: SessionEntry) => security.endSession(session.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS }),
  });
  if (list.isError) return <ProblemAlert error={list.error} />;
  if (!list.data) return <Loading />;
  return (
    <Stack>
      {end.isError && <ProblemAlert error={end.error} />}
      <ScrollTable minWidth={560}>
        <Table>
          <caption className="visually-hidden">{t("security.sessionsTitle")}</caption>
          <TableHead columns={[t("security.sessionStarted"), t("security.sessionFrom")]} actions />
          <Table.Tbody>
            {list.data.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>{formatDate(session.createdAt, true)}</Table.Td>
                <Table.Td>
                  <Origin session={session} />
                </Table.Td>
                <Table.Td>
                  {session.current ? (
                    <Badge variant="dot" color="teal" radius="sm" tt="none" fw={600}>
                      {t("security.thisSession")}
                    </Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t("security.endSessionNamed", {
                        when: formatDate(session.createdAt, true),
                        from: session.ip ?? t("security.unknownAddress"),
                      })}
                      loading={end.isPending && end.variables?.id === session.id}
                      onClick={() => end.mutate(session)}
                    >
                      {t("security.endSession")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
