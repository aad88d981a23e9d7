import { BODY_KINDS, CreateBodyInput } from "@conventio/domain";
import { Button, Group, Select, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { type CloseForm, OpenOnDemand } from "../../ui/open-on-demand";
import { Section } from "../../ui/section";
import { agreementKeys } from "../agreements/agreement-queries";

type BodyKind = (typeof BODY_KINDS)[number];

/** Adds a steering group or a working group to a partnership, behind a button of its own. */
export function AddBodyForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  return (
    <OpenOnDemand label={t("governance.addBody")}>
      {(close) => (
        <Section title={t("governance.addBody")}>
          <BodyForm agreementId={agreementId} onClose={close} />
        </Section>
      )}
    </OpenOnDemand>
  );
}

function BodyForm({ agreementId, onClose }: { agreementId: string; onClose: CloseForm }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<{ kind: BodyKind; name: string; theme: string }>({
    kind: "working_group",
    name: "",
    theme: "",
  });
  const form = useSchemaForm({
    schema: CreateBodyInput,
    read: () => ({ agreementId, kind: draft.kind, name: draft.name, theme: draft.theme.trim() || null }),
    send: (input) => api.governance.createBody(input),
    onSaved: async () => {
      const name = draft.name;
      setDraft((d) => ({ ...d, name: "", theme: "" }));
      await queryClient.invalidateQueries({ queryKey: agreementKeys.bodies(agreementId) });
      onClose(t("governance.bodyCreated", { name }));
    },
  });
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-label={t("governance.addBody")}>
      <FormProblem form={form} quiet />
      <Group align="flex-start" wrap="wrap">
        <Select
          label={t("governance.bodyKind")}
          allowDeselect={false}
          data={BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKinds.${k}`) }))}
          value={draft.kind}
          onChange={(v) => {
            const kind = BODY_KINDS.find((k) => k === v);
            if (kind) setDraft((d) => ({ ...d, kind }));
          }}
          w={220}
        />
        <TextInput
          label={t("governance.bodyName")}
          required
          value={draft.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setDraft((d) => ({ ...d, name }));
          }}
          error={form.error("name")}
        />
        <TextInput
          label={t("governance.bodyTheme")}
          value={draft.theme}
          onChange={(e) => {
            const theme = e.currentTarget.value;
            setDraft((d) => ({ ...d, theme }));
          }}
          error={form.error("theme")}
        />
        <Button type="submit" mt={25} loading={form.mutation.isPending}>
          {t("governance.createBody")}
        </Button>
        <Button mt={25} variant="default" onClick={() => onClose()}>
          {t("common.cancel")}
        </Button>
      </Group>
    </form>
  );
}
