import { Alert, List, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, type Candidate } from "../../lib/api";
import { useMessage } from "../../lib/messages";
import { AnchorLink } from "../../ui/links";

interface Draft {
  name: string;
  website: string;
  countryCode: string | null;
  city: string;
}

export function CandidateList({ candidates }: { candidates: readonly Candidate[] }) {
  const show = useMessage();
  return (
    <List size="sm" spacing={2}>
      {candidates.map((c) => (
        <List.Item key={c.id}>
          <AnchorLink to="/organisations/$organisationId" params={{ organisationId: c.id }} target="_blank">
            {c.name}
          </AnchorLink>{" "}
          <Text span size="sm">
            ({show({ text: c.reason, key: c.reasonKey, params: c.reasonParams })})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** Warns while the user types that the organisation may already be recorded, before they save. */
export function DuplicateHint({ draft, self }: { draft: Draft; self?: string }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(draft, 400);
  const name = debounced.name.trim();
  const suggestions = useQuery({
    queryKey: ["organisations", "duplicates", debounced],
    queryFn: () =>
      api.organisations.suggestDuplicates({
        name,
        website: debounced.website.trim() || null,
        countryCode: debounced.countryCode,
        city: debounced.city.trim() || null,
      }),
    enabled: name.length >= 3,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const candidates = (suggestions.data?.candidates ?? []).filter((c) => c.id !== self);
  // The live region stays mounted so that a warning appearing in it is announced.
  return (
    <div aria-live="polite">
      {name.length >= 3 && candidates.length > 0 && (
        <Alert color="yellow" variant="light" title={t("organisations.form.maybeDuplicate")}>
          <CandidateList candidates={candidates} />
        </Alert>
      )}
    </div>
  );
}
