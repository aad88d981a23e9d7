import { type BodyView, MemberInput, type OrganisationRef } from "@conventio/domain";
import { Button, Checkbox, Group, SimpleGrid, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import type { CloseForm } from "../../ui/open-on-demand";
import { agreementKeys } from "../agreements/agreement-queries";
import { OrganisationPicker } from "../organisations/organisation-picker";
import { PersonPicker, type PersonRef } from "../people/person-picker";

interface MemberDraft {
  person: PersonRef | null;
  organisation: OrganisationRef | null;
  role: string;
  startsOn: string;
  endsOn: string;
  studentRepresentative: boolean;
}

const EMPTY: MemberDraft = {
  person: null,
  organisation: null,
  role: "",
  startsOn: "",
  endsOn: "",
  studentRepresentative: false,
};

/**
 * Adds a member to a body: a person, the organisation they sit for (for a student
 * representative, their union) and their role, entered together. `onClose` closes it after a
 * save (announcing the new member) or on Cancel.
 */
export function AddMemberForm({ body, onClose }: { body: BodyView; onClose?: CloseForm }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [draft, setDraft] = useState<MemberDraft>(EMPTY);
  const set = <K extends keyof MemberDraft>(key: K, value: MemberDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const form = useSchemaForm({
    schema: MemberInput,
    read: () => ({
      personId: draft.person?.id ?? null,
      organisationId: draft.organisation?.id ?? null,
      role: draft.role,
      startsOn: draft.startsOn || null,
      endsOn: draft.endsOn || null,
      studentRepresentative: draft.studentRepresentative,
    }),
    send: (input) => api.governance.addMember(body.id, input),
    onSaved: async () => {
      const name = [draft.person?.name, draft.organisation?.name].filter(Boolean).join(" · ");
      setDraft(EMPTY);
      await queryClient.invalidateQueries({ queryKey: agreementKeys.bodies(body.agreementId) });
      onClose?.(t("governance.memberAdded", { name, group: body.name }));
    },
  });
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby={headingId}>
      <Title order={4} size="h6" id={headingId} mt="sm" mb="xs">
        {t("governance.addMemberTo", { name: body.name })}
      </Title>
      <FormProblem form={form} quiet />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <PersonPicker
          label={t("governance.person")}
          value={draft.person}
          onChange={(person) => set("person", person)}
          error={form.error("personId")}
        />
        <OrganisationPicker
          label={t("governance.organisation")}
          description={t("facts.member.organisationHint")}
          value={draft.organisation}
          onChange={(organisation) => set("organisation", organisation)}
          error={form.error("organisationId")}
        />
        <TextInput
          label={t("governance.role")}
          placeholder={t("governance.rolePlaceholder")}
          required
          value={draft.role}
          onChange={(e) => set("role", e.currentTarget.value)}
          error={form.error("role")}
        />
        <TextInput
          type="date"
          label={t("governance.mandateFrom")}
          value={draft.startsOn}
          onChange={(e) => set("startsOn", e.currentTarget.value)}
          error={form.error("startsOn")}
        />
        <TextInput
          type="date"
          label={t("governance.mandateUntil")}
          value={draft.endsOn}
          onChange={(e) => set("endsOn", e.currentTarget.value)}
          error={form.error("endsOn")}
        />
        <Checkbox
          mt={30}
          label={t("governance.studentRepresentative")}
          checked={draft.studentRepresentative}
          onChange={(e) => set("studentRepresentative", e.currentTarget.checked)}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit" size="sm" variant="light" loading={form.mutation.isPending}>
          {t("governance.addMember")}
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
