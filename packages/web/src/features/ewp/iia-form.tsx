import { Iia, type IiaDraft, type IiaView } from "@conventio/domain";
import { Button, Fieldset, Group, Stack, Switch, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { iias } from "../../lib/api/ewp";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { RowGroup } from "../agreements/form-rows";
import { ewpKeys } from "./ewp-queries";
import { type IiaFormDraft, iiaFormDraftOf, iiaInputOf, newSpec, type PartnerDraft, type SpecDraft } from "./iia-draft";
import { IiaPartnerFields } from "./iia-partner-fields";
import { IiaSpecFields } from "./iia-spec-fields";

interface Props {
  agreementId: string;
  /** The agreement's reference: our iia-code. */
  reference: string;
  /** Our stored copy, or the server's first draft when the agreement has none yet. */
  initial: Iia | IiaDraft;
  /** Viewers see the copy as the form shows it, without changing it. */
  readOnly: boolean;
  onSaved?: (view: IiaView) => void;
}

/** Our copy of the IIA: both partners, whether it is in effect, and the mobility specifications. */
export function IiaForm({ agreementId, reference, initial, readOnly, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<IiaFormDraft>(() => iiaFormDraftOf(initial));
  const setPartner = (index: number, patch: Partial<PartnerDraft>) =>
    setDraft((d) => ({ ...d, partners: d.partners.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  const setSpec = (index: number, patch: Partial<SpecDraft>) =>
    setDraft((d) => ({ ...d, specs: d.specs.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));

  const form = useSchemaForm({
    schema: Iia,
    read: () => iiaInputOf(draft),
    send: (input: Iia) => iias.save(agreementId, input),
    onSaved: (view) => {
      queryClient.setQueryData(ewpKeys.iia(agreementId), view);
      // A saved change puts a notification for the partner in the outbox.
      void queryClient.invalidateQueries({ queryKey: ewpKeys.exchange(agreementId) });
      // The stored copy lists the mobilities in the XML's order: the form follows it, so that row
      // numbers match the comparison with the partner's copy.
      setDraft(iiaFormDraftOf(view.iia));
      onSaved?.(view);
    },
  });

  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-label={t("iia.form.heading")}>
      <fieldset disabled={readOnly} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Stack gap="lg">
          <FormProblem form={form} />
          {draft.partners.map((partner, i) => (
            <IiaPartnerFields
              // Always two partners, ours first: the position is the identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              index={i}
              partner={partner}
              reference={reference}
              onChange={(patch) => setPartner(i, patch)}
              error={form.error}
            />
          ))}
          {form.error("partners") && (
            <Text c="red.8" size="sm" role="alert">
              {form.error("partners")}
            </Text>
          )}
          <Fieldset legend={t("iia.form.status")}>
            <Stack gap="sm">
              <Switch
                label={t("iia.form.inEffect")}
                description={t("iia.form.inEffectHint")}
                checked={draft.inEffect}
                onChange={(e) => {
                  const inEffect = e.currentTarget.checked;
                  setDraft((d) => ({ ...d, inEffect }));
                }}
              />
              <Switch
                label={t("iia.form.terminated")}
                description={t("iia.form.terminatedHint")}
                checked={draft.terminatedAsAWhole}
                onChange={(e) => {
                  const terminatedAsAWhole = e.currentTarget.checked;
                  setDraft((d) => ({ ...d, terminatedAsAWhole }));
                }}
              />
            </Stack>
          </Fieldset>
          <RowGroup
            legend={t("iia.form.specs")}
            error={form.error("mobilitySpecs")}
            rows={draft.specs}
            rowLabel={(n) => t("iia.form.spec", { n })}
            onRemove={(index) => setDraft((d) => ({ ...d, specs: d.specs.filter((_, i) => i !== index) }))}
            addLabel={t("iia.form.addSpec")}
            onAdd={() => setDraft((d) => ({ ...d, specs: [...d.specs, newSpec(d.partners)] }))}
          >
            {(spec, i) => (
              <IiaSpecFields
                index={i}
                spec={spec}
                draft={draft}
                onChange={(patch) => setSpec(i, patch)}
                error={form.error}
              />
            )}
          </RowGroup>
          {!readOnly && (
            <Group>
              <Button type="submit" loading={form.mutation.isPending}>
                {t("iia.form.save")}
              </Button>
              <div role="status">
                {form.mutation.isSuccess && !form.mutation.isPending && <Text size="sm">{t("iia.form.saved")}</Text>}
              </div>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
