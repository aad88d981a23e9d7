import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  ActivityInput,
  type ActivityKind,
  type ActivityView,
  MOBILITY_KINDS,
  type OrganisationRef,
} from "@conventio/domain";
import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useSession } from "../../lib/session";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { PartialDateInput } from "../../ui/partial-date-input";
import { useAssignable } from "../accounts/use-assignable";
import { AgreementAreaFields } from "../agreements/agreement-area-fields";
import type { AgreementChoice } from "../agreements/agreement-picker";
import { OrganisationsPicker } from "../organisations/organisations-picker";
import { PersonPicker, type PersonRef } from "../people/person-picker";
import { type FundingDraft, fundingDraftOf, fundingInputOf } from "./activity-funding";
import { FundingFields } from "./activity-funding-fields";
import { ActivityPublicStatement } from "./activity-public-statement";

type Status = (typeof ACTIVITY_STATUSES)[number];
type Direction = "incoming" | "outgoing";
type Level = "bachelor" | "master" | "doctorate" | "postdoc" | "staff";

const num = (v: number | string) => (typeof v === "number" ? v : null);
const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** Records or edits an activity; the mobility block shows for mobility kinds, funding is offered for every kind. */
export function ActivityForm({
  initial,
  agreement: presetAgreement,
  onSaved,
  onCancel,
}: {
  initial?: ActivityView;
  agreement?: AgreementChoice | null;
  onSaved: (saved: ActivityView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ActivityKind | null>(initial?.kind ?? null);
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [status, setStatus] = useState<Status>(initial?.status ?? "planned");
  const [startsOn, setStartsOn] = useState(initial?.startsOn ?? "");
  const [endsOn, setEndsOn] = useState(initial?.endsOn ?? "");
  const [agreement, setAgreement] = useState<AgreementChoice | null>(initial?.agreement ?? presetAgreement ?? null);
  const [axisId, setAxisId] = useState<string | null>(initial?.axis?.id ?? null);
  const { user } = useSession();
  // A new activity is the creator's to follow until given to someone else.
  const [ownerId, setOwnerId] = useState<string | null>(initial ? (initial.owner?.id ?? null) : (user?.id ?? null));
  const owners = useAssignable(initial?.owner);
  const [partners, setPartners] = useState<OrganisationRef[]>(initial?.partners ?? []);
  const [place, setPlace] = useState(initial?.place ?? "");
  const [laboratories, setLaboratories] = useState<string[]>(initial?.laboratories ?? []);
  const [direction, setDirection] = useState<Direction>(initial?.mobility?.direction ?? "outgoing");
  const [level, setLevel] = useState<Level>(initial?.mobility?.level ?? "master");
  const [academicYear, setAcademicYear] = useState(initial?.mobility?.academicYear ?? "");
  const [count, setCount] = useState<number | string>(initial?.mobility?.count ?? 1);
  const [participant, setParticipant] = useState<PersonRef | null>(initial?.mobility?.participant ?? null);
  const [funding, setFunding] = useState<FundingDraft>(() => fundingDraftOf(initial?.funding));
  const isMobility = kind !== null && MOBILITY_KINDS.has(kind);

  const form = useSchemaForm({
    schema: ActivityInput,
    read: () => ({
      kind: kind ?? undefined,
      title,
      description: orNull(description),
      status,
      startsOn: orNull(startsOn),
      endsOn: orNull(endsOn),
      agreementId: agreement?.id ?? null,
      axisId: agreement ? axisId : null,
      partnerIds: partners.map((p) => p.id),
      ownerId,
      place: orNull(place),
      laboratories,
      mobility: isMobility
        ? {
            direction,
            level,
            academicYear: academicYear.trim(),
            // An individual record counts its one person.
            count: participant ? 1 : (num(count) ?? 0),
            participantId: participant?.id ?? null,
          }
        : null,
      funding: fundingInputOf(kind, funding),
    }),
    send: (input) => (initial ? api.activities.update(initial.id, input) : api.activities.create(input)),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["activities"] });
      await queryClient.invalidateQueries({ queryKey: ["agreements"] });
      onSaved(saved);
    },
  });
  const save = form.mutation;

  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack gap="lg">
        <FormProblem form={form} />
        <Fieldset legend={t("activities.form.what")}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t("activities.fields.kind")}
                required
                searchable
                data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKinds.${k}`) }))}
                value={kind}
                onChange={(v) => setKind(ACTIVITY_KINDS.find((k) => k === v) ?? null)}
                error={form.error("kind")}
              />
              <Select
                label={t("activities.fields.status")}
                allowDeselect={false}
                data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))}
                value={status}
                onChange={(v) => v && setStatus(v as Status)}
              />
            </SimpleGrid>
            <TextInput
              label={t("activities.fields.title")}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={form.error("title")}
            />
            <Textarea
              label={t("activities.fields.description")}
              autosize
              minRows={2}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <PartialDateInput
                label={t("activities.fields.startsOn")}
                value={startsOn}
                onChange={setStartsOn}
                error={form.error("startsOn")}
              />
              <PartialDateInput
                label={t("activities.fields.endsOn")}
                value={endsOn}
                onChange={setEndsOn}
                error={form.error("endsOn")}
              />
              <TextInput
                label={t("activities.fields.place")}
                value={place}
                onChange={(e) => setPlace(e.currentTarget.value)}
              />
            </SimpleGrid>
            <Select
              label={t("activities.fields.owner")}
              clearable
              searchable
              data={owners}
              value={ownerId}
              onChange={setOwnerId}
              error={form.error("ownerId")}
              maw={360}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t("activities.form.links")}>
          <Stack>
            <AgreementAreaFields
              agreementLabel={t("activities.fields.agreement")}
              agreement={agreement}
              axisId={axisId}
              onChange={(a, axis) => {
                setAgreement(a);
                setAxisId(axis);
              }}
              errors={{ agreement: form.error("agreementId"), axis: form.error("axisId") }}
            />
            <OrganisationsPicker
              label={t("activities.fields.partners")}
              value={partners}
              onChange={setPartners}
              error={form.error("partnerIds")}
            />
            <TagsInput
              label={t("activities.fields.laboratories")}
              description={t("common.enterEach")}
              value={laboratories}
              onChange={setLaboratories}
            />
          </Stack>
        </Fieldset>
        {isMobility && (
          <Fieldset legend={t("activities.form.mobility")}>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <Select
                label={t("activities.fields.direction")}
                allowDeselect={false}
                data={(["incoming", "outgoing"] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))}
                value={direction}
                onChange={(v) => v && setDirection(v as Direction)}
              />
              <Select
                label={t("activities.fields.level")}
                allowDeselect={false}
                data={(["bachelor", "master", "doctorate", "postdoc", "staff"] as const).map((l) => ({
                  value: l,
                  label: t(`levels.${l}`),
                }))}
                value={level}
                onChange={(v) => v && setLevel(v as Level)}
              />
              <TextInput
                label={t("activities.fields.academicYear")}
                placeholder="2025-2026"
                required
                value={academicYear}
                onChange={(e) => setAcademicYear(e.currentTarget.value)}
                error={form.error("mobility.academicYear")}
              />
              <NumberInput
                label={t("activities.fields.count")}
                min={1}
                allowDecimal={false}
                value={participant ? 1 : count}
                onChange={setCount}
                disabled={participant !== null}
                error={form.error("mobility.count")}
              />
            </SimpleGrid>
            <PersonPicker
              label={t("activities.fields.participant")}
              description={t("activities.form.participantHint")}
              value={participant}
              onChange={setParticipant}
              error={form.error("mobility.participantId")}
            />
          </Fieldset>
        )}
        <FundingFields
          kind={kind}
          draft={funding}
          onChange={(patch) => setFunding((f) => ({ ...f, ...patch }))}
          error={form.error}
        />
        <ActivityPublicStatement agreementId={agreement?.id ?? null} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {initial ? t("common.save") : t("activities.form.create")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
