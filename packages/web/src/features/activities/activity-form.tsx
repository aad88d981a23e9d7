import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  ActivityInput,
  type ActivityKind,
  type ActivityView,
  BID_OUTCOMES,
  MOBILITY_KINDS,
  type OrganisationRef,
} from "@conventio/domain";
import {
  Alert,
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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../lib/api";
import { errorsFromIssues, errorsFromProblem, type FieldErrors, useFieldMessage } from "../../lib/form-errors";
import { ProblemAlert } from "../../ui/problem-alert";
import { type AgreementChoice, AgreementPicker } from "../agreements/agreement-picker";
import { OrganisationsPicker } from "../organisations/organisations-picker";

type Status = (typeof ACTIVITY_STATUSES)[number];
type Outcome = (typeof BID_OUTCOMES)[number];
type Direction = "incoming" | "outgoing";
type Level = "bachelor" | "master" | "doctorate" | "postdoc" | "staff";

const num = (v: number | string) => (typeof v === "number" ? v : null);
const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** Records or edits an activity; the mobility block shows for mobility kinds, the funding block for bids. */
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
  const show = useFieldMessage();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<ActivityKind | null>(initial?.kind ?? null);
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [status, setStatus] = useState<Status>(initial?.status ?? "planned");
  const [startsOn, setStartsOn] = useState(initial?.startsOn ?? "");
  const [endsOn, setEndsOn] = useState(initial?.endsOn ?? "");
  const [agreement, setAgreement] = useState<AgreementChoice | null>(initial?.agreement ?? presetAgreement ?? null);
  const [axisId, setAxisId] = useState<string | null>(initial?.axis?.id ?? null);
  const [partners, setPartners] = useState<OrganisationRef[]>(initial?.partners ?? []);
  const [place, setPlace] = useState(initial?.place ?? "");
  const [laboratories, setLaboratories] = useState<string[]>(initial?.laboratories ?? []);
  const [direction, setDirection] = useState<Direction>(initial?.mobility?.direction ?? "outgoing");
  const [level, setLevel] = useState<Level>(initial?.mobility?.level ?? "master");
  const [academicYear, setAcademicYear] = useState(initial?.mobility?.academicYear ?? "");
  const [count, setCount] = useState<number | string>(initial?.mobility?.count ?? 1);
  const [funder, setFunder] = useState(initial?.funding?.funder ?? "");
  const [programme, setProgramme] = useState(initial?.funding?.programme ?? "");
  const [asked, setAsked] = useState<number | string>(initial?.funding?.amountAsked ?? "");
  const [granted, setGranted] = useState<number | string>(initial?.funding?.amountGranted ?? "");
  const [currency, setCurrency] = useState(initial?.funding?.currency ?? "EUR");
  const [deadline, setDeadline] = useState(initial?.funding?.deadline ?? "");
  const [outcome, setOutcome] = useState<Outcome>(initial?.funding?.outcome ?? "pending");
  const [errors, setErrors] = useState<FieldErrors>({});
  const axes = useQuery({
    queryKey: ["agreements", "detail", agreement?.id ?? ""],
    queryFn: () => api.agreements.get(agreement?.id ?? ""),
    enabled: agreement !== null,
  });
  const isMobility = kind !== null && MOBILITY_KINDS.has(kind);
  const isBid = kind === "funding_bid";
  const err = (path: string) => show(errors[path]);

  const save = useMutation({
    mutationFn: async () => {
      const parsed = ActivityInput.safeParse({
        kind: kind ?? undefined,
        title,
        description: orNull(description),
        status,
        startsOn: orNull(startsOn),
        endsOn: orNull(endsOn),
        agreementId: agreement?.id ?? null,
        axisId: agreement ? axisId : null,
        partnerIds: partners.map((p) => p.id),
        ownerId: initial?.owner?.id ?? null,
        place: orNull(place),
        laboratories,
        mobility: isMobility ? { direction, level, academicYear: academicYear.trim(), count: num(count) ?? 0 } : null,
        funding: isBid
          ? {
              funder,
              programme: orNull(programme),
              amountAsked: num(asked),
              amountGranted: num(granted),
              currency,
              deadline: orNull(deadline),
              outcome,
            }
          : null,
      });
      if (!parsed.success) throw parsed.error;
      return initial ? api.activities.update(initial.id, parsed.data) : api.activities.create(parsed.data);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["activities"] });
      await queryClient.invalidateQueries({ queryKey: ["agreements"] });
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
      <Stack gap="lg">
        {save.isError && !(save.error instanceof ApiError) && (
          <Alert color="red" variant="light" role="alert" title={t("errors.validation_failed")}>
            {t("organisations.form.fixFields")}
          </Alert>
        )}
        {save.error instanceof ApiError && <ProblemAlert error={save.error} />}
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
                error={err("kind")}
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
              error={err("title")}
            />
            <Textarea
              label={t("activities.fields.description")}
              autosize
              minRows={2}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                type="date"
                label={t("activities.fields.startsOn")}
                value={startsOn}
                onChange={(e) => setStartsOn(e.currentTarget.value)}
                error={err("startsOn")}
              />
              <TextInput
                type="date"
                label={t("activities.fields.endsOn")}
                value={endsOn}
                onChange={(e) => setEndsOn(e.currentTarget.value)}
                error={err("endsOn")}
              />
              <TextInput
                label={t("activities.fields.place")}
                value={place}
                onChange={(e) => setPlace(e.currentTarget.value)}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t("activities.form.links")}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <AgreementPicker
                label={t("activities.fields.agreement")}
                value={agreement}
                onChange={(a) => {
                  setAgreement(a);
                  setAxisId(null);
                }}
                error={err("agreementId")}
              />
              <Select
                label={t("activities.fields.axis")}
                clearable
                disabled={!agreement}
                data={(axes.data?.axes ?? []).map((x) => ({ value: x.id, label: x.title }))}
                value={axisId}
                onChange={setAxisId}
                error={err("axisId")}
              />
            </SimpleGrid>
            <OrganisationsPicker
              label={t("activities.fields.partners")}
              value={partners}
              onChange={setPartners}
              error={err("partnerIds")}
            />
            <TagsInput
              label={t("activities.fields.laboratories")}
              description={t("agreements.form.themesHint")}
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
                error={err("mobility.academicYear")}
              />
              <NumberInput
                label={t("activities.fields.count")}
                min={1}
                allowDecimal={false}
                value={count}
                onChange={setCount}
                error={err("mobility.count")}
              />
            </SimpleGrid>
          </Fieldset>
        )}
        {isBid && (
          <Fieldset legend={t("activities.form.funding")}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t("activities.fields.funder")}
                required
                value={funder}
                onChange={(e) => setFunder(e.currentTarget.value)}
                error={err("funding.funder")}
              />
              <TextInput
                label={t("activities.fields.programme")}
                value={programme}
                onChange={(e) => setProgramme(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t("activities.fields.deadline")}
                value={deadline}
                onChange={(e) => setDeadline(e.currentTarget.value)}
              />
              <NumberInput
                label={t("activities.fields.amountAsked")}
                min={0}
                value={asked}
                onChange={setAsked}
                error={err("funding.amountAsked")}
              />
              <NumberInput
                label={t("activities.fields.amountGranted")}
                min={0}
                value={granted}
                onChange={setGranted}
                error={err("funding.amountGranted")}
              />
              <TextInput
                label={t("activities.fields.currency")}
                maxLength={3}
                value={currency}
                onChange={(e) => setCurrency(e.currentTarget.value)}
                error={err("funding.currency")}
              />
              <Select
                label={t("activities.fields.outcome")}
                allowDeselect={false}
                data={BID_OUTCOMES.map((o) => ({ value: o, label: t(`bidOutcomes.${o}`) }))}
                value={outcome}
                onChange={(v) => v && setOutcome(v as Outcome)}
              />
            </SimpleGrid>
          </Fieldset>
        )}
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
