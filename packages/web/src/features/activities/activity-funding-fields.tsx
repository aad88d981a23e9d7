import { type ActivityKind, BID_OUTCOMES } from "@conventio/domain";
import { Fieldset, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PartialDateInput } from "../../ui/partial-date-input";
import { carriesFunding, type FundingDraft } from "./activity-funding";

/**
 * Who funds an activity, how much, and for which period. A funding bid always has it; any other
 * activity (a research project with a grant, a scholarship, a seminar with a sponsor) once marked as funded.
 */
export function FundingFields({
  kind,
  draft,
  onChange,
  error,
}: {
  kind: ActivityKind | null;
  draft: FundingDraft;
  onChange: (patch: Partial<FundingDraft>) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const isBid = kind === "funding_bid";
  return (
    <Fieldset legend={t("activities.form.funding")}>
      <Stack>
        {!isBid && (
          <Switch
            label={t("facts.funding.offer")}
            description={t("facts.funding.offerHint")}
            checked={draft.funded}
            onChange={(e) => onChange({ funded: e.currentTarget.checked })}
          />
        )}
        {carriesFunding(kind, draft) && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("activities.fields.funder")}
              required
              value={draft.funder}
              onChange={(e) => onChange({ funder: e.currentTarget.value })}
              error={error("funding.funder")}
            />
            <TextInput
              label={t("activities.fields.programme")}
              value={draft.programme}
              onChange={(e) => onChange({ programme: e.currentTarget.value })}
              error={error("funding.programme")}
            />
            <TextInput
              type="date"
              label={t("activities.fields.deadline")}
              value={draft.deadline}
              onChange={(e) => onChange({ deadline: e.currentTarget.value })}
              error={error("funding.deadline")}
            />
            <NumberInput
              label={t("activities.fields.amountAsked")}
              min={0}
              value={draft.asked}
              onChange={(asked) => onChange({ asked })}
              error={error("funding.amountAsked")}
            />
            <NumberInput
              label={t("activities.fields.amountGranted")}
              min={0}
              value={draft.granted}
              onChange={(granted) => onChange({ granted })}
              error={error("funding.amountGranted")}
            />
            <TextInput
              label={t("activities.fields.currency")}
              maxLength={3}
              value={draft.currency}
              onChange={(e) => onChange({ currency: e.currentTarget.value })}
              error={error("funding.currency")}
            />
            <Select
              label={t("activities.fields.outcome")}
              allowDeselect={false}
              data={BID_OUTCOMES.map((o) => ({ value: o, label: t(`bidOutcomes.${o}`) }))}
              value={draft.outcome}
              onChange={(v) => {
                const outcome = BID_OUTCOMES.find((o) => o === v);
                if (outcome) onChange({ outcome });
              }}
            />
            <PartialDateInput
              label={t("facts.funding.periodFrom")}
              value={draft.startsOn}
              onChange={(startsOn) => onChange({ startsOn })}
              error={error("funding.startsOn")}
            />
            <PartialDateInput
              label={t("facts.funding.periodUntil")}
              value={draft.endsOn}
              onChange={(endsOn) => onChange({ endsOn })}
              error={error("funding.endsOn")}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}
