import { USER_ROLES, type UserRole, type UserView } from "@conventio/domain";
import { Group, Select, Switch, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useFormatDate } from "../../lib/format";
import { useSession } from "../../lib/session";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";

function UserRow({ user, isSelf, onChange }: { user: UserView; isSelf: boolean; onChange: (patch: Patch) => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {user.name}
      </Table.Th>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        <Select
          aria-label={t("users.roleOf", { name: user.name })}
          size="xs"
          w={150}
          data={USER_ROLES.map((r) => ({ value: r, label: t(`userRoles.${r}`) }))}
          value={user.role}
          allowDeselect={false}
          // Demoting yourself could leave nobody able to manage accounts.
          disabled={isSelf}
          onChange={(role) => role && role !== user.role && onChange({ id: user.id, role: role as UserRole })}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Switch
            aria-label={t("users.activeOf", { name: user.name })}
            checked={!user.disabled}
            disabled={isSelf}
            onChange={(e) => onChange({ id: user.id, disabled: !e.currentTarget.checked })}
          />
          <Text size="sm" aria-hidden="true">
            {user.disabled ? t("users.disabled") : t("users.active")}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>{user.units?.length ? user.units.map((u) => u.name).join(", ") : t("users.allUnits")}</Table.Td>
      <Table.Td>{formatDate(user.createdAt)}</Table.Td>
    </Table.Tr>
  );
}

type Patch = { id: string; role?: UserRole; disabled?: boolean };

export function UsersTable({ users }: { users: readonly UserView[] }) {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: ({ id, ...patch }: Patch) => api.users.update(id, patch),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
  return (
    <>
      {update.isError && <ProblemAlert error={update.error} />}
      <ScrollTable minWidth={720} label={t("users.title")}>
        <Table striped verticalSpacing="xs">
          <TableHead
            columns={[
              t("users.name"),
              t("users.email"),
              t("users.role"),
              t("users.status"),
              t("users.units"),
              t("users.createdAt"),
            ]}
          />
          <Table.Tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} isSelf={u.id === me?.id} onChange={(patch) => update.mutate(patch)} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
