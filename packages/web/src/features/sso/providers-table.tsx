import type { SsoProviderView } from "@conventio/domain";
import { Badge, Button, Code, Stack, Switch, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { sso } from "../../lib/api/sso";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollTable } from "../../ui/scroll-table";
import { providersKey } from "./provider-form";

/** The providers, what to register at each, and a switch to turn one off without losing its links. */
export function ProvidersTable({
  providers,
  onEdit,
}: {
  providers: readonly SsoProviderView[];
  onEdit: (p: SsoProviderView) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => sso.update(id, { enabled }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: providersKey }),
  });
  if (providers.length === 0) return <Text c="dimmed">{t("sso.admin.none")}</Text>;
  return (
    <Stack>
      {toggle.isError && <ProblemAlert error={toggle.error} />}
      <ScrollTable minWidth={720} label={t("sso.admin.title")}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("sso.admin.name")}</Table.Th>
              <Table.Th scope="col">{t("sso.admin.issuer")}</Table.Th>
              <Table.Th scope="col">{t("sso.admin.redirectUri")}</Table.Th>
              <Table.Th scope="col">{t("sso.admin.enabled")}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {providers.map((p) => {
              const fixed = p.source === "environment";
              return (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={500}>
                    {p.name}
                    <Text size="xs" c="dimmed">
                      {p.slug}
                    </Text>
                    {fixed && (
                      <Badge variant="light" color="gray">
                        {t("sso.admin.fromEnvironment")}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: "break-all" }}>
                      {p.issuer}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code style={{ wordBreak: "break-all" }}>{p.redirectUri}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={t("sso.admin.enabledOf", { name: p.name })}
                      checked={p.enabled}
                      disabled={fixed}
                      onChange={(e) => toggle.mutate({ id: p.id, enabled: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    {!fixed && (
                      <Button size="xs" variant="default" onClick={() => onEdit(p)}>
                        <span aria-hidden="true">{t("common.edit")}</span>
                        <span className="visually-hidden">{t("sso.admin.editOf", { name: p.name })}</span>
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
