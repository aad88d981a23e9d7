import { AUDIENCES, EventInput, type EventView, type Visibility } from "@conventio/domain";
import { Button, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { isoToZoned, zonedToIso } from "../../lib/time-zone";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { AgreementAreaFields } from "../agreements/agreement-area-fields";
import type { AgreementChoice } from "../agreements/agreement-picker";

type Audience = (typeof AUDIENCES)[number];

function timeZones(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported("timeZone") : ["Europe/Paris", "Europe/Stockholm", "Asia/Tokyo", "UTC"];
}

/** Creates or edits an event; times are typed as the clock reads at the event's place. */
export function EventForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial?: EventView;
  onSaved: (saved: EventView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zones = useMemo(timeZones, []);
  const tz0 = initial?.timeZone ?? "Europe/Paris";
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [timeZone, setTimeZone] = useState(tz0);
  const [startsAt, setStartsAt] = useState(initial ? isoToZoned(initial.startsAt, tz0) : "");
  const [endsAt, setEndsAt] = useState(initial?.endsAt ? isoToZoned(initial.endsAt, tz0) : "");
  const [deadline, setDeadline] = useState(
    initial?.registrationDeadline ? isoToZoned(initial.registrationDeadline, tz0) : "",
  );
  const [place, setPlace] = useState(initial?.place ?? "");
  const [contactName, setContactName] = useState(initial?.contactName ?? "");
  const [contactEmail, setContactEmail] = useState(initial?.contactEmail ?? "");
  const [audience, setAudience] = useState<Audience>(initial?.audience ?? "public");
  const [agreement, setAgreement] = useState<AgreementChoice | null>(initial?.agreement ?? null);
  const [axisId, setAxisId] = useState<string | null>(initial?.axis?.id ?? null);
  const [visibility, setVisibility] = useState<Visibility>(initial?.visibility ?? "public");
  const at = (local: string) => (local ? zonedToIso(local, timeZone) : null);

  const form = useSchemaForm({
    schema: EventInput,
    read: () => ({
      title,
      description: description.trim() || null,
      startsAt: at(startsAt) ?? "",
      endsAt: at(endsAt),
      timeZone,
      place: place.trim() || null,
      contactName: contactName.trim() || null,
      contactEmail: contactEmail.trim() || null,
      registrationDeadline: at(deadline),
      audience,
      agreementId: agreement?.id ?? null,
      axisId: agreement ? axisId : null,
      visibility,
    }),
    send: (input) => (initial ? api.events.update(initial.id, input) : api.events.create(input)),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["events"] });
      onSaved(saved);
    },
  });
  const save = form.mutation;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} />
        <TextInput
          label={t("events.fields.title")}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={form.error("title")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="datetime-local"
            label={t("events.fields.startsAt")}
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={form.error("startsAt")}
          />
          <TextInput
            type="datetime-local"
            label={t("events.fields.endsAt")}
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            error={form.error("endsAt")}
          />
          <Select
            label={t("events.fields.timeZone")}
            searchable
            allowDeselect={false}
            data={zones}
            value={timeZone}
            onChange={(v) => v && setTimeZone(v)}
            error={form.error("timeZone")}
          />
          <TextInput
            type="datetime-local"
            label={t("events.fields.registrationDeadline")}
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
            error={form.error("registrationDeadline")}
          />
          <Select
            label={t("events.fields.audience")}
            allowDeselect={false}
            data={AUDIENCES.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
            value={audience}
            onChange={(v) => v && setAudience(v as Audience)}
          />
          <TextInput label={t("events.fields.place")} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          <TextInput
            label={t("events.fields.contactName")}
            value={contactName}
            onChange={(e) => setContactName(e.currentTarget.value)}
          />
          <TextInput
            type="email"
            label={t("events.fields.contactEmail")}
            value={contactEmail}
            onChange={(e) => setContactEmail(e.currentTarget.value)}
            error={form.error("contactEmail")}
          />
        </SimpleGrid>
        <AgreementAreaFields
          agreementLabel={t("events.fields.agreement")}
          agreement={agreement}
          axisId={axisId}
          onChange={(a, axis) => {
            setAgreement(a);
            setAxisId(axis);
          }}
          errors={{ agreement: form.error("agreementId"), axis: form.error("axisId") }}
        />
        <Textarea
          label={t("events.fields.description")}
          autosize
          minRows={3}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Radio.Group
          label={t("agreements.fields.visibility")}
          value={visibility}
          onChange={(v) => setVisibility(v as Visibility)}
        >
          <Group mt="xs">
            <Radio value="public" label={t("visibility.publicLong")} />
            <Radio value="internal" label={t("visibility.internalLong")} />
          </Group>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {initial ? t("common.save") : t("events.create")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
