import type { EwpOutboxEntry, EwpOutboxStatus } from "@conventio/domain";
import { Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ewp } from "../../lib/api/ewp";
import { useFormatDate } from "../../lib/format";
import { Facts } from "../../ui/facts";
import { ProblemAlert } from "../../ui/problem-alert";
import { ewpKeys } from "./ewp-queries";

/** Dark shades, so that the status reads against the card at the contrast the checks ask for. */
const STATUS_COLOURS: Record<EwpOutboxStatus, string> = {
  pending: "blue.9",
  running: "blue.9",
  done: "teal.9",
  failed: "red.9",
  skipped: "gray.7",
};

/** One item's "Retry now", described by the item it names so that the buttons are told apart. */
function RetryButton({ entry, describedBy }: { entry: EwpOutboxEntry; describedBy: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => ewp.retryOutbox(entry.id),
    // The item, its agreement's state and the node's counts have all moved.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ewpKeys.all }),
  });
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => retry.mutate()}
        loading={retry.isPending}
        aria-describedby={describedBy}
      >
        {t("ewp.outbox.retry")}
      </Button>
      <div role="status">{retry.isSuccess && <Text size="sm">{t("ewp.outbox.retried")}</Text>}</div>
      {retry.isError && <ProblemAlert error={retry.error} />}
    </Stack>
  );
}

function OutboxItem({ entry, canRetry }: { entry: EwpOutboxEntry; canRetry: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const nameId = useId();
  return (
    <li className="ewp-outbox-item" data-outbox-id={entry.id}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm" id={nameId} data-testid="outbox-kind">
            {t(`ewp.outbox.kinds.${entry.kind}`)}
          </Text>
          <Text size="sm" fw={600} c={STATUS_COLOURS[entry.status]} data-testid="outbox-status">
            {t(`ewp.outbox.statuses.${entry.status}`)}
          </Text>
        </Group>
        <Facts
          items={[
            [t("ewp.outbox.attempts"), <span key="attempts">{entry.attempts}</span>],
            [
              t("ewp.outbox.nextTry"),
              entry.status === "pending" && (
                <time key="next" dateTime={entry.nextAttemptAt}>
                  {formatDate(entry.nextAttemptAt, true)}
                </time>
              ),
            ],
            [t("ewp.outbox.lastError"), entry.lastError],
          ]}
        />
        {/* One being sent cannot be made due again until it is done. */}
        {canRetry && entry.status !== "running" && <RetryButton entry={entry} describedBy={nameId} />}
      </Stack>
    </li>
  );
}

/**
 * The outbox of one agreement, newest first: what waits, what was done, failed or skipped, with
 * the attempts, the next try and the last error. Editors may make an item due now.
 */
export function EwpOutboxList({ entries, canRetry }: { entries: readonly EwpOutboxEntry[]; canRetry: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <Text component="h3" fw={600} id={titleId} mb="xs">
        {t("ewp.outbox.title")}
      </Text>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("ewp.outbox.empty")}
        </Text>
      ) : (
        <ul className="ewp-outbox" data-testid="ewp-outbox">
          {entries.map((entry) => (
            <OutboxItem key={entry.id} entry={entry} canRetry={canRetry} />
          ))}
        </ul>
      )}
    </section>
  );
}
