import { type BodyView, MeetingInput, type MeetingView } from "@conventio/domain";
import { Button, Group, SimpleGrid, Switch, Textarea, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useFormatDate } from "../../lib/format";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import type { CloseForm } from "../../ui/open-on-demand";
import { PartialDateInput } from "../../ui/partial-date-input";
import { agreementKeys } from "../agreements/agreement-queries";
import { type MeetingDraft, meetingDraftOf, meetingInputOf } from "./meeting-draft";
import { MeetingPublicStatement } from "./meeting-public-statement";

/**
 * Records a meeting of a body, or corrects one already recorded (`initial`). `onClose` closes it
 * after a save (announcing it) or on Cancel.
 */
export function MeetingForm({
  body,
  initial,
  onClose,
}: {
  body: BodyView;
  initial?: MeetingView;
  onClose?: CloseForm;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [draft, setDraft] = useState<MeetingDraft>(() => meetingDraftOf(initial));
  const set = <K extends keyof MeetingDraft>(key: K, value: MeetingDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const form = useSchemaForm({
    schema: MeetingInput,
    read: () => meetingInputOf(draft),
    send: (input) =>
      initial ? api.governance.updateMeeting(initial.id, input) : api.governance.recordMeeting(body.id, input),
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: agreementKeys.bodies(body.agreementId) });
      setDraft(meetingDraftOf());
      onClose?.(t("governance.meetingSaved", { name: body.name }));
    },
  });
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby={headingId}>
      <Title order={4} size="h6" id={headingId} mt="sm" mb="xs">
        {initial
          ? t("governance.editMeetingOf", { name: body.name, date: formatDate(initial.heldOn) })
          : t("governance.recordMeetingOf", { name: body.name })}
      </Title>
      <FormProblem form={form} quiet />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PartialDateInput
          label={t("governance.heldOn")}
          required
          value={draft.heldOn}
          onChange={(heldOn) => set("heldOn", heldOn)}
          error={form.error("heldOn")}
        />
        <TextInput
          label={t("governance.place")}
          value={draft.place}
          onChange={(e) => set("place", e.currentTarget.value)}
          error={form.error("place")}
        />
        <Textarea
          label={t("governance.agenda")}
          autosize
          value={draft.agenda}
          onChange={(e) => set("agenda", e.currentTarget.value)}
        />
        <Textarea
          label={t("governance.minutes")}
          autosize
          value={draft.minutes}
          onChange={(e) => set("minutes", e.currentTarget.value)}
        />
        <Textarea
          label={t("governance.decisions")}
          description={t("agreements.form.onePerLine")}
          autosize
          value={draft.decisions}
          onChange={(e) => set("decisions", e.currentTarget.value)}
        />
        <Switch
          mt="md"
          label={t("facts.meeting.public")}
          checked={draft.public}
          onChange={(e) => set("public", e.currentTarget.checked)}
        />
      </SimpleGrid>
      <MeetingPublicStatement isPublic={draft.public} />
      <Group mt="sm">
        <Button type="submit" size="sm" variant="light" loading={form.mutation.isPending}>
          {initial ? t("governance.saveMeeting") : t("governance.recordMeeting")}
        </Button>
        {onClose && (
          <Button size="sm" variant="default" onClick={() => onClose()}>
            {t("common.cancel")}
          </Button>
        )}
      </Group>
    </form>
  );
}
