import type { BodyView } from "@conventio/domain";
import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../../lib/session";
import { closesOnEscape, OpenOnDemand } from "../../ui/open-on-demand";
import { Section } from "../../ui/section";
import { MeetingForm } from "./meeting-form";
import { editButtonId, MeetingItem } from "./meeting-item";
import { AddMemberForm } from "./member-form";
import { MembersTable } from "./members-table";

/** One group of a partnership: its members and its meetings; editors open the forms to add to them on demand. */
export function BodyCard({ body }: { body: BodyView }) {
  const { t } = useTranslation();
  const canEdit = useCan("editor");
  const [editing, setEditing] = useState<string | null>(null);
  // Correcting a meeting starts in its first field; once done (saved, Cancel or Escape) the
  // focus goes back to the meeting's Edit button.
  const startEditing = (meetingId: string) => {
    setEditing(meetingId);
    requestAnimationFrame(() =>
      document.getElementById(`correct-${meetingId}`)?.querySelector<HTMLElement>("input, textarea, select")?.focus(),
    );
  };
  const stopEditing = (meetingId: string) => {
    setEditing(null);
    requestAnimationFrame(() => document.getElementById(editButtonId(meetingId))?.focus());
  };
  return (
    <Section title={body.name}>
      <Group gap="xs" mb="sm">
        <Badge variant="light" tt="none">
          {t(`bodyKinds.${body.kind}`)}
        </Badge>
        {body.theme && <Text size="sm">{body.theme}</Text>}
      </Group>
      <Title order={3} size="h5" mb="xs">
        {t("governance.members", { count: body.members.length })}
      </Title>
      <MembersTable body={body} />
      {canEdit && (
        <OpenOnDemand
          label={t("governance.openMemberForm")}
          accessibleLabel={t("governance.addMemberTo", { name: body.name })}
        >
          {(close) => <AddMemberForm body={body} onClose={close} />}
        </OpenOnDemand>
      )}

      <Title order={3} size="h5" mt="lg" mb="xs">
        {t("governance.meetings", { count: body.meetings.length })}
      </Title>
      <Stack gap="md">
        {body.meetings.map((m) =>
          editing === m.id ? (
            // biome-ignore lint/a11y/noStaticElementInteractions: Escape is caught here for every field of the form inside.
            <div key={m.id} id={`correct-${m.id}`} onKeyDown={closesOnEscape(() => stopEditing(m.id))}>
              <MeetingForm body={body} initial={m} onClose={() => stopEditing(m.id)} />
            </div>
          ) : (
            <MeetingItem key={m.id} meeting={m} agreementId={body.agreementId} onEdit={() => startEditing(m.id)} />
          ),
        )}
      </Stack>
      {canEdit && (
        <OpenOnDemand
          label={t("governance.openMeetingForm")}
          accessibleLabel={t("governance.openMeetingFormOf", { name: body.name })}
        >
          {(close) => <MeetingForm body={body} onClose={close} />}
        </OpenOnDemand>
      )}
    </Section>
  );
}
