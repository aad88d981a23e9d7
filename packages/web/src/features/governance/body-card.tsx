import type { BodyView } from "@conventio/domain";
import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../../lib/session";
import { OpenOnDemand } from "../../ui/open-on-demand";
import { Section } from "../../ui/section";
import { MeetingForm } from "./meeting-form";
import { MeetingItem } from "./meeting-item";
import { AddMemberForm } from "./member-form";
import { MembersTable } from "./members-table";

/** One group of a partnership: its members and its meetings; editors open the forms to add to them on demand. */
export function BodyCard({ body }: { body: BodyView }) {
  const { t } = useTranslation();
  const canEdit = useCan("editor");
  const [editing, setEditing] = useState<string | null>(null);
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
            <MeetingForm key={m.id} body={body} initial={m} onClose={() => setEditing(null)} />
          ) : (
            <MeetingItem key={m.id} meeting={m} agreementId={body.agreementId} onEdit={() => setEditing(m.id)} />
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
