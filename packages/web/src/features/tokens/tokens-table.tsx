import type { TokenView } from "@conventio/domain";
import { Badge, Button, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { tokens } from "../../lib/api/tokens";
import { useFormatDate } from "../../lib/format";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";

/** The person's tokens, newest first, each with its state, last use and a Revoke button. */
export function TokensTable({ items }: { items: TokenView[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const revoke = useMutation({
    mutationFn: (token: TokenView) => tokens.revoke(token.id),
    onSuccess: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: ["tokens"] });
    },
  });
  if (items.length === 0) return <Text c="dimmed">{t("tokens.none")}</Text>;
  const now = new Date().toISOString();
  const stateOf = (token: TokenView) =>
    token.revokedAt ? "revoked" : token.expiresAt && token.expiresAt <= now ? "expired" : "active";
  return (
    <>
      <ScrollTable minWidth={640}>
        <Table>
          <caption className="visually-hidden">{t("tokens.title")}</caption>
          <TableHead
            columns={[
              t("tokens.name"),
              t("tokens.scope"),
              t("tokens.prefix"),
              t("tokens.expires"),
              t("tokens.lastUsed"),
              t("tokens.state"),
            ]}
            actions
          />
          <Table.Tbody>
            {items.map((token) => {
              const state = stateOf(token);
              return (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{t(`tokens.scopes.${token.scope}`)}</Table.Td>
                  <Table.Td>
                    <code>{token.prefix}…</code>
                  </Table.Td>
                  <Table.Td>{token.expiresAt ? formatDate(token.expiresAt) : t("tokens.never")}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? formatDate(token.lastUsedAt, true) : t("tokens.notUsed")}</Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={state === "active" ? "teal" : "gray"} radius="sm" tt="none" fw={600}>
                      {t(`tokens.states.${state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {state === "active" && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t("tokens.revokeNamed", { name: token.name })}
                        onClick={() => setRevoking(token)}
                      >
                        {t("tokens.revoke")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <ConfirmDialog
        opened={revoking !== null}
        title={t("tokens.revokeTitle", { name: revoking?.name ?? "" })}
        body={t("tokens.revokeBody")}
        confirmLabel={t("tokens.revoke")}
        busy={revoke.isPending}
        error={revoke.isError ? <ProblemAlert error={revoke.error} /> : null}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      />
    </>
  );
}
