import {
  MEMBERSHIP_HOLDERS,
  MembershipInput,
  type MembershipView,
  type OrganisationDetail,
  type OrganisationRef,
} from "@conventio/domain";
import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useFormatPeriod } from "../../lib/format";
import { useCan } from "../../lib/session";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { AnchorLink } from "../../ui/links";
import { PartialDateInput } from "../../ui/partial-date-input";
import { ProblemAlert } from "../../ui/problem-alert";
import { RemoveButton } from "../../ui/remove-button";
import { ScrollTable } from "../../ui/scroll-table";
import { Section } from "../../ui/section";
import { TableHead } from "../../ui/table-head";
import { Shown } from "../portal/shown";
import { OrganisationPicker } from "./organisation-picker";
import { organisationKeys } from "./organisation-queries";

function AddMemberForm({ network }: { network: OrganisationDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [member, setMember] = useState<OrganisationRef | null>(null);
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const form = useSchemaForm({
    schema: MembershipInput,
    read: () => ({
      memberId: member?.id ?? "",
      since: since || null,
      until: until || null,
    }),
    send: (input) => api.organisations.addMembership(network.id, input),
    onSaved: () => {
      setMember(null);
      setSince("");
      setUntil("");
      void queryClient.invalidateQueries({ queryKey: organisationKeys.all });
    },
  });
  const add = form.mutation;
  const exclude = [network.id, ...network.members.map((m) => m.member.id)];
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby="add-member-title">
      <Title order={3} size="h5" id="add-member-title" mt="md" mb="xs">
        {t("memberships.addTitle")}
      </Title>
      <FormProblem form={form} quiet />
      <Group align="flex-start" wrap="wrap">
        <div style={{ flex: "2 1 260px" }}>
          <OrganisationPicker
            label={t("memberships.member")}
            value={member}
            onChange={setMember}
            exclude={exclude}
            error={form.error("memberId")}
            required
          />
        </div>
        <PartialDateInput
          label={t("memberships.since")}
          value={since}
          onChange={setSince}
          error={form.error("since")}
        />
        <PartialDateInput
          label={t("memberships.until")}
          value={until}
          onChange={setUntil}
          error={form.error("until")}
        />
        <Button type="submit" mt={25} loading={add.isPending}>
          {t("memberships.add")}
        </Button>
      </Group>
    </form>
  );
}

function MemberRows({ network, members }: { network: OrganisationDetail; members: readonly MembershipView[] }) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  const canEdit = useCan("editor");
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (membershipId: string) => api.organisations.removeMembership(network.id, membershipId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
  if (members.length === 0) return <Text c="dimmed">{t("memberships.noMembers")}</Text>;
  return (
    <>
      {remove.isError && <ProblemAlert error={remove.error} />}
      <ScrollTable minWidth={480} label={t("memberships.members", { count: members.length })}>
        <Table verticalSpacing="xs">
          <TableHead
            columns={[t("memberships.member"), t("organisations.fields.kind"), t("memberships.period")]}
            actions={canEdit}
          />
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <AnchorLink to="/organisations/$organisationId" params={{ organisationId: m.member.id }}>
                    <Shown value={m.member.shown} />
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{t(`kinds.${m.member.kind}`)}</Table.Td>
                <Table.Td>{period(m.since, m.until)}</Table.Td>
                {canEdit && (
                  <Table.Td ta="right">
                    <RemoveButton
                      label={t("memberships.remove", { name: m.member.shown.text })}
                      loading={remove.isPending && remove.variables === m.id}
                      onClick={() => remove.mutate(m.id)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}

/** Networks it belongs to, and for a network or programme, its members with add and remove. */
export function Memberships({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  const canEdit = useCan("editor");
  const holdsMembers = MEMBERSHIP_HOLDERS.has(organisation.kind);
  return (
    <>
      {holdsMembers && (
        <Section title={t("memberships.members", { count: organisation.members.length })}>
          <MemberRows network={organisation} members={organisation.members} />
          {canEdit && <AddMemberForm network={organisation} />}
        </Section>
      )}
      <Section title={t("memberships.memberOf")}>
        {organisation.memberOf.length === 0 ? (
          <Text c="dimmed">{t("memberships.noNetworks")}</Text>
        ) : (
          <Stack gap={4} component="ul" className="plain-list">
            {organisation.memberOf.map((m) => (
              <li key={m.id}>
                <AnchorLink to="/organisations/$organisationId" params={{ organisationId: m.network.id }}>
                  <Shown value={m.network.shown} />
                </AnchorLink>{" "}
                <Text span size="sm" c="dimmed">
                  · {period(m.since, m.until)}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Section>
    </>
  );
}
