import type { ImportKind } from "@conventio/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink, ButtonLink } from "../../ui/links";

/** A link to one imported record's page. */
export function RecordLink({ kind, id, children }: { kind: ImportKind; id: string; children: ReactNode }) {
  switch (kind) {
    case "organisations":
      return (
        <AnchorLink to="/organisations/$organisationId" params={{ organisationId: id }}>
          {children}
        </AnchorLink>
      );
    case "people":
      return (
        <AnchorLink to="/people/$personId" params={{ personId: id }}>
          {children}
        </AnchorLink>
      );
    case "agreements":
      return (
        <AnchorLink to="/agreements/$agreementId" params={{ agreementId: id }}>
          {children}
        </AnchorLink>
      );
    case "activities":
      return (
        <AnchorLink to="/activities/$activityId" params={{ activityId: id }}>
          {children}
        </AnchorLink>
      );
    case "events":
      return (
        <AnchorLink to="/events/$eventId" params={{ eventId: id }}>
          {children}
        </AnchorLink>
      );
  }
}

const LIST_PATHS = {
  organisations: "/organisations",
  people: "/people",
  agreements: "/agreements",
  activities: "/activities",
  events: "/events",
} as const satisfies Record<ImportKind, string>;

/** The list page of the kind just imported. */
export function ListLink({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  return <ButtonLink to={LIST_PATHS[kind]}>{t(`imports.openList.${kind}`)}</ButtonLink>;
}
