import { AUDIENCES, type Audience, EventInput, type EventView, type Visibility } from "@conventio/domain";
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { isoToZoned, zonedToIso } from "../../lib/time-zone";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { AgreementAreaFields } from "../agreements/agreement-area-fields";
import type { AgreementChoice } from "../agreements/agreement-picker";
import { EventPublicStatement } from "./event-public-statement";

function timeZones(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported("timeZone") : ["Europe/Paris", "Europe/Stockholm", "Asia/Tokyo", "UTC"];
}

/** The form's state: times as the clock reads them at the event's place (datetime-local values). */
interface Draft {
  title: string;
  description: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  place: string;
  audiences: Audience[];
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  registrationDeadline: string;
  registrationUrl: string;
  agreement: AgreementChoice | null;
  axisId: string | null;
  visibility: Visibility;
}

function draftOf(e?: EventView): Draft {
  const timeZone = e?.timeZone ?? "Europe/Paris";
  const local = (iso: string | null | undefined) => (iso ? isoToZoned(iso, timeZone) : "");
  return {
    title: e?.title ?? "",
    description: e?.description ?? "",
    timeZone,
    startsAt: local(e?.startsAt),
    endsAt: local(e?.endsAt),
    place: e?.place ?? "",
    audiences: e?.audiences ?? ["public"],
    contactName: e?.contactName ?? "",
    contactEmail: e?.contactEmail ?? "",
    contactPhone: e?.contactPhone ?? "",
    registrationDeadline: local(e?.registrationDeadline),
    registrationUrl: e?.registrationUrl ?? "",
    agreement: e?.agreement ?? null,
    axisId: e?.axis?.id ?? null,
    visibility: e?.visibility ?? "public",
  };
}

const blank = (value: string) => (value.trim() === "" ? null : value);

function inputOf(d: Draft) {
  const at = (local: string) => (local ? zonedToIso(local, d.timeZone) : null);
  return {
    title: d.title,
    description: blank(d.description),
    startsAt: at(d.startsAt) ?? "",
    endsAt: at(d.endsAt),
    timeZone: d.timeZone,
    place: blank(d.place),
    audiences: d.audiences,
    contactName: blank(d.contactName),
    contactEmail: blank(d.contactEmail),
    contactPhone: blank(d.contactPhone),
    registrationDeadline: at(d.registrationDeadline),
    registrationUrl: blank(d.registrationUrl),
    agreementId: d.agreement?.id ?? null,
    axisId: d.agreement ? d.axisId : null,
    visibility: d.visibility,
  };
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
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const form = useSchemaForm({
    schema: EventInput,
    read: () => inputOf(draft),
    send: (input) => (initial ? api.events.update(initial.id, input) : api.events.create(input)),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["events"] });
      onSaved(saved);
    },
  });
  /** Props of a text input bound to one field of the draft, with its message. */
  const text = (key: "title" | "place" | "contactName" | "contactEmail" | "contactPhone" | "registrationUrl") => ({
    value: draft[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: form.error(key),
  });
  const time = (key: "startsAt" | "endsAt" | "registrationDeadline") => ({
    type: "datetime-local",
    value: draft[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: form.error(key),
  });

  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} />
        <TextInput label={t("events.fields.title")} required {...text("title")} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t("events.fields.startsAt")} required {...time("startsAt")} />
          <TextInput label={t("events.fields.endsAt")} {...time("endsAt")} />
          <Select
            label={t("events.fields.timeZone")}
            searchable
            allowDeselect={false}
            data={zones}
            value={draft.timeZone}
            onChange={(v) => v && set("timeZone", v)}
            error={form.error("timeZone")}
          />
        </SimpleGrid>
        <TextInput label={t("events.fields.place")} {...text("place")} />
        <Checkbox.Group
          label={t("events.fields.audiences")}
          value={draft.audiences}
          onChange={(v) => set("audiences", v as Audience[])}
          error={form.error("audiences")}
        >
          <Group mt="xs">
            {AUDIENCES.map((a) => (
              <Checkbox key={a} value={a} label={t(`audiences.${a}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Fieldset legend={t("events.registration")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="url"
              label={t("events.fields.registrationUrl")}
              placeholder="https://"
              {...text("registrationUrl")}
            />
            <TextInput label={t("events.fields.registrationDeadline")} {...time("registrationDeadline")} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("events.contact")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t("events.fields.contactName")} {...text("contactName")} />
            <TextInput type="email" label={t("events.fields.contactEmail")} {...text("contactEmail")} />
            <TextInput type="tel" label={t("events.fields.contactPhone")} {...text("contactPhone")} />
          </SimpleGrid>
        </Fieldset>
        <AgreementAreaFields
          agreementLabel={t("events.fields.agreement")}
          agreement={draft.agreement}
          axisId={draft.axisId}
          onChange={(agreement, axisId) => setDraft((d) => ({ ...d, agreement, axisId }))}
          errors={{ agreement: form.error("agreementId"), axis: form.error("axisId") }}
        />
        <Textarea
          label={t("events.fields.description")}
          autosize
          minRows={3}
          value={draft.description}
          onChange={(e) => set("description", e.currentTarget.value)}
          error={form.error("description")}
        />
        <Radio.Group
          label={t("agreements.fields.visibility")}
          value={draft.visibility}
          onChange={(v) => set("visibility", v as Visibility)}
        >
          <Group mt="xs">
            <Radio value="public" label={t("visibility.publicLong")} />
            <Radio value="internal" label={t("visibility.internalLong")} />
          </Group>
        </Radio.Group>
        <EventPublicStatement visibility={draft.visibility} />
        <Group>
          <Button type="submit" loading={form.mutation.isPending}>
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
