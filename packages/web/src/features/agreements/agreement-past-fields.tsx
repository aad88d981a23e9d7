import { PAST_STATUSES } from "@conventio/domain";
import { Alert, Fieldset, Select, SimpleGrid, Stack, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PartialDateInput } from "../../ui/partial-date-input";
import type { AgreementDraft } from "./agreement-draft";
import { AgreementPicker } from "./agreement-picker";

/** How a past agreement stands when it is entered afterwards: its status and the agreement it renewed. */
export function PastAgreementFields({
  past,
  onChange,
  error,
}: {
  past: AgreementDraft["past"];
  onChange: (past: AgreementDraft["past"]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<AgreementDraft["past"]>) => onChange({ ...past, ...patch });
  return (
    <Fieldset legend={t("agreements.past.legend")}>
      <Stack>
        <Alert color="gray">{t("agreements.past.explain")}</Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("agreements.past.status")}
            required
            allowDeselect={false}
            data={PAST_STATUSES.map((s) => ({ value: s, label: t(`agreements.past.statuses.${s}`) }))}
            value={past.status}
            onChange={(v) => v && set({ status: v as AgreementDraft["past"]["status"] })}
            error={error("status")}
          />
          <AgreementPicker
            label={t("agreements.past.predecessor")}
            value={past.predecessor}
            onChange={(predecessor) => set({ predecessor })}
            error={error("predecessorId")}
          />
        </SimpleGrid>
        {past.status === "terminated" && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PartialDateInput
              label={t("agreements.past.terminatedOn")}
              value={past.terminatedOn}
              onChange={(terminatedOn) => set({ terminatedOn })}
              error={error("terminatedOn")}
            />
            <Textarea
              label={t("agreements.past.terminationReason")}
              autosize
              value={past.terminationReason}
              onChange={(e) => set({ terminationReason: e.currentTarget.value })}
              error={error("terminationReason")}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}
