import type { MeetingView } from "@conventio/domain";
import { Badge, Button, Group, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatDate } from "../../lib/format";
import { useCan } from "../../lib/session";
import { OpenOnDemand } from "../../ui/open-on-demand";
import { NewActionForm } from "./action-items";

/** The id of a meeting's Edit button, where the focus returns once the correction is done. */
export const editButtonId = (meetingId: string) => `edit-meeting-${meetingId}`;

/** One recorded meeting: its date as written, whether it is public, agenda, minutes, decisions, and its actions. */
export function MeetingItem({
  meeting: m,
  agreementId,
  onEdit,
}: {
  meeting: MeetingView;
  agreementId: string;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const canEdit = useCan("editor");
  return (
    <article className="meeting" aria-labelledby={`meeting-${m.id}`}>
      <Group justify="space-between" align="flex-start">
        <Group gap="xs">
          <Text fw={600} id={`meeting-${m.id}`}>
            {formatDate(m.heldOn)}
            {m.place && ` · ${m.place}`}
          </Text>
          {m.visibility === "public" && (
            <Badge size="sm" variant="dot" color="teal" radius="sm" tt="none" fw={600}>
              {t("facts.meeting.publicBadge")}
            </Badge>
          )}
        </Group>
        {canEdit && (
          <Button
            id={editButtonId(m.id)}
            size="xs"
            variant="subtle"
            onClick={onEdit}
            aria-label={t("governance.editMeeting", { date: formatDate(m.heldOn) })}
          >
            {t("common.edit")}
          </Button>
        )}
      </Group>
      {m.agenda && (
        <Text size="sm" style={{ whiteSpace: "pre-line" }}>
          <strong>{t("governance.agenda")}:</strong> {m.agenda}
        </Text>
      )}
      {m.minutes && (
        <Text size="sm" style={{ whiteSpace: "pre-line" }}>
          <strong>{t("governance.minutes")}:</strong> {m.minutes}
        </Text>
      )}
      {m.decisions.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t("governance.decisions")}
          </Text>
          <List size="sm">
            {m.decisions.map((d) => (
              <List.Item key={d}>{d}</List.Item>
            ))}
          </List>
        </>
      )}
      {canEdit && (
        <OpenOnDemand
          label={t("governance.openActionForm")}
          accessibleLabel={t("governance.openActionFormOf", { date: formatDate(m.heldOn) })}
        >
          {(close) => (
            <>
              <Text size="sm" fw={600} mt="xs" id={`meeting-action-${m.id}`}>
                {t("governance.actionFromMeeting")}
              </Text>
              <NewActionForm
                agreementId={agreementId}
                meetingId={m.id}
                headingId={`meeting-action-${m.id}`}
                onClose={close}
              />
            </>
          )}
        </OpenOnDemand>
      )}
    </article>
  );
}
