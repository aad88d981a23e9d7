import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { CreateUserForm } from "../features/accounts/create-user-form";
import { InvitationsTable } from "../features/accounts/invitations-table";
import { InviteForm } from "../features/accounts/invite-form";
import { UserUnitsForm } from "../features/accounts/user-units-form";
import { UsersTable } from "../features/accounts/users-table";
import { api } from "../lib/api";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { adminRoute } from "./admin";

function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: ["users"], queryFn: api.users.list });
  return (
    <Stack gap="lg">
      <PageHeader title={t("users.title")} subtitle={t("users.subtitle")} />
      {users.isError && <ProblemAlert error={users.error} />}
      {users.data ? <UsersTable users={users.data.items} /> : !users.isError && <Loading />}
      {users.data && (
        <Section title={t("users.unitsTitle")}>
          <UserUnitsForm users={users.data.items} />
        </Section>
      )}
      <Section title={t("security.inviteTitle")}>
        <InviteForm />
      </Section>
      <Section title={t("security.invitationsTitle")}>
        <InvitationsTable />
      </Section>
      <Section title={t("users.createTitle")}>
        <CreateUserForm />
      </Section>
    </Stack>
  );
}

export const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/users",
  component: UsersPage,
});
