import type { AgreementRef } from "@conventio/domain";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../ui/links";
import { Shown } from "../portal/shown";
import { StatusBadge } from "./agreement-labels";

const year = (date: string | null) => (date ? date.slice(0, 4) : "…");

/** The renewal chain, oldest first, as a sequence of linked steps; the current one is marked. */
export function RenewalChain({ chain, currentId }: { chain: readonly AgreementRef[]; currentId: string }) {
  const { t } = useTranslation();
  if (chain.length <= 1) return <Text c="dimmed">{t("agreements.detail.noChain")}</Text>;
  return (
    <ol className="renewal-chain" aria-label={t("agreements.detail.chain")}>
      {chain.map((a) => {
        const current = a.id === currentId;
        return (
          <li key={a.id} className={current ? "current" : undefined} aria-current={current ? "step" : undefined}>
            <Text fw={700} size="lg">
              {year(a.startsOn)}–{year(a.endsOn)}
            </Text>
            {current ? (
              <Text size="sm" fw={600}>
                {a.reference}
              </Text>
            ) : (
              <AnchorLink to="/agreements/$agreementId" params={{ agreementId: a.id }} size="sm">
                {a.reference}
              </AnchorLink>
            )}
            <Text size="xs" lineClamp={2}>
              <Shown value={a.shown} />
            </Text>
            <StatusBadge status={a.status} />
          </li>
        );
      })}
    </ol>
  );
}
