import type { UnitNode } from "@conventio/domain";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../ui/links";
import { Shown } from "../portal/shown";

function Branch({ nodes }: { nodes: readonly UnitNode[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {nodes.map((node) => (
        <li key={node.id}>
          <AnchorLink to="/organisations/$organisationId" params={{ organisationId: node.id }}>
            <Shown value={node.shown} />
          </AnchorLink>{" "}
          <Text span size="sm" c="dimmed">
            · {t(`kinds.${node.kind}`)}
          </Text>
          {node.children.length > 0 && <Branch nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

/** Faculties, schools, laboratories: the units below an organisation, nested as they are. */
export function UnitTree({ units }: { units: readonly UnitNode[] }) {
  const { t } = useTranslation();
  if (units.length === 0) return <Text c="dimmed">{t("organisations.detail.noUnits")}</Text>;
  return (
    <div className="tree">
      <Branch nodes={units} />
    </div>
  );
}
