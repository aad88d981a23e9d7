import type { BodyView } from "@conventio/domain";
import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../../lib/session";
import { Section } from "../../ui/section";
import { MeetingForm } from "./meeting-form";
import { MeetingItem } from "./meeting-item";
import { AddMemberForm } from "./member-form";
import { MembersTable } from "./members-table";

/** One group of a partnership: its members and its meetings, with the forms to add to them. */
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
      {canEdit && <AddMemberForm body={body} />}

      <Title order={3} size="h5" mt="lg" mb="xs">
        {t("governance.meetings", { count: body.meetings.length })}
      </Title>
      <Stack gap="md">
        {body.meetings.map((m) =>
          editing === m.id ? (
            <MeetingForm key={m.id} body={body} initial={m} onDone={() => setEditing(null)} />
          ) : (
            <MeetingItem key={m.id} meeting={m} agreementId={body.agreementId} onEdit={() => setEditing(m.id)} />
          ),
        )}
      </Stack>
      {canEdit && <MeetingForm body={body} />}
    </Section>
  );
}
