import { AUDIENCES, EventInput, type EventView, type Visibility } from "@conventio/domain";
import { Alert, Button, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../lib/api";
import { errorsFromIssues, errorsFromProblem, type FieldErrors, useFieldMessage } from "../../lib/form-errors";
import { isoToZoned, zonedToIso } from "../../lib/time-zone";
import { ProblemAlert } from "../../ui/problem-alert";
import { type AgreementChoice, AgreementPicker } from "../agreements/agreement-picker";

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
  const show = useFieldMessage();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
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
  const [visibility, setVisibility] = useState<Visibility>(initial?.visibility ?? "public");
  const [errors, setErrors] = useState<FieldErrors>({});
  const err = (path: string) => show(errors[path]);
  const at = (local: string) => (local ? zonedToIso(local, timeZone) : null);

  const save = useMutation({
    mutationFn: async () => {
      const parsed = EventInput.safeParse({
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
        axisId: null,
        visibility,
      });
      if (!parsed.success) throw parsed.error;
      return initial ? api.events.update(initial.id, parsed.data) : api.events.create(parsed.data);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["events"] });
      onSaved(saved);
    },
    onError: (error) => {
      const issues = (error as { issues?: { code: string; path: PropertyKey[]; message: string }[] }).issues ?? [];
      setErrors(error instanceof ApiError ? errorsFromProblem(error) : errorsFromIssues(issues));
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    save.mutate();
  }
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        {save.isError && !(save.error instanceof ApiError) && (
          <Alert color="red" variant="light" role="alert" title={t("errors.validation_failed")}>
            {t("organisations.form.fixFields")}
          </Alert>
        )}
        {save.error instanceof ApiError && <ProblemAlert error={save.error} />}
        <TextInput
          label={t("events.fields.title")}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err("title")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="datetime-local"
            label={t("events.fields.startsAt")}
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={err("startsAt")}
          />
          <TextInput
            type="datetime-local"
            label={t("events.fields.endsAt")}
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            error={err("endsAt")}
          />
          <Select
            label={t("events.fields.timeZone")}
            searchable
            allowDeselect={false}
            data={zones}
            value={timeZone}
            onChange={(v) => v && setTimeZone(v)}
            error={err("timeZone")}
          />
          <TextInput
            type="datetime-local"
            label={t("events.fields.registrationDeadline")}
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
            error={err("registrationDeadline")}
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
            error={err("contactEmail")}
          />
        </SimpleGrid>
        <AgreementPicker
          label={t("events.fields.agreement")}
          value={agreement}
          onChange={setAgreement}
          error={err("agreementId")}
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
