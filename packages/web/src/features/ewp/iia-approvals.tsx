import type { IiaApprovalState, IiaView } from "@conventio/domain";
import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { iias } from "../../lib/api/ewp";
import { useFormatDate } from "../../lib/format";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";
import { ewpKeys } from "./ewp-queries";
import { HashValue } from "./hash-value";

/** One side's approval: of which version, when, and whether it still holds. */
function ApprovalState({
  title,
  state,
  voidText,
  testId,
}: {
  title: string;
  state: IiaApprovalState | null;
  voidText: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap="xs">
        <Text fw={600} size="sm">
          {title}
        </Text>
        {state === null ? (
          <Badge color="gray" variant="dot" tt="none">
            {t("iia.approval.none")}
          </Badge>
        ) : state.current ? (
          <Badge color="green" variant="dot" tt="none">
            {t("iia.approval.current")}
          </Badge>
        ) : (
          <Badge color="red" variant="dot" tt="none">
            {t("iia.approval.void")}
          </Badge>
        )}
      </Group>
      {state && (
        <Group gap="xs">
          <Text size="sm">{t("iia.approval.on", { date: formatDate(state.at, true) })}</Text>
          <HashValue hash={state.iiaHash} />
        </Group>
      )}
      {state && !state.current && (
        <Text size="sm" c="red.9">
          {voidText}
        </Text>
      )}
    </Stack>
  );
}

/** Why our approval cannot be given now, or null when it can. */
function approvalBlock(view: IiaView): "notReceived" | "notValid" | "notMapped" | "done" | null {
  if (!view.partnerCopy) return "notReceived";
  if (!view.partnerCopy.validForApproval) return "notValid";
  if (!view.iia.partners[1]?.iiaId) return "notMapped";
  if (view.approvedByUs?.current) return "done";
  return null;
}

/** Both approvals, our button to approve the partner's copy, and the versions approved so far. */
export function IiaApprovals({ view, canEdit }: { view: IiaView; canEdit: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const versionsId = useId();
  const approve = useMutation({
    mutationFn: () => iias.approvePartnerCopy(view.agreementId),
    onSuccess: (saved) => {
      queryClient.setQueryData(ewpKeys.iia(view.agreementId), saved);
      // Our approval is notified to the partner through the outbox.
      void queryClient.invalidateQueries({ queryKey: ewpKeys.exchange(view.agreementId) });
    },
  });
  const block = approvalBlock(view);
  return (
    <Stack gap="md">
      <ApprovalState
        title={t("iia.approval.byUs")}
        state={view.approvedByUs}
        voidText={t("iia.approval.voidByUs")}
        testId="iia-approved-by-us"
      />
      <ApprovalState
        title={t("iia.approval.byPartner")}
        state={view.approvedByPartner}
        voidText={t("iia.approval.voidByPartner")}
        testId="iia-approved-by-partner"
      />
      {canEdit && (
        <Stack gap={4} align="flex-start">
          <Button onClick={() => approve.mutate()} loading={approve.isPending} disabled={block !== null}>
            {t("iia.approval.approve")}
          </Button>
          {block && (
            <Text size="sm" c="dimmed">
              {t(`iia.approval.blocked.${block}`)}
            </Text>
          )}
          {approve.isError && <ProblemAlert error={approve.error} />}
        </Stack>
      )}
      <section aria-labelledby={versionsId}>
        <Text component="h3" fw={600} id={versionsId} mb="xs">
          {t("iia.versions.title")}
        </Text>
        {view.versions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("iia.versions.none")}
          </Text>
        ) : (
          <ScrollTable minWidth={360}>
            <Table verticalSpacing="xs" aria-labelledby={versionsId}>
              <TableHead
                columns={[
                  t("iia.versions.which"),
                  t("iia.versions.hash"),
                  t("iia.versions.at"),
                  t("iia.versions.proof"),
                ]}
              />
              <Table.Tbody>
                {view.versions.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{t(`iia.versions.${v.side}`)}</Table.Td>
                    <Table.Td>
                      <HashValue hash={v.iiaHash} />
                    </Table.Td>
                    <Table.Td>{formatDate(v.approvedAt, true)}</Table.Td>
                    <Table.Td>
                      {v.hasProof ? (
                        <Anchor
                          href={`/api/agreements/${view.agreementId}/iia/versions/${v.id}/proof.xml`}
                          data-testid="iia-version-proof"
                        >
                          {t("iia.versions.proofLink")}
                        </Anchor>
                      ) : (
                        t("iia.versions.noProof")
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </section>
    </Stack>
  );
}
