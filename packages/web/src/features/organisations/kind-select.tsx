import { ORGANISATION_KINDS, type OrganisationKind } from "@conventio/domain";
import { Badge, Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Props = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: OrganisationKind | null;
  onChange: (kind: OrganisationKind | null) => void;
};

function isKind(value: string | null): value is OrganisationKind {
  return ORGANISATION_KINDS.some((k) => k === value);
}

/** The kinds of organisation, named in the current language. */
export function KindSelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      data={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      value={value}
      onChange={(v) => onChange(isKind(v) ? v : null)}
      allowDeselect={false}
      {...rest}
    />
  );
}

export function KindBadge({ kind }: { kind: OrganisationKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="blue" radius="sm" tt="none" size="md" fw={600}>
      {t(`kinds.${kind}`)}
    </Badge>
  );
}

export function VisibilityBadge({ visibility }: { visibility: "public" | "internal" }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={visibility === "public" ? "teal" : "gray"} radius="sm" tt="none" size="md" fw={600}>
      {t(`visibility.${visibility}`)}
    </Badge>
  );
}
