import {
  BODY_KINDS,
  type BodyView,
  CreateBodyInput,
  MeetingInput,
  type MeetingView,
  MemberInput,
  type OrganisationRef,
} from "@conventio/domain";
import {
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useFormatDate, useFormatPeriod } from "../../lib/format";
import { useCan } from "../../lib/session";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";
import { RemoveButton } from "../../ui/remove-button";
import { Section } from "../../ui/section";
import { TableHead } from "../../ui/table-head";
import { agreementKeys } from "../agreements/agreement-queries";
import { OrganisationPicker } from "../organisations/organisation-picker";
import { PersonPicker, type PersonRef } from "../people/person-picker";
import { ActionTable, NewActionForm } from "./action-items";

type BodyKind = (typeof BODY_KINDS)[number];

function AddBodyForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<BodyKind>("working_group");
  const [name, setName] = useState("");
  const [theme, setTheme] = useState("");
  const form = useSchemaForm({
    schema: CreateBodyInput,
    read: () => ({ agreementId, kind, name, theme: theme.trim() || null }),
    send: (input) => api.governance.createBody(input),
    onSaved: () => {
      setName("");
      setTheme("");
      void queryClient.invalidateQueries({ queryKey: agreementKeys.bodies(agreementId) });
    },
  });
  const create = form.mutation;
  return (
    <Section title={t("governance.addBody")}>
      <form ref={form.ref} onSubmit={form.submit} noValidate aria-label={t("governance.addBody")}>
        <FormProblem form={form} quiet />
        <Group align="flex-start" wrap="wrap">
          <Select
            label={t("governance.bodyKind")}
            allowDeselect={false}
            data={BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as BodyKind)}
            w={220}
          />
          <TextInput
            label={t("governance.bodyName")}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.error("name")}
          />
          <TextInput
            label={t("governance.bodyTheme")}
            value={theme}
            onChange={(e) => setTheme(e.currentTarget.value)}
            error={form.error("theme")}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t("governance.createBody")}
          </Button>
        </Group>
      </form>
    </Section>
  );
}

function AddMemberForm({ body }: { body: BodyView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [person, setPerson] = useState<PersonRef | null>(null);
  const [organisation, setOrganisation] = useState<OrganisationRef | null>(null);
  const [role, setRole] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [student, setStudent] = useState(false);
  const form = useSchemaForm({
    schema: MemberInput,
    read: () => ({
      personId: person?.id ?? null,
      organisationId: organisation?.id ?? null,
      role,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      studentRepresentative: student,
    }),
    send: (input) => api.governance.addMember(body.id, input),
    onSaved: () => {
      setPerson(null);
      setOrganisation(null);
      setRole("");
      setStartsOn("");
      setEndsOn("");
      setStudent(false);
      void queryClient.invalidateQueries({ queryKey: agreementKeys.bodies(body.agreementId) });
    },
  });
  const add = form.mutation;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby={headingId}>
      <Title order={4} size="h6" id={headingId} mt="sm" mb="xs">
        {t("governance.addMemberTo", { name: body.name })}
      </Title>
      <FormProblem form={form} quiet />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <PersonPicker
          label={t("governance.person")}
          value={person}
          onChange={setPerson}
          error={form.error("personId")}
        />
        <OrganisationPicker
          label={t("governance.organisation")}
          value={organisation}
          onChange={setOrganisation}
          error={form.error("organisationId")}
        />
        <TextInput
          label={t("governance.role")}
          placeholder={t("governance.rolePlaceholder")}
          required
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          error={form.error("role")}
        />
        <TextInput
          type="date"
          label={t("governance.mandateFrom")}
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
          error={form.error("startsOn")}
        />
        <TextInput
          type="date"
          label={t("governance.mandateUntil")}
          value={endsOn}
          onChange={(e) => setEndsOn(e.currentTarget.value)}
          error={form.error("endsOn")}
        />
        <Checkbox
          mt={30}
          label={t("governance.studentRepresentative")}
          checked={student}
          onChange={(e) => setStudent(e.currentTarget.checked)}
        />
      </SimpleGrid>
      <Button type="submit" mt="sm" size="sm" variant="light" loading={add.isPending}>
        {t("governance.addMember")}
      </Button>
    </form>
  );
}

/** Records a meeting of a body, or corrects one already recorded (`initial`). */
function MeetingForm({ body, initial, onDone }: { body: BodyView; initial?: MeetingView; onDone?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [heldOn, setHeldOn] = useState(initial?.heldOn ?? "");
  const [place, setPlace] = useState(initial?.place ?? "");
  const [agenda, setAgenda] = useState(initial?.agenda ?? "");
  const [minutes, setMinutes] = useState(initial?.minutes ?? "");
  const [decisions, setDecisions] = useState((initial?.decisions ?? []).join("\n"));
  const form = useSchemaForm({
    schema: MeetingInput,
    read: () => ({
      heldOn,
      place: place.trim() || null,
      agenda: agenda.trim() || null,
      minutes: minutes.trim() || null,
      decisions: decisions
        .split("\n")
        .map((d) => d.trim())
        .filter(Boolean),
    }),
    send: (input) =>
      initial ? api.governance.updateMeeting(initial.id, input) : api.governance.recordMeeting(body.id, input),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: agreementKeys.bodies(body.agreementId) });
      if (onDone) return onDone();
      setHeldOn("");
      setPlace("");
      setAgenda("");
      setMinutes("");
      setDecisions("");
      void queryClient.invalidateQueries({ queryKey: agreementKeys.bodies(body.agreementId) });
    },
  });
  const record = form.mutation;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby={headingId}>
      <Title order={4} size="h6" id={headingId} mt="sm" mb="xs">
        {initial
          ? t("governance.editMeetingOf", { name: body.name, date: initial.heldOn })
          : t("governance.recordMeetingOf", { name: body.name })}
      </Title>
      <FormProblem form={form} quiet />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t("governance.heldOn")}
          required
          value={heldOn}
          onChange={(e) => setHeldOn(e.currentTarget.value)}
          error={form.error("heldOn")}
        />
        <TextInput label={t("governance.place")} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
        <Textarea
          label={t("governance.agenda")}
          autosize
          value={agenda}
          onChange={(e) => setAgenda(e.currentTarget.value)}
        />
        <Textarea
          label={t("governance.minutes")}
          autosize
          value={minutes}
          onChange={(e) => setMinutes(e.currentTarget.value)}
        />
        <Textarea
          label={t("governance.decisions")}
          description={t("agreements.form.onePerLine")}
          autosize
          value={decisions}
          onChange={(e) => setDecisions(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit" size="sm" variant="light" loading={record.isPending}>
          {initial ? t("governance.saveMeeting") : t("governance.recordMeeting")}
        </Button>
        {onDone && (
          <Button size="sm" variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        )}
      </Group>
    </form>
  );
}

function BodyCard({ body }: { body: BodyView }) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  const formatDate = useFormatDate();
  const canEdit = useCan("editor");
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (memberId: string) => api.governance.removeMember(body.id, memberId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agreementKeys.bodies(body.agreementId) }),
  });
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
      {remove.isError && <ProblemAlert error={remove.error} />}
      {body.members.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4}>
            <TableHead
              columns={[t("governance.member"), t("governance.role"), t("governance.mandate")]}
              actions={canEdit}
            />
            <Table.Tbody>
              {body.members.map((m) => {
                const name = [m.person?.name, m.organisation?.name].filter(Boolean).join(" · ");
                return (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      {name}
                      {m.studentRepresentative && (
                        <Badge ml="xs" size="sm" color="grape" variant="light" tt="none">
                          {t("governance.studentRepresentative")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{m.role}</Table.Td>
                    <Table.Td>{period(m.startsOn, m.endsOn)}</Table.Td>
                    {canEdit && (
                      <Table.Td ta="right">
                        <RemoveButton
                          label={t("governance.removeMember", { name })}
                          onClick={() => remove.mutate(m.id)}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && <AddMemberForm body={body} />}

      <Title order={3} size="h5" mt="lg" mb="xs">
        {t("governance.meetings", { count: body.meetings.length })}
      </Title>
      <Stack gap="md">
        {body.meetings.map((m) =>
          editing === m.id ? (
            <MeetingForm key={m.id} body={body} initial={m} onDone={() => setEditing(null)} />
          ) : (
            <article key={m.id} className="meeting" aria-labelledby={`meeting-${m.id}`}>
              <Group justify="space-between" align="flex-start">
                <Text fw={600} id={`meeting-${m.id}`}>
                  {formatDate(m.heldOn)}
                  {m.place && ` · ${m.place}`}
                </Text>
                {canEdit && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setEditing(m.id)}
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
                <>
                  <Text size="sm" fw={600} mt="xs" id={`meeting-action-${m.id}`}>
                    {t("governance.actionFromMeeting")}
                  </Text>
                  <NewActionForm agreementId={body.agreementId} meetingId={m.id} headingId={`meeting-action-${m.id}`} />
                </>
              )}
            </article>
          ),
        )}
      </Stack>
      {canEdit && <MeetingForm body={body} />}
    </Section>
  );
}

/** The bodies that run a partnership, their members and meetings, and its action items. */
export function GovernancePanel({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const canEdit = useCan("editor");
  const bodies = useQuery({
    queryKey: agreementKeys.bodies(agreementId),
    queryFn: () => api.agreements.bodies(agreementId),
  });
  const actions = useQuery({
    queryKey: agreementKeys.actions(agreementId),
    queryFn: () => api.agreements.actions(agreementId),
  });
  if (bodies.isError) return <ProblemAlert error={bodies.error} />;
  if (!bodies.data) return <Loading />;
  return (
    <Stack gap="lg">
      {bodies.data.items.length === 0 && <Text c="dimmed">{t("governance.noBodies")}</Text>}
      {bodies.data.items.map((b) => (
        <BodyCard key={b.id} body={b} />
      ))}
      {canEdit && <AddBodyForm agreementId={agreementId} />}
      <Section title={t("governance.actions")}>
        {actions.isError && <ProblemAlert error={actions.error} />}
        <ActionTable items={actions.data?.items ?? []} />
        {canEdit && (
          <>
            <Title order={3} size="h5" id="standalone-action" mt="md" mb="xs">
              {t("governance.newAction")}
            </Title>
            <NewActionForm agreementId={agreementId} headingId="standalone-action" />
          </>
        )}
      </Section>
    </Stack>
  );
}
