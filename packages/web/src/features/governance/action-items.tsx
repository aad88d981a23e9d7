import { type ACTION_STATUSES, type ActionView, CreateActionInput } from "@conventio/domain";
import { Badge, Button, Group, Select, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useFormatDate } from "../../lib/format";
import { useCan, useSession } from "../../lib/session";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { AnchorLink } from "../../ui/links";
import type { CloseForm } from "../../ui/open-on-demand";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollRegion } from "../../ui/scroll-region";
import { useAssignable } from "../accounts/use-assignable";
import { Shown } from "../portal/shown";

type Status = (typeof ACTION_STATUSES)[number];

export function invalidateActions(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ["agreements"] });
  void queryClient.invalidateQueries({ queryKey: ["me"] });
}

/**
 * Creates an action item, tied to an agreement and, when given, to the meeting it came from.
 * `onClose` closes it after a save (announcing the new item) or on Cancel.
 */
export function NewActionForm({
  agreementId,
  meetingId,
  headingId,
  onClose,
}: {
  agreementId: string | null;
  meetingId?: string | null;
  headingId: string;
  onClose?: CloseForm;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const owners = useAssignable();
  const { user } = useSession();
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState<string | null>(user?.id ?? null);
  const [dueOn, setDueOn] = useState("");
  const form = useSchemaForm({
    schema: CreateActionInput,
    read: () => ({
      title,
      agreementId,
      meetingId: meetingId ?? null,
      ownerId,
      dueOn: dueOn || null,
    }),
    send: (input) => api.governance.createAction(input),
    onSaved: () => {
      const added = title;
      setTitle("");
      setDueOn("");
      invalidateActions(queryClient);
      onClose?.(t("governance.actionAdded", { title: added }));
    },
  });
  const create = form.mutation;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby={headingId}>
      <FormProblem form={form} quiet />
      <Group align="flex-start" wrap="wrap">
        <TextInput
          style={{ flex: "2 1 240px" }}
          label={t("governance.actionTitle")}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={form.error("title")}
        />
        <Select
          label={t("governance.owner")}
          data={owners}
          value={ownerId}
          onChange={setOwnerId}
          allowDeselect={false}
          error={form.error("ownerId")}
          w={200}
        />
        <TextInput
          type="date"
          label={t("governance.dueOn")}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          error={form.error("dueOn")}
        />
        <Button type="submit" mt={25} loading={create.isPending}>
          {t("governance.addAction")}
        </Button>
        {onClose && (
          <Button mt={25} variant="default" onClick={() => onClose()}>
            {t("common.cancel")}
          </Button>
        )}
      </Group>
    </form>
  );
}

/** Action items as a table; the owner (or an editor) can change the status in place. */
export function ActionTable({
  items,
  showAgreement = false,
}: {
  items: readonly ActionView[];
  showAgreement?: boolean;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { user } = useSession();
  const canEdit = useCan("editor");
  const queryClient = useQueryClient();
  // An open action past its due date, in the reader's calendar, is flagged in words.
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  const update = useMutation({
    mutationFn: ({ id, status }: { id: string; status: Status }) => api.governance.updateAction(id, { status }),
    onSuccess: () => invalidateActions(queryClient),
  });
  if (items.length === 0) return <Text c="dimmed">{t("governance.noActions")}</Text>;
  return (
    <>
      {update.isError && <ProblemAlert error={update.error} />}
      <ScrollRegion label={t("governance.actions")}>
        <Table verticalSpacing="xs" miw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("governance.actionTitle")}</Table.Th>
              {showAgreement && <Table.Th scope="col">{t("governance.agreement")}</Table.Th>}
              <Table.Th scope="col">{t("governance.owner")}</Table.Th>
              <Table.Th scope="col">{t("governance.dueOn")}</Table.Th>
              <Table.Th scope="col">{t("governance.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => {
              const mayChange = canEdit || a.owner?.id === user?.id;
              return (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.title}</Table.Td>
                  {showAgreement && (
                    <Table.Td>
                      {a.agreement && (
                        <AnchorLink to="/agreements/$agreementId" params={{ agreementId: a.agreement.id }}>
                          {a.agreement.reference} ·{" "}
                          <Shown value={{ text: a.agreement.title, lang: a.agreement.lang }} />
                        </AnchorLink>
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>{a.owner?.name ?? "—"}</Table.Td>
                  <Table.Td>
                    {formatDate(a.dueOn) || "—"}
                    {a.status === "open" && a.dueOn && a.dueOn < today && (
                      <Badge variant="dot" color="red" radius="sm" tt="none" fw={600} ms="xs" data-overdue="true">
                        {t("governance.overdue")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {mayChange ? (
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm">{t(`actionStatus.${a.status}`)}</Text>
                        {a.status === "open" && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => update.mutate({ id: a.id, status: "done" })}
                            loading={update.isPending && update.variables?.id === a.id}
                            aria-label={t("governance.markDoneNamed", { title: a.title })}
                          >
                            {t("governance.markDone")}
                          </Button>
                        )}
                        {a.status !== "open" && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => update.mutate({ id: a.id, status: "open" })}
                            aria-label={t("governance.reopenNamed", { title: a.title })}
                          >
                            {t("governance.reopen")}
                          </Button>
                        )}
                      </Group>
                    ) : (
                      t(`actionStatus.${a.status}`)
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </>
  );
}

export function ActionsHeading({ id, children }: { id: string; children: string }) {
  return (
    <Title order={3} size="h5" id={id} mt="md" mb="xs">
      {children}
    </Title>
  );
}
