import type { OrganisationRef } from "@conventio/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OrganisationPicker } from "./organisation-picker";
import { organisationQuery } from "./organisation-queries";

/**
 * A list's filter by partner: an organisation picked by name, kept in the address by its id. A
 * list opened with a partner already set (from the organisation's page, a saved view, a shared
 * link) names that organisation in the field, so the filter is seen and can be cleared.
 */
export function PartnerFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (organisationId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<OrganisationRef | null>(null);
  const known = useQuery({
    ...organisationQuery(value ?? ""),
    enabled: value !== undefined && picked?.id !== value,
  });
  const shown: OrganisationRef | null =
    value === undefined
      ? null
      : picked?.id === value
        ? picked
        : known.data
          ? { id: known.data.id, name: known.data.name, shown: known.data.shown, kind: known.data.kind }
          : known.isError
            ? // Deleted or out of reach: the filter still shows, so it can be cleared.
              { id: value, name: t("organisations.unknownPartner"), shown: { text: "", lang: null }, kind: "other" }
            : null;
  return (
    <OrganisationPicker
      label={label}
      value={shown}
      onChange={(org) => {
        setPicked(org);
        onChange(org?.id);
      }}
    />
  );
}
