import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "./links";

/** The lists a detail page belongs to. */
export type TrailPath = "/agreements" | "/organisations" | "/people" | "/activities" | "/events" | "/news";

/**
 * Where a detail page sits: its list, then the page itself, marked as the current page.
 * The separators are drawn, not read.
 */
export function Breadcrumbs({
  trail,
  current,
  currentLang,
}: {
  trail: readonly { label: string; to: TrailPath }[];
  current: string;
  /** The current page's language when it is not the page's, e.g. a French title on an English page. */
  currentLang?: string | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("breadcrumbs.label")}>
      <Text
        component="ol"
        size="sm"
        m={0}
        p={0}
        style={{ listStyle: "none", display: "flex", flexWrap: "wrap", gap: "0.25rem", overflowWrap: "anywhere" }}
      >
        {trail.map((step) => (
          <li key={step.to}>
            <AnchorLink to={step.to} activeOptions={{ exact: true }}>
              {step.label}
            </AnchorLink>
            <span aria-hidden="true" style={{ marginInlineStart: "0.25rem" }}>
              ›
            </span>
          </li>
        ))}
        <li>
          <span aria-current="page" lang={currentLang ?? undefined}>
            {current}
          </span>
        </li>
      </Text>
    </nav>
  );
}
